import { EvidenceRecorder } from './EvidenceRecorder.js';
import { Heartbeat, HEARTBEAT_DEFAULTS, type HeartbeatOptions } from './Heartbeat.js';
import type { EvidenceSink, IncomingData, RawClose, RuntimeAdapter, SocketListeners, Timers, WebSocketLike } from './types.js';

const OPEN = 1;
/** How long a browser socket abandoned after a missed heartbeat may take to report its close before sockdoc reports it. */
const ABANDON_GRACE_MS = 1_000;

/**
 * What a connection reports to the client that owns it. Nothing is reported after it ended, and the
 * client disposes a connection before it starts the next, so only the current one ever reports.
 */
export interface ConnectionHost {
  opened(c: Connection): void;
  message(data: IncomingData): void;
  error(error: unknown): void;
  /** The connection ended (the runtime's close event, or sockdoc gave up on a dead socket). It is disposed already. */
  closed(c: Connection, raw: RawClose): void;
  handshake(status: number, headers: Readonly<Record<string, string | string[] | undefined>>): void;
  environment(patch: Parameters<EvidenceSink['environment']>[0]): void;
}

type Listener = [type: 'open' | 'message' | 'close' | 'error', fn: (e: never) => void];

/**
 * One connection attempt: its socket, the evidence it records, its connect and abandon timers
 * and its heartbeat, disposed as a unit. Events of a disposed connection are ignored, so the
 * client never has to tell a stale socket from the current one.
 */
export class Connection implements SocketListeners, EvidenceSink {
  readonly evidence = new EvidenceRecorder();
  /** When the socket opened, on the client's clock. */
  openedAt: number | undefined;
  /** Who asked this connection to end, if anyone did: `reopen` for `reconnect()`, `user` for `close()`. */
  endedBy: 'reopen' | 'user' | undefined;
  #ws: WebSocketLike | undefined;
  #done = false;
  #connectTimer: unknown;
  #abandonTimer: unknown;
  #beat: Heartbeat | undefined;
  #detachPong: (() => void) | undefined;
  #listeners: Listener[] | undefined;
  #isPong: ((data: unknown) => boolean) | undefined;
  readonly #host: ConnectionHost;
  readonly #adapter: RuntimeAdapter;
  readonly #timers: Timers;

  constructor(host: ConnectionHost, adapter: RuntimeAdapter, timers: Timers) {
    this.#host = host;
    this.#adapter = adapter;
    this.#timers = timers;
  }

  /** The socket, once `start` created it; undefined after the connection ended. */
  get ws(): WebSocketLike | undefined {
    return this.#done ? undefined : this.#ws;
  }

