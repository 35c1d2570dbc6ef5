import { EventEmitter } from 'eventemitter3';
import type { DiagnoseContext, DiagnoseLocale, Diagnosis } from '@sockdoc/diagnose';
import { checkOutgoing, checkString, checkTextBytes, typeName, type CheckedMessage } from './checkOutgoing.js';
import { EvidenceRecorder } from './EvidenceRecorder.js';
import { CloseArgumentError } from './errors/CloseArgumentError.js';
import { ContractError } from './errors/ContractError.js';
import { OptionError } from './errors/OptionError.js';
import { StateError } from './errors/StateError.js';
import { Heartbeat, HEARTBEAT_DEFAULTS } from './Heartbeat.js';
import { loadDiagnose, loadedDiagnose, type DiagnoseFunction } from './loadDiagnose.js';
import { OutgoingQueue, QUEUE_DEFAULTS, toUnsent, type QueueOptions } from './OutgoingQueue.js';
import { defaultDelay, isAuthFailure, resolveReconnect, type ResolvedReconnect, type StopReason } from './reconnectPolicy.js';
import { toJson } from './toJson.js';
import { findLoneSurrogate, isUtf8, MAX_CLOSE_REASON_BYTES, utf8ByteLength } from './validation.js';
import { diagnoseByCode, isSendableCloseCode } from '@sockdoc/diagnose/codes';
import type {
  Channel,
  Dynamic,
  EvidenceSink,
  RawClose,
  ReconnectPlan,
  RuntimeAdapter,
  SocketEvents,
  SocketListeners,
  SocketOptions,
  SocketSnapshot,
  Timers,
  WebSocketLike,
} from './types.js';

const OPEN = 1;
const DEFAULT_CONNECT_TIMEOUT = 15_000;
/** How long a browser socket abandoned after a missed heartbeat may take to report its close before sockdoc reports it. */
const ABANDON_GRACE_MS = 1_000;

const GLOBAL_TIMERS: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

let textDecoder: TextDecoder | undefined;

/**
 * The snapshot of a client that has not connected yet (with `url: ''`). Server renders and
 * components without a socket can show it.
 *
 * @example
 * useSyncExternalStore(subscribe, getSnapshot, () => IDLE_SNAPSHOT);
 */
export const IDLE_SNAPSHOT: SocketSnapshot = Object.freeze({
  status: 'idle',
  url: '',
  protocol: '',
  extensions: '',
  queued: 0,
  lastClose: undefined,
  attempts: 0,
  handshakeResponse: undefined,
  reconnect: undefined,
  stopped: undefined,
});

/** What follows a close: stop for a reason, or run an attempt after a plan's delay. */
type Decision = { readonly stop: StopReason; readonly diagnosis: Diagnosis | undefined } | { readonly plan: ReconnectPlan; readonly run: () => void };

function normalizeUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new OptionError('SOCKDOC_INVALID_URL', `Invalid WebSocket URL (got ${JSON.stringify(String(url))}): it must be absolute, e.g. "wss://example.com/socket".`);
  }
  // WHATWG: http(s) URLs are accepted and mean ws(s); fragments are not allowed.
  if (parsed.protocol === 'http:') parsed.protocol = 'ws:';
  else if (parsed.protocol === 'https:') parsed.protocol = 'wss:';
  if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') {
    throw new OptionError('SOCKDOC_INVALID_URL', `WebSocket URLs must use ws: or wss: (got ${parsed.protocol} in ${JSON.stringify(url)}).`);
  }
  if (parsed.hash) throw new OptionError('SOCKDOC_INVALID_URL', `WebSocket URLs cannot have a fragment (got ${JSON.stringify(parsed.hash)} in ${JSON.stringify(url)}).`);
  return parsed.href;
}

function positiveOption(name: string, v: unknown, allowZero = false): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (!allowZero && v === 0)) {
    throw new OptionError('SOCKDOC_INVALID_OPTION', `Option ${name} must be a ${allowZero ? 'non-negative' : 'positive'} number (got ${typeName(v)} ${String(v)}).`);
  }
  return v;
}

const isThenable = <T,>(v: unknown): v is PromiseLike<T> => typeof (v as { then?: unknown } | null)?.then === 'function';

function evaluate<T>(source: Dynamic<T>): T | PromiseLike<T> {
  return typeof source === 'function' ? (source as () => T | Promise<T>)() : source;
}

/** A transport error as evidence: only the fields the runtime gave. */
function transportError(code: string | undefined, message: string | undefined): { code?: string; message?: string } {
  return { ...(code ? { code } : {}), ...(message ? { message } : {}) };
}

type Listener = [type: 'open' | 'message' | 'close' | 'error', fn: (e: never) => void];
const subscribed = new WeakMap<WebSocketLike, Listener[]>();

/** Subscribes to a socket's events with `addEventListener` (browsers, injected constructors). */
function addListeners(ws: WebSocketLike, client: SocketListeners): void {
  const listeners: Listener[] = [
    ['open', () => client.open()],
    ['message', (e: Parameters<SocketListeners['message']>[0]) => client.message(e)],
    ['error', (e: Parameters<SocketListeners['error']>[0]) => client.error(e)],
    ['close', (e: Parameters<SocketListeners['close']>[0]) => client.close(e)],
  ];
  for (const [type, fn] of listeners) ws.addEventListener(type, fn);
  subscribed.set(ws, listeners);
}

