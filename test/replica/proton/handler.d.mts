import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ProtonReferee } from './referee.mjs';
export const INVALID_CODE: string;
export function createProtonReplica(options?: { referee?: ProtonReferee; seed?: string; setSize?: number }): {
  referee: ProtonReferee;
  handle(req: IncomingMessage, res: ServerResponse): void;
};
