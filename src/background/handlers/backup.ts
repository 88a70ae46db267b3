// Backup export and restore (extension pages only; the router checked the sender). The file
// format and the merge are pure (src/backup); this reads the open vault and writes the plan.
import { backupText, checkPayload, openBackup, parseBackup, planRestore, sealBackup } from '../../backup/index';
import { parseVaultHeader, unlockVault } from '../../crypto';
import { estimateStrength } from '../../passphrase/strength';
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
        if (passphrase !== confirm) throw new Refusal('mismatch', 'The two passphrases differ.');
        const strength = estimateStrength(passphrase);
        if (!strength.acceptable) throw new Refusal('weak-passphrase', strength.message);
      } else {
        // Typed again, so checked: a backup under a mistyped passphrase could never be opened.
        try {
          (await unlockVault(header, passphrase)).fill(0);
        } catch (e) {
          if ((e as { code?: string }).code === 'wrong-passphrase')
            throw new Refusal('wrong-passphrase', 'That is not the vault passphrase. No backup was made.');
          throw e;
        }
      }
      // A consistent snapshot: nothing else changes the vault while it is read.
      const payload = await deps.queue(async () => {
        const accounts = vault.allAccounts();
        const { events } = await vault.store.loadEvents();
        return { accounts, codes: accounts.flatMap((a) => vault.codesOf(a.id)), events: events.reverse() };
      });
      const file = await sealBackup(payload, passphrase, { kdf: header.kdf, now: deps.now() });
      return {
        fileName: fileName(deps.now()),
        text: backupText(file),
        accounts: payload.accounts.length,
        codes: payload.codes.length,
      };
    },

    'backup/restore': async ({ text, passphrase }) => {
      await deps.session.unlocked();
      // The slow part (Argon2id) runs before the queue, so other requests aren't held up by it.
      const backup = checkPayload(await openBackup(parseBackup(text), passphrase));
      return deps.queue(async () => {
        const vault = await deps.session.unlocked();
        const { events: known } = await vault.store.loadEvents();
        const plan = planRestore(
          { accounts: vault.allAccounts(), codesOf: (id) => vault.codesOf(id) },
          backup,
          new Set(known.map((e) => e.id)),
          { now: deps.now(), newId: deps.newId },
        );
        // One transaction per account; restoring the same file again changes nothing, so an
        // interrupted restore is finished by running it again.
        for (const { account, result } of plan.writes) await vault.apply(account, result);
        await vault.store.commit({ events: plan.events });
        deps.changed();
        return plan.summary;
      });
    },
  } satisfies Partial<Handlers>;
}
