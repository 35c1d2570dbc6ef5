import { EvidenceRecorder } from './EvidenceRecorder.js';
import type { Heartbeat, HeartbeatRun } from './Heartbeat.js';
import type { StatusProbe } from '@sockdoc/diagnose';
import type { Headers, Transport, TransportEvents, TransportSocket } from './Transport.js';
import type { IncomingData, RawClose, Timers } from './types.js';

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
  handshake(status: number, headers: Headers): void;
}

/**
 * One connection attempt: its socket, the evidence it records, its connect and abandon timers
 * and its heartbeat, disposed as a unit. Events of a disposed connection are ignored, so the
 * client never has to tell a stale socket from the current one.
 */
export class Connection implements TransportEvents {
  readonly evidence = new EvidenceRecorder();
  /** When the socket opened, on the client's clock. */
  openedAt: number | undefined;
  /** Who asked this connection to end, if anyone did: `reopen` for `reconnect()`, `user` for `close()`. */
  endedBy: 'reopen' | 'user' | undefined;
  #socket: TransportSocket | undefined;
  #done = false;
  #connectTimer: unknown;
  #abandonTimer: unknown;
  #beat: HeartbeatRun | undefined;
  readonly #host: ConnectionHost;
  readonly #transport: Transport;
  readonly #timers: Timers;

  constructor(host: ConnectionHost, transport: Transport, timers: Timers) {
    this.#host = host;
    this.#transport = transport;
    this.#timers = timers;
  }

  /** The socket, once `start` opened it; undefined after the connection ended. */
  get socket(): TransportSocket | undefined {
    return this.#done ? undefined : this.#socket;
  }

  /** Runs `onTimeout` after `ms` unless the socket opens first or the connection is disposed (resolving the URL, then the handshake). 0 = never. */
  deadline(ms: number, onTimeout: () => void): void {
    if (ms <= 0) return;
    this.#connectTimer = this.#timers.setTimeout(() => {
      this.#connectTimer = undefined;
      if (!this.#done) onTimeout();
    }, ms);
  }

  /** Opens the socket and listens to it. Throws what the runtime throws (an invalid subprotocol, no WebSocket). */
  start(url: string, protocols: readonly string[] | undefined, binaryType: 'arraybuffer' | 'blob', connectTimeout: number): void {
    if (protocols?.length) this.evidence.protocolsRequested = true;
    const socket = (this.#socket = this.#transport.open(url, protocols, binaryType, this));
    if (this.#connectTimer !== undefined) this.#timers.clearTimeout(this.#connectTimer);
    this.#connectTimer = undefined;
    if (connectTimeout > 0) {
      this.#connectTimer = this.#timers.setTimeout(() => {
        this.#connectTimer = undefined;
        if (this.#done || socket.readyState === OPEN) return;
        this.evidence.connectTimeout = true;
        this.#kill(socket);
      }, connectTimeout);
    }
  }

  /** Starts the heartbeat: ping frames where the socket has them, else the heartbeat's message (the client checked at creation that one of the two exists). */
  heartbeat(hb: Heartbeat): void {
    const socket = this.#socket!;
    this.#beat = hb.start({
      timers: this.#timers,
      ping: socket.ping && (() => socket.ping!()),
      send: (message) => socket.readyState === OPEN && socket.send(message),
      dead: () => this.#dead(socket),
    });
  }

  /** Starts the closing handshake on the user's behalf (`close()` or `reconnect()`). */
  end(by: 'reopen' | 'user', code?: number, reason?: string): void {
    this.endedBy = by;
    const socket = this.socket;
    if (!socket) return;
    this.evidence.initiator = 'client';
    this.evidence.clientClose = { ...(code === undefined ? {} : { code }), ...(reason === undefined ? {} : { reason }) };
    socket.close(code, reason);
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
    this.#socket?.detach();
  }

  // ── what the transport reports (TransportEvents) ────────────────────────────────────────

  open(): void {
    if (this.#done) return;
    if (this.#connectTimer !== undefined) this.#timers.clearTimeout(this.#connectTimer);
    this.#connectTimer = undefined;
    this.evidence.opened = Date.now();
    this.openedAt = this.#timers.now ? this.#timers.now() : Date.now();
    this.evidence.protocol = this.#socket!.protocol;
    this.#host.opened(this);
  }

  message(data: IncomingData): void {
    if (this.#done) return;
    this.evidence.lastIn = Date.now();
    const beat = this.#beat;
    if (beat) {
      beat.alive();
      if (beat.isPong(data)) return;
    }
    this.#host.message(data);
  }

  pong(): void {
    this.#beat?.alive();
  }

  error(error: unknown, code?: string, message?: string): void {
    if (this.#done) return;
    if (code !== undefined || message !== undefined) this.evidence.transportError ??= transportError(code, message);
    this.#host.error(error);
    // A handshake that failed must be followed by a close; some runtimes never report it (Node 20's undici).
    const grace = this.#transport.closeGraceMs;
    if (this.evidence.opened === undefined && grace !== undefined) this.#awaitClose(grace);
  }

  close(code: number, reason: string, wasClean: boolean): void {
    this.#finish({ code, reason, wasClean });
  }

  statusProbe(result: StatusProbe): void {
    if (!this.#done) this.evidence.statusProbe = result;
  }

  handshake(status: number, headers: Headers): void {
    if (this.#done) return;
    this.evidence.handshakeStatus = status;
    const wait = headers['retry-after'];
    this.evidence.retryAfter = Array.isArray(wait) ? wait[0] : wait;
    this.#host.handshake(status, headers);
  }

  transportError(code: string | undefined, message: string | undefined): void {
    if (!this.#done) this.evidence.transportError = transportError(code, message);
  }

  // ── ending ──────────────────────────────────────────────────────────────────────────────

  #finish(raw: RawClose): void {
    if (this.#done) return;
    this.dispose();
    const ev = this.evidence;
    if (ev.initiator !== 'client') ev.initiator = raw.code === 1006 ? 'unknown' : 'server';
    this.#host.closed(this, raw);
  }

  /** Ends the socket without a closing handshake where the runtime can (Node: it reports 1006 at once), else closes it, waiting for the close where the transport says it may never come. */
  #kill(socket: TransportSocket): void {
    if (socket.terminate) return socket.terminate();
    socket.close();
    const grace = this.#transport.closeGraceMs;
    if (grace !== undefined) this.#awaitClose(grace);
  }

  /**
   * The runtime must report a close now: give it a moment, then end the attempt as it should
   * have (1006: no Close frame came), marked as not reported so that the diagnosis says so.
   */
  #awaitClose(ms: number): void {
    if (this.#done || this.#abandonTimer !== undefined) return;
    this.#abandonTimer = this.#timers.setTimeout(() => {
      this.#abandonTimer = undefined;
      this.evidence.closeNotReported = true;
      this.#finish({ code: 1006, reason: '', wasClean: false, abandoned: true });
    }, ms);
  }

  /** A heartbeat got no answer: end the connection now, to be diagnosed as dead. */
  #dead(socket: TransportSocket): void {
    if (this.#done) return;
    this.evidence.heartbeatTimeout = true;
    this.#kill(socket);
    // A dead browser socket may take minutes to report: give it a moment, then report it ourselves.
    if (!socket.terminate) this.#awaitClose(ABANDON_GRACE_MS);
  }
}

/** A transport error as evidence: only the fields the runtime gave. */
function transportError(code: string | undefined, message: string | undefined): { code?: string; message?: string } {
  return { ...(code ? { code } : {}), ...(message ? { message } : {}) };
}
