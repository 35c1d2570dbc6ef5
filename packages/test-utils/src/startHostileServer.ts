import { createHash } from 'node:crypto';
import { createServer, type AddressInfo, type Socket } from 'node:net';

export interface HostileServer {
  /** `ws://127.0.0.1:<port><path>` */
  url(path: string): string;
  /** TCP connections accepted per path (counted when the request line arrives). */
  readonly requests: Map<string, number>;
  close(): Promise<void>;
}

/** One unmasked server frame (RFC 6455 §5.2), with a payload length field of the size the payload needs. */
export function frame(opcode: number, payload: Uint8Array = new Uint8Array(0), fin = true): Buffer {
  const len = payload.byteLength;
  const head = len < 126 ? Buffer.from([(fin ? 0x80 : 0) | opcode, len]) : len < 65536 ? Buffer.from([(fin ? 0x80 : 0) | opcode, 126, len >> 8, len & 255]) : Buffer.alloc(10);
  if (len >= 65536) {
    head[0] = (fin ? 0x80 : 0) | opcode;
    head[1] = 127;
    head.writeBigUInt64BE(BigInt(len), 2);
  }
  return Buffer.concat([head, payload]);
}

/** A Close frame whose body is the 2-byte code followed by `reason` (raw bytes: they may be invalid UTF-8). */
export function closeFrame(code: number, reason: Uint8Array = new Uint8Array(0)): Buffer {
  const body = Buffer.alloc(2 + reason.byteLength);
  body.writeUInt16BE(code & 0xffff, 0);
  body.set(reason, 2);
  return frame(0x8, body);
}

const accept = (key: string) => createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');

/**
 * A server that misbehaves at the byte level, below what a WebSocket library lets a server do.
 * It reads the client's upgrade request and then, by path:
 *
 * - `/garbage`: answers with bytes that are not HTTP (an SSH banner and binary noise), then hangs up.
 * - `/http10`: answers `HTTP/1.0 200 OK` with a body, as a plain web server would.
 * - `/slow-headers`: starts a 101 response and sends one header byte every 50 ms, never finishing.
 * - `/huge-headers`: a 101 response with 64 KiB of headers (over Node's 16 KiB limit).
 * - `/huge-frame`: a valid handshake, then a frame header that claims 2^63 - 1 payload bytes.
 * - `/masked`: a valid handshake, then a masked frame (servers must not mask, RFC 6455 §5.1).
 * - `/opcode`: a valid handshake, then a frame with the reserved opcode 0x3.
 * - `/close-code/<n>`: a valid handshake, then a Close frame with code `n`, whatever it is.
 * - `/close-reason-bytes?hex=...`: a valid handshake, then a Close 4000 whose reason is those raw bytes.
 * - `/flood?n=<count>&bytes=<size>`: a valid handshake, then `count` text frames numbered from 0, written at once, then Close 1000.
 * - `/ping-flood?n=<count>`: a valid handshake, then `count` pings, then Close 1000 once every pong arrived.
 *
 * Each connection is destroyed after 2 s at the latest, so that no test hangs on it.
 */
