export const SET_SIZE: number;
export function normalizeCode(text: string): string;
export function loginKey(login: string): string;
export interface GithubCode {
  code: string;
  set: number;
  status: 'active' | 'used' | 'invalidated';
}
export interface GithubAttempt {
  code: string;
  ok: boolean;
  at: number;
  why: 'accepted' | 'wrong' | 'used' | 'invalidated';
}
export interface GithubReferee {
  createAccount(options: { login: string; password: string; appCode?: string; inPageSwap?: boolean }): unknown;
  setInPageSwap(login: string, on: boolean): void;
  has(login: string): boolean;
  checkPassword(login: string, password: string): boolean;
  activeCodes(login: string): string[];
  regenerate(login: string): string[];
  useRecoveryCode(login: string, typed: string, at?: number): boolean;
  state(login: string): { set: number; codes: GithubCode[]; attempts: GithubAttempt[] };
}
export function createReferee(options?: { seed?: string }): GithubReferee;
