import { EventEmitter } from 'eventemitter3';
import type { Diagnosis } from '@sockdoc/diagnose';
import { checkOutgoing, checkString, checkTextBytes, typeName, type CheckedMessage } from './checkOutgoing.js';
import { Connection, type ConnectionHost } from './Connection.js';
import { CloseArgumentError } from './errors/CloseArgumentError.js';
import { ContractError } from './errors/ContractError.js';
import { OptionError } from './errors/OptionError.js';
import { StateError } from './errors/StateError.js';
import { ClientDiagnosis } from './ClientDiagnosis.js';
import { OutgoingQueue, QUEUE_DEFAULTS, toUnsent, type QueueOptions } from './OutgoingQueue.js';
import { NEW_STREAK, nextAfterClose, type Next, type Streak } from './nextAfterClose.js';
import { resolveReconnect, type ResolvedReconnect, type StopReason } from './reconnectPolicy.js';
import { decodeWith, type JsonCodec } from './json.js';
import { findLoneSurrogate, isUtf8, MAX_CLOSE_REASON_BYTES, utf8ByteLength } from './validation.js';
import { isSendableCloseCode } from '@sockdoc/diagnose/codes';
import { positiveOption } from './positiveOption.js';
import type { Environment, EnvironmentPatch, EnvironmentSink, Headers, Transport, TransportSocket } from './Transport.js';
import { webSocketTransport } from './webSocketTransport.js';
import type { Heartbeat } from './Heartbeat.js';
import type { Channel, Dynamic, IncomingData, RawClose, ReconnectPlan, SendResult, SocketEvents, SocketOptions, SocketSnapshot, Timers } from './types.js';
import type { DeliveryHook } from './DeliveryHook.js';
import { DEV } from './dev.js';

const OPEN = 1;
const DEFAULT_CONNECT_TIMEOUT = 15_000;
const DEFAULT_HIGH_WATER = 1024 * 1024;
/** The default water marks, one object shared by every client that sets none. */
const DEFAULT_MARKS = { high: DEFAULT_HIGH_WATER, low: DEFAULT_HIGH_WATER / 4 } as const;
/** How often the buffer is looked at while above the high-water mark: runtimes have no event for it. */
const DRAIN_POLL_MS = 10;

/** `subscribe` and `getSnapshot`, bound to one client. */
interface Bound {
  readonly subscribe: (listener: () => void) => () => void;
  readonly getSnapshot: () => SocketSnapshot;
}

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
 * useSyncExternalStore(socket.subscribe, socket.getSnapshot, () => IDLE_SNAPSHOT);
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


function normalizeUrl(url: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
    // WHATWG: http(s) URLs are accepted and mean ws(s); fragments are not allowed.
    if (parsed.protocol === 'http:') parsed.protocol = 'ws:';
    else if (parsed.protocol === 'https:') parsed.protocol = 'wss:';
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') || parsed.hash) {
    throw new OptionError(
      'SOCKDOC_INVALID_URL',
      DEV
        ? !parsed
          ? `Invalid WebSocket URL (got ${JSON.stringify(String(url))}): it must be absolute, e.g. "wss://example.com/socket".`
          : parsed.hash
            ? `WebSocket URLs cannot have a fragment (got ${JSON.stringify(parsed.hash)} in ${JSON.stringify(url)}).`
            : `WebSocket URLs must use ws: or wss: (got ${parsed.protocol} in ${JSON.stringify(url)}).`
        : '',
    );
  }
  return parsed.href;
}

/**
 * What `handles()` and `requester()` reach inside a client (set by its static block): not on any
 * package's root export. `how` names the public method whose checks a message goes through.
 */
export interface ClientInternals {
  check(c: SocketClient<any, any>, how: 'send' | 'sendText' | 'sendJson', value: unknown): CheckedMessage;
  deliver(c: SocketClient<any, any>, msg: CheckedMessage): SendResult;
  /** Takes a hooked message out of the queue; false when it is not there. */
  withdraw(c: SocketClient<any, any>, hook: DeliveryHook): boolean;
  timers(c: SocketClient<any, any>): Timers;
  now(c: SocketClient<any, any>): number;
}
export let internals: ClientInternals;

/** The UTF-8 rule with the contract off: any bytes pass. */
const ANY_BYTES = (): boolean => true;

/** A user function's promise that did not settle within connectTimeout. */
const settleTimeout = (what: string, ms: number) =>
  new StateError('SOCKDOC_SETUP_TIMEOUT', DEV ? `The ${what} function's promise did not settle within connectTimeout (${ms} ms). Make it settle, or raise connectTimeout.` : '');

const isThenable = <T,>(v: unknown): v is PromiseLike<T> => typeof (v as { then?: unknown } | null)?.then === 'function';

function evaluate<T>(source: Dynamic<T>): T | PromiseLike<T> {
  return typeof source === 'function' ? (source as () => T | Promise<T>)() : source;
}

