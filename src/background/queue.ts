/**
 * One line for every change to the vault. Fill requests, outcomes, captures and popup edits run
 * strictly one after another, so two tabs asking at the same instant are decided in turn and a
 * reserved code is visible to the next request before it is decided.
 */
export function createQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return function run<T>(task: () => Promise<T>): Promise<T> {
    const result = tail.then(task, task);
    tail = result.catch(() => undefined);
    return result;
  };
}

export type Queue = ReturnType<typeof createQueue>;
