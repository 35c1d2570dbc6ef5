import type { CloseInput, DiagnoseContext, DiagnoseOptions, Diagnosis, LocaleText } from '@sockdoc/diagnose';
import type { Heartbeat } from './Heartbeat.js';
import type { JsonCodec, JsonResult } from './json.js';
import type { Environment, Transport } from './Transport.js';
import type { QueueOptions } from './OutgoingQueue.js';
import type { ReconnectOptions, StopReason } from './reconnectPolicy.js';

/** What a channel accepts: only strings, only bytes, or both. */
export type Channel = 'text' | 'binary' | 'mixed';

/** The subset of the WHATWG `WebSocket` the client uses. `ws` and browsers both fit. */
export interface WebSocketLike {
  readonly readyState: number;
  readonly protocol: string;
  readonly extensions: string;
  readonly bufferedAmount: number;
  binaryType: string;
  send(data: string | ArrayBuffer | ArrayBufferView | Blob): void;
  close(code?: number, reason?: string): void;
  // `any`, not `never`: the DOM's generic overload (`(this: WebSocket, ev: WebSocketEventMap[K]) => any`)
  // is not assignable to a listener of `never`, so `globalThis.WebSocket` would not type-check.
  addEventListener(type: 'open' | 'message' | 'close' | 'error', listener: (event: any) => void): void;
  removeEventListener(type: 'open' | 'message' | 'close' | 'error', listener: (event: any) => void): void;
}

/** A `WebSocket` constructor: `globalThis.WebSocket`, `ws`, or a test double. */
export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocketLike;

/** The clock. Injectable so tests can run long delays fast; defaults to the global timers. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
  /** Milliseconds on this clock (for durations such as "open long enough to be stable"). Default `Date.now`. */
  now?(): number;
}

/** `reconnecting`: waiting before the next attempt; `closed`: for good (see `stopped`). */
export type ConnectionStatus = 'idle' | 'connecting' | 'open' | 'closing' | 'reconnecting' | 'closed';

/** An immutable view of the client; a new object only when a field changed. */
export interface SocketSnapshot {
  readonly status: ConnectionStatus;
  readonly url: string;
  /** The negotiated subprotocol ('' when none). */
  readonly protocol: string;
  readonly extensions: string;
  /** Messages accepted by send() and waiting for the socket to open. */
  readonly queued: number;
  /** The diagnosis of the most recent close. */
  readonly lastClose: Diagnosis | undefined;
  /** Number of connection attempts made so far (1 after the first connect()). */
  readonly attempts: number;
  /** The HTTP response of the last refused handshake, where the runtime exposes it (Node; never browsers). */
  readonly handshakeResponse: HandshakeResponse | undefined;
  /** The next reconnect attempt while `status` is `reconnecting`. */
  readonly reconnect: ReconnectPlan | undefined;
  /** Why the client stopped, once `status` is `closed`. */
  readonly stopped: StopInfo | undefined;
}

export interface ReconnectPlan {
  /** 1 for the first reconnect after a failure streak began. */
  readonly attempt: number;
  readonly delayMs: number;
  /** The close that caused it (absent when resolving the URL failed). */
  readonly diagnosis: Diagnosis | undefined;
  /** Waiting for the browser to come back online (or the page to be shown) before counting down. */
  readonly paused?: 'offline' | 'hidden';
}

export interface StopInfo {
  readonly reason: StopReason;
  readonly diagnosis: Diagnosis | undefined;
}

/** Status and headers of a handshake the server answered with something other than 101. */
export interface HandshakeResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** The close exactly as the runtime reported it: never rewritten. */
export interface RawClose {
  readonly code: number;
  readonly reason: string;
  readonly wasClean: boolean;
  /**
   * Set when the runtime never reported this close and sockdoc ended the attempt itself, a second
   * after the runtime had to: after a missed heartbeat in a browser (a dead socket can take minutes
   * to report), after a connect timeout, or after an error event before the socket opened (Node
   * 20's undici never reports the close of a failed handshake). The code is then 1006 because no
   * Close frame was received, and the diagnosis says the close was not reported.
   */
  readonly abandoned?: true;
}

/**
 * What `send` did with a message: written (`'sent'`); written, but the runtime now buffers more
 * than `backpressure.highWaterMark` (`'backpressure'`: wait for `drain`); or `'queued'` until the
 * socket opens.
 */
export type SendResult = 'sent' | 'backpressure' | 'queued';

/** Bytes the runtime may buffer (`bufferedAmount`) before `send` says `'backpressure'`. */
export interface BackpressureOptions {
  /** Above it `send` returns `'backpressure'` and `writable` is false. Default 1 MiB. */
  readonly highWaterMark?: number;
  /** `drain` is emitted once the buffer falls to it. Default a quarter of `highWaterMark`. */
  readonly lowWaterMark?: number;
}

/** A message that was accepted but never reached an open socket. */
export interface UnsentMessage {
  readonly data: string | ArrayBuffer | ArrayBufferView | Blob;
  readonly kind: 'text' | 'binary';
  readonly bytes: number;
}

export type IncomingData = string | ArrayBuffer | Blob | Uint8Array;

