import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GoogleReferee } from './referee.mjs';
export const ACCOUNTS: string;
export const MYACCOUNT: string;
export function createGoogleReplica(options?: { referee?: GoogleReferee; seed?: string }): {
  referee: GoogleReferee;
  signIn(email: string): { name: string; value: string; domain: string };
  handle(req: IncomingMessage, res: ServerResponse): void;
};
