// Opens the vault database at the version its migration list defines, running the missing
// steps. Only background contexts call this: IndexedDB opened from a content script would
// belong to the web page's origin.
import { wrap, type IDBPDatabase } from 'idb';
import { MIGRATIONS, type MigrationStep, type UpgradeTransaction } from './migrations';
import { DB_NAME, type SparekeyDB } from './schema';

export interface OpenVaultDbOptions {
  /** Defaults to globalThis.indexedDB; tests pass a fresh fake-indexeddb factory. */
  indexedDB?: IDBFactory;
  name?: string;
  /** Defaults to MIGRATIONS; tests append steps to exercise upgrades. */
  migrations?: readonly MigrationStep[];
}

/**
 * Runs steps `from`..`to - 1` in order. Synchronous steps run back to back in the same task
 * (no await between them: an idle versionchange transaction would commit).
 */
function runSteps(
  steps: readonly MigrationStep[],
  from: number,
  to: number,
  db: IDBPDatabase,
  tx: UpgradeTransaction,
): Promise<void> {
  try {
    for (let version = from; version < to; version++) {
      const step = steps[version];
      if (step === undefined) throw new RangeError(`No migration step from version ${version}`);
      const pending = step(db, tx);
      if (pending instanceof Promise) return pending.then(() => runSteps(steps, version + 1, to, db, tx));
    }
    return Promise.resolve();
  } catch (error) {
    return Promise.reject(error);
  }
}

export async function openVaultDb(options: OpenVaultDbOptions = {}): Promise<IDBPDatabase<SparekeyDB>> {
  const factory = options.indexedDB ?? globalThis.indexedDB;
  const migrations = options.migrations ?? MIGRATIONS;
  const version = migrations.length;
  if (version < 1) throw new RangeError('At least one migration step is needed');

  const request = factory.open(options.name ?? DB_NAME, version);
  let stepError: unknown;
  request.addEventListener('upgradeneeded', (event) => {
    const tx = request.transaction;
    if (tx === null) return;
    const upgrade = wrap(tx) as unknown as UpgradeTransaction;
    // The open request reports the outcome; this promise would otherwise reject unhandled.
    upgrade.done.catch(() => undefined);
    runSteps(migrations, event.oldVersion, version, wrap(request.result), upgrade).catch((error: unknown) => {
      stepError = error;
      tx.abort();
    });
  });

  let db: IDBPDatabase<SparekeyDB>;
  try {
    db = (await wrap(request)) as unknown as IDBPDatabase<SparekeyDB>;
  } catch (error) {
    // The open request only says "aborted"; the step's own error says why.
    throw stepError ?? error;
  }
  // A newer version (an updated extension in another context) is waiting: step aside.
  db.addEventListener('versionchange', () => db.close());
  return db;
}
