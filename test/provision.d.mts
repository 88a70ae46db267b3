// Types for provision.mjs.
export type BrowserName = 'chromium' | 'firefox';
export declare const DEBIAN: Record<BrowserName, { env: string; package: string; defaults: readonly string[] }>;
export declare function findBrowser(name: BrowserName): string | undefined;
export declare function ensureBrowsers(): Record<BrowserName, string>;
export declare function browserVersion(binary: string): string;
