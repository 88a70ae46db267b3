// Types for strings.mjs (the replica's strings in en, es, fr, de, ja, pt).
export type Lang = 'en' | 'es' | 'fr' | 'de' | 'ja' | 'pt';
export declare const LANGUAGES: readonly Lang[];
export declare const PROVENANCE: Record<string, string>;
export type Strings = Record<string, string>;
export declare const ENGLISH: Readonly<Strings>;
export declare const TRANSLATIONS: Record<Exclude<Lang, 'en'>, Strings>;
export declare function pickLanguage(value: unknown): Lang;
export declare function stringsFor(lang: string): Strings;
