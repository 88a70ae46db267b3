export const SET_SIZE: number;
export const CODE_LENGTH: number;
export function normalizeCode(text: string): string;
export function userKey(username: string): string;
export interface ProtonCode {
  code: string;
  set: number;
  status: 'active' | 'used' | 'invalidated';
}
export interface ProtonAttempt {
  code: string;
  ok: boolean;
  at: number;
  why: 'accepted' | 'wrong' | 'used' | 'invalidated';
}
export interface ProtonReferee {
  createAccount(options: { username: string; password: string; totpCode?: string; twoFactor?: boolean }): unknown;
  has(username: string): boolean;
  checkPassword(username: string, password: string): boolean;
  checkTotp(username: string, code: string): boolean;
  twoFactor(username: string): boolean;
  activeCodes(username: string): string[];
  enable(username: string, totp: string): string[] | null;
  disable(username: string): void;
  regenerate(username: string): string[];
  useRecoveryCode(username: string, typed: string, at?: number): boolean;
  remaining(username: string): number;
  state(username: string): { set: number; twoFactor: boolean; codes: ProtonCode[]; attempts: ProtonAttempt[] };
}
export function createReferee(options?: { seed?: string; setSize?: number }): ProtonReferee;
