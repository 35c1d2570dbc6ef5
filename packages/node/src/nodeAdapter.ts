import WebSocket from 'isomorphic-ws';
import type { ClientOptions } from 'ws';
import type { IncomingMessage } from 'node:http';
import { isUtf8 } from 'node:buffer';
import type { EvidenceSink, RuntimeAdapter, SocketListeners, WebSocketLike } from '@sockdoc/core';

export interface NodeAdapterOptions {
  /** HTTP headers for the upgrade request (e.g. Authorization). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Any other `ws` client option: `maxPayload`, `handshakeTimeout`, `agent`, `rejectUnauthorized`, `perMessageDeflate`, ... */
  readonly ws?: ClientOptions;
}

type WsSocket = InstanceType<typeof WebSocket>;

type Client = SocketListeners & EvidenceSink;

// Listening with ws.on and these shared functions (ws calls them with the socket as `this`) costs
// no closure per connection, and no event object per message as ws's addEventListener would.
const clients = new WeakMap<WsSocket, Client>();

function onOpen(this: WsSocket): void {
  clients.get(this)?.open();
}

function onMessage(this: WsSocket, data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): void {
  clients.get(this)?.message({ data: isBinary ? (data as Buffer | ArrayBuffer) : data.toString() });
}

function onError(this: WsSocket, err: Error & { code?: unknown }): void {
  clients.get(this)?.error({ error: err, message: err.message });
}

function onClose(this: WsSocket & { _closeFrameReceived?: boolean; _closeFrameSent?: boolean }, code: number, reason: Buffer): void {
  // wasClean as ws's CloseEvent computes it: both Close frames went through.
  clients.get(this)?.close({ code, reason: reason.toString(), wasClean: this._closeFrameReceived === true && this._closeFrameSent === true });
}

/** With a listener here ws does not abort the handshake itself: record the response, then terminate. */
function onUnexpectedResponse(this: WsSocket, _req: unknown, res: IncomingMessage): void {
  const status = res.statusCode ?? 0;
  const client = clients.get(this);
  client?.handshake(status, { ...res.headers });
  client?.transportError(undefined, `Unexpected server response: ${status}`);
  res.resume();
  this.terminate();
}

/**
 * The Node runtime adapter: opens sockets with `ws` (through `isomorphic-ws`), reports the HTTP
 * status and headers of a refused handshake, and sends UTF-8 bytes as text frames as they are.
 *
 * @example
 * import { createSocket } from '@sockdoc/core';
 * const socket = createSocket(url, { adapter: nodeAdapter({ headers: { Authorization: 'Bearer x' } }) });
 */
export function nodeAdapter(options: NodeAdapterOptions = {}): RuntimeAdapter {
  const wsOptions: ClientOptions = { ...options.ws, headers: { ...options.ws?.headers, ...options.headers } };
  return {
    runtime: 'node',
    create: (url, protocols) => new WebSocket(url, protocols ? [...protocols] : [], wsOptions) as unknown as WebSocketLike,
    listen(socket, client) {
      const ws = socket as unknown as WsSocket;
      clients.set(ws, client);
      ws.on('open', onOpen);
      ws.on('message', onMessage);
      ws.on('error', onError);
      ws.on('close', onClose);
      ws.on('unexpected-response', onUnexpectedResponse);
    },
    unlisten(socket) {
      const ws = socket as unknown as WsSocket;
      clients.delete(ws);
      ws.off('open', onOpen);
      ws.off('message', onMessage);
      ws.off('error', onError);
      ws.off('close', onClose);
      ws.off('unexpected-response', onUnexpectedResponse);
    },
    isUtf8,
    encodeText: (s) => Buffer.from(s, 'utf8'),
    ping: (socket) => (socket as unknown as WsSocket).ping(),
    onPong(socket, listener) {
      const ws = socket as unknown as WsSocket;
      ws.on('pong', listener);
      return () => ws.off('pong', listener);
    },
    terminate: (socket) => (socket as unknown as WsSocket).terminate(),
    sendTextBytes: (socket, bytes) => (socket as unknown as WsSocket).send(bytes, { binary: false }),
  };
}
