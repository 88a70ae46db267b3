// A stored value the background reads on every auto-fill (the settings, auto-fill's choices),
// kept in memory after its first read so the step waiting on a fill never waits on storage. Memory
// follows storage: our own set() replaces it, and any other change to the key (another of our
// pages, sync, devtools) drops it (storage.onChanged → drop()), so the next read is from storage.
export interface Remembered<T> {
  get(): Promise<T>;
  set(value: T): Promise<void>;
  /** Storage changed behind our back: read it again next time. */
  drop(): void;
}

export function remembered<T>(stored: { get(): Promise<T>; set(value: T): Promise<void> }): Remembered<T> {
  let held: Promise<T> | undefined;
  // Bumped by every drop() and set(): a read that started before one must not fill memory after it.
  let generation = 0;
  return {
    get() {
      if (held) return held;
      const at = generation;
      const read = stored.get();
      held = read;
      read.then(
        () => {
          if (generation !== at && held === read) held = undefined;
        },
        () => {
          if (held === read) held = undefined; // a failed read is not remembered
        },
      );
      return read;
    },
    async set(value) {
      const at = ++generation;
      held = undefined;
      await stored.set(value);
      // Remembered only if nothing changed storage meanwhile; else the next read asks storage.
      if (generation === at) held = Promise.resolve(value);
    },
    drop() {
      generation++;
      held = undefined;
    },
  };
}
