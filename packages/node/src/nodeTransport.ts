import WebSocket from 'isomorphic-ws';
import type { ClientOptions } from 'ws';
import type { IncomingMessage } from 'node:http';
import { isUtf8 } from 'node:buffer';
import { detectRuntime, type Transport, type TransportEvents, type TransportSocket, type Utf8 } from '@sockdoc/core/adapter';

type Bytes = string | Uint8Array;

/**
 * The `ws` client options sockdoc passes on (those of ws 8's `ClientOptions` an app sets), typed
 * here so that the published types need neither `@types/ws` nor `@types/node`. Agents and TLS
 * material are typed loosely; `ws`'s own types check them when `@types/ws` is installed.
 */
export interface WsClientOptions {
  /** Largest incoming message in bytes; `ws` closes with 1009 above it (default 100 MiB). */
  readonly maxPayload?: number;
  /** Milliseconds to wait for the handshake response. */
  readonly handshakeTimeout?: number;
  /** permessage-deflate: `false` to turn it off, or its options. */
  readonly perMessageDeflate?: boolean | Readonly<Record<string, unknown>>;
  readonly followRedirects?: boolean;
  readonly maxRedirects?: number;
  /** The `Origin` header. */
  readonly origin?: string;
  readonly protocolVersion?: number;
  readonly skipUTF8Validation?: boolean;
  readonly autoPong?: boolean;
  readonly allowSynchronousEvents?: boolean;
  readonly headers?: Readonly<Record<string, string>>;
  /** An `http.Agent` or `https.Agent` (a proxy agent, say). */
  readonly agent?: object;
  readonly family?: number;
  readonly localAddress?: string;
  readonly rejectUnauthorized?: boolean;
  readonly ca?: Bytes | readonly Bytes[];
  readonly cert?: Bytes | readonly Bytes[];
  readonly key?: Bytes | readonly Bytes[];
  readonly pfx?: Bytes | readonly Bytes[];
  readonly passphrase?: string;
}

/**
 * WsClientOptions as ws's own ClientOptions (`@types/ws`, a devDependency, checks it at build time):
 * the parameter's type accepts only fields ws knows, the spread only values of types ws accepts;
 * the loosely typed agent and TLS material are passed as they are.
 */
function asClientOptions(o: (WsClientOptions & Record<Exclude<keyof WsClientOptions, keyof ClientOptions>, never>) | undefined): ClientOptions {
  if (!o) return {};
  const { agent, ca, cert, key, pfx, ...typed } = o;
  const loose = { agent, ca, cert, key, pfx } as Pick<ClientOptions, 'agent' | 'ca' | 'cert' | 'key' | 'pfx'>;
  return { ...typed, ...Object.fromEntries(Object.entries(loose).filter(([, v]) => v !== undefined)) };
}

export interface NodeTransportOptions {
  /** HTTP headers for the upgrade request (e.g. Authorization). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Any other `ws` client option: `maxPayload`, `handshakeTimeout`, `agent`, `rejectUnauthorized`, `perMessageDeflate`, ... */
  readonly ws?: WsClientOptions;
}

type WsSocket = InstanceType<typeof WebSocket>;

// Listening with ws.on and these shared functions (ws calls them with the socket as `this`) costs
// no closure per connection, and no event object per message as ws's addEventListener would.
const listeners = new WeakMap<WsSocket, TransportEvents>();

function onOpen(this: WsSocket): void {
  // Open: the handshake listeners have done their work; fewer listeners keep an idle socket small.
  this.off('open', onOpen);
  this.off('unexpected-response', onUnexpectedResponse);
  listeners.get(this)?.open();
}

function onMessage(this: WsSocket, data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): void {
  listeners.get(this)?.message(isBinary ? (data as Buffer | ArrayBuffer) : data.toString());
}

function onError(this: WsSocket, err: Error & { code?: unknown }): void {
  listeners.get(this)?.error(err, typeof err.code === 'string' ? err.code : undefined, err.message);
}

