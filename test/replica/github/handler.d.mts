import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GithubReferee } from './referee.mjs';
export const REJECTED_FLASH: string;
export function createGithubReplica(options?: { referee?: GithubReferee; seed?: string }): {
  referee: GithubReferee;
  signIn(login: string): { name: string; value: string };
  handle(req: IncomingMessage, res: ServerResponse): void;
};
