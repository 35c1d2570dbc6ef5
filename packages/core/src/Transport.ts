import type { Runtime, StatusProbe } from '@sockdoc/diagnose';
import type { IncomingData } from './types.js';

// The runtime interface, for adapter authors: `@sockdoc/core/adapter`. Users never see it;
// `@sockdoc/browser` and `@sockdoc/node` plug theirs in. A transport opens sockets; an
// environment reports what the page or process around them does. Core reads nothing else.

/** Which runtime a transport belongs to, as evidence for diagnoses. */
export type { Runtime };

/** HTTP headers of a refused handshake, as the runtime gives them. */
export type Headers = Readonly<Record<string, string | string[] | undefined>>;

/**
 * Opens sockets for one runtime. The only required members are `runtime` and `open`.
 *
 * @example
 * import { webSocketTransport } from '@sockdoc/core/adapter';
 * createSocket(url, { transport: webSocketTransport('browser', () => globalThis.WebSocket) });
 */
export interface Transport {
  readonly runtime: Runtime;
  /** The runtime's version, as evidence (some runtimes misreport closes in some versions). */
  readonly version?: string;
  /** Which WebSocket client it uses in Node: `ws` or the global one (undici). */
  readonly webSocket?: 'ws' | 'undici';
  /**
   * Opens one socket and reports its events to `events` until `detach()`. May throw what the
   * runtime throws (no `WebSocket`, a URL it refuses): the client reports that as a setup error.
   */
  open(url: string, protocols: readonly string[] | undefined, binaryType: 'arraybuffer' | 'blob', events: TransportEvents): TransportSocket;
  /**
   * Set for runtimes whose sockets may never report a close they owe (Node 20's undici after a
   * failed handshake): this long after an error event before open, or after sockdoc closed a socket
   * at its connect timeout, the client ends the attempt itself (1006, `abandoned`, evidence
   * `close_not_reported`). Unset: the runtime's close event is waited for.
   */
  readonly closeGraceMs?: number;
  /** Whether its sockets have `ping()` (ping frames). Without it a heartbeat needs an application-level message. */
  readonly pings?: boolean;
  /** Native UTF-8 where the runtime has it (Node's Buffer). Without it core uses `TextEncoder`/`TextDecoder`. */
  readonly utf8?: Utf8;
}

/** UTF-8 as the runtime's own send would do it. */
export interface Utf8 {
  /** Encodes once: strings sent on an open socket go out as these bytes (`sendText`). */
  encode(s: string): Uint8Array;
  byteLength(s: string): number;
  isValid(bytes: Uint8Array): boolean;
}

/** One open (or opening) socket. */
export interface TransportSocket {
  /** WHATWG values: 0 connecting, 1 open, 2 closing, 3 closed. */
  readonly readyState: number;
  readonly protocol: string;
  readonly extensions: string;
  readonly bufferedAmount: number;
  send(data: string | ArrayBuffer | ArrayBufferView | Blob): void;
  /** Sends valid UTF-8 bytes as a text frame without decoding them (Node). Without it core decodes them to a string. */
  sendText?(bytes: Uint8Array): void;
  /** Sends a ping frame; the pong is reported to `events.pong` (Node). */
  ping?(): void;
  close(code?: number, reason?: string): void;
  /** Destroys the connection without a closing handshake; the runtime then reports 1006 (Node). Without it core calls `close()`. */
  terminate?(): void;
  /** Stops reporting events (the socket itself is not closed). */
  detach(): void;
}

/** What a transport reports about one socket. Core implements it; one object per connection attempt. */
export interface TransportEvents {
  open(): void;
  message(data: IncomingData): void;
  /** The runtime's error event, with what it said (`code` such as `ECONNREFUSED`, `message`), kept as evidence. */
  error(error: unknown, code?: string, message?: string): void;
  close(code: number, reason: string, wasClean: boolean): void;
  /** The server answered the handshake with a status other than 101, where the runtime can see it (Node; never browsers). */
  handshake(status: number, headers: Headers): void;
  /**
   * What the runtime learned of a handshake it hid the status of, reported before its close
   * (browsers: the status probe asks the same URL over http(s)).
   */
  statusProbe(result: StatusProbe): void;
  /** Evidence of a transport failure without an error event of its own. */
  transportError(code: string | undefined, message: string | undefined): void;
  /** A pong frame arrived. */
  pong(): void;
}

/** What the environment changed: online state, page visibility, `pagehide` (bfcache). */
export interface EnvironmentPatch {
  readonly online?: boolean;
  readonly visibility?: 'visible' | 'hidden';
  readonly pageHidden?: boolean;
}

/** Receives what an environment watcher sees. */
export interface EnvironmentSink {
  environment(patch: EnvironmentPatch): void;
}

/**
 * Signals from around the sockets (browsers: online/offline, visibility, pagehide), watched
 * while the client is active. Reconnects pause while offline or hidden, and diagnoses use them.
 */
export interface Environment {
  /** Starts watching; reports the current state at once. Returns the stop function. */
  watch(sink: EnvironmentSink): () => void;
}
