export const SET_SIZE: number;
export function normalizeCode(text: string): string;
export function loginKey(login: string): string;
export interface GitlabCode {
  code: string;
  set: number;
  status: 'active' | 'used' | 'invalidated';
}
export interface GitlabAttempt {
  code: string;
  ok: boolean;
  at: number;
  why: 'accepted' | 'authenticator' | 'wrong' | 'used' | 'invalidated';
}
export interface GitlabReferee {
  createAccount(options: { login: string; password: string; appCode?: string; emailCode?: string; webauthn?: boolean; enabled?: boolean }): unknown;
  enable(login: string, pin: string): boolean;
  has(login: string): boolean;
  checkPassword(login: string, password: string): boolean;
  setEmailCode(login: string, code: string): void;
  setWebauthn(login: string, on: boolean): void;
  activeCodes(login: string): string[];
  regenerate(login: string): string[];
  useOtpAttempt(login: string, typed: string, at?: number): boolean;
  state(login: string): { set: number; codes: GitlabCode[]; attempts: GitlabAttempt[] };
}
export function createReferee(options?: { seed?: string }): GitlabReferee;
