// A worker that can die at any write. Every write the background makes — an IndexedDB put, add,
// delete or clear, and a storage.session / storage.local set or remove — is a numbered step; when
// `killAt` is reached the write throws before it is issued, the open transaction is aborted (as
// the browser discards an uncommitted transaction of a dead worker) and every later write throws
// too: a dead worker does nothing more. A revived worker is then built over the same storage.
import 'fake-indexeddb/auto';
import { IDBObjectStore } from 'fake-indexeddb';
import { afterAll, beforeAll } from 'vitest';
import { memoryKv } from '../background/rig';

export class WorkerDied extends Error {
  override name = 'WorkerDied';
}

export class Mortality {
  steps = 0;
  killAt = Number.POSITIVE_INFINITY;
  dead = false;
  /** What each step was, for failure messages ("put codes", "set pendingCaptures"). */
  log: string[] = [];

  /** Counts writes from now on and dies at the k-th (Infinity: never). */
  arm(killAt: number): void {
    this.steps = 0;
    this.killAt = killAt;
    this.dead = false;
    this.log = [];
  }

  /** The worker is gone; what follows runs in a new one. */
  disarm(): void {
    this.killAt = Number.POSITIVE_INFINITY;
    this.dead = false;
  }

  step(what: string): void {
    if (this.dead) throw new WorkerDied(`already dead (${what})`);
    this.steps += 1;
    this.log.push(what);
    if (this.steps >= this.killAt) {
      this.dead = true;
      throw new WorkerDied(`killed at step ${this.steps} (${what})`);
    }
  }
}

type Method = 'put' | 'add' | 'delete' | 'clear';
const WRITES: Method[] = ['put', 'add', 'delete', 'clear'];

/** Installs the IndexedDB hooks for the whole test file; returns the shared Mortality. */
export function useMortality(): Mortality {
  const mortality = new Mortality();
  const proto = IDBObjectStore.prototype as unknown as Record<Method, (...args: unknown[]) => unknown>;
  const originals = new Map<Method, (...args: unknown[]) => unknown>();
  beforeAll(() => {
    for (const method of WRITES) {
      const original = proto[method];
      originals.set(method, original);
      proto[method] = function (this: IDBObjectStore, ...args: unknown[]) {
        try {
          mortality.step(`${method} ${this.name}`);
        } catch (e) {
          // The worker is gone before this request: nothing of its transaction commits.
          try {
            this.transaction.abort();
          } catch {
            // already finished or aborted
          }
          throw e;
        }
        return original.apply(this, args);
      };
    }
  });
  afterAll(() => {
    for (const [method, original] of originals) proto[method] = original;
  });
  return mortality;
}

/** A storage area (session or local) whose writes are steps too. */
export function mortalKv(mortality: Mortality, name: string): ReturnType<typeof memoryKv> {
  const kv = memoryKv();
  return {
    data: kv.data,
    get: kv.get,
    set: async (k, v) => {
      mortality.step(`${name}.set ${k}`);
      await kv.set(k, v);
    },
    remove: async (k) => {
      mortality.step(`${name}.remove ${k}`);
      await kv.remove(k);
    },
  };
}