export async function startHostileServer(): Promise<HostileServer> {
  const requests = new Map<string, number>();
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const later = (fn: () => void, ms: number) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    later(() => socket.destroy(), 2000);
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      const end = head.indexOf('\r\n\r\n');
      if (end === -1) return;
      socket.off('data', onData);
      socket.on('data', () => {}); // read and discard what the client sends from now on
      const [line = '', ...lines] = head.slice(0, end).split('\r\n');
      const target = new URL(line.split(' ')[1] ?? '/', 'http://x');
      const key = lines.find((l) => /^sec-websocket-key:/i.test(l))?.split(':')[1]?.trim() ?? '';
      requests.set(target.pathname, (requests.get(target.pathname) ?? 0) + 1);
      misbehave(socket, target, key, later);
    };
    socket.on('data', onData);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `ws://127.0.0.1:${port}${path}`,
    requests,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function misbehave(socket: Socket, target: URL, key: string, later: (fn: () => void, ms: number) => void): void {
  const q = target.searchParams;
  const handshake = `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept(key)}\r\n\r\n`;
  const path = target.pathname;
  const code = /^\/close-code\/(\d+)$/.exec(path);
  if (code) {
    socket.write(handshake);
    socket.end(closeFrame(Number(code[1])));
    return;
  }
  switch (path) {
    case '/garbage':
      socket.end(Buffer.concat([Buffer.from('SSH-2.0-OpenSSH_9.6\r\n'), Buffer.from([0, 0, 1, 0x14, 0x0a, 0x14, 0xff, 0xfe, 0x1b, 0x5b, 0x32, 0x4a])]));
      return;
    case '/http10':
      socket.end('HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n<html>It works!</html>');
      return;
    case '/slow-headers': {
      socket.write('HTTP/1.1 101 Switching Protocols\r\nX-Slow: ');
      const drip = () => {
        if (socket.destroyed) return;
        socket.write('a');
        later(drip, 50);
      };
      drip();
      return;
    }
    case '/huge-headers':
      socket.end(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept(key)}\r\n${'X-Filler: '.concat('f'.repeat(1000), '\r\n').repeat(64)}\r\n`);
      return;
    case '/huge-frame': {
      socket.write(handshake);
      const h = Buffer.alloc(10);
      h[0] = 0x82;
      h[1] = 127;
      h.writeBigUInt64BE(2n ** 63n - 1n, 2);
      socket.write(h);
      return;
    }
    case '/masked':
      socket.write(handshake);
      socket.write(Buffer.from([0x81, 0x82, 1, 2, 3, 4, 0x68 ^ 1, 0x69 ^ 2]));
      return;
    case '/opcode':
      socket.write(handshake);
      socket.write(frame(0x3, Buffer.from('x')));
      return;
    case '/close-reason-bytes':
      socket.write(handshake);
      socket.end(closeFrame(4000, Buffer.from(q.get('hex') ?? '', 'hex')));
      return;
    case '/flood': {
      socket.write(handshake);
      const n = Number(q.get('n') ?? 1000);
      const size = Number(q.get('bytes') ?? 8);
      const frames: Buffer[] = [];
      for (let i = 0; i < n; i++) frames.push(frame(0x1, Buffer.from(String(i).padStart(size, '0'))));
      socket.write(Buffer.concat(frames));
      socket.end(closeFrame(1000));
      return;
    }
    case '/ping-flood': {
      socket.write(handshake);
      const n = Number(q.get('n') ?? 1000);
      socket.write(Buffer.concat(Array.from({ length: n }, () => frame(0x9, Buffer.from('p')))));
      // Close once every ping has its pong (a masked pong of 1 byte is 7 bytes), so that no
      // unread pong makes the kernel reset the connection under the Close frame.
      let got = 0;
      socket.on('data', (d: Buffer) => {
        got += d.byteLength;
        if (got >= n * 7) socket.end(closeFrame(1000));
      });
      return;
    }
    default:
      socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n');
  }
}

/**
 * A `ws` server with a size limit (`maxPayload`) that stops listening and drops every
 * connection once it has accepted `dieAfter` of them, as a server that crashed would.
 */
export async function startDyingServer(maxPayload: number, dieAfter: number): Promise<{ url: string; close(): Promise<void> }> {
  const { WebSocketServer } = await import('ws');
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, maxPayload });
  let accepted = 0;
  wss.on('connection', (ws) => {
    ws.on('error', () => {});
    if (++accepted === dieAfter) {
      wss.close();
      for (const c of wss.clients) c.terminate();
    }
  });
  await new Promise((r) => wss.once('listening', r));
  const { port } = wss.address() as AddressInfo;
  return { url: `ws://127.0.0.1:${port}/`, close: () => new Promise<void>((r) => wss.close(() => r())) };
}
