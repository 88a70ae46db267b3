export const SET_SIZE: number;
export const CODE_LENGTH: number;
export function normalizeCode(text: string): string;
export function looksLikeCode(text: string): boolean;
export function emailKey(email: string): string;
export interface MozillaCode {
  code: string;
  set: number;
  status: 'active' | 'used' | 'invalidated';
}
export interface MozillaAttempt {
  code: string;
  ok: boolean;
  at: number;
  why: 'accepted' | 'wrong' | 'used' | 'invalidated';
}
export interface MozillaReferee {
  createAccount(options: { email: string; password: string; totpCode?: string }): unknown;
  has(email: string): boolean;
  checkPassword(email: string, password: string): boolean;
  checkTotp(email: string, code: string): boolean;
  activeCodes(email: string): string[];
  proposeNewSet(email: string): string[];
  confirmNewSet(email: string, typed: string): boolean;
  regenerate(email: string): string[];
  useRecoveryCode(email: string, typed: string, at?: number): boolean;
  remaining(email: string): number;
  state(email: string): { set: number; codes: MozillaCode[]; attempts: MozillaAttempt[] };
}
export function createReferee(options?: { seed?: string }): MozillaReferee;
