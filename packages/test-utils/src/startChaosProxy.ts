import { createServer, Socket, type AddressInfo } from 'node:net';

export interface ChaosProxy {
  readonly port: number;
  url(path: string): string;
  /** Connections currently proxied. */
  readonly active: number;
  /**
   * Drops every proxied connection now. With `closeFrame`, first sends the client a Close frame
   * (1001) as if the server were going away (to connections whose handshake response has gone
   * through; the others just end); otherwise the TCP connections just end (client sees 1006).
   */
  drop(options?: { closeFrame?: boolean }): number;
  close(): Promise<void>;
}

/**
 * A TCP proxy on 127.0.0.1 port 0 in front of `targetPort`, for chaos tests: it forwards bytes
 * both ways and can drop every connection on demand. It only ever talks to loopback.
 */
export async function startChaosProxy(targetPort: number): Promise<ChaosProxy> {
  const pairs = new Set<{ client: Socket; upstream: Socket; upgraded: boolean }>();
  const server = createServer((client) => {
    const upstream = new Socket();
    const pair = { client, upstream, upgraded: false };
    // Whether the server's handshake response (its headers) has gone through: only then may a Close frame follow.
    let head = '';
    const watch = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (head.includes('\r\n\r\n')) {
        pair.upgraded = true;
        upstream.off('data', watch);
      }
    };
    upstream.on('data', watch);
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    upstream.connect(targetPort, '127.0.0.1', () => {
      client.pipe(upstream);
      upstream.pipe(client);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (path) => `ws://127.0.0.1:${port}${path}`,
    get active() {
      return pairs.size;
    },
    drop({ closeFrame = false } = {}) {
      const n = pairs.size;
      for (const { client, upstream, upgraded } of [...pairs]) {
        upstream.unpipe(client);
        upstream.destroy();
        // An unmasked server Close frame: FIN + opcode 8, length 2, code 1001. Only after the
        // handshake response: a server going away mid-handshake just ends the connection.
        if (closeFrame && upgraded) client.end(Buffer.from([0x88, 0x02, 0x03, 0xe9]));
        else client.destroy();
      }
      return n;
    },
    close: async () => {
      for (const { client, upstream } of pairs) {
        client.destroy();
        upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
