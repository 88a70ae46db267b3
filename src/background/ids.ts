/** Unique ids that sort by creation time (the event log relies on that order). */
export function createIdSource(now: () => number): () => string {
  let last = '';
  let counter = 0;
  return () => {
    const time = now().toString(36).padStart(9, '0');
    counter = time === last ? counter + 1 : 0;
    last = time;
    const rand = crypto.getRandomValues(new Uint8Array(6));
    const tail = [...rand].map((b) => b.toString(16).padStart(2, '0')).join('');
    return `${time}${counter.toString(36).padStart(3, '0')}${tail}`;
  };
}
