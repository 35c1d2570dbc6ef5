// One variant per process: JS heap per idle open connection (after GC), 1,000 connections.
import WebSocket from 'ws';
import { createSocket } from '@sockdoc/node';

const [variant, url, countArg] = process.argv.slice(2) as [string, string, string];
const count = Number(countArg);
const gc = (globalThis as { gc?: () => void }).gc!;
const settle = async () => {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 20));
  }
};

await settle();
const before = process.memoryUsage().heapUsed;
const keep: unknown[] = [];
for (let i = 0; i < count; i += 100) {
  await Promise.all(
    Array.from({ length: Math.min(100, count - i) }, () => {
      if (variant === 'ws') {
        const ws = new WebSocket(url);
        keep.push(ws);
        return new Promise<void>((r) => ws.once('open', () => r()));
      }
      const s = createSocket(url, { channel: 'text', maxMessageBytes: 1 << 20 });
      keep.push(s);
      return new Promise<void>((r) => s.once('open', () => r()));
    }),
  );
}
await settle();
const after = process.memoryUsage().heapUsed;
console.log(`BYTES_PER_CONNECTION ${Math.round((after - before) / count)}`);
process.exit(0);
