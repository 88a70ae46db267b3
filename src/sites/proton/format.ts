import type { CodeFormat } from '../../vault/formats/format';
import { plausible, unique, wordCandidates } from '../../vault/formats/scan';

// Proton recovery codes. Proton's web client downloads them as proton_recovery_codes.txt, the
// codes joined by CRLF and nothing else (ProtonMail/WebClients, EnableTOTPModal.tsx); the codes
// themselves come from Proton's server and their shape is not documented. So this is a tolerant
// pattern: one word of 6–32 letters and digits. Case is kept, since nothing says the server
// ignores it.
const VALUE = /^[A-Za-z0-9]{6,32}$/;

function normalize(raw: string): string | null {
  const value = raw.trim();
  return VALUE.test(value) ? value : null;
}

function findAll(text: string): string[] {
  return unique(
    wordCandidates(text, (w) => VALUE.test(w))
      .filter((c) => plausible({ groups: [c.clean], ownLine: c.ownLine }))
      .map((c) => c.clean),
  );
}

export const protonFormat: CodeFormat = {
  id: 'proton',
  normalize,
  display: (value) => value,
  findAll,
};
