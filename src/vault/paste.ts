// The paste box: codes of one format found in free text (a pasted e-mail, a copied settings
// page), normalised, in order, each once.
import type { CodeFormat } from './formats/format';
import { unique } from './formats/scan';

export function findCodes(text: string, format: CodeFormat): string[] {
  return unique(format.findAll(text));
}
