import type { CloseInitiator, DiagnoseContext, OutgoingFrame, StatusProbe } from '@sockdoc/diagnose';
import type { CodecRecord } from './json.js';

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
  initiator: CloseInitiator = 'unknown';
  protocol = '';

  // What only some connections see is declared, not initialised: absent (undefined, or false for
  // the yes/no ones) until seen, so an idle connection carries no slot for any of it.
  declare handshakeStatus?: number;
  /** The refusing server's `Retry-After` header, as it said it. */
  declare retryAfter?: string;
  declare transportError?: { code?: string; message?: string };
  declare clientClose?: { code?: number; reason?: string };
  declare connectTimeout?: boolean;
  declare heartbeatTimeout?: boolean;
  /** What the status probe learned of a handshake the runtime hid (browsers). */
  declare statusProbe?: StatusProbe;
  declare protocolsRequested?: boolean;
  /** The runtime never reported the close: sockdoc ended the attempt after a grace period. */
  declare closeNotReported?: boolean;
  /** What the `json` codec records of this connection (typedJson: what its schemas checked and refused). */
  declare codec?: CodecRecord;

  /** Three numbers per frame: flags (bit 0 binary, bits 1-2 UTF-8 validity), bytes, time. Allocated on the first send. */
  #ring: Float64Array | undefined;
  #count = 0;

  sent(kind: 'text' | 'binary', bytes: number, utf8Valid?: boolean, encoded?: boolean): void {
    this.codec?.sent(!!encoded);
    const ring = (this.#ring ??= new Float64Array(RING * 3));
    const i = (this.#count++ % RING) * 3;
    const now = Date.now();
    ring[i] = (kind === 'binary' ? 1 : 0) | (utf8Valid === undefined ? 0 : utf8Valid ? 2 : 4);
    ring[i + 1] = bytes;
    ring[i + 2] = now;
    this.lastOut = now;
  }

  frames(): OutgoingFrame[] {
    const ring = this.#ring;
    const n = Math.min(this.#count, RING);
    const out: OutgoingFrame[] = [];
    if (!ring) return out;
    for (let k = this.#count - n; k < this.#count; k++) {
      const i = (k % RING) * 3;
      const flags = ring[i]!;
      out.push({ kind: flags & 1 ? 'binary' : 'text', bytes: ring[i + 1]!, at: ring[i + 2]!, ...(flags & 6 ? { utf8Valid: (flags & 2) !== 0 } : {}) });
    }
    return out;
  }

  /** What `diagnose()` reads: this attempt's observations plus what the client knows (`env`). Absent facts are left out, not `undefined`. */
  context({ closed, ...env }: {
    runtime: DiagnoseContext['runtime'];
    runtimeVersion: string | undefined;
    webSocket: DiagnoseContext['webSocket'];
    closed: number;
    channel: DiagnoseContext['channel'];
    maxMessageBytes: number | undefined;
    attempt: number;
    online?: boolean | undefined;
    visibility?: 'visible' | 'hidden' | undefined;
    wentOfflineAt?: number | undefined;
    hiddenAt?: number | undefined;
    credentialsExpireAt?: number | undefined;
  }): DiagnoseContext {
    const ctx: Record<string, unknown> = {
      ...env,
      opened: this.opened !== undefined,
      timestamps: { created: this.created, opened: this.opened, lastMessageIn: this.lastIn, lastMessageOut: this.lastOut, closed },
      recentOutgoing: this.frames(),
      handshakeStatus: this.handshakeStatus,
      retryAfter: this.retryAfter,
      transportError: this.transportError,
      initiator: this.initiator,
      clientClose: this.clientClose,
      protocol: this.protocol || undefined,
      heartbeatTimeout: this.heartbeatTimeout || undefined,
      connectTimeout: this.connectTimeout || undefined,
      statusProbe: this.statusProbe,
      protocolsRequested: this.protocolsRequested || undefined,
      closeNotReported: this.closeNotReported || undefined,
      ...this.codec?.context(),
    };
    for (const k in ctx) if (ctx[k] === undefined) delete ctx[k];
    return ctx as unknown as DiagnoseContext;
  }
}
