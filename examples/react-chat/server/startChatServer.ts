import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { WebSocketServer } from 'ws';
import { createServer as createVite, type ViteDevServer } from 'vite';

export interface ChatServer {
  readonly url: string;
  /** WebSocket connections accepted on /chat since start. */
  readonly connections: () => number;
  close(): Promise<void>;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** `/gate/<status>` stands for a gateway in front of the chat that answers every request, upgrade or not, with that status. */
function gated(url: string | undefined): number | undefined {
  const m = /^\/gate\/(\d{3})$/.exec(new URL(url ?? '/', 'http://x').pathname);
  return m ? Number(m[1]) : undefined;
}

/**
 * The example's server: the app through Vite (development mode, so React's StrictMode
 * double effects run) and a text-only chat endpoint at /chat that broadcasts JSON messages
 * and closes with 1003 on a binary frame, as a text-only server would; `/gate/<status>` refuses
 * everything with that status, as a gateway would.
 */
export async function startChatServer(port = 0): Promise<ChatServer> {
  const vite: ViteDevServer = await createVite({ configFile: join(root, 'vite.config.ts'), server: { middlewareMode: true, hmr: false }, appType: 'spa' });
  const http: Server = createServer((req, res) => {
    if (req.url === '/stats') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ connections }));
    const gate = gated(req.url);
    if (gate) return void res.writeHead(gate, { 'content-type': 'text/plain' }).end('gateway');
    vite.middlewares(req, res);
  });
  const wss = new WebSocketServer({ noServer: true });
  let connections = 0;
  let nextName = 1;
  http.on('upgrade', (req, socket, head) => {
    const gate = gated(req.url);
    if (gate) return void socket.end(`HTTP/1.1 ${gate} Refused\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    if (new URL(req.url ?? '/', 'http://x').pathname !== '/chat') return void socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => {
      connections++;
      const from = `guest${nextName++}`;
      ws.on('message', (data, isBinary) => {
        if (isBinary) return void ws.close(1003, 'Binary messages not supported');
        let text: string;
        try {
          text = String((JSON.parse(data.toString()) as { text?: unknown }).text ?? '');
        } catch {
          return void ws.close(1008, 'Messages must be JSON');
        }
        const out = JSON.stringify({ from, text: text.slice(0, 500) });
        for (const c of wss.clients) if (c.readyState === c.OPEN) c.send(out);
      });
    });
  });
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  const address = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/`,
    connections: () => connections,
    close: async () => {
      for (const c of wss.clients) c.terminate();
      await vite.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
