// Backup export and restore (extension pages only; the router checked the sender). The file
// format and the merge are pure (src/backup); this reads the open vault and writes the plan.
import { backupText, checkPayload, openBackup, parseBackup, planRestore, sealBackup } from '../../backup/index';
import { parseVaultHeader } from '../../crypto';
import { STORES } from '../../store';
import { msg } from '../../i18n';
import { estimateStrength } from '../../passphrase/strength';
import { strengthMessage } from '../../passphrase/text';
import type { BackgroundDeps } from '../deps';
import { Refusal } from '../errors';
import type { Handlers } from '../router';

function fileName(now: number): string {
  return `sparekey-backup-${new Date(now).toISOString().slice(0, 10)}.json`;
}

export function backupHandlers(deps: BackgroundDeps) {
  return {
    'backup/export': async ({ passphrase, own, confirm }) => {
      const vault = await deps.session.unlocked();
      const header = parseVaultHeader(await vault.store.readHeader());
      if (own) {
        if (passphrase !== confirm) throw new Refusal('mismatch', msg('errorMismatch'));
        const strength = estimateStrength(passphrase);
        if (!strength.acceptable) throw new Refusal('weak-passphrase', strengthMessage(strength));
      } else {
        // Typed again, so checked (a backup under a mistyped passphrase could never be opened),
        // through unlock's gate: guessing here waits as long as guessing at the unlock screen.
        await deps.session.verifyPassphrase(passphrase, 'backup');
      }
      // A consistent snapshot: nothing else changes the vault while it is read.
      const payload = await deps.queue(async () => {
        const accounts = vault.allAccounts();
        const { events } = await vault.store.loadEvents();
        return { accounts, codes: accounts.flatMap((a) => vault.codesOf(a.id)), events: events.reverse() };
      });
      const file = await sealBackup(payload, passphrase, { kdf: header.kdf, now: deps.now(), derive: deps.session.derive });
      return {
        fileName: fileName(deps.now()),
        text: backupText(file),
        accounts: payload.accounts.length,
        codes: payload.codes.length,
      };
    },

    'backup/restore': async ({ text, passphrase }) => {
      await deps.session.unlocked();
      // The slow part (Argon2id, on the KDF thread) runs before the queue, so other requests
      // aren't held up by it.
      const backup = checkPayload(await openBackup(parseBackup(text), passphrase, deps.session.derive));
      return deps.queue(async () => {
        const vault = await deps.session.unlocked();
        const { events: known, errors } = await vault.store.loadEvents();
        // A log entry stored here but damaged is still here: appending the backup's copy under
        // the same id would fail the whole restore (the log is append-only), and replacing it
        // would overwrite the evidence. It stays as it is and keeps being reported.
        const prefix = `${STORES.events}/`;
        const damagedIds = errors.flatMap((e) => (e.where.startsWith(prefix) ? [e.where.slice(prefix.length)] : []));
        const plan = planRestore(
          { accounts: vault.allAccounts(), codesOf: (id) => vault.codesOf(id) },
          backup,
          new Set([...known.map((e) => e.id), ...damagedIds]),
          { now: deps.now(), newId: deps.newId },
        );
        // One transaction for every account and the log: a restore interrupted by the worker's
        // death leaves the vault as it was, never some accounts restored without their history.
        await vault.applyAll(plan.writes, plan.events);
        // A backup made before a site's policy changed brings its accounts under the old one.
        await vault.adoptSitePolicies(deps.now);
        deps.changed();
        return plan.summary;
      });
    },
  } satisfies Partial<Handlers>;
}
