import WebSocket from 'isomorphic-ws';
import type { ClientOptions } from 'ws';
import type { IncomingMessage } from 'node:http';
import { isUtf8 } from 'node:buffer';
import type { RuntimeAdapter, WebSocketLike } from '@sockdoc/core';

export interface NodeAdapterOptions {
  /** HTTP headers for the upgrade request (e.g. Authorization). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Any other `ws` client option: `maxPayload`, `handshakeTimeout`, `agent`, `rejectUnauthorized`, `perMessageDeflate`, ... */
  readonly ws?: ClientOptions;
}

type WsSocket = InstanceType<typeof WebSocket>;

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
    listen(socket, on) {
      const ws = socket as unknown as WsSocket & { _closeFrameReceived?: boolean; _closeFrameSent?: boolean };
      // ws's own addEventListener wraps each listener and builds an event object per message;
      // listening with ws.on costs less memory per connection and per message.
      const message = (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => on.message({ data: isBinary ? (data as Buffer | ArrayBuffer) : data.toString() });
      const error = (err: Error & { code?: unknown }) => on.error({ error: err, message: err.message });
      // wasClean as ws's CloseEvent computes it: both Close frames went through.
      const close = (code: number, reason: Buffer) => on.close({ code, reason: reason.toString(), wasClean: ws._closeFrameReceived === true && ws._closeFrameSent === true });
      ws.on('open', on.open);
      ws.on('message', message);
      ws.on('error', error);
      ws.on('close', close);
      return () => {
        ws.off('open', on.open);
        ws.off('message', message);
        ws.off('error', error);
        ws.off('close', close);
      };
    },
    observe(socket, sink) {
      const ws = socket as unknown as WsSocket;
      // With a listener here ws does not abort the handshake itself: record, then terminate.
      const onUnexpected = (_req: unknown, res: IncomingMessage) => {
        const status = res.statusCode ?? 0;
        sink.handshake(status, { ...res.headers });
        sink.transportError(undefined, `Unexpected server response: ${status}`);
        res.resume();
        ws.terminate();
      };
      ws.on('unexpected-response', onUnexpected);
      return () => ws.off('unexpected-response', onUnexpected);
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