function removeListeners(ws: WebSocketLike): void {
  for (const [type, fn] of subscribed.get(ws) ?? []) ws.removeEventListener(type, fn);
  subscribed.delete(ws);
}

function toProtocols(p: string | readonly string[] | undefined): readonly string[] | undefined {
  return p === undefined ? undefined : typeof p === 'string' ? [p] : [...p];
}

/**
 * A WebSocket client that checks every outgoing message against a declared contract,
 * diagnoses every close, and reconnects only when the diagnosis says a retry can help.
 * Create it with `createSocket` from `@sockdoc/browser`, `@sockdoc/node`, or `@sockdoc/core`
 * with an injected `WebSocket`.
 *
 * @example
 * const socket = createSocket('wss://example.com/chat', { WebSocket, channel: 'text' });
 * socket.on('close', (d) => console.log(d.summary));
 * socket.send(JSON.stringify({ hello: 'world' }));
 */
export class SocketClient extends EventEmitter<SocketEvents> {
  readonly #adapter: RuntimeAdapter;
  readonly #channel: Channel;
  readonly #max: number | undefined;
  readonly #contract: boolean;
  readonly #binaryType: 'arraybuffer' | 'blob';
  readonly #locale: SocketOptions['locale'];
  readonly #locales: readonly DiagnoseLocale[] | undefined;
  readonly #diagnose: DiagnoseFunction | undefined;
  readonly #onDiagnosedClose: ((d: Diagnosis) => void) | undefined;
  /** Queue limits, or undefined when queueing is off. The queue itself is created on first use. */
  readonly #queueOptions: QueueOptions | undefined;
  #queue: OutgoingQueue | undefined;
  readonly #connectTimeout: number;
  readonly #reconnect: ResolvedReconnect | undefined;
  readonly #refresh: SocketOptions['refresh'];
  readonly #heartbeat: SocketOptions['heartbeat'];
  readonly #timers: Timers;
  readonly #random: () => number;
  /** Encode-once path for strings, when the runtime offers it (Node). */
  readonly #encode: ((s: string) => Uint8Array) | undefined;

  #urlSource: Dynamic<string>;
  #protocolSource: Dynamic<string | readonly string[] | undefined>;
  #ws: WebSocketLike | undefined;
  #evidence!: EvidenceRecorder;
  #generation = 0;
  /** Stops the heartbeat's pong listener (runtimes with ping frames). */
  #detachPong: (() => void) | undefined;
  #stopWatch: (() => void) | undefined;
  #connectTimer: unknown;
  #reconnectTimer: unknown;
  /** When the current connection opened, on the client's clock (for the stable-connection rule). */
  #openedAt: number | undefined;
  #abandonTimer: unknown;
  #beat: Heartbeat | undefined;
  /** Consecutive failed attempts since the last stable connection. */
  #failures = 0;
  #neverOpened = 0;
  #streakStart: number | undefined;
  #refreshed = false;
  /** The attempt a scheduled reconnect will run (plain, or refresh-then-attempt). */
  #pendingAttempt: (() => void) | undefined;
  /** Set by `pagehide`, cleared when the page is visible again: reconnects wait meanwhile. */
  #pageHidden = false;
  /** reconnect() closed the socket: open a new one right after the close is reported. */
  #reopen = false;
  /** What the runtime reported about the environment (browsers); undefined until it reports. */
  #env: { online?: boolean; visibility?: 'visible' | 'hidden'; wentOfflineAt?: number; hiddenAt?: number } | undefined;
  #listeners: Set<() => void> | undefined;
  #snapshot: SocketSnapshot;

