// Where the background's Argon2id runs. The derivation is synchronous WebAssembly: on the
// background's own thread it holds up every other message for the length of an unlock. So it
// goes to a KDF thread (kdf-channels.ts: a Worker in Firefox, the offscreen document's Worker in
// Chrome), and falls back to this thread when that cannot start or dies, so an unlock never
// fails for want of a worker. The thread is warmed when a locked popup asks for the status and
// released once the vault is unlocked (nothing needs it until the next lock), or after a minute.
import { fromBase64, toBase64, type Derive, type KdfParams } from '../crypto';
import type { KdfChannel, KdfReply, KdfRequest } from '../kdf-thread/protocol';

export interface KdfHostOptions {
  /** Opens a channel; undefined where no KDF thread exists here (then every derivation is in-thread). */
  open: (() => Promise<KdfChannel>) | undefined;
  /** The in-thread derivation (src/crypto deriveKey). */
  fallback: Derive;
  /** A warmed thread nobody used is let go after this long. */
  idleMs?: number;
  /** A thread that hasn't answered by then is given up on (the largest KDF_LIMITS take ~15 s here). */
  timeoutMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** What handlers see: warm it ahead of an unlock, release it when nothing will derive soon. */
export interface KdfPort {
  warm(): void;
  release(): void;
}

export class KdfHost implements KdfPort {
  private channel: Promise<KdfChannel> | undefined;
  private nextId = 1;
  private busy = 0;
  private idle: unknown;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly options: KdfHostOptions) {
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  readonly derive: Derive = async (passphrase, salt, params) => {
    this.busy++;
    this.clearTimer(this.idle);
    try {
      const reply = await this.ask({ op: 'derive', passphrase, salt: toBase64(salt), params: copy(params) });
      if (reply?.ok && reply.key !== undefined) return fromBase64(reply.key);
      // Answered with a failure (its wasm would not run there?): this thread derives instead.
      if (reply) this.drop();
    } catch {
      // The thread failed or went away: drop it; this thread derives instead.
      this.drop();
    } finally {
      this.busy--;
      this.arm();
    }
    return this.options.fallback(passphrase, salt, params);
  };

  warm(): void {
    this.arm();
    void this.ask({ op: 'warm' }).catch(() => this.drop());
  }

  release(): void {
    if (this.busy === 0) this.drop();
  }

  /** Undefined when there is no KDF thread here at all. */
  private async ask(request: Unnumbered<KdfRequest>): Promise<KdfReply | undefined> {
    if (!this.options.open) return undefined;
    const channel = await (this.channel ??= this.options.open());
    const id = this.nextId++;
    let timer: unknown;
    const timeout = new Promise<never>((_, reject) => {
      timer = this.setTimer(() => reject(new Error('KDF thread timed out')), this.options.timeoutMs ?? 120_000);
    });
    try {
      return await Promise.race([channel.request({ ...request, id } as KdfRequest), timeout]);
    } finally {
      this.clearTimer(timer);
    }
  }

  private arm(): void {
    this.clearTimer(this.idle);
    this.idle = this.setTimer(() => this.release(), this.options.idleMs ?? 60_000);
  }

  private drop(): void {
    this.clearTimer(this.idle);
    const channel = this.channel;
    this.channel = undefined;
    void channel?.then((c) => c.close(), () => undefined);
  }
}

/** A request before the host numbers it. */
type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never;

/** A plain copy: the params cross a structured clone or JSON, and must carry nothing else. */
function copy(params: KdfParams): KdfParams {
  return { alg: params.alg, m: params.m, t: params.t, p: params.p, dkLen: params.dkLen };
}
