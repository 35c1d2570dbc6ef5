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
  /** TCP connections accepted, all paths (a socket aborted before its upgrade request still counts). */
  readonly tcpConnections: () => number;
  /** Upgrade requests per path, accepted or not (to count retry storms). */
  readonly upgrades: Map<string, number>;
  /** Text payloads received on `/sink` and `/rpc`, in arrival order. */
  readonly sink: string[];
  /**
   * Restarts the server on the same port: closes every connection (with `code`, or by dropping
   * TCP when `code` is undefined), stops listening for `downMs`, then listens again.
   */
  restart(options: { code?: number; downMs?: number }): Promise<void>;
  /** Size limit of the `/limited` endpoint. */
  readonly limit: number;
  /** Plain HTTP requests (not upgrades) as they arrived: what a status probe sent. */
  readonly httpRequests: ReadonlyArray<{ readonly method: string; readonly path: string; readonly headers: Readonly<Record<string, string | string[] | undefined>> }>;
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
 * - `/bad-accept`: answers 101 with a wrong Sec-WebSocket-Accept.
 * - `/reject/<status>?retryAfter=<value>`: refuses the handshake with that HTTP status (and that `Retry-After`; a `Location` for 3xx).
 * - `/auth?token=t`: echoes, but refuses the handshake with 401 unless `Authorization: Bearer <t>` (default `good`); a plain GET gets 426, as from a server that checks credentials in its upgrade handler only.
 * - `/gate/<status>`: a gateway that answers every request with that status, the upgrade and a plain GET alike.
 * - `/gate-slow`: refuses the upgrade with 503 and never answers a plain request.
 * - `/gate-auth?token=good`: behind a gateway that answers 401 to any request without the token, the upgrade and a plain GET alike; with it, echoes.
 * - `/silent`: accepts TCP, never answers the upgrade.
 * - `/drop?after=ms`: drops TCP without a Close frame after `after` ms, or on the first message.
 * - `/send-invalid-utf8`: sends a text frame that is not valid UTF-8.
 * - `/send-big?bytes=n`: sends one binary message of n bytes.
 * - `/idle?ms=n`: closes 1001 "The WebSocket session [1] idle timeout expired" after n ms without messages.
 * - `/sink`: records text payloads in `sink`, never replies.
 * - `/rpc`: records text payloads in `sink` and answers every JSON message with an `id` with `{ id, ok: true }`.
 * - `/slow-reader?ms=`: reads nothing for `ms` (default 300), then reads on: a slow consumer for backpressure.
 * - `/no-pong`: never answers ping frames.
 * - `/blackhole`: reads nothing after the handshake (no pongs, no Close reply).
 * - `/raw?hex=...`: writes raw bytes to the client after the handshake.
 */
