import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { isUtf8 } from 'node:buffer';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';

/** What the server received on one endpoint (for "never received" assertions). */
export interface ReceivedFrame {
  readonly path: string;
  readonly kind: 'text' | 'binary';
  readonly bytes: number;
  readonly utf8Valid: boolean;
}

export interface TestServer {
  /** `ws://127.0.0.1:<port><path>` */
  url(path: string): string;
  readonly port: number;
  readonly received: ReceivedFrame[];
  /** Connections accepted per path (after a successful upgrade). */
  readonly connections: Map<string, number>;
  /** Size limit of the `/limited` endpoint. */
  readonly limit: number;
  /** Serves a static page over plain HTTP at `path` (for real-browser tests). */
  serve(path: string, body: string, contentType?: string): void;
  /** `http://127.0.0.1:<port><path>` */
  httpUrl(path: string): string;
  close(): Promise<void>;
}

const LIMIT = 1024;

/**
 * Starts a real `ws` server on 127.0.0.1, port 0, with endpoints that behave like real servers:
 *
 * - `/echo`: echoes every message with its frame type.
 * - `/text-only`: closes 1003 "Binary messages not supported" on a binary frame (as Spring's TextWebSocketHandler).
 * - `/binary-only`: closes 1003 "Text messages not supported" on a text frame.
 * - `/strict`: echoes; `ws` itself closes 1007 on invalid UTF-8.
 * - `/limited`: `maxPayload` = 1024 bytes; `ws` closes 1009 on larger messages.
 * - `/close/<code>?reason=...&after=ms`: closes with that code and reason after `after` ms (default 20).
 * - `/reject/<status>`: refuses the handshake with that HTTP status.
 * - `/auth?token=t`: echoes, but refuses the handshake with 401 unless `Authorization: Bearer <t>` (default `good`).
 * - `/silent`: accepts TCP, never answers the upgrade.
 * - `/drop?after=ms`: drops TCP without a Close frame after `after` ms, or on the first message.
 * - `/send-invalid-utf8`: sends a text frame that is not valid UTF-8.
 * - `/send-big?bytes=n`: sends one binary message of n bytes.
 * - `/idle?ms=n`: closes 1001 "The WebSocket session [1] idle timeout expired" after n ms without messages.
 */
export async function startTestServer(): Promise<TestServer> {
  const pages = new Map<string, { body: string; type: string }>();
  const http = createServer((req, res) => {
    const page = pages.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (page) res.writeHead(200, { 'content-type': page.type, 'cache-control': 'no-store' }).end(page.body);
    else res.writeHead(426).end('WebSocket only');
  });
  const open = new WebSocketServer({ noServer: true });
  const limited = new WebSocketServer({ noServer: true, maxPayload: LIMIT });
  const sockets = new Set<Socket>();
  const received: ReceivedFrame[] = [];
  const connections = new Map<string, number>();

  http.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  http.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    const reject = /^\/reject\/(\d{3})$/.exec(path);
    if (reject) {
      const status = Number(reject[1]);
      socket.end(`HTTP/1.1 ${status} Refused\r\nConnection: close\r\nContent-Type: text/plain\r\nWWW-Authenticate: Bearer\r\nContent-Length: 7\r\n\r\nrefused`);
      return;
    }
    if (path === '/silent') return; // keep the TCP connection, never answer
    if (path === '/auth' && req.headers.authorization !== `Bearer ${url.searchParams.get('token') ?? 'good'}`) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nWWW-Authenticate: Bearer realm="sockdoc"\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const wss = path === '/limited' ? limited : open;
    wss.handleUpgrade(req, socket, head, (ws) => {
      connections.set(path, (connections.get(path) ?? 0) + 1);
      behave(ws, path, url.searchParams, received, socket);
    });
  });

  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    port,
    url: (path) => `ws://127.0.0.1:${port}${path}`,
    httpUrl: (path) => `http://127.0.0.1:${port}${path}`,
    serve: (path, body, type = 'text/html; charset=utf-8') => void pages.set(path, { body, type }),
    received,
    connections,
    limit: LIMIT,
    close: async () => {
      for (const wss of [open, limited]) for (const c of wss.clients) c.terminate();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

function behave(ws: WebSocket, path: string, q: URLSearchParams, received: ReceivedFrame[], socket: Socket): void {
  const record = (data: RawData, isBinary: boolean) => {
    const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    received.push({ path, kind: isBinary ? 'binary' : 'text', bytes: buf.byteLength, utf8Valid: isBinary ? true : isUtf8(buf) });
    return buf;
  };
  ws.on('error', () => {}); // protocol errors are part of the tests; ws closes the socket itself
  const after = Number(q.get('after') ?? 20);
  const closeMatch = /^\/close\/(\d+)$/.exec(path);
  if (closeMatch) {
    setTimeout(() => ws.close(Number(closeMatch[1]), q.get('reason') ?? ''), after);
    ws.on('message', (d, b) => record(d, b));
    return;
  }
  switch (path) {
    case '/echo':
    case '/auth':
    case '/strict':
    case '/limited':
      ws.on('message', (d, b) => ws.send(record(d, b), { binary: b }));
      return;
    case '/text-only':
      ws.on('message', (d, b) => {
        const buf = record(d, b);
        if (b) ws.close(1003, 'Binary messages not supported');
        else ws.send(buf, { binary: false });
      });
      return;
    case '/binary-only':
      ws.on('message', (d, b) => {
        const buf = record(d, b);
        if (!b) ws.close(1003, 'Text messages not supported');
        else ws.send(buf, { binary: true });
      });
      return;
    case '/drop': {
      const drop = () => socket.destroy();
      if (q.has('after')) setTimeout(drop, after);
      ws.on('message', (d, b) => {
        record(d, b);
        drop();
      });
      return;
    }
    case '/send-invalid-utf8':
      setTimeout(() => ws.send(Buffer.from([0x68, 0x69, 0xff, 0xfe]), { binary: false }), after);
      return;
    case '/send-big':
      setTimeout(() => ws.send(Buffer.alloc(Number(q.get('bytes') ?? 200_000)), { binary: true }), after);
      return;
    case '/idle': {
      const ms = Number(q.get('ms') ?? 200);
      let timer = setTimeout(() => ws.close(1001, 'The WebSocket session [1] idle timeout expired'), ms);
      ws.on('message', (d, b) => {
        record(d, b);
        clearTimeout(timer);
        timer = setTimeout(() => ws.close(1001, 'The WebSocket session [1] idle timeout expired'), ms);
      });
      ws.on('close', () => clearTimeout(timer));
      return;
    }
    default:
      ws.close(4404, `No endpoint ${path}`);
  }
}
