// Send throughput in real headless Chromium: @sockdoc/browser (built) against the native WebSocket.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, startTestServer } from '@sockdoc/test-utils';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

const PAGE = `
import { createSocket } from '@sockdoc/browser';
async function run(impl, url, msg, n) {
  let send, buffered, close, ready;
  const done = new Promise((resolve) => {
    if (impl === 'native') {
      const ws = new WebSocket(url);
      ws.onmessage = (e) => e.data === 'ok' && resolve();
      ready = new Promise((r) => (ws.onopen = r));
      send = (d) => ws.send(d); buffered = () => ws.bufferedAmount; close = () => ws.close();
    } else {
      const s = createSocket(url, { channel: 'text', maxMessageBytes: 1 << 25, reconnect: false, queue: false });
      s.on('message', (m) => m === 'ok' && resolve());
      ready = new Promise((r) => s.once('open', r));
      send = (d) => s.send(d); buffered = () => s.bufferedAmount; close = () => s.close();
    }
  });
  await ready;
  send('#' + n);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    send(msg);
    if ((i & 255) === 255 && buffered() > 8 << 20) while (buffered() > 1 << 20) await new Promise((r) => setTimeout(r, 0));
  }
  await done;
  const ms = performance.now() - t0;
  close();
  return (n * 1000) / ms;
}
window.runBench = run;
`;

export async function browserThroughput(sinkUrl: string, rounds: number, quick: boolean): Promise<Array<{ case: string; native: number; sockdoc: number }>> {
  const bundle = await build({
    stdin: { contents: PAGE, resolveDir: root, loader: 'js' },
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    alias: { '@sockdoc/browser': join(root, 'packages/browser/dist/index.js'), '@sockdoc/core/adapter': join(root, 'packages/core/dist/prod/adapter.js'), '@sockdoc/core': join(root, 'packages/core/dist/prod/index.js'), '@sockdoc/diagnose/codes': join(root, 'packages/diagnose/dist/codes.js'), '@sockdoc/diagnose/engine': join(root, 'packages/diagnose/dist/engine.js'), '@sockdoc/diagnose': join(root, 'packages/diagnose/dist/index.js') },
    logLevel: 'silent',
  });
  const server = await startTestServer();
  server.serve('/', '<!doctype html><meta charset="utf-8"><script src="/b.js"></script>');
  server.serve('/b.js', bundle.outputFiles[0]!.text, 'text/javascript');
  const chromium = await launchChromium();
  const out: Array<{ case: string; native: number; sockdoc: number }> = [];
  try {
    const page = await chromium.context.newPage();
    await page.goto(server.httpUrl('/'));
    const cases: Array<[string, string, number]> = [
      ['64 B ASCII', 'a'.repeat(64), quick ? 10_000 : 100_000],
      ['16 KiB ASCII', 'a'.repeat(16384), quick ? 1_000 : 10_000],
    ];
    for (const [name, msg, n] of cases) {
      const samples: Record<'native' | 'sockdoc', number[]> = { native: [], sockdoc: [] };
      for (let r = 0; r < rounds; r++) {
        for (const impl of r % 2 ? (['sockdoc', 'native'] as const) : (['native', 'sockdoc'] as const)) {
          samples[impl].push(await page.evaluate(([i, u, m, k]) => (window as unknown as { runBench(a: string, b: string, c: string, d: number): Promise<number> }).runBench(i, u, m, k), [impl, sinkUrl, msg, n] as [string, string, string, number]));
        }
      }
      const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      out.push({ case: `${name} × ${n.toLocaleString('en-US')}`, native: med(samples.native), sockdoc: med(samples.sockdoc) });
    }
  } finally {
    await chromium.close();
    await server.close();
  }
  return out;
}
