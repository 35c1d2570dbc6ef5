import { EventEmitter } from 'eventemitter3';
import { diagnose, type DiagnoseLocale } from '@sockdoc/diagnose';
import { checkOutgoing, checkTextBytes, typeName, type CheckedMessage } from './checkOutgoing.js';
import { EvidenceRecorder } from './EvidenceRecorder.js';
import { CloseArgumentError } from './errors/CloseArgumentError.js';
import { ContractError } from './errors/ContractError.js';
import { OptionError } from './errors/OptionError.js';
import { StateError } from './errors/StateError.js';
import { toJson } from './toJson.js';
import { findLoneSurrogate, isSendableCloseCode, isUtf8, MAX_CLOSE_REASON_BYTES, utf8ByteLength } from './validation.js';
import type {
  Channel,
  EvidenceSink,
  IncomingData,
  RawClose,
  RuntimeAdapter,
  SocketEvents,
  SocketOptions,
  SocketSnapshot,
  UnsentMessage,
  WebSocketLike,
} from './types.js';

const OPEN = 1;
const DEFAULT_QUEUE = { maxMessages: 100, maxBytes: 1024 * 1024 };
const DEFAULT_CONNECT_TIMEOUT = 15_000;

let textDecoder: TextDecoder | undefined;

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

/**
 * A WebSocket client that checks every outgoing message against a declared contract and
 * diagnoses every close. Create it with `createSocket` from `@sockdoc/browser`,
 * `@sockdoc/node`, or `@sockdoc/core` with an injected `WebSocket`.
 *
 * @example
 * const socket = createSocket('wss://example.com/chat', { WebSocket, channel: 'text' });
 * socket.on('close', (d) => console.log(d.summary));
 * socket.send(JSON.stringify({ hello: 'world' }));
 */
export class SocketClient extends EventEmitter<SocketEvents> {
  readonly url: string;
  readonly #adapter: RuntimeAdapter;
  readonly #channel: Channel;
  readonly #max: number | undefined;
  readonly #contract: boolean;
  readonly #protocols: readonly string[] | undefined;
  readonly #binaryType: 'arraybuffer' | 'blob';
  readonly #locale: string | DiagnoseLocale | undefined;
  readonly #onDiagnosedClose: ((d: import('@sockdoc/diagnose').Diagnosis) => void) | undefined;
  readonly #queueLimits: { maxMessages: number; maxBytes: number } | undefined;
  readonly #connectTimeout: number;

  #ws: WebSocketLike | undefined;
  #evidence = new EvidenceRecorder();
  #queue: CheckedMessage[] = [];
  #queueBytes = 0;
  #detach: (() => void) | undefined;
  #stopWatch: (() => void) | undefined;
  #connectTimer: ReturnType<typeof setTimeout> | undefined;
  #env: { online?: boolean; visibility?: 'visible' | 'hidden'; wentOfflineAt?: number; hiddenAt?: number } = {};
  #listeners = new Set<() => void>();
  #snapshot: SocketSnapshot;

  constructor(url: string, options: SocketOptions) {
    super();
    this.url = normalizeUrl(url);
    const adapter = options.adapter ?? (options.WebSocket ? { runtime: 'other' as const, create: (u: string, p: readonly string[] | undefined) => new options.WebSocket!(u, p ? [...p] : undefined) } : undefined);
    if (!adapter) throw new OptionError('SOCKDOC_INVALID_OPTION', 'createSocket needs a WebSocket constructor or an adapter (got neither). Use @sockdoc/browser or @sockdoc/node, or pass { WebSocket }.');
    this.#adapter = adapter;
    const channel = options.channel ?? 'text';
    if (channel !== 'text' && channel !== 'binary' && channel !== 'mixed') {
      throw new OptionError('SOCKDOC_INVALID_OPTION', `Option channel must be 'text', 'binary' or 'mixed' (got ${JSON.stringify(channel)}).`);
    }
    this.#contract = options.contract !== false;
    this.#channel = this.#contract ? channel : 'mixed';
    this.#max = this.#contract ? positiveOption('maxMessageBytes', options.maxMessageBytes) : undefined;
    this.#protocols = options.protocols === undefined ? undefined : typeof options.protocols === 'string' ? [options.protocols] : [...options.protocols];
    this.#binaryType = options.binaryType ?? 'arraybuffer';
    this.#locale = options.locale;
    this.#onDiagnosedClose = options.onDiagnosedClose;
    const q = options.queue ?? true;
    this.#queueLimits = q === false ? undefined : q === true ? DEFAULT_QUEUE : { maxMessages: positiveOption('queue.maxMessages', q.maxMessages) ?? DEFAULT_QUEUE.maxMessages, maxBytes: positiveOption('queue.maxBytes', q.maxBytes) ?? DEFAULT_QUEUE.maxBytes };
    this.#connectTimeout = positiveOption('connectTimeout', options.connectTimeout, true) ?? DEFAULT_CONNECT_TIMEOUT;
    this.#snapshot = Object.freeze({ status: 'idle', url: this.url, protocol: '', extensions: '', queued: 0, lastClose: undefined, attempts: 0, handshakeResponse: undefined });
    this.subscribe = this.subscribe.bind(this);
    this.getSnapshot = this.getSnapshot.bind(this);
    if (options.autoConnect !== false) this.connect();
  }

