import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MozillaReferee } from './referee.mjs';
export const INVALID_CODE: string;
export function createMozillaReplica(options?: { referee?: MozillaReferee; seed?: string }): {
  referee: MozillaReferee;
  handle(req: IncomingMessage, res: ServerResponse): void;
};
