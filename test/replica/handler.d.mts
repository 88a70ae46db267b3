// Types for handler.mjs (the X replica's server side).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Referee } from './referee.mjs';

export declare const MAIN_JS_PATH: string;

export interface ReplicaOptions {
  /** Share a referee (default: a new one). */
  referee?: Referee;
  /** Seed for the new referee's deterministic codes. */
  seed?: string;
  /** Delay before each API answer, in ms (default 120). */
  latencyMs?: number;
  /** The page's spinner between login steps, in ms (default 60). */
  stepDelayMs?: number;
  /** How long a toast stays, in ms (default 6000). */
  toastMs?: number;
  /** Receives one line per notable event (codes accepted/rejected/generated, handler errors). */
  log?: (line: string) => void;
}

export interface Replica {
  /** The node:http request handler: serves every page, API and the neutral 404, for any Host. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  referee: Referee;
  /** A session cookie for an existing account: add it for the host(s) a test opens. */
  signIn(handle: string): { name: 'auth_token'; value: string };
  /** Forgets sessions and login flows (not the referee's accounts: referee.reset()). */
  reset(): void;
}

export declare function createReplica(options?: ReplicaOptions): Replica;