  /**
   * Subscribes to snapshot changes (for `useSyncExternalStore`). Returns the unsubscribe function.
   *
   * @example
   * const stop = socket.subscribe(() => render(socket.getSnapshot()));
   */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * The current state. The same object until a field changes.
   *
   * @example
   * socket.getSnapshot().status; // 'connecting'
   */
  getSnapshot(): SocketSnapshot {
    return this.#snapshot;
  }

  /**
   * Opens the connection if it is idle or closed. Messages queued meanwhile go out in order on open.
   *
   * @example
   * const socket = createSocket(url, { WebSocket, autoConnect: false });
   * socket.connect();
   */
  connect(): void {
    const s = this.#snapshot.status;
    if (s === 'connecting' || s === 'open' || s === 'closing') return;
    this.#evidence = new EvidenceRecorder();
    this.#stopWatch ??= this.#adapter.watch?.(this.#sink());
    let ws: WebSocketLike;
    try {
      ws = this.#adapter.create(this.url, this.#protocols);
    } catch (err) {
      // e.g. a SyntaxError for an invalid subprotocol: report it, never leave the state half-made.
      this.#set({ status: 'closed', attempts: this.#snapshot.attempts + 1 });
      this.#stopWatching();
      this.emit('error', err);
      this.#handBack();
      return;
    }
    this.#ws = ws;
    ws.binaryType = this.#binaryType;
    ws.addEventListener('open', this.#onOpen);
    ws.addEventListener('message', this.#onMessage);
    ws.addEventListener('error', this.#onError);
    ws.addEventListener('close', this.#onClose);
    this.#detach = this.#adapter.observe?.(ws, this.#sink());
    if (this.#connectTimeout > 0) {
      this.#connectTimer = setTimeout(() => {
        this.#connectTimer = undefined;
        if (this.#ws === ws && ws.readyState !== OPEN) {
          this.#evidence.connectTimeout = true;
          ws.close();
        }
      }, this.#connectTimeout);
    }
    this.#set({ status: 'connecting', attempts: this.#snapshot.attempts + 1, protocol: '', extensions: '', handshakeResponse: undefined });
  }

  /**
   * Sends a string or bytes after checking the contract. Throws a `ContractError` (and emits
   * `violation`) when the message breaks it: nothing is sent and the connection stays open.
   * Before the socket opens, the message is queued (or refused with `queue: false`).
   *
   * @example
   * socket.send('{"type":"ping"}');
   * socket.send(new Uint8Array([1, 2])); // on a text channel: throws SOCKDOC_BINARY_ON_TEXT_CHANNEL
   */
  send(data: string | ArrayBuffer | ArrayBufferView | Blob): void {
    this.#deliver(this.#check(() => (this.#contract ? checkOutgoing(data, this.#channel, this.#max) : this.#unchecked(data))));
  }

  /**
   * Sends UTF-8 bytes as a text frame. The bytes must be valid UTF-8 (else SOCKDOC_INVALID_UTF8,
   * predicted close 1007). In Node the bytes go out as they are; in browsers they are decoded
   * to a string first, because browsers send all bytes as binary frames.
   *
   * @example
   * socket.sendText(new TextEncoder().encode('héllo'));
   */
  sendText(bytes: Uint8Array | ArrayBuffer): void {
    this.#deliver(
      this.#check(() => {
        if (this.#contract) return checkTextBytes(bytes, this.#channel, this.#max, this.#adapter.isUtf8);
        const view = bytes instanceof Uint8Array ? bytes : ArrayBuffer.isView(bytes) ? new Uint8Array((bytes as ArrayBufferView).buffer) : new Uint8Array(bytes);
        return { data: view, kind: 'text', bytes: view.byteLength, asText: true } as const;
      }),
    );
  }

  /**
   * Serializes `value` as JSON and sends it as text. Refuses what JSON cannot represent
   * faithfully (cycles, BigInt, functions, undefined, NaN, Map/Set) with SOCKDOC_JSON_UNREPRESENTABLE.
   *
   * @example
   * socket.sendJson({ type: 'join', room: 'general' });
   */
  sendJson(value: unknown): void {
    this.#deliver(this.#check(() => (this.#contract ? checkOutgoing(toJson(value), this.#channel, this.#max) : this.#unchecked(toJson(value)))));
  }

  /**
   * Starts the closing handshake. `code` must be 1000 or 3000-4999 and `reason` at most 123
   * UTF-8 bytes, exactly as browsers require, on every runtime. Queued messages are handed
   * back through the `unsent` event.
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
    if (!ws || status === 'closed' || status === 'idle') {
      this.#stopWatching();
      this.#set({ status: 'closed' });
      this.#handBack();
      return;
    }
    if (status === 'closing') return;
    this.#evidence.initiator = 'client';
    this.#evidence.clientClose = { ...(code === undefined ? {} : { code }), ...(reason === undefined ? {} : { reason }) };
    this.#set({ status: 'closing' });
    this.#handBack();
    if (code === undefined) ws.close();
    else ws.close(code, reason);
  }

  #check(make: () => CheckedMessage): CheckedMessage {
    try {
      return make();
    } catch (err) {
      if (err instanceof ContractError) this.emit('violation', err);
      throw err;
    }
  }

  /** With the contract off: still refuse values no runtime can send, but skip channel, UTF-8 and size rules. */
  #unchecked(data: unknown): CheckedMessage {
    if (typeof data === 'string') return { data, kind: 'text', bytes: utf8ByteLength(data) };
    return checkOutgoing(data, 'mixed', undefined);
  }