  constructor(url: Dynamic<string>, options: SocketOptions) {
    super();
    const adapter = options.adapter ?? (options.WebSocket ? { runtime: 'other' as const, create: (u: string, p: readonly string[] | undefined) => new options.WebSocket!(u, p ? [...p] : undefined) } : undefined);
    if (!adapter) throw new OptionError('SOCKDOC_INVALID_OPTION', 'createSocket needs a WebSocket constructor or an adapter (got neither). Use @sockdoc/browser or @sockdoc/node, or pass { WebSocket }.');
    this.#adapter = adapter;
    this.#encode = adapter.encodeText && adapter.sendTextBytes ? adapter.encodeText : undefined;
    const channel = options.channel ?? 'text';
    if (channel !== 'text' && channel !== 'binary' && channel !== 'mixed') {
      throw new OptionError('SOCKDOC_INVALID_OPTION', `Option channel must be 'text', 'binary' or 'mixed' (got ${JSON.stringify(channel)}).`);
    }
    this.#contract = options.contract !== false;
    this.#channel = this.#contract ? channel : 'mixed';
    this.#max = this.#contract ? positiveOption('maxMessageBytes', options.maxMessageBytes) : undefined;
    this.#urlSource = typeof url === 'string' ? normalizeUrl(url) : url;
    this.#protocolSource = options.protocols;
    this.#binaryType = options.binaryType ?? 'arraybuffer';
    this.#locale = options.locale;
    this.#locales = options.locales;
    this.#diagnose = options.diagnose;
    this.#onDiagnosedClose = options.onDiagnosedClose;
    const q = options.queue ?? true;
    if (typeof q === 'object') {
      positiveOption('queue.maxMessages', q.maxMessages);
      positiveOption('queue.maxBytes', q.maxBytes);
      if (q.overflow !== undefined && q.overflow !== 'refuse' && q.overflow !== 'drop-oldest') {
        throw new OptionError('SOCKDOC_INVALID_OPTION', `Option queue.overflow must be 'refuse' or 'drop-oldest' (got ${JSON.stringify(q.overflow)}).`);
      }
    }
    // A copy: the queue is created later, from the limits validated now, whatever the caller's object becomes.
    this.#queueOptions = q === false ? undefined : q === true ? QUEUE_DEFAULTS : { ...q };
    this.#connectTimeout = positiveOption('connectTimeout', options.connectTimeout, true) ?? DEFAULT_CONNECT_TIMEOUT;
    this.#reconnect = resolveReconnect(options.reconnect);
    this.#refresh = options.refresh;
    this.#heartbeat = options.heartbeat && { ...options.heartbeat };
    if (this.#heartbeat) {
      positiveOption('heartbeat.intervalMs', this.#heartbeat.intervalMs);
      positiveOption('heartbeat.timeoutMs', this.#heartbeat.timeoutMs);
    }
    this.#timers = options.timers ?? GLOBAL_TIMERS;
    this.#random = options.random ?? Math.random;
    this.#snapshot = typeof this.#urlSource === 'string' ? Object.freeze({ ...IDLE_SNAPSHOT, url: this.#urlSource }) : IDLE_SNAPSHOT;
    this.#client = new SocketClient.#Client(this);
    if (options.autoConnect !== false) this.connect();
  }

  /**
   * Bytes handed to the socket but not yet sent (the runtime's `bufferedAmount`), plus 0 when
   * there is no socket. Check it to apply backpressure when sending a lot.
   *
   * @example
   * while (socket.bufferedAmount > 1 << 20) await new Promise((r) => setTimeout(r, 10));
   */
  get bufferedAmount(): number {
    return this.#ws?.bufferedAmount ?? 0;
  }

  /** The URL of the current (or last) connection attempt. */
  get url(): string {
    return this.#snapshot.url;
  }

  /**
   * Subscribes to snapshot changes (for `useSyncExternalStore`). Returns the unsubscribe function.
   *
   * @example
   * const stop = socket.subscribe(() => render(socket.getSnapshot()));
   */
  get subscribe(): (listener: () => void) => () => void {
    // Bound on first use, so it can be passed around unbound (as React does) without a bind per client.
    return (this.#subscribe ??= (listener) => {
      (this.#listeners ??= new Set()).add(listener);
      return () => this.#listeners!.delete(listener);
    });
  }

  /**
   * The current state. The same object until a field changes.
   *
   * @example
   * socket.getSnapshot().status; // 'connecting'
   */
  get getSnapshot(): () => SocketSnapshot {
    return (this.#getSnapshot ??= () => this.#snapshot);
  }

  /**
   * Opens the connection if it is idle or closed (a new start: attempt counts reset), or
   * reconnects now if a reconnect is scheduled. Queued messages go out in order on open.
   *
   * @example
   * const socket = createSocket(url, { WebSocket, autoConnect: false });
   * socket.connect();
   */
  connect(): void {
    const s = this.#snapshot.status;
    if (s === 'connecting' || s === 'open' || s === 'closing') return;
    if (s === 'reconnecting') {
      this.#clearTimer('reconnect');
      this.#attempt();
      return;
    }
    this.#failures = 0;
    this.#neverOpened = 0;
    this.#streakStart = undefined;
    this.#refreshed = false;
    this.#stopWatch ??= this.#adapter.watch?.(this.#client);
    this.#set({ stopped: undefined });
    this.#attempt();
  }

  /**
   * Starts a fresh connection now: reconnects at once if a reconnect is scheduled, connects
   * if stopped, and otherwise closes the current connection (1000) and opens a new one.
   * Queued messages are kept for the new connection.
   *
   * @example
   * retryButton.onclick = () => socket.reconnect();
   */
  reconnect(): void {
    const s = this.#snapshot.status;
    if (s !== 'open' && s !== 'connecting') {
      this.connect();
      return;
    }
    const ws = this.#ws!;
    this.#reopen = true;
    this.#evidence.initiator = 'client';
    this.#evidence.clientClose = { code: 1000, reason: 'reconnect' };
    this.#set({ status: 'closing' });
    ws.close(1000, 'reconnect');
  }

  /**
   * Sends a string or bytes after checking the contract. Throws a `ContractError` (and emits
   * `violation`) when the message breaks it: nothing is sent and the connection stays open.
   * Returns `'sent'` when written to the open socket, `'queued'` when it waits for the socket
   * to (re)open; a queued message is later `flushed`, `dropped` or handed back as `unsent`.
   *
   * @example
   * socket.send('{"type":"ping"}');
   * socket.send(new Uint8Array([1, 2])); // on a text channel: throws SOCKDOC_BINARY_ON_TEXT_CHANNEL
   */
  send(data: string | ArrayBuffer | ArrayBufferView | Blob): 'sent' | 'queued' {
    let msg: CheckedMessage;
    try {
      if (!this.#contract) msg = this.#unchecked(data);
      else if (typeof data === 'string') msg = checkString(data, this.#channel, this.#max, this.#snapshot.status === 'open' ? this.#encode : undefined);
      else msg = checkOutgoing(data, this.#channel, this.#max);
    } catch (err) {
      throw this.#violation(err);
    }
    return this.#deliver(msg);
  }

  /**
   * Sends UTF-8 bytes as a text frame. The bytes must be valid UTF-8 (else SOCKDOC_INVALID_UTF8,
   * predicted close 1007). In Node the bytes go out as they are; in browsers they are decoded
   * to a string first, because browsers send all bytes as binary frames.
   *
   * @example
   * socket.sendText(new TextEncoder().encode('héllo'));
   */
  sendText(bytes: Uint8Array | ArrayBuffer): 'sent' | 'queued' {
    let msg: CheckedMessage;
    try {
      if (this.#contract) msg = checkTextBytes(bytes, this.#channel, this.#max, this.#adapter.isUtf8);
      else {
        const view = bytes instanceof Uint8Array ? bytes : ArrayBuffer.isView(bytes) ? new Uint8Array((bytes as ArrayBufferView).buffer) : new Uint8Array(bytes);
        msg = { data: view, kind: 'text', bytes: view.byteLength, asText: true };
      }
    } catch (err) {
      throw this.#violation(err);
    }
    return this.#deliver(msg);
  }

  /**
   * Serializes `value` as JSON and sends it as text. Refuses what JSON cannot represent
   * faithfully (cycles, BigInt, functions, undefined, NaN, Map/Set) with SOCKDOC_JSON_UNREPRESENTABLE.
   *
   * @example
   * socket.sendJson({ type: 'join', room: 'general' });
   */
  sendJson(value: unknown): 'sent' | 'queued' {
    let json: string;
    try {
      json = toJson(value);
    } catch (err) {
      throw this.#violation(err);
    }
    return this.send(json);
  }

  /**
   * Closes for good: starts the closing handshake (or cancels a scheduled reconnect). `code`
   * must be 1000 or 3000-4999 and `reason` at most 123 UTF-8 bytes, exactly as browsers require,
   * on every runtime. Queued messages are handed back through the `unsent` event.
   *
   * @example
   * socket.close(1000, 'bye');
   * socket.close(4001, '用户退出');
   */
  close(code?: number, reason?: string): void {
    if (code !== undefined && !isSendableCloseCode(code)) {
      throw new CloseArgumentError('SOCKDOC_INVALID_CLOSE_CODE', `Close code must be 1000 or an integer in 3000-4999, as browsers require (got ${typeName(code)} ${String(code)}). Codes 1001-2999 are reserved for the protocol.`);
    }
    if (reason !== undefined) {
      if (typeof reason !== 'string') throw new CloseArgumentError('SOCKDOC_INVALID_CLOSE_REASON', `Close reason must be a string (got ${typeName(reason)}).`);
      const lone = findLoneSurrogate(reason);
      if (lone !== -1) throw new CloseArgumentError('SOCKDOC_INVALID_CLOSE_REASON', `Close reason must be well-formed UTF-16 (lone surrogate at index ${lone}).`);
      const bytes = utf8ByteLength(reason);
      if (bytes > MAX_CLOSE_REASON_BYTES) {
        throw new CloseArgumentError('SOCKDOC_CLOSE_REASON_TOO_LONG', `Close reason must be at most ${MAX_CLOSE_REASON_BYTES} UTF-8 bytes (got ${bytes} bytes in ${reason.length} characters; CJK characters take 3 bytes each).`);
      }
    }
    const ws = this.#ws;
    const status = this.#snapshot.status;
    if (status === 'closing' || status === 'closed') return;
    if (!ws) {
      // idle, reconnecting, or still resolving the URL: nothing is on the wire
      this.#generation++;
      this.#stop('closed_by_user', this.#snapshot.lastClose);
      return;
    }
    this.#reopen = false;
    this.#evidence.initiator = 'client';
    this.#evidence.clientClose = { ...(code === undefined ? {} : { code }), ...(reason === undefined ? {} : { reason }) };
    this.#set({ status: 'closing' });
    this.#handBack();
    if (code === undefined) ws.close();
    else ws.close(code, reason);
  }

  // ── sending ─────────────────────────────────────────────────────────────────────────────

  /** Reports a contract refusal as a `violation` event; returns the error to rethrow. */
  #violation(err: unknown): unknown {
    if (err instanceof ContractError) this.emit('violation', err);
    return err;
  }

  /** With the contract off: still refuse values no runtime can send, but skip channel, UTF-8 and size rules. */
  #unchecked(data: unknown): CheckedMessage {
    if (typeof data === 'string') return { data, kind: 'text', bytes: utf8ByteLength(data) };
    return checkOutgoing(data, 'mixed', undefined);
  }

  #deliver(msg: CheckedMessage): 'sent' | 'queued' {
    const ws = this.#ws;
    const status = this.#snapshot.status;
    if (ws && status === 'open' && ws.readyState === OPEN) {
      this.#write(ws, msg);
      return 'sent';
    }
    // Not open, or the runtime is already closing a connection we have not heard the end of
    // (its close event is pending): queue for the next connection rather than write into a dying socket.
    const options = this.#queueOptions;
    if (!options || status === 'closed' || (status === 'closing' && !this.#reopen)) {
      throw new StateError('SOCKDOC_NOT_OPEN', `Cannot send while the connection is ${status}${options ? '' : ' and queueing is off'} (message of ${msg.bytes} bytes). Nothing was sent.`);
    }
    const queue = (this.#queue ??= new OutgoingQueue(options));
    const dropped = queue.push(msg);
    this.#set({ queued: queue.length });
    for (const m of dropped) this.emit('dropped', toUnsent(m));
    return 'queued';
  }

  #write(ws: WebSocketLike, msg: CheckedMessage): void {
    if (msg.asText) {
      const view = msg.data as Uint8Array;
      if (this.#adapter.sendTextBytes) this.#adapter.sendTextBytes(ws, view);
      else ws.send((textDecoder ??= new TextDecoder()).decode(view));
      this.#evidence.sent('text', msg.bytes, this.#contract ? true : (this.#adapter.isUtf8 ?? isUtf8)(view));
    } else {
      ws.send(msg.data);
      this.#evidence.sent(msg.kind, msg.bytes, msg.kind === 'text' ? true : undefined);
    }
  }

  /** Hands queued messages back in order: they will not be sent by this client. */
  #handBack(): void {
    if (!this.#queue || this.#queue.length === 0) return;
    const unsent = this.#queue.takeAll().map(toUnsent);
    this.#set({ queued: 0 });
    this.emit('unsent', unsent);
  }

  // ── connecting ──────────────────────────────────────────────────────────────────────────

  /** One connection attempt: resolve URL and protocols (maybe asynchronously), then open. */
  #attempt(): void {
    const generation = ++this.#generation;
    // Load the diagnosis now, so it is there when this connection closes, even offline.
    if (!this.#diagnose) void loadDiagnose();
    this.#evidence = new EvidenceRecorder();
    this.#set({ status: 'connecting', attempts: this.#snapshot.attempts + 1, protocol: '', extensions: '', handshakeResponse: undefined, reconnect: undefined });
    let url: string | PromiseLike<string>;
    let protocols: string | readonly string[] | undefined | PromiseLike<string | readonly string[] | undefined>;
    try {
      url = evaluate(this.#urlSource);
      protocols = evaluate(this.#protocolSource);
    } catch (err) {
      this.#resolveFailed(err);
      return;
    }
    if (isThenable(url) || isThenable(protocols)) {
      Promise.all([url, protocols]).then(
        ([u, p]) => generation === this.#generation && this.#open(u, p),
        (err: unknown) => generation === this.#generation && this.#resolveFailed(err),
      );
    } else this.#open(url, protocols);
  }

  #resolveFailed(err: unknown): void {
    this.emit('error', err);
    this.#apply(this.#decide(undefined, false));
  }

  #open(rawUrl: string, protocols: string | readonly string[] | undefined): void {
    let url: string;
    try {
      url = normalizeUrl(rawUrl);
    } catch (err) {
      this.emit('error', err);
      this.#stop('invalid_url', undefined);
      return;
    }
    this.#set({ url });
    let ws: WebSocketLike;
    try {
      ws = this.#adapter.create(url, toProtocols(protocols));
    } catch (err) {
      // e.g. a SyntaxError for an invalid subprotocol, or no WebSocket during SSR
      this.emit('error', err);
      this.#stop('invalid_url', undefined);
      return;
    }
    this.#ws = ws;
    ws.binaryType = this.#binaryType;
    if (this.#adapter.listen && this.#adapter.unlisten) this.#adapter.listen(ws, this.#client);
    else addListeners(ws, this.#client);
    if (this.#connectTimeout > 0) {
      this.#connectTimer = this.#timers.setTimeout(() => {
        this.#connectTimer = undefined;
        if (this.#ws === ws && ws.readyState !== OPEN) {
          this.#evidence.connectTimeout = true;
          if (this.#adapter.terminate) this.#adapter.terminate(ws);
          else ws.close();
        }
      }, this.#connectTimeout);
    }
  }

  #onOpen(): void {
    const ws = this.#ws!;
    this.#clearTimer('connect');
    this.#evidence.opened = Date.now();
    this.#openedAt = this.#now();
    this.#evidence.protocol = ws.protocol;
    this.#neverOpened = 0;
    this.#set({ status: 'open', protocol: ws.protocol ?? '', extensions: ws.extensions ?? '' });
    this.#startHeartbeat(ws);
    this.#flush(ws);
    this.emit('open');
  }

  #flush(ws: WebSocketLike): void {
    if (!this.#queue || this.#queue.length === 0) return;
    const queued = this.#queue.takeAll();
    const written: CheckedMessage[] = [];
    for (let i = 0; i < queued.length; i++) {
      if (ws.readyState !== OPEN) {
        this.#queue.unshift(queued.slice(i));
        break;
      }
      this.#write(ws, queued[i]!);
      written.push(queued[i]!);
    }
    this.#set({ queued: this.#queue.length });
    if (written.length) this.emit('flushed', written.map(toUnsent));
  }

  #onMessage(event: Parameters<SocketListeners['message']>[0]): void {
    this.#evidence.lastIn = Date.now();
    this.#beat?.alive();
    const isPong = this.#heartbeat?.isPong;
    if (isPong && !this.#adapter.ping && isPong(event.data)) return;
    this.emit('message', event.data);
  }

  #onError(event: Parameters<SocketListeners['error']>[0]): void {
    const err = event.error;
    const code = typeof err?.code === 'string' ? err.code : undefined;
    const message = typeof err?.message === 'string' ? err.message : typeof event.message === 'string' ? event.message : undefined;
    if (code !== undefined || message !== undefined) this.#evidence.transportError ??= transportError(code, message);
    this.emit('error', err ?? event);
  }

  #onClose(event: Parameters<SocketListeners['close']>[0]): void {
    this.#closed({ code: event.code, reason: event.reason, wasClean: event.wasClean });
  }

  /** The client's clock (injected timers may bring their own). */
  #now(): number {
    return this.#timers.now ? this.#timers.now() : Date.now();
  }

  /** Handles the end of one connection: diagnose, report, then reconnect or stop. */
  #closed(raw: RawClose): void {
    const ws = this.#ws;
    if (!ws) return;
    this.#release(ws);
    const ev = this.#evidence;
    if (ev.initiator !== 'client') ev.initiator = raw.code === 1006 ? 'unknown' : 'server';
    const evidence = ev.context({ runtime: this.#adapter.runtime, closed: Date.now(), channel: this.#channel, maxMessageBytes: this.#max, attempt: this.#failures, ...this.#env });
    this.#report(raw, evidence, ev);
  }

  /**
   * Diagnoses one close, reports it, then reconnects or stops, all at once: never waiting for a
   * chunk. Without the diagnosis module (not loaded yet, or blocked) the close is judged from its
   * code alone (`diagnoseByCode`), in the locale object when one was given.
   */
  #report(raw: RawClose, evidence: DiagnoseContext, ev: EvidenceRecorder): void {
    const locale = this.#locale;
    const run = this.#diagnose ?? loadedDiagnose();
    const diagnosis = run ? this.#diagnoseWith(run, raw, evidence) : diagnoseByCode(raw, typeof locale === 'object' && !Array.isArray(locale) ? (locale as DiagnoseLocale) : undefined);
    if (!run) void loadDiagnose().then((fn) => fn && this.#rediagnose(fn, diagnosis, raw, evidence));
    const reopen = this.#reopen;
    this.#reopen = false;
    const next: Decision = reopen
      ? { plan: { attempt: 0, delayMs: 0, diagnosis }, run: () => this.#attempt() }
      : ev.initiator === 'client'
        ? { stop: 'closed_by_user', diagnosis }
        : this.#decide(diagnosis, ev.opened !== undefined);
    // One snapshot for the close and what follows it, so `close` listeners see the next status.
    this.#set({ lastClose: diagnosis, ...this.#stateFor(next) });
    this.emit('close', diagnosis, raw, evidence);
    if (this.#onDiagnosedClose) {
      try {
        this.#onDiagnosedClose(diagnosis);
      } catch (err) {
        this.emit('error', err);
      }
    }
    this.#apply(next);
  }

  #diagnoseWith(run: DiagnoseFunction, raw: RawClose, evidence: DiagnoseContext): Diagnosis {
    const locale = this.#locale;
    return run(raw, evidence, { ...(locale === undefined ? {} : { locale }), ...(this.#locales ? { locales: this.#locales } : {}) });
  }

  /**
   * The module arrived after a close judged from its code: diagnose that close again from what
   * was recorded, and put the full diagnosis in the snapshot while it is still the latest close.
   * What the client decided at the close stands.
   */
  #rediagnose(run: DiagnoseFunction, byCode: Diagnosis, raw: RawClose, evidence: DiagnoseContext): void {
    const snap = this.#snapshot;
    if (snap.lastClose !== byCode) return;
    const full = this.#diagnoseWith(run, raw, evidence);
    this.#set({
      lastClose: full,
      ...(snap.reconnect?.diagnosis === byCode ? { reconnect: { ...snap.reconnect, diagnosis: full } } : {}),
      ...(snap.stopped?.diagnosis === byCode ? { stopped: { ...snap.stopped, diagnosis: full } } : {}),
    });
  }

  // ── reconnecting ────────────────────────────────────────────────────────────────────────

  /** Decides what follows a failed attempt or a dropped connection. Updates only the counters. */
  #decide(diagnosis: Diagnosis | undefined, wasOpen: boolean): Decision {
    const policy = this.#reconnect;
    if (!policy) return { stop: 'reconnect_disabled', diagnosis };
    const now = Date.now();
    if (wasOpen && this.#openedAt !== undefined && this.#now() - this.#openedAt >= policy.stableAfterMs) {
      // A connection that stayed open long enough starts a new streak.
      this.#failures = 0;
      this.#streakStart = undefined;
      this.#refreshed = false;
    }
    this.#failures++;
    this.#neverOpened = wasOpen ? 0 : this.#neverOpened + 1;
    this.#streakStart ??= now;
    const attempt = this.#failures;

    if (diagnosis && isAuthFailure(diagnosis)) {
      if (!this.#refresh || this.#refreshed) return { stop: 'auth_failed', diagnosis };
      this.#refreshed = true;
      return { plan: { attempt, delayMs: 0, diagnosis }, run: this.#refreshThenAttempt(diagnosis) };
    }
    const custom = diagnosis ? policy.shouldReconnect?.(diagnosis, attempt) : undefined;
    const retry = custom ?? (diagnosis ? diagnosis.retry.retryable === true : true);
    if (!retry) return { stop: 'not_retryable', diagnosis };
    if (attempt > policy.maxAttempts || this.#neverOpened > policy.maxAttemptsNeverOpened) return { stop: 'max_attempts', diagnosis };
    if (now - this.#streakStart > policy.maxElapsedMs) return { stop: 'max_elapsed', diagnosis };
    const delayMs = Math.max(0, policy.delay?.(diagnosis, attempt) ?? defaultDelay(diagnosis, attempt, policy, this.#random));
    return { plan: { attempt, delayMs, diagnosis }, run: () => this.#attempt() };
  }

  #stateFor(d: Decision): Partial<SocketSnapshot> {
    if ('stop' in d) return { status: 'closed', reconnect: undefined, stopped: { reason: d.stop, diagnosis: d.diagnosis } };
    const paused = this.#pausedBy();
    return { status: 'reconnecting', reconnect: paused ? { ...d.plan, paused } : d.plan };
  }

  #apply(d: Decision): void {
    if ('stop' in d) this.#stop(d.stop, d.diagnosis);
    else this.#schedule(d.plan, d.run);
  }

  #refreshThenAttempt(diagnosis: Diagnosis): () => void {
    return () => {
      const generation = this.#generation;
      Promise.resolve()
        .then(() => this.#refresh!({ diagnosis, url: this.#snapshot.url }))
        .then(
          (result) => {
            if (generation !== this.#generation || this.#snapshot.status !== 'reconnecting') return;
            if (result?.url !== undefined) this.#urlSource = result.url;
            if (result?.protocols !== undefined) this.#protocolSource = result.protocols;
            this.#attempt();
          },
          (err: unknown) => {
            if (generation !== this.#generation) return;
            this.emit('error', err);
            this.#stop('auth_failed', diagnosis);
          },
        );
    };
  }

  #schedule(plan: ReconnectPlan, run: () => void): void {
    this.#pendingAttempt = run;
    const state = this.#stateFor({ plan, run });
    if (this.#snapshot.status !== 'reconnecting') this.#set(state);
    this.emit('reconnecting', plan);
    if (!state.reconnect?.paused) this.#startCountdown(plan.delayMs);
  }

  #startCountdown(delayMs: number): void {
    this.#clearTimer('reconnect');
    this.#reconnectTimer = this.#timers.setTimeout(() => {
      this.#reconnectTimer = undefined;
      const paused = this.#pausedBy();
      if (paused) {
        this.#set({ reconnect: { ...this.#snapshot.reconnect!, paused } });
        return;
      }
      const run = this.#pendingAttempt;
      this.#pendingAttempt = undefined;
      run?.();
    }, delayMs);
  }

  /** Retries wait while the browser is offline, or after `pagehide` until the page is shown again. */
  #pausedBy(): 'offline' | 'hidden' | undefined {
    if (this.#env?.online === false) return 'offline';
    if (this.#pageHidden) return 'hidden';
    return undefined;
  }

  /** The environment changed: resume a paused or waiting reconnect promptly. */
  #environmentChanged(): void {
    if (this.#snapshot.status !== 'reconnecting' || this.#pausedBy()) return;
    const plan = this.#snapshot.reconnect;
    if (!plan) return;
    // Back online or shown again: try now (with a little jitter so a fleet of tabs does not stampede).
    this.#set({ reconnect: { attempt: plan.attempt, delayMs: plan.delayMs, diagnosis: plan.diagnosis } });
    this.#startCountdown(Math.round(this.#random() * 1000));
  }

  #stop(reason: StopReason, diagnosis: Diagnosis | undefined): void {
    this.#clearTimer('reconnect');
    this.#pendingAttempt = undefined;
    this.#stopWatch?.();
    this.#stopWatch = undefined;
    if (this.#snapshot.status !== 'closed' || this.#snapshot.stopped?.reason !== reason) this.#set(this.#stateFor({ stop: reason, diagnosis }));
    this.#handBack();
    this.emit('stopped', { reason, diagnosis });
  }

  // ── heartbeat ───────────────────────────────────────────────────────────────────────────

  #startHeartbeat(ws: WebSocketLike): void {
    const hb = this.#heartbeat;
    if (!hb) return;
    const adapter = this.#adapter;
    let ping: () => void;
    let detachPong: (() => void) | undefined;
    if (adapter.ping) {
      ping = () => adapter.ping!(ws);
      detachPong = adapter.onPong?.(ws, () => this.#beat?.alive());
    } else if (hb.message !== undefined) {
      const message = hb.message;
      ping = () => ws.readyState === OPEN && ws.send(typeof message === 'function' ? message() : message);
    } else {
      this.emit('error', new OptionError('SOCKDOC_INVALID_OPTION', 'heartbeat needs a message in this runtime: browsers cannot send ping frames (set heartbeat.message and heartbeat.isPong).'));
      return;
    }
    const beat = new Heartbeat(this.#timers, hb.intervalMs ?? HEARTBEAT_DEFAULTS.intervalMs, hb.timeoutMs ?? HEARTBEAT_DEFAULTS.timeoutMs, ping, () => this.#dead(ws));
    this.#beat = beat;
    this.#detachPong = detachPong;
    beat.start();
  }

  /** A heartbeat got no answer: end the connection now and diagnose it as dead. */
  #dead(ws: WebSocketLike): void {
    if (this.#ws !== ws) return;
    this.#evidence.heartbeatTimeout = true;
    if (this.#adapter.terminate) {
      this.#adapter.terminate(ws); // the runtime reports 1006 at once
      return;
    }
    ws.close();
    // A dead browser socket may take minutes to report; give it a moment, then report it ourselves.
    this.#abandonTimer = this.#timers.setTimeout(() => {
      this.#abandonTimer = undefined;
      if (this.#ws === ws) this.#closed({ code: 1006, reason: '', wasClean: false, abandoned: true });
    }, ABANDON_GRACE_MS);
  }

  // ── plumbing ────────────────────────────────────────────────────────────────────────────

  #release(ws: WebSocketLike): void {
    this.#clearTimer('connect');
    this.#clearTimer('abandon');
    this.#beat?.stop();
    this.#beat = undefined;
    if (this.#adapter.listen && this.#adapter.unlisten) this.#adapter.unlisten(ws);
    else removeListeners(ws);
    this.#detachPong?.();
    this.#detachPong = undefined;
    this.#ws = undefined;
  }

  #clearTimer(which: 'connect' | 'reconnect' | 'abandon'): void {
    const key = which === 'connect' ? this.#connectTimer : which === 'reconnect' ? this.#reconnectTimer : this.#abandonTimer;
    if (key !== undefined) this.#timers.clearTimeout(key);
    if (which === 'connect') this.#connectTimer = undefined;
    else if (which === 'reconnect') this.#reconnectTimer = undefined;
    else this.#abandonTimer = undefined;
  }

  /** What adapters talk to: the socket's events and the runtime's evidence. */
  readonly #client: SocketListeners & EvidenceSink;
  #subscribe: ((listener: () => void) => () => void) | undefined;
  #getSnapshot: (() => SocketSnapshot) | undefined;

  /** One per client, its methods on a shared prototype: adapters subscribe it without a closure per connection. */
  static readonly #Client = class implements SocketListeners, EvidenceSink {
    readonly #c: SocketClient;
    constructor(client: SocketClient) {
      this.#c = client;
    }
    open(): void {
      this.#c.#onOpen();
    }
    message(event: Parameters<SocketListeners['message']>[0]): void {
      this.#c.#onMessage(event);
    }
    error(event: Parameters<SocketListeners['error']>[0]): void {
      this.#c.#onError(event);
    }
    close(event: Parameters<SocketListeners['close']>[0]): void {
      this.#c.#onClose(event);
    }
    handshake(status: number, headers: Readonly<Record<string, string | string[] | undefined>>): void {
      this.#c.#evidence.handshakeStatus = status;
      this.#c.#set({ handshakeResponse: Object.freeze({ status, headers: Object.freeze({ ...headers }) }) });
    }
    transportError(code: string | undefined, message: string | undefined): void {
      this.#c.#evidence.transportError = transportError(code, message);
    }
    environment(patch: { online?: boolean; visibility?: 'visible' | 'hidden'; pageHidden?: boolean }): void {
      const c = this.#c;
      const now = Date.now();
      const prev = c.#env;
      if (patch.pageHidden) c.#pageHidden = true;
      if (patch.visibility === 'visible') c.#pageHidden = false;
      c.#env = {
        ...prev,
        ...(patch.online === false && prev?.online !== false ? { wentOfflineAt: now } : {}),
        ...((patch.visibility === 'hidden' || patch.pageHidden) && prev?.visibility !== 'hidden' ? { hiddenAt: now } : {}),
        ...(patch.online === undefined ? {} : { online: patch.online }),
        ...(patch.visibility ? { visibility: patch.visibility } : patch.pageHidden ? { visibility: 'hidden' } : {}),
      };
      if (patch.online === true || patch.visibility === 'visible') c.#environmentChanged();
    }
  };

  #set(patch: Partial<SocketSnapshot>): void {
    const prev = this.#snapshot;
    let changed = false;
    for (const k in patch) {
      if (patch[k as keyof SocketSnapshot] !== prev[k as keyof SocketSnapshot]) {
        changed = true;
        break;
      }
    }
    if (!changed) return;
    this.#snapshot = Object.freeze({ ...prev, ...patch });
    if (this.#listeners) for (const l of this.#listeners) l();
    this.emit('state', this.#snapshot);
  }
}
