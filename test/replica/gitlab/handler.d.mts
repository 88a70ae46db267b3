import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GitlabReferee } from './referee.mjs';
export const REJECTED_FLASH: string;
export const WRONG_PASSWORD: string;
export const WRONG_EMAIL_CODE: string;
export function createGitlabReplica(options?: { referee?: GitlabReferee; seed?: string }): {
  referee: GitlabReferee;
  handle(req: IncomingMessage, res: ServerResponse): void;
};
