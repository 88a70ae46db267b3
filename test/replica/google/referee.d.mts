export const SET_SIZE: number;
export function normalizeCode(text: string): string;
export function emailKey(email: string): string;
export interface GoogleCode {
  code: string;
  set: number;
  status: 'active' | 'used' | 'invalidated';
}
export interface GoogleAttempt {
  code: string;
  ok: boolean;
  at: number;
  why: 'accepted' | 'wrong' | 'used' | 'invalidated';
}
export type FirstChallenge = 'totp' | 'ipp';
export interface GoogleReferee {
  createAccount(options: { email: string; password: string; name?: string; first?: FirstChallenge; appCode?: string; smsCode?: string }): unknown;
  setFirstChallenge(email: string, first: FirstChallenge): void;
  has(email: string): boolean;
  checkPassword(email: string, password: string): boolean;
  activeCodes(email: string): string[];
  regenerate(email: string): string[];
  useBackupCode(email: string, typed: string, at?: number): boolean;
  state(email: string): { set: number; codes: GoogleCode[]; attempts: GoogleAttempt[] };
}
export function createReferee(options?: { seed?: string }): GoogleReferee;