/** RFC 7230 token characters: what a subprotocol name may contain (RFC 6455 §4.1). */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * The subprotocols as a list, checked as browsers check them (WHATWG: each a token, no
 * duplicates), so that every runtime refuses the same values with the same typed error.
 */
function checkProtocols(p: string | readonly string[] | undefined): readonly string[] | undefined {
  if (p === undefined) return undefined;
  const list = typeof p === 'string' ? [p] : Array.isArray(p) ? [...(p as readonly unknown[])] : undefined;
  if (!list) throw new OptionError('SOCKDOC_INVALID_OPTION', DEV ? `Subprotocols must be a string or an array of strings (got ${typeName(p)}).` : '');
  const seen = new Set<string>();
  for (const name of list) {
    if (typeof name !== 'string' || !TOKEN.test(name)) {
      throw new OptionError('SOCKDOC_INVALID_OPTION', DEV ? `Subprotocol ${JSON.stringify(name)} is not a valid token (RFC 6455 §4.1: visible ASCII, no spaces or separators such as , ; " ( ) / [ ] = { }).` : '');
    }
    if (seen.has(name)) throw new OptionError('SOCKDOC_INVALID_OPTION', DEV ? `Subprotocol ${JSON.stringify(name)} is listed twice.` : '');
    seen.add(name);
  }
  return list as string[];
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
export class SocketClient<Out = unknown, In = unknown> extends EventEmitter<SocketEvents<In>> {
  readonly #transport: Transport;
  readonly #environment: Environment | undefined;
  readonly #channel: Channel;
  readonly #max: number | undefined;
  readonly #contract: boolean;
  readonly #binaryType: 'arraybuffer' | 'blob';
  readonly #diagnosis: ClientDiagnosis;
  readonly #onDiagnosedClose: ((d: Diagnosis) => void) | undefined;
  /** Queue limits, or undefined when queueing is off. The queue itself is created on first use. */
  readonly #queueOptions: QueueOptions | undefined;
  #queue: OutgoingQueue | undefined;
  readonly #connectTimeout: number;
  readonly #reconnect: ResolvedReconnect | undefined;
  readonly #refresh: SocketOptions['refresh'];
  readonly #heartbeat: Heartbeat | undefined;
  readonly #json: JsonCodec<Out, In> | undefined;
  readonly #timers: Timers;
  readonly #random: () => number;
  /** The backpressure water marks, in bytes buffered. */
  readonly #marks: { readonly high: number; readonly low: number };
  /** The poll that waits for the buffer to fall to the low-water mark, while it runs. */
  #drainTimer: unknown;

  #urlSource: Dynamic<string>;
  #protocolSource: Dynamic<string | readonly string[] | undefined>;
  /** The current connection attempt: its socket, evidence, timers and heartbeat, disposed as a unit. */
  #conn: Connection | undefined;
  #streak: Streak = NEW_STREAK;
  /** The next attempt while reconnecting, and its countdown. */
  #wait: { readonly next: Extract<Next, { attempt: number }>; readonly diagnosis: Diagnosis | undefined; timer: unknown } | undefined;
  /** The `refresh` call in flight and its deadline (a later attempt or a stop makes its result moot). */
  #refreshing: { timer: unknown } | undefined;
  /** What the last close decided, until it is carried out; a `close` listener that calls close() or connect() overrules it. */
  #decided: Next | undefined;
  #stopWatch: (() => void) | undefined;
  readonly #credentialsExpireAt: SocketOptions['credentialsExpireAt'];
  /** Set by `pagehide`, cleared when the page is visible again: reconnects wait meanwhile. */
  #pageHidden = false;
  /** What the runtime reported about the environment (browsers); undefined until it reports. */
  #env: { online?: boolean; visibility?: 'visible' | 'hidden'; wentOfflineAt?: number; hiddenAt?: number } | undefined;
  /** A setup error of the first attempt made by the constructor: thrown from createSocket instead of emitted to no one. */
  #setupError: { error: unknown } | undefined;
  #constructing = true;
  #snapshot: SocketSnapshot;
  /** What connections and the environment watcher report to: one object per client, methods on a shared prototype. */
  readonly #host: ConnectionHost & EnvironmentSink;
  /** `subscribe` and `getSnapshot` bound to this client, made together on first use (React's). */
  #bound: Bound | undefined;

  constructor(url: Dynamic<string>, options: SocketOptions<Out, In>) {
    super();
    const WS = options.WebSocket;
    const transport = options.transport ?? (WS ? webSocketTransport('other', () => WS) : undefined);
    if (!transport) throw new OptionError('SOCKDOC_INVALID_OPTION', DEV ? 'createSocket needs a WebSocket constructor or a transport (got neither). Use @sockdoc/browser or @sockdoc/node, or pass { WebSocket }.' : '');
    this.#transport = transport;
    this.#environment = options.environment;
    const channel = options.channel ?? 'text';
    if (channel !== 'text' && channel !== 'binary' && channel !== 'mixed') {
      throw new OptionError('SOCKDOC_INVALID_OPTION', DEV ? `Option channel must be 'text', 'binary' or 'mixed' (got ${JSON.stringify(channel)}).` : '');
    }
    this.#contract = options.contract !== false;
    this.#channel = this.#contract ? channel : 'mixed';
    this.#max = this.#contract ? positiveOption('maxMessageBytes', options.maxMessageBytes) : undefined;
    this.#urlSource = typeof url === 'string' ? normalizeUrl(url) : url;
    const codec = options.json;
    if (codec !== undefined && (typeof codec?.encode !== 'function' || typeof codec.decode !== 'function')) {
      throw new OptionError('SOCKDOC_INVALID_OPTION', DEV ? `Option json must be a codec with encode() and decode(), such as json() (got ${typeName(codec)}).` : '');
    }
    this.#json = codec;
    // typedJson(pack) speaks the pack's protocol: its subprotocol unless others are given, its codes explained.
    const pack = codec?.pack;
    // Static subprotocols are checked once, here; a function's result on every attempt.
    this.#protocolSource = typeof options.protocols === 'function' ? options.protocols : checkProtocols(options.protocols ?? pack?.subprotocol);
    this.#binaryType = options.binaryType ?? 'arraybuffer';
    this.#diagnosis = new ClientDiagnosis(options, pack);
    this.#onDiagnosedClose = options.onDiagnosedClose;
    const q = options.queue ?? true;
    if (typeof q === 'object') {
      positiveOption('queue.maxMessages', q.maxMessages);
      positiveOption('queue.maxBytes', q.maxBytes);
      if (q.overflow !== undefined && q.overflow !== 'refuse' && q.overflow !== 'drop-oldest') {
        throw new OptionError('SOCKDOC_INVALID_OPTION', DEV ? `Option queue.overflow must be 'refuse' or 'drop-oldest' (got ${JSON.stringify(q.overflow)}).` : '');
      }
    }
    // A copy: the queue is created later, from the limits validated now, whatever the caller's object becomes.
    this.#queueOptions = q === false ? undefined : q === true ? QUEUE_DEFAULTS : { ...q };
    this.#connectTimeout = positiveOption('connectTimeout', options.connectTimeout, true) ?? DEFAULT_CONNECT_TIMEOUT;
    this.#reconnect = resolveReconnect(options.reconnect);
    this.#refresh = options.refresh;
    const hb = options.heartbeat;
    if (hb !== undefined) {
      if (typeof hb?.start !== 'function') {
        throw new OptionError('SOCKDOC_INVALID_OPTION', DEV ? `Option heartbeat must be made with heartbeat() (got ${typeName(hb)}): heartbeat: heartbeat({ intervalMs: 25_000 }).` : '');
      }
      if (!transport.pings && !hb.hasMessage) {
        throw new OptionError('SOCKDOC_INVALID_OPTION', DEV ? 'heartbeat needs a message in this runtime: browsers cannot send ping frames (heartbeat({ message, isPong })).' : '');
      }
    }
    this.#heartbeat = hb;
    const expiry = options.credentialsExpireAt;
    if (expiry !== undefined && typeof expiry !== 'function') positiveOption('credentialsExpireAt', expiry);
    this.#credentialsExpireAt = expiry;
    const bp = options.backpressure;
    const high = positiveOption('backpressure.highWaterMark', bp?.highWaterMark) ?? DEFAULT_HIGH_WATER;
    const low = positiveOption('backpressure.lowWaterMark', bp?.lowWaterMark, true) ?? high / 4;
    if (low > high) {
      throw new OptionError('SOCKDOC_INVALID_OPTION', DEV ? `Option backpressure.lowWaterMark (${low}) must not be above highWaterMark (${high}).` : '');
    }
    this.#marks = high === DEFAULT_MARKS.high && low === DEFAULT_MARKS.low ? DEFAULT_MARKS : { high, low };
    this.#timers = options.timers ?? GLOBAL_TIMERS;
    this.#random = options.random ?? Math.random;
    this.#snapshot = typeof this.#urlSource === 'string' ? Object.freeze({ ...IDLE_SNAPSHOT, url: this.#urlSource }) : IDLE_SNAPSHOT;
    this.#host = new SocketClient.#Host(this);
    if (options.autoConnect !== false) this.connect();
    this.#constructing = false;
    if (this.#setupError) throw this.#setupError.error;
  }

  /**
   * Bytes handed to the socket but not yet sent (the runtime's `bufferedAmount`), plus 0 when
   * there is no socket. Check it to apply backpressure when sending a lot.
   *
   * @example
   * while (socket.bufferedAmount > 1 << 20) await new Promise((r) => setTimeout(r, 10));
   */
  get bufferedAmount(): number {
    return this.#conn?.socket?.bufferedAmount ?? 0;
  }

  /**
   * `false` while the runtime buffers more than `backpressure.highWaterMark` bytes: a producer
   * should wait for the `drain` event before sending more.
   *
   * @example
   * async function upload(chunks: Uint8Array[]) {
   *   for (const chunk of chunks) {
   *     if (!socket.writable) await new Promise<void>((r) => socket.once('drain', () => r()));
   *     socket.send(chunk);
   *   }
   * }
   */
  get writable(): boolean {
    return this.bufferedAmount <= this.#marks.high;
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
    // One notification path: a subscriber is a `state` listener.
    return this.#bind().subscribe;
  }

  /**
   * The current state. The same object until a field changes.
   *
   * @example
   * socket.getSnapshot().status; // 'connecting'
   */
  get getSnapshot(): () => SocketSnapshot {
    return this.#bind().getSnapshot;
  }

  #bind(): Bound {
    return (this.#bound ??= {
      subscribe: (listener) => {
        this.on('state', listener);
        return () => void this.off('state', listener);
      },
      getSnapshot: () => this.#snapshot,
    });
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
      if (this.#wait) this.#fire();
      else this.#attempt(); // a refresh is in flight: connect now without waiting for it
      return;
    }
    this.#streak = NEW_STREAK;
    this.#stopWatch ??= this.#environment?.watch(this.#host);
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
    const conn = this.#conn;
    if ((s !== 'open' && s !== 'connecting') || !conn) {
      this.connect();
      return;
    }
    if (!conn.socket) {
      // still resolving the URL: start that over
      this.#attempt();
      return;
    }
    this.#set({ status: 'closing' });
    conn.end('reopen', 1000, 'reconnect');
  }

  /**
   * Sends a string or bytes after checking the contract. Throws a `ContractError` (and emits
   * `violation`) when the message breaks it: nothing is sent and the connection stays open.
   * Returns `'sent'` when written to the open socket, `'backpressure'` when written but the
   * runtime now buffers more than the high-water mark (wait for `drain`), `'queued'` when it waits
   * for the socket to (re)open; a queued message is later `flushed`, `dropped` or handed back as
   * `unsent`. For a handle that follows one message's fate, send it with `handles(socket)`.
   *
   * @example
   * socket.send('{"type":"ping"}');
   * socket.send(new Uint8Array([1, 2])); // throws ContractError SOCKDOC_BINARY_ON_TEXT_CHANNEL (on a text channel)
   */
  send(data: string | ArrayBuffer | ArrayBufferView | Blob): SendResult {
    return this.#deliver(this.#checked('send', data));
  }

  /**
   * Sends UTF-8 bytes as a text frame. The bytes must be valid UTF-8 (else SOCKDOC_INVALID_UTF8,
   * predicted close 1007). In Node the bytes go out as they are; in browsers they are decoded
   * to a string first, because browsers send all bytes as binary frames.
   *
   * @example
   * socket.sendText(new TextEncoder().encode('héllo'));
   */
  sendText(bytes: Uint8Array | ArrayBuffer): SendResult {
    return this.#deliver(this.#checked('sendText', bytes));
  }

  /**
   * Encodes `value` with the `json` option's codec and sends it as text, after the contract.
   * With `json()`, what JSON cannot represent faithfully (cycles, BigInt, functions, undefined,
   * NaN, Map/Set) is refused with SOCKDOC_JSON_UNREPRESENTABLE. Without the `json` option it
   * throws `OptionError`: nothing is sent.
   *
   * @example
   * const socket = createSocket(url, { json: json() });
   * socket.sendJson({ type: 'join', room: 'general' });
   */
  sendJson(value: Out): SendResult {
    return this.#deliver(this.#checked('sendJson', value));
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
      throw new CloseArgumentError('SOCKDOC_INVALID_CLOSE_CODE', DEV ? `Close code must be 1000 or an integer in 3000-4999, as browsers require (got ${typeName(code)} ${String(code)}). Codes 1001-2999 are reserved for the protocol.` : '');
    }
    if (reason !== undefined) {
      if (typeof reason !== 'string') throw new CloseArgumentError('SOCKDOC_INVALID_CLOSE_REASON', DEV ? `Close reason must be a string (got ${typeName(reason)}).` : '');
      const lone = findLoneSurrogate(reason);
      if (lone !== -1) throw new CloseArgumentError('SOCKDOC_INVALID_CLOSE_REASON', DEV ? `Close reason must be well-formed UTF-16 (lone surrogate at index ${lone}).` : '');
      const bytes = utf8ByteLength(reason);
      if (bytes > MAX_CLOSE_REASON_BYTES) {
        throw new CloseArgumentError('SOCKDOC_CLOSE_REASON_TOO_LONG', DEV ? `Close reason must be at most ${MAX_CLOSE_REASON_BYTES} UTF-8 bytes (got ${bytes} bytes in ${reason.length} characters; CJK characters take 3 bytes each).` : '');
      }
    }
    const conn = this.#conn;
    const status = this.#snapshot.status;
    if (status === 'closed' || conn?.endedBy === 'user') return;
    if (conn?.socket) {
      this.#decided = undefined;
      this.#set({ status: 'closing' });
      this.#handBack(undefined);
      // After reconnect() the closing handshake has begun already: it now ends for good.
      if (conn.endedBy === 'reopen') conn.endedBy = 'user';
      else conn.end('user', code, reason);
      return;
    }
    // idle, reconnecting, or still resolving the URL: nothing is on the wire
    conn?.dispose();
    this.#conn = undefined;
    this.#stop('closed_by_user', this.#snapshot.lastClose);
  }

  // ── sending ─────────────────────────────────────────────────────────────────────────────

  /** A message checked as `how` checks it: throws (and reports a contract refusal as `violation`) when it is refused. */
  #checked(how: 'send' | 'sendText' | 'sendJson', value: unknown): CheckedMessage {
    const codec = this.#json;
    if (how === 'sendJson' && !codec) throw new OptionError('SOCKDOC_INVALID_OPTION', DEV ? 'sendJson needs the json option: createSocket(url, { json: json() }). Nothing was sent.' : '');
    try {
      if (how === 'sendJson') {
        const msg = this.#checkText(codec!.encode(value as Out));
        // Evidence for a close that blames a message: this one came through the codec (and its schema).
        msg.encoded = true;
        return msg;
      }
      if (how === 'sendText') {
        const bytes = value as Uint8Array | ArrayBuffer;
        // With the contract off the channel, size and UTF-8 rules are skipped; what is not bytes is still refused.
        return this.#contract ? checkTextBytes(bytes, this.#channel, this.#max, this.#transport.utf8?.isValid) : checkTextBytes(bytes, 'mixed', undefined, ANY_BYTES);
      }
      if (typeof value === 'string') return this.#checkText(value);
      return this.#contract ? checkOutgoing(value, this.#channel, this.#max) : this.#unchecked(value);
    } catch (err) {
      throw this.#violation(err);
    }
  }

  /** Reports a contract refusal as a `violation` event; returns the error to rethrow. */
  #violation(err: unknown): unknown {
    if (err instanceof ContractError) this.emit('violation', err);
    return err;
  }

  /** A string to send as text: the contract's rules, or with the contract off only its size. */
  #checkText(s: string): CheckedMessage {
    return this.#contract ? checkString(s, this.#channel, this.#max, this.#transport.utf8, this.#snapshot.status === 'open' && this.#conn?.socket?.sendText !== undefined) : this.#unchecked(s);
  }

  /** With the contract off: still refuse values no runtime can send, but skip channel, UTF-8 and size rules. */
  #unchecked(data: unknown): CheckedMessage {
    if (typeof data === 'string') return { data, kind: 'text', bytes: (this.#transport.utf8?.byteLength ?? utf8ByteLength)(data) };
    return checkOutgoing(data, 'mixed', undefined);
  }

  #deliver(msg: CheckedMessage): SendResult {
    const hook = msg.hook;
    if (hook) hook.msg = msg;
    const socket = this.#conn?.socket;
    const status = this.#snapshot.status;
    if (socket && status === 'open' && socket.readyState === OPEN) {
      this.#write(socket, msg);
      hook?.moved('sent');
      return this.#pressure(socket);
    }
    // Not open, or the runtime is already closing a connection we have not heard the end of
    // (its close event is pending): queue for the next connection rather than write into a dying socket.
    const options = this.#queueOptions;
    if (!options || status === 'closed' || (status === 'closing' && this.#conn?.endedBy !== 'reopen')) {
      throw new StateError('SOCKDOC_NOT_OPEN', DEV ? `Cannot send while the connection is ${status}${options ? '' : ' and queueing is off'} (message of ${msg.bytes} bytes). Nothing was sent.` : '');
    }
    const queue = (this.#queue ??= new OutgoingQueue(options));
    const dropped = queue.push(msg);
    this.#set({ queued: queue.length });
    hook?.moved('queued');
    for (const m of dropped) {
      m.hook?.moved('dropped');
      this.emit('dropped', toUnsent(m));
    }
    return 'queued';
  }

  /** What a write left in the runtime's buffer: above the high-water mark, wait for `drain`. */
  #pressure(socket: TransportSocket): SendResult {
    if (socket.bufferedAmount <= this.#marks.high) return 'sent';
    if (this.#drainTimer === undefined) {
      const poll = () => {
        // After the connection ended nothing is buffered any more (the getter says 0): drain then too.
        if (this.bufferedAmount <= this.#marks.low) {
          this.#drainTimer = undefined;
          this.emit('drain');
        } else this.#drainTimer = this.#timers.setTimeout(poll, DRAIN_POLL_MS);
      };
      this.#drainTimer = this.#timers.setTimeout(poll, DRAIN_POLL_MS);
    }
    return 'backpressure';
  }

  #write(socket: TransportSocket, msg: CheckedMessage): void {
    if (msg.asText) {
      const view = msg.data as Uint8Array;
      if (socket.sendText) socket.sendText(view);
      else socket.send((textDecoder ??= new TextDecoder()).decode(view));
      this.#conn!.evidence.sent('text', msg.bytes, this.#contract ? true : (this.#transport.utf8?.isValid ?? isUtf8)(view), msg.encoded);
    } else {
      socket.send(msg.data);
      this.#conn!.evidence.sent(msg.kind, msg.bytes, msg.kind === 'text' ? true : undefined, msg.encoded);
    }
  }

  /** Hands queued messages back in order, failed (with the close that ended them): this client will not send them. */
  #handBack(diagnosis: Diagnosis | undefined): void {
    if (!this.#queue || this.#queue.length === 0) return;
    const taken = this.#queue.takeAll();
    this.#set({ queued: 0 });
    for (const m of taken) m.hook?.moved('failed', diagnosis);
    this.emit('unsent', taken.map(toUnsent));
  }

  // ── connecting ──────────────────────────────────────────────────────────────────────────

  /** One connection attempt: resolve URL and protocols (maybe asynchronously), then open. */
  #attempt(): void {
    this.#conn?.dispose();
    this.#endRefresh();
    this.#decided = undefined;
    // Load the diagnosis now, so it is there when this connection closes, even offline.
    void this.#diagnosis.prepare();
    const conn = (this.#conn = new Connection(this.#host, this.#transport, this.#timers));
    const codec = this.#json?.record?.();
    if (codec) conn.evidence.codec = codec;
    this.#set({ status: 'connecting', attempts: this.#snapshot.attempts + 1, protocol: '', extensions: '', handshakeResponse: undefined, reconnect: undefined });
    let url: string | PromiseLike<string>;
    let protocols: string | readonly string[] | undefined | PromiseLike<string | readonly string[] | undefined>;
    try {
      url = evaluate(this.#urlSource);
      protocols = evaluate(this.#protocolSource);
    } catch (err) {
      this.#resolveFailed(conn, err);
      return;
    }
    if (isThenable(url) || isThenable(protocols)) {
      // connectTimeout covers resolving too: a promise that never settles does not hold the client in `connecting`.
      conn.deadline(this.#connectTimeout, () => this.#resolveFailed(conn, settleTimeout('url or protocols', this.#connectTimeout)));
      Promise.all([url, protocols]).then(
        ([u, p]) => this.#conn === conn && this.#open(conn, u, p),
        (err: unknown) => this.#conn === conn && this.#resolveFailed(conn, err),
      );
    } else this.#open(conn, url, protocols);
  }

  /** The URL or protocols function failed: a failed attempt like any other, with no close to diagnose. */
  #resolveFailed(conn: Connection, err: unknown): void {
    conn.dispose();
    this.#conn = undefined;
    this.emit('error', err);
    const { next, streak } = this.#nextAfter('peer', undefined, undefined);
    this.#streak = streak;
    this.#follow(next, undefined);
  }

  #open(conn: Connection, rawUrl: string, protocols: string | readonly string[] | undefined): void {
    let url: string;
    let list: readonly string[] | undefined;
    try {
      url = normalizeUrl(rawUrl);
    } catch (err) {
      this.#setupFailed(conn, err, 'invalid_url');
      return;
    }
    try {
      list = checkProtocols(protocols);
    } catch (err) {
      this.#setupFailed(conn, err, 'invalid_protocols');
      return;
    }
    this.#set({ url });
    try {
      conn.start(url, list, this.#binaryType, this.#connectTimeout);
    } catch (err) {
      // the runtime refused: no WebSocket (server-side rendering), or something it rejects
      this.#setupFailed(conn, err, 'create_failed');
    }
  }

  /** What is wrong with the options or the environment: thrown from the constructor, else emitted; the client stops. */
  #setupFailed(conn: Connection, err: unknown, reason: StopReason): void {
    conn.dispose();
    this.#conn = undefined;
    if (this.#constructing) this.#setupError = { error: err };
    else this.emit('error', err);
    this.#stop(reason, undefined);
  }

  #flush(socket: TransportSocket): void {
    if (!this.#queue || this.#queue.length === 0) return;
    const queued = this.#queue.takeAll();
    const written: CheckedMessage[] = [];
    const now = this.#now();
    for (let i = 0; i < queued.length; i++) {
      if (socket.readyState !== OPEN) {
        this.#queue.unshift(queued.slice(i));
        break;
      }
      const m = queued[i]!;
      const hook = m.hook;
      // Its timer may not have run yet (a busy loop, a clock that jumped): an expired message never reaches the wire.
      if (hook?.expiresAt && now >= hook.expiresAt) {
        hook.moved('expired');
        continue;
      }
      this.#write(socket, m);
      written.push(m);
      hook?.moved('sent');
    }
    this.#set({ queued: this.#queue.length });
    if (written.length) {
      this.#pressure(socket);
      this.emit('flushed', written.map(toUnsent));
    }
  }

  /** The client's clock (injected timers may bring their own): the one clock of every reconnect rule. */
  #now(): number {
    return this.#timers.now ? this.#timers.now() : Date.now();
  }

  // ── closing ─────────────────────────────────────────────────────────────────────────────

  /**
   * Handles the end of one connection: diagnose, decide, report, then reconnect or stop, all at
   * once: never waiting for a chunk. Without the diagnosis module (not loaded yet, or blocked)
   * the close is judged from its code alone (`diagnoseByCode`), in the locale object when one
   * was given, and diagnosed again when the module arrives.
   */
  #closed(conn: Connection, raw: RawClose): void {
    this.#conn = undefined;
    const t = this.#transport;
    const evidence = conn.evidence.context({ runtime: t.runtime, runtimeVersion: t.version, webSocket: t.webSocket, closed: Date.now(), channel: this.#channel, maxMessageBytes: this.#max, attempt: this.#streak.failures, ...this.#env, ...this.#expiry() });
    const diagnosis: Diagnosis = this.#diagnosis.judge(raw, evidence, (full) => this.#upgrade(diagnosis, full));
    const { next, streak } = this.#nextAfter(conn.endedBy ?? 'peer', diagnosis, conn.openedAt);
    this.#streak = streak;
    this.#decided = next;
    // One snapshot for the close and what follows it, so `close` listeners see the next status.
    this.#set({ lastClose: diagnosis, ...this.#stateFor(next, diagnosis) });
    this.emit('close', diagnosis, raw, evidence);
    if (this.#onDiagnosedClose) {
      try {
        this.#onDiagnosedClose(diagnosis);
      } catch (err) {
        this.emit('error', err);
      }
    }
    // A listener that called close() or connect() meanwhile overruled the decision.
    if (this.#decided !== next) return;
    this.#decided = undefined;
    this.#follow(next, diagnosis);
  }

  /** When the app says its credentials expire, as evidence; a function that throws is reported and skipped. */
  #expiry(): { credentialsExpireAt?: number } {
    const source = this.#credentialsExpireAt;
    if (source === undefined) return {};
    let at: unknown;
    try {
      at = typeof source === 'function' ? source() : source;
    } catch (err) {
      this.emit('error', err);
      return {};
    }
    return typeof at === 'number' && Number.isFinite(at) ? { credentialsExpireAt: at } : {};
  }

  #nextAfter(by: 'reopen' | 'user' | 'peer', diagnosis: Diagnosis | undefined, openedAt: number | undefined): ReturnType<typeof nextAfterClose> {
    return nextAfterClose({ by, diagnosis, openedAt, streak: this.#streak, policy: this.#reconnect, canRefresh: this.#refresh !== undefined, now: this.#now(), random: this.#random });
  }

  /**
   * The full diagnosis of a close that was judged from its code (diagnosed again from what was
   * recorded, once the engine and text arrived): it replaces the code-level one in the snapshot
   * while that is still the latest close. What the client decided at the close stands.
   */
  #upgrade(byCode: Diagnosis, full: Diagnosis): void {
    const snap = this.#snapshot;
    if (snap.lastClose !== byCode) return;
    this.#set({
      lastClose: full,
      ...(snap.reconnect?.diagnosis === byCode ? { reconnect: { ...snap.reconnect, diagnosis: full } } : {}),
      ...(snap.stopped?.diagnosis === byCode ? { stopped: { ...snap.stopped, diagnosis: full } } : {}),
    });
  }

  // ── reconnecting ────────────────────────────────────────────────────────────────────────

  #stateFor(next: Next, diagnosis: Diagnosis | undefined): Partial<SocketSnapshot> {
    if ('stop' in next) return { status: 'closed', reconnect: undefined, stopped: { reason: next.stop, diagnosis } };
    const plan: ReconnectPlan = { attempt: next.attempt, delayMs: next.delayMs, diagnosis };
    const paused = this.#pausedBy();
    return { status: 'reconnecting', reconnect: paused ? { ...plan, paused } : plan };
  }

  #follow(next: Next, diagnosis: Diagnosis | undefined): void {
    if ('stop' in next) {
      this.#stop(next.stop, diagnosis);
      return;
    }
    const state = this.#stateFor(next, diagnosis);
    if (this.#snapshot.status !== 'reconnecting') this.#set(state);
    this.#wait = { next, diagnosis, timer: undefined };
    if (!state.reconnect?.paused) this.#countdown(next.delayMs);
    // After the countdown started: a `reconnecting` listener that calls close() clears it.
    this.emit('reconnecting', { attempt: next.attempt, delayMs: next.delayMs, diagnosis });
  }

  #countdown(delayMs: number): void {
    const wait = this.#wait!;
    if (wait.timer !== undefined) this.#timers.clearTimeout(wait.timer);
    wait.timer = this.#timers.setTimeout(() => {
      wait.timer = undefined;
      if (this.#wait !== wait) return;
      const paused = this.#pausedBy();
      if (paused) this.#set({ reconnect: { ...this.#snapshot.reconnect!, paused } });
      else this.#fire();
    }, delayMs);
  }

  /** Runs the scheduled attempt now (after `refresh` when the close was an authentication failure). */
  #fire(): void {
    const wait = this.#wait!;
    if (wait.timer !== undefined) this.#timers.clearTimeout(wait.timer);
    this.#wait = undefined;
    if (!wait.next.refresh || !wait.diagnosis) {
      this.#attempt();
      return;
    }
    const diagnosis = wait.diagnosis;
    const token: { timer: unknown } = (this.#refreshing = { timer: undefined });
    const fail = (err: unknown) => {
      if (this.#refreshing !== token) return;
      this.emit('error', err);
      this.#stop('auth_failed', diagnosis);
    };
    // connectTimeout bounds refresh as well: one that never settles stops the client instead of leaving it reconnecting.
    if (this.#connectTimeout > 0) token.timer = this.#timers.setTimeout(() => fail(settleTimeout('refresh', this.#connectTimeout)), this.#connectTimeout);
    Promise.resolve()
      .then(() => this.#refresh!({ diagnosis, url: this.#snapshot.url }))
      .then(
        (result) => {
          if (this.#refreshing !== token) return;
          if (result?.url !== undefined) this.#urlSource = result.url;
          if (result?.protocols !== undefined) this.#protocolSource = result.protocols;
          this.#attempt();
        },
        fail,
      );
  }

  /** Forgets the `refresh` in flight, and its deadline. */
  #endRefresh(): void {
    const r = this.#refreshing;
    if (r?.timer !== undefined) this.#timers.clearTimeout(r.timer);
    this.#refreshing = undefined;
  }

  /** Retries wait while the browser is offline, or after `pagehide` until the page is shown again. */
  #pausedBy(): 'offline' | 'hidden' | undefined {
    if (this.#env?.online === false) return 'offline';
    if (this.#pageHidden) return 'hidden';
    return undefined;
  }

  /** The environment changed: resume a paused or waiting reconnect promptly. */
  #environmentChanged(): void {
    if (this.#snapshot.status !== 'reconnecting' || this.#pausedBy() || !this.#wait) return;
    const plan = this.#snapshot.reconnect;
    if (!plan) return;
    // Back online or shown again: try now (with a little jitter so a fleet of tabs does not stampede).
    this.#set({ reconnect: { attempt: plan.attempt, delayMs: plan.delayMs, diagnosis: plan.diagnosis } });
    this.#countdown(Math.round(this.#random() * 1000));
  }

  #stop(reason: StopReason, diagnosis: Diagnosis | undefined): void {
    this.#endRefresh();
    this.#decided = undefined;
    if (this.#wait?.timer !== undefined) this.#timers.clearTimeout(this.#wait.timer);
    this.#wait = undefined;
    this.#stopWatch?.();
    this.#stopWatch = undefined;
    if (this.#snapshot.status !== 'closed' || this.#snapshot.stopped?.reason !== reason) this.#set(this.#stateFor({ stop: reason }, diagnosis));
    this.#handBack(diagnosis);
    this.emit('stopped', { reason, diagnosis });
  }

  // ── plumbing ────────────────────────────────────────────────────────────────────────────

  // What handles() and requester() reach inside a client (ClientInternals), set once for the class.
  static {
    internals = {
      check: (c, how, value) => c.#checked(how, value),
      deliver: (c, msg) => c.#deliver(msg),
      withdraw(c, hook) {
        if (!c.#queue?.remove((m) => m.hook === hook)) return false;
        c.#set({ queued: c.#queue.length });
        return true;
      },
      timers: (c) => c.#timers,
      now: (c) => c.#now(),
    };
  }

  /** One per client, its methods on a shared prototype: connections report here without a closure each. */
  static readonly #Host = class implements ConnectionHost, EnvironmentSink {
    readonly #c: SocketClient;
    constructor(client: SocketClient) {
      this.#c = client;
    }
    opened(conn: Connection): void {
      const c = this.#c;
      if (c.#conn !== conn) return;
      const socket = conn.socket!;
      c.#set({ status: 'open', protocol: socket.protocol, extensions: socket.extensions });
      if (c.#heartbeat) conn.heartbeat(c.#heartbeat);
      c.#flush(socket);
      c.emit('open');
    }
    message(data: IncomingData): void {
      const c = this.#c;
      const codec = c.#json;
      // Decoded here, once per message, however many listen.
      if (!codec) return void c.emit('message', data);
      const decoded = decodeWith(codec, data);
      c.#conn?.evidence.codec?.received(decoded);
      c.emit('message', data, decoded);
    }
    error(error: unknown): void {
      this.#c.emit('error', error);
    }
    closed(conn: Connection, raw: RawClose): void {
      if (this.#c.#conn === conn) this.#c.#closed(conn, raw);
    }
    handshake(status: number, headers: Headers): void {
      this.#c.#set({ handshakeResponse: Object.freeze({ status, headers: Object.freeze({ ...headers }) }) });
    }
    environment(patch: EnvironmentPatch): void {
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
    this.emit('state', this.#snapshot);
  }
}
