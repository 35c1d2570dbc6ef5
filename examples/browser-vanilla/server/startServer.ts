import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { WebSocketServer } from 'ws';
import { createServer as createVite } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The page through Vite, and /ws: refuses the handshake with 401 unless ?token=good, echoes
 * text, closes 1003 on binary, and closes 1008 "token expired" when asked to "expire".
 */
export async function startServer(port = 0): Promise<{ url: string; close(): Promise<void> }> {
  const vite = await createVite({ configFile: join(root, 'vite.config.ts'), server: { middlewareMode: true, hmr: false }, appType: 'spa' });
  const http = createServer((req, res) => vite.middlewares(req, res));
  const wss = new WebSocketServer({ noServer: true });
  http.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname !== '/ws') return void socket.destroy();
    if (url.searchParams.get('token') !== 'good') return void socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('message', (data, isBinary) => {
        if (isBinary) return void ws.close(1003, 'Binary messages not supported');
        if (data.toString() === 'expire') return void ws.close(1008, 'token expired');
        ws.send(`echo: ${data.toString()}`);
      });
    });
  });
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/`,
    close: async () => {
      for (const c of wss.clients) c.terminate();
      await vite.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