/** Typed events of a {@link SocketClient}. */
export interface SocketEvents<In = unknown> {
  open: [];
  /** A message, and with the `json` option its text decoded as JSON (once, whoever listens). */
  message: [data: IncomingData, json?: JsonResult<In>];
  /**
   * Every close, diagnosed. `raw` is exactly what the runtime reported; `evidence` is what the
   * client recorded (no payloads), to re-diagnose in another language or save for `sockdoc diagnose`.
   */
  close: [diagnosis: Diagnosis, raw: RawClose, evidence: DiagnoseContext];
  /** A transport error (the runtime's error event), or an error thrown by onDiagnosedClose. */
  error: [error: unknown];
  /** A message refused by the outgoing contract (also thrown by send()). */
  violation: [error: import('./errors/ContractError.js').ContractError];
  state: [snapshot: SocketSnapshot];
  /** Messages that were queued and can no longer be sent, handed back in order. */
  unsent: [messages: readonly UnsentMessage[]];
  /** A queued message dropped to make room (`queue.overflow: 'drop-oldest'`). */
  dropped: [message: UnsentMessage];
  /** Queued messages written to the socket, in order, when it opened. */
  flushed: [messages: readonly UnsentMessage[]];
  /** A reconnect is scheduled. */
  reconnecting: [plan: ReconnectPlan];
  /** The client stopped for good. Queued messages were handed back through `unsent` first. */
  stopped: [info: StopInfo];
  /** The runtime's buffer fell to the low-water mark after a `'backpressure'` send (or the connection holding it ended). */
  drain: [];
}

/** A value, or a function returning it now or later: evaluated on every connection attempt. */
export type Dynamic<T> = T | (() => T | Promise<T>);

/** What a `refresh` hook may change before the one retry after an authentication failure. */
export interface RefreshResult {
  readonly url?: string;
  readonly protocols?: string | readonly string[];
}

/**
 * Options of `createSocket`. `Out` and `In` are what the `json` codec sends and decodes (from its
 * schemas, with `json({ send, receive })`); `unknown` otherwise.
 */
export interface SocketOptions<Out = unknown, In = unknown> {
  /** The WebSocket constructor to use (ignored when `transport` is given). */
  readonly WebSocket?: WebSocketConstructor;
  /** How sockets are opened (`@sockdoc/core/adapter`); `@sockdoc/browser` and `@sockdoc/node` pass theirs. */
  readonly transport?: Transport;
  /** Signals from around the sockets (`@sockdoc/core/adapter`); `@sockdoc/browser` passes the page's. */
  readonly environment?: Environment;
  /** What the server accepts. Default `'text'`. */
  readonly channel?: Channel;
  /** Largest message in UTF-8 bytes the server accepts; larger ones are refused before sending. */
  readonly maxMessageBytes?: number;
  readonly protocols?: Dynamic<string | readonly string[] | undefined>;
  /** Default `'arraybuffer'`, set on every socket the client opens. */
  readonly binaryType?: 'arraybuffer' | 'blob';
  /**
   * Language of diagnoses: a locale object (`zhCN`), a tag, or the user's preferred tags in order
   * (`navigator.languages`); tags match the locales in `locales` and those registered. Default English.
   */
  readonly locale?: string | readonly string[] | LocaleText;
  /** Locales that tags in `locale` may match. A locale object passed here ships in your bundle. */
  readonly locales?: readonly LocaleText[];
  /**
   * The `diagnose` function from `@sockdoc/diagnose`, to bundle the diagnosis with the client.
   * Without it the client loads `@sockdoc/diagnose` with `import()` when it first connects
   * (`@sockdoc/node` passes it; browsers keep the catalogue out of the initial bundle).
   */
  readonly diagnose?: (close: CloseInput, context: DiagnoseContext, options: DiagnoseOptions) => Diagnosis;
  /** Called with every close, diagnosed. */
  readonly onDiagnosedClose?: (diagnosis: Diagnosis) => void;
  /** Check outgoing messages against the contract. Default `true`; `false` only to reproduce server behaviour. */
  readonly contract?: boolean;
  /** Queue messages sent while not open (connecting, reconnecting). Default `true` (100 messages, 1 MiB, refuse on overflow); `false` throws SOCKDOC_NOT_OPEN instead. */
  readonly queue?: boolean | QueueOptions;
  /** When `send` says `'backpressure'` and `drain` follows. Default 1 MiB high, 256 KiB low. */
  readonly backpressure?: BackpressureOptions;
  /** Reconnect when the diagnosis says a retry can help. Default `true`; see docs/guides/reconnection.md. */
  readonly reconnect?: boolean | ReconnectOptions;
  /**
   * Called once after an authentication failure (401/403 handshake, 3000, 4401, 1008 with an auth
   * reason): fetch new credentials and return a new URL or protocols. Without it the client stops.
   */
  readonly refresh?: (info: { readonly diagnosis: Diagnosis; readonly url: string }) => Promise<RefreshResult | void> | RefreshResult | void;
  /**
   * When the credentials the URL, cookies or subprotocols carry expire (epoch ms), or a function
   * that says so at each close. A handshake that fails after that time is diagnosed as an
   * authentication failure (evidence `credentials_expired`), so `refresh` runs, even in a browser,
   * which hides the HTTP status.
   *
   * @example
   * createSocket(url, { credentialsExpireAt: () => session.expiresAt, refresh: renewSession });
   */
  readonly credentialsExpireAt?: number | (() => number | undefined);
  /** Decode incoming text as JSON and enable `sendJson`: `json()`, or your own codec. Default off. */
  readonly json?: JsonCodec<Out, In>;
  /** Detect dead connections: `heartbeat({ intervalMs })`. Default off. Node sends ping frames; browsers need `message`. */
  readonly heartbeat?: Heartbeat;
  /** The clock (tests only). */
  readonly timers?: Timers;
  /** Random numbers in [0, 1) for jitter (tests only). Default `Math.random`. */
  readonly random?: () => number;
  /** Give up on a handshake after this many ms (0 = never). Default 15000. */
  readonly connectTimeout?: number;
  /** Open on creation. Default `true`; `false` waits for `connect()` (SSR, lazy UIs). */
  readonly autoConnect?: boolean;
}

