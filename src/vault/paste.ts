// The paste box: codes of one format found in free text (a pasted e-mail, a copied settings
// page), normalised, in order, each once.
import { FORMATS, type FormatId } from './formats';
import { unique } from './formats/scan';

export function findCodes(text: string, formatId: FormatId): string[] {
  return unique(FORMATS[formatId].findAll(text));
}