  /** Creates the socket and listens to it. Throws what the runtime throws (an invalid subprotocol, no WebSocket). */
  start(url: string, protocols: readonly string[] | undefined, binaryType: 'arraybuffer' | 'blob', connectTimeout: number): void {
    const adapter = this.#adapter;
    const ws = adapter.create(url, protocols);
    this.#ws = ws;
    ws.binaryType = binaryType;
    if (adapter.listen && adapter.unlisten) adapter.listen(ws, this);
    else {
      const listeners: Listener[] = [
        ['open', () => this.open()],
        ['message', (e: Parameters<SocketListeners['message']>[0]) => this.message(e)],
        ['error', (e: Parameters<SocketListeners['error']>[0]) => this.error(e)],
        ['close', (e: Parameters<SocketListeners['close']>[0]) => this.close(e)],
      ];
      for (const [type, fn] of listeners) ws.addEventListener(type, fn);
      this.#listeners = listeners;
    }
    if (connectTimeout > 0) {
      this.#connectTimer = this.#timers.setTimeout(() => {
        this.#connectTimer = undefined;
        if (this.#done || ws.readyState === OPEN) return;
        this.evidence.connectTimeout = true;
        this.#kill(ws);
      }, connectTimeout);
    }
  }

  /** Starts the heartbeat: ping frames where the runtime has them, else `hb.message` (the client checked at creation that one of the two exists). */
  heartbeat(hb: HeartbeatOptions): void {
    const ws = this.#ws!;
    const adapter = this.#adapter;
    let ping: () => void;
    if (adapter.ping) {
      ping = () => adapter.ping!(ws);
      this.#detachPong = adapter.onPong?.(ws, () => this.#beat?.alive());
    } else {
      const message = hb.message!;
      this.#isPong = hb.isPong;
      ping = () => ws.readyState === OPEN && ws.send(typeof message === 'function' ? message() : message);
    }
    this.#beat = new Heartbeat(this.#timers, hb.intervalMs ?? HEARTBEAT_DEFAULTS.intervalMs, hb.timeoutMs ?? HEARTBEAT_DEFAULTS.timeoutMs, ping, () => this.#dead(ws));
    this.#beat.start();
  }

  /** Starts the closing handshake on the user's behalf (`close()` or `reconnect()`). */
  end(by: 'reopen' | 'user', code?: number, reason?: string): void {
    this.endedBy = by;
    const ws = this.ws;
    if (!ws) return;
    this.evidence.initiator = 'client';
    this.evidence.clientClose = { ...(code === undefined ? {} : { code }), ...(reason === undefined ? {} : { reason }) };
    if (code === undefined) ws.close();
    else ws.close(code, reason);
  }

  /** Stops listening and clears every timer. Idempotent. */
  dispose(): void {
    if (this.#done) return;
    this.#done = true;
    const timers = this.#timers;
    if (this.#connectTimer !== undefined) timers.clearTimeout(this.#connectTimer);
    if (this.#abandonTimer !== undefined) timers.clearTimeout(this.#abandonTimer);
    this.#connectTimer = this.#abandonTimer = undefined;
    this.#beat?.stop();
    this.#beat = undefined;
    this.#detachPong?.();
    this.#detachPong = undefined;
    const ws = this.#ws;
    if (!ws) return;
    if (this.#adapter.listen && this.#adapter.unlisten) this.#adapter.unlisten(ws);
    else for (const [type, fn] of this.#listeners ?? []) ws.removeEventListener(type, fn);
    this.#listeners = undefined;
  }

  // ── what the adapter reports (SocketListeners & EvidenceSink) ─────────────────────────────

  open(): void {
    if (this.#done) return;
    const ws = this.#ws!;
    if (this.#connectTimer !== undefined) this.#timers.clearTimeout(this.#connectTimer);
    this.#connectTimer = undefined;
    this.evidence.opened = Date.now();
    this.openedAt = this.#timers.now ? this.#timers.now() : Date.now();
    this.evidence.protocol = ws.protocol;
    this.#host.opened(this);
  }

  message(event: Parameters<SocketListeners['message']>[0]): void {
    if (this.#done) return;
    this.evidence.lastIn = Date.now();
    this.#beat?.alive();
    if (this.#isPong?.(event.data)) return;
    this.#host.message(event.data);
  }

  error(event: Parameters<SocketListeners['error']>[0]): void {
    if (this.#done) return;
    const err = event.error;
    const code = typeof err?.code === 'string' ? err.code : undefined;
    const message = typeof err?.message === 'string' ? err.message : typeof event.message === 'string' ? event.message : undefined;
    if (code !== undefined || message !== undefined) this.evidence.transportError ??= transportError(code, message);
    this.#host.error(err ?? event);
  }

  close(event: Parameters<SocketListeners['close']>[0]): void {
    this.#finish({ code: event.code, reason: event.reason, wasClean: event.wasClean });
  }

  handshake(status: number, headers: Readonly<Record<string, string | string[] | undefined>>): void {
    if (this.#done) return;
    this.evidence.handshakeStatus = status;
    this.#host.handshake(status, headers);
  }

  transportError(code: string | undefined, message: string | undefined): void {
    if (!this.#done) this.evidence.transportError = transportError(code, message);
  }

  environment(patch: Parameters<EvidenceSink['environment']>[0]): void {
    this.#host.environment(patch);
  }

  // ── ending ──────────────────────────────────────────────────────────────────────────────

  #finish(raw: RawClose): void {
    if (this.#done) return;
    this.dispose();
    const ev = this.evidence;
    if (ev.initiator !== 'client') ev.initiator = raw.code === 1006 ? 'unknown' : 'server';
    this.#host.closed(this, raw);
  }

  /** Ends the socket without a closing handshake where the runtime can (Node), else closes it. */
  #kill(ws: WebSocketLike): void {
    if (this.#adapter.terminate) this.#adapter.terminate(ws);
    else ws.close();
  }

  /** A heartbeat got no answer: end the connection now, to be diagnosed as dead. */
  #dead(ws: WebSocketLike): void {
    if (this.#done) return;
    this.evidence.heartbeatTimeout = true;
    this.#kill(ws); // Node reports 1006 at once
    if (this.#adapter.terminate || this.#done) return;
    // A dead browser socket may take minutes to report; give it a moment, then report it ourselves.
    this.#abandonTimer = this.#timers.setTimeout(() => {
      this.#abandonTimer = undefined;
      this.#finish({ code: 1006, reason: '', wasClean: false, abandoned: true });
    }, ABANDON_GRACE_MS);
  }
}

/** A transport error as evidence: only the fields the runtime gave. */
function transportError(code: string | undefined, message: string | undefined): { code?: string; message?: string } {
  return { ...(code ? { code } : {}), ...(message ? { message } : {}) };
}
