// Everything the rest of Sparekey asks of the sites, derived from the registry's one list
// (src/sites/index.ts). A function of that list, so a test can derive the same from a longer one
// and show a new site flows through with nothing else to add.
import { formatIn, genericFormat, type CodeFormat, type FormatTable } from '../vault/formats';
import { plainImport } from '../vault/import/plain';
import type { ImportParser } from '../vault/import/types';
import type { Site } from './site';
import type { SiteAdapter, SiteInfo } from './types';

export function deriveRegistry(list: readonly Site[]) {
  const sites: readonly SiteInfo[] = list.map((s) => s.info);
  const adapters: readonly SiteAdapter[] = list.flatMap((s) => (s.adapter ? [s.adapter] : []));
  const pageSites: readonly SiteInfo[] = adapters.map((a) => a.site);
  const formats: FormatTable = Object.fromEntries([
    ...list.map((s) => [s.format.id, s.format] as const),
    [genericFormat.id, genericFormat] as const,
  ]);
  const imports: readonly ImportParser[] = list.flatMap((s) => (s.download ? [s.download.parser] : []));
  const importParsers: Readonly<Record<string, ImportParser>> = Object.fromEntries([
    ...imports.map((p) => [p.id, p] as const),
    [plainImport.id, plainImport] as const,
  ]);
  return {
    list,
    /** Every site's record, in registry order. */
    sites,
    /** Each page-reading site's detectors (the content script's half of the adapter). */
    adapters,
    /**
     * Sites whose pages Sparekey reads and fills: only these get a content script, host access,
     * and content-script messages. The others are vault only (stored, shown, imported, exported).
     */
    pageSites,
    /** Every code format by id: each site's, and the generic one for any other site. */
    formats,
    /** The parsers of the files sites hand out, in registry order: what detectImport chooses from. */
    imports,
    /** Every import parser by id, the plain list included. */
    importParsers,
    siteById: (id: string): SiteInfo | undefined => sites.find((s) => s.id === id),
    /** The format with this id; generic for an id no site has. */
    formatById: (id: string): CodeFormat => formatIn(formats, id) ?? genericFormat,
    /** The site whose code format this is; undefined for the generic format. */
    siteOfFormat: (formatId: string): Site | undefined => list.find((s) => s.format.id === formatId),
    /** The site whose download this parser reads; undefined for the plain list. */
    siteOfImport: (importId: string): Site | undefined => list.find((s) => s.download?.parser.id === importId),
  };
}

export type Registry = ReturnType<typeof deriveRegistry>;