export async function startTestServer(): Promise<TestServer> {
  const pages = new Map<string, { body: string; type: string }>();
  const httpRequests: Array<{ method: string; path: string; headers: Record<string, string | string[] | undefined> }> = [];
  const http = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const page = pages.get(url.pathname);
    if (page) {
      res.writeHead(200, { 'content-type': page.type, 'cache-control': 'no-store' }).end(page.body);
      return;
    }
    httpRequests.push({ method: req.method ?? '', path: `${url.pathname}${url.search}`, headers: { ...req.headers } });
    // A gateway in front of the WebSocket server answers every request, upgrade or not, the same way.
    if (url.pathname === '/gate-slow') return; // a plain request that is never answered
    const gate = /^\/gate\/(\d{3})$/.exec(url.pathname);
    if (gate) res.writeHead(Number(gate[1]), { 'content-type': 'text/plain' }).end('gateway');
    else if (url.pathname === '/gate-auth' && url.searchParams.get('token') !== 'good') res.writeHead(401, { 'www-authenticate': 'Bearer' }).end('unauthorized');
    else res.writeHead(426).end('WebSocket only');
  });
  const open = new WebSocketServer({ noServer: true });
  const limited = new WebSocketServer({ noServer: true, maxPayload: LIMIT });
  const noPong = new WebSocketServer({ noServer: true, autoPong: false });
  const sockets = new Set<Socket>();
  const received: ReceivedFrame[] = [];
  const connections = new Map<string, number>();
  const upgrades = new Map<string, number>();
  const sink: string[] = [];

  let tcp = 0;
  http.on('connection', (s) => {
    tcp++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  http.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    upgrades.set(path, (upgrades.get(path) ?? 0) + 1);
    const reject = /^\/reject\/(\d{3})$/.exec(path);
    if (reject) {
      const status = Number(reject[1]);
      const retryAfter = url.searchParams.get('retryAfter');
      const extra = `${retryAfter ? `Retry-After: ${retryAfter}\r\n` : ''}${status >= 300 && status < 400 ? 'Location: /elsewhere\r\n' : ''}`;
      socket.end(`HTTP/1.1 ${status} Refused\r\nConnection: close\r\nContent-Type: text/plain\r\nWWW-Authenticate: Bearer\r\n${extra}Content-Length: 7\r\n\r\nrefused`);
      return;
    }
    const gate = /^\/gate\/(\d{3})$/.exec(path);
    if (gate || path === '/gate-slow' || (path === '/gate-auth' && url.searchParams.get('token') !== 'good')) {
      const status = gate ? Number(gate[1]) : path === '/gate-slow' ? 503 : 401;
      socket.end(`HTTP/1.1 ${status} Refused\r\nConnection: close\r\nContent-Length: 7\r\n\r\ngateway`);
      return;
    }
    if (path === '/silent') return; // keep the TCP connection, never answer
    if (path === '/bad-accept') {
      // 101, but with a Sec-WebSocket-Accept that does not match the key (RFC 6455 §4.2.2).
      socket.end('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: bm90IHRoZSByaWdodCBrZXk=\r\n\r\n');
      return;
    }
    const expected = `Bearer ${url.searchParams.get('token') ?? 'good'}`;
    if (path === '/auth' && req.headers.authorization !== expected && `Bearer ${url.searchParams.get('access_token')}` !== expected) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nWWW-Authenticate: Bearer realm="sockdoc"\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const wss = path === '/limited' ? limited : path === '/no-pong' ? noPong : open;
    const endpoint = path === '/gate-auth' ? '/echo' : path;
    wss.handleUpgrade(req, socket, head, (ws) => {
      connections.set(path, (connections.get(path) ?? 0) + 1);
      behave(ws, endpoint, url.searchParams, received, socket, sink);
    });
  });

  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  const all = [open, limited, noPong];
  return {
    port,
    url: (path) => `ws://127.0.0.1:${port}${path}`,
    httpUrl: (path) => `http://127.0.0.1:${port}${path}`,
    serve: (path, body, type = 'text/html; charset=utf-8') => void pages.set(path, { body, type }),
    received,
    httpRequests,
    connections,
    upgrades,
    tcpConnections: () => tcp,
    sink,
    limit: LIMIT,
    restart: async ({ code, downMs = 50 }) => {
      const closing = new Promise<void>((resolve) => http.close(() => resolve()));
      for (const wss of all) for (const c of wss.clients) code === undefined ? c.terminate() : c.close(code, code === 1012 ? 'Service restart' : 'Going away');
      if (code === undefined) for (const s of sockets) s.destroy();
      setTimeout(() => {
        for (const s of sockets) s.destroy();
      }, 20);
      await closing;
      await new Promise((r) => setTimeout(r, downMs));
      await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
    },
    close: async () => {
      for (const wss of all) for (const c of wss.clients) c.terminate();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

function behave(ws: WebSocket, path: string, q: URLSearchParams, received: ReceivedFrame[], socket: Socket, sink: string[]): void {
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
    case '/sink':
      ws.on('message', (d, b) => {
        const buf = record(d, b);
        if (!b) sink.push(buf.toString());
      });
      return;
    case '/no-pong':
      ws.on('message', (d, b) => record(d, b));
      return;
    case '/rpc':
      // Records text payloads in `sink` and answers each JSON message that has an id with { id, ok: true }.
      ws.on('message', (d, b) => {
        const text = record(d, b).toString();
        if (b) return;
        sink.push(text);
        let id: unknown;
        try {
          id = (JSON.parse(text) as { id?: unknown }).id;
        } catch {
          return;
        }
        if (id !== undefined) ws.send(JSON.stringify({ id, ok: true }));
      });
      return;
    case '/slow-reader': {
      // Reads nothing for `ms` (default 300), then everything: the client's buffer grows, then drains.
      socket.pause();
      const timer = setTimeout(() => socket.resume(), Number(q.get('ms') ?? 300));
      ws.on('message', (d, b) => record(d, b));
      ws.on('close', () => clearTimeout(timer));
      return;
    }
    case '/blackhole':
      // Reads nothing after the handshake: pings, pongs and Close frames go unanswered.
      socket.pause();
      return;
    case '/raw': {
      // Writes raw bytes (hex) after the handshake: invalid frames, bad close codes, long reasons.
      const hex = q.get('hex') ?? '';
      setTimeout(() => socket.write(Buffer.from(hex, 'hex')), after);
      ws.on('message', (d, b) => record(d, b));
      return;
    }
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
