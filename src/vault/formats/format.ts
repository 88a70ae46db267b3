// What every code format provides. A format is data plus three pure functions, so a site adapter
// only names its format id and the vault stays free of site code.

export const FORMAT_IDS = ['x', 'github', 'google', 'gitlab', 'discord', 'proton', 'generic'] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

export interface CodeFormat {
  /** Also how the popup names the format: its words are in messages.json (src/ui/i18n.ts). */
  id: FormatId;
  /** The canonical stored value, or null when `raw` is not a code of this format. */
  normalize(raw: string): string | null;
  /** How a person reads a stored value (groups, hyphens). */
  display(value: string): string;
  /** Codes of this format found in free text, normalised, in order of appearance. */
  findAll(text: string): string[];
}
