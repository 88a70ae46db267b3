// Types for provision.mjs.
export type BrowserName = 'chromium' | 'firefox';
export declare const DEBIAN: Record<BrowserName, { env: string; package: string; defaults: readonly string[] }>;
export declare function findBrowser(name: BrowserName): string | undefined;
export declare function ensureBrowsers(): Record<BrowserName, string>;
export declare function browserVersion(binary: string): string;
export declare const LANGUAGES: Record<BrowserName, { languages: readonly string[]; package(lang: string): string; file(lang: string): string }>;
export declare const COMMANDS: readonly string[];
export interface Machine {
  browser(name: BrowserName): boolean;
  file(path: string): boolean;
  command(name: string): boolean;
}
export declare function missingPackages(has: Machine, env?: Record<string, string | undefined>): string[];
