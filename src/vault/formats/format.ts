// What every code format provides. A format is data plus three pure functions; the formats of
// the sites Sparekey knows live with their sites (src/sites/<id>/format.ts) and reach the vault
// as a table the caller passes in, so the vault stays free of site code.

/**
 * A format's id, as stored in an account's `format`: the id of the site whose format it is, or
 * 'generic'. A plain string here: which ids exist is the site registry's business.
 */
export type FormatId = string;

export interface CodeFormat {
  /** Also how the popup names the format (the site's words in messages.json, src/ui/i18n.ts). */
  id: FormatId;
  /** The canonical stored value, or null when `raw` is not a code of this format. */
  normalize(raw: string): string | null;
  /** How a person reads a stored value (groups, hyphens). */
  display(value: string): string;
  /** Codes of this format found in free text, normalised, in order of appearance. */
  findAll(text: string): string[];
}

/** The formats a caller knows, by id (src/sites/index.ts builds it from the site registry). */
export type FormatTable = Readonly<Record<string, CodeFormat>>;
