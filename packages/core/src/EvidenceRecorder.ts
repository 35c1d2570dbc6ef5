import type { CloseInitiator, DiagnoseContext, OutgoingFrame } from '@sockdoc/diagnose';

const RING = 16;

/**
 * What one connection attempt observed, for `diagnose()`. Outgoing frames live in a fixed
 * ring of typed arrays: recording a send allocates nothing and keeps no payload.
 */
export class EvidenceRecorder {
  readonly created = Date.now();
  opened: number | undefined;
  lastIn: number | undefined;
  lastOut: number | undefined;
  handshakeStatus: number | undefined;
  transportError: { code?: string; message?: string } | undefined;
  initiator: CloseInitiator = 'unknown';
  clientClose: { code?: number; reason?: string } | undefined;
  protocol = '';
  connectTimeout = false;
  heartbeatTimeout = false;

  readonly #kind = new Uint8Array(RING); // 0 text, 1 binary
  readonly #valid = new Uint8Array(RING); // 0 unknown, 1 valid, 2 invalid
  readonly #bytes = new Float64Array(RING);
  readonly #at = new Float64Array(RING);
  #count = 0;

  sent(kind: 'text' | 'binary', bytes: number, utf8Valid?: boolean): void {
    const i = this.#count++ % RING;
    const now = Date.now();
    this.#kind[i] = kind === 'binary' ? 1 : 0;
    this.#valid[i] = utf8Valid === undefined ? 0 : utf8Valid ? 1 : 2;
    this.#bytes[i] = bytes;
    this.#at[i] = now;
    this.lastOut = now;
  }

  frames(): OutgoingFrame[] {
    const n = Math.min(this.#count, RING);
    const out: OutgoingFrame[] = [];
    for (let k = this.#count - n; k < this.#count; k++) {
      const i = k % RING;
      const v = this.#valid[i];
      out.push({ kind: this.#kind[i] ? 'binary' : 'text', bytes: this.#bytes[i]!, at: this.#at[i]!, ...(v ? { utf8Valid: v === 1 } : {}) });
    }
    return out;
  }

  context(env: {
    runtime: DiagnoseContext['runtime'];
    closed: number;
    channel: DiagnoseContext['channel'];
    maxMessageBytes: number | undefined;
    attempt: number;
    online?: boolean | undefined;
    visibility?: 'visible' | 'hidden' | undefined;
    wentOfflineAt?: number | undefined;
    hiddenAt?: number | undefined;
  }): DiagnoseContext {
    return {
      runtime: env.runtime,
      opened: this.opened !== undefined,
      timestamps: { created: this.created, opened: this.opened, lastMessageIn: this.lastIn, lastMessageOut: this.lastOut, closed: env.closed },
      recentOutgoing: this.frames(),
      channel: env.channel,
      ...(env.maxMessageBytes === undefined ? {} : { maxMessageBytes: env.maxMessageBytes }),
      ...(this.handshakeStatus === undefined ? {} : { handshakeStatus: this.handshakeStatus }),
      ...(this.transportError ? { transportError: this.transportError } : {}),
      initiator: this.initiator,
      ...(this.clientClose ? { clientClose: this.clientClose } : {}),
      ...(env.online === undefined ? {} : { online: env.online }),
      ...(env.visibility === undefined ? {} : { visibility: env.visibility }),
      ...(env.wentOfflineAt === undefined ? {} : { wentOfflineAt: env.wentOfflineAt }),
      ...(env.hiddenAt === undefined ? {} : { hiddenAt: env.hiddenAt }),
      ...(this.protocol ? { protocol: this.protocol } : {}),
      attempt: env.attempt,
      ...(this.heartbeatTimeout ? { heartbeatTimeout: true } : {}),
      ...(this.connectTimeout ? { connectTimeout: true } : {}),
    };
  }
}
