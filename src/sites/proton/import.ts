import { protonFormat } from './format';
import { parseOnePerLine } from '../../vault/import/one-per-line';
import type { ImportParser } from '../../vault/import/types';

// proton_recovery_codes.txt: Proton's web client downloads `recoveryCodes.join('\r\n')`
// (ProtonMail/WebClients, EnableTOTPModal.tsx): the codes and nothing else.
const label = 'Proton recovery codes';

export const protonImport: ImportParser = {
  id: 'proton',
  label,
  fileName: /^proton_recovery_codes(?: ?\(\d+\))?\.txt$/i,
  knownByContent: false,
  parse: (text) => parseOnePerLine(text, protonFormat, label),
};