  #deliver(msg: CheckedMessage): void {
    const ws = this.#ws;
    if (ws && this.#snapshot.status === 'open') {
      if (ws.readyState !== OPEN) throw new StateError('SOCKDOC_NOT_OPEN', `Cannot send: the connection is closing (readyState ${ws.readyState}). Nothing was sent.`);
      this.#write(ws, msg);
      return;
    }
    const status = this.#snapshot.status;
    if (!this.#queueLimits || status === 'closed' || status === 'closing') {
      throw new StateError('SOCKDOC_NOT_OPEN', `Cannot send while the connection is ${status}${this.#queueLimits ? '' : ' and queueing is off'} (message of ${msg.bytes} bytes). Nothing was sent.`);
    }
    const { maxMessages, maxBytes } = this.#queueLimits;
    if (this.#queue.length + 1 > maxMessages || this.#queueBytes + msg.bytes > maxBytes) {
      throw new StateError('SOCKDOC_QUEUE_FULL', `Cannot queue a message of ${msg.bytes} bytes: the queue holds ${this.#queue.length} messages, ${this.#queueBytes} bytes (limits ${maxMessages} messages, ${maxBytes} bytes). Nothing was queued.`);
    }
    this.#queue.push(msg);
    this.#queueBytes += msg.bytes;
    this.#set({ queued: this.#queue.length });
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

  /** Hands queued messages back in order: they will not be sent by this connection. */
  #handBack(): void {
    if (this.#queue.length === 0) return;
    const unsent: UnsentMessage[] = this.#queue.map((m) => ({ data: m.data, kind: m.kind, bytes: m.bytes }));
    this.#queue = [];
    this.#queueBytes = 0;
    this.#set({ queued: 0 });
    this.emit('unsent', unsent);
  }