/** ws's own CloseEvent, once per connection: its `wasClean` says whether both Close frames went through. */
function onClose(this: WsSocket, event: { code: number; reason: string; wasClean: boolean }): void {
  listeners.get(this)?.close(event.code, event.reason, event.wasClean);
}

function onPong(this: WsSocket): void {
  listeners.get(this)?.pong();
}

/** With a listener here ws does not abort the handshake itself: record the response, then terminate. */
function onUnexpectedResponse(this: WsSocket, _req: unknown, res: IncomingMessage): void {
  const status = res.statusCode ?? 0;
  const events = listeners.get(this);
  events?.handshake(status, { ...res.headers });
  events?.transportError(undefined, `Unexpected server response: ${status}`);
  res.resume();
  this.terminate();
}

/** One `ws` socket. Methods on the prototype: nothing allocated per connection but this object. */
class NodeSocket implements TransportSocket {
  readonly #ws: WsSocket;
  #pongs = false;
  constructor(ws: WsSocket, events: TransportEvents) {
    this.#ws = ws;
    listeners.set(ws, events);
    ws.on('open', onOpen);
    ws.on('message', onMessage);
    ws.on('error', onError);
    ws.addEventListener('close', onClose as never);
    ws.on('unexpected-response', onUnexpectedResponse);
  }
  get readyState(): number {
    return this.#ws.readyState;
  }
  get protocol(): string {
    return this.#ws.protocol;
  }
  get extensions(): string {
    return this.#ws.extensions;
  }
  get bufferedAmount(): number {
    return this.#ws.bufferedAmount;
  }
  send(data: string | ArrayBuffer | ArrayBufferView | Blob): void {
    this.#ws.send(data as string);
  }
  sendText(bytes: Uint8Array): void {
    this.#ws.send(bytes, { binary: false });
  }
  ping(): void {
    // Pongs matter only to a heartbeat: listen from its first ping on.
    if (!this.#pongs) {
      this.#pongs = true;
      this.#ws.on('pong', onPong);
    }
    this.#ws.ping();
  }
  close(code?: number, reason?: string): void {
    if (code === undefined) this.#ws.close();
    else this.#ws.close(code, reason);
  }
  terminate(): void {
    this.#ws.terminate();
  }
  detach(): void {
    const ws = this.#ws;
    listeners.delete(ws);
    ws.off('open', onOpen);
    ws.off('message', onMessage);
    ws.off('error', onError);
    ws.removeEventListener('close', onClose as never);
    ws.off('pong', onPong);
    ws.off('unexpected-response', onUnexpectedResponse);
  }
}

const utf8: Utf8 = {
  encode: (s) => Buffer.from(s, 'utf8'),
  byteLength: (s) => Buffer.byteLength(s, 'utf8'),
  isValid: isUtf8,
};

/**
 * The Node transport: sockets on `ws` (through `isomorphic-ws`), with the HTTP status and
 * headers of a refused handshake, ping frames, and UTF-8 bytes sent as text frames as they are.
 * `@sockdoc/node`'s `createSocket` uses it; adapter authors can wrap it.
 */
export function nodeTransport(options: NodeTransportOptions = {}): Transport {
  const wsOptions: ClientOptions = { ...asClientOptions(options.ws), headers: { ...options.ws?.headers, ...options.headers } };
  // ws runs in Bun and Deno too: the runtime is the one it runs in.
  const { runtime, version } = detectRuntime();
  return {
    runtime,
    ...(version ? { version } : {}),
    webSocket: 'ws',
    pings: true,
    utf8,
    open(url, protocols, binaryType, events) {
      const ws = new WebSocket(url, protocols ? [...protocols] : [], wsOptions);
      ws.binaryType = binaryType as WsSocket["binaryType"];
      return new NodeSocket(ws, events);
    },
  };
}