  #onOpen = (): void => {
    const ws = this.#ws!;
    this.#clearConnectTimer();
    this.#evidence.opened = Date.now();
    this.#evidence.protocol = ws.protocol;
    this.#set({ status: 'open', protocol: ws.protocol ?? '', extensions: ws.extensions ?? '' });
    const queued = this.#queue;
    this.#queue = [];
    this.#queueBytes = 0;
    for (let i = 0; i < queued.length; i++) {
      if (ws.readyState !== OPEN) {
        this.#queue = queued.slice(i);
        this.#queueBytes = this.#queue.reduce((n, m) => n + m.bytes, 0);
        break;
      }
      this.#write(ws, queued[i]!);
    }
    this.#set({ queued: this.#queue.length });
    this.emit('open');
  };

  #onMessage = (event: { data: IncomingData }): void => {
    this.#evidence.lastIn = Date.now();
    this.emit('message', event.data);
  };

  #onError = (event: { error?: { code?: unknown; message?: unknown }; message?: unknown }): void => {
    const err = event.error;
    const code = typeof err?.code === 'string' ? err.code : undefined;
    const message = typeof err?.message === 'string' ? err.message : typeof event.message === 'string' ? event.message : undefined;
    if (code !== undefined || message !== undefined) this.#evidence.transportError ??= { ...(code ? { code } : {}), ...(message ? { message } : {}) };
    this.emit('error', err ?? event);
  };

  #onClose = (event: { code: number; reason: string; wasClean: boolean }): void => {
    const ws = this.#ws;
    if (!ws) return;
    this.#release(ws);
    const raw: RawClose = { code: event.code, reason: event.reason, wasClean: event.wasClean };
    const ev = this.#evidence;
    if (ev.initiator !== 'client') ev.initiator = raw.code === 1006 ? 'unknown' : 'server';
    const evidence = ev.context({ runtime: this.#adapter.runtime, closed: Date.now(), channel: this.#channel, maxMessageBytes: this.#max, attempt: this.#snapshot.attempts - 1, ...this.#env });
    const diagnosis = diagnose(raw, evidence, { ...(this.#locale === undefined ? {} : { locale: this.#locale }) });
    this.#stopWatching();
    this.#set({ status: 'closed', lastClose: diagnosis });
    this.#handBack();
    this.emit('close', diagnosis, raw, evidence);
    if (this.#onDiagnosedClose) {
      try {
        this.#onDiagnosedClose(diagnosis);
      } catch (err) {
        this.emit('error', err);
      }
    }
  };

  #release(ws: WebSocketLike): void {
    this.#clearConnectTimer();
    ws.removeEventListener('open', this.#onOpen);
    ws.removeEventListener('message', this.#onMessage);
    ws.removeEventListener('error', this.#onError);
    ws.removeEventListener('close', this.#onClose);
    this.#detach?.();
    this.#detach = undefined;
    this.#ws = undefined;
  }

  #clearConnectTimer(): void {
    if (this.#connectTimer !== undefined) clearTimeout(this.#connectTimer);
    this.#connectTimer = undefined;
  }

  #stopWatching(): void {
    this.#stopWatch?.();
    this.#stopWatch = undefined;
  }

  #sink(): EvidenceSink {
    return {
      handshake: (status, headers) => {
        this.#evidence.handshakeStatus = status;
        this.#set({ handshakeResponse: Object.freeze({ status, headers: Object.freeze({ ...headers }) }) });
      },
      transportError: (code, message) => {
        this.#evidence.transportError = { ...(code ? { code } : {}), ...(message ? { message } : {}) };
      },
      environment: (patch) => {
        const now = Date.now();
        if (patch.online === false && this.#env.online !== false) this.#env.wentOfflineAt = now;
        if ((patch.visibility === 'hidden' || patch.pageHidden) && this.#env.visibility !== 'hidden') this.#env.hiddenAt = now;
        this.#env = { ...this.#env, ...(patch.online === undefined ? {} : { online: patch.online }), ...(patch.visibility ? { visibility: patch.visibility } : patch.pageHidden ? { visibility: 'hidden' } : {}) };
      },
    };
  }

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
    for (const l of this.#listeners) l();
    this.emit('state', this.#snapshot);
  }
}
