import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium, startTestServer, type TestServer } from '@sockdoc/test-utils';
import { en } from '@sockdoc/diagnose';
import { zhCN } from '@sockdoc/diagnose/locales/zh-CN';

// The BUILT browser package bundled as an app bundler would (ESM, code splitting): the client
// is the entry chunk, @sockdoc/diagnose a chunk loaded with import() when the client connects.
// Real headless Chromium loads it from a real HTTP server; the network is then cut.
const root = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
const dist = (pkg: string, file = 'index.js') => join(root, 'packages', pkg, 'dist', file);

let server: TestServer;
let chromium: Awaited<ReturnType<typeof launchChromium>>;
let chunks: string[];
/** The chunk of each built-in locale's text. */
let localeChunk: Record<'en' | 'zh-CN', string>;

beforeAll(async () => {
  for (const f of [dist('browser'), dist('core'), dist('diagnose')]) {
    if (!existsSync(f)) throw new Error(`${f} is missing: run the build first (pnpm build)`);
  }
  const out = await build({
    stdin: { contents: `import { createSocket } from '@sockdoc/browser'; window.sockdoc = { createSocket };`, resolveDir: root, sourcefile: 'app.js' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    charset: 'utf8',
    write: false,
    outdir: join(root, '.lazy-app'),
    entryNames: 'app',
    metafile: true,
    alias: { '@sockdoc/browser': dist('browser'), '@sockdoc/core/adapter': dist('core', 'adapter.js'), '@sockdoc/core': dist('core'), '@sockdoc/diagnose/codes': dist('diagnose', 'codes.js'), '@sockdoc/diagnose/engine': dist('diagnose', 'engine.js'), '@sockdoc/diagnose': dist('diagnose') },
    logLevel: 'silent',
  });
  server = await startTestServer();
  server.serve('/', '<!doctype html><meta charset="utf-8"><title>sockdoc</title><script type="module" src="/app/app.js"></script>');
  for (const f of out.outputFiles) server.serve(`/app/${basename(f.path)}`, f.text, 'text/javascript; charset=utf-8');
  // The chunks the entry loads with import(): the diagnosis module.
  const outputs = Object.entries(out.metafile!.outputs);
  chunks = outputs.find(([, o]) => o.entryPoint)![1].imports.filter((i) => i.kind === 'dynamic-import').map((i) => basename(i.path));
  // Each built-in locale's text is a chunk of its own (`<tag>.text-<hash>.js`), with only what a diagnosis renders.
  const chunkOf = (tag: string) => basename(outputs.find(([k]) => basename(k).startsWith(`${tag}.text-`))![0]);
  localeChunk = { en: chunkOf('en'), 'zh-CN': chunkOf('zh-CN') };
  const text = (name: string) => out.outputFiles.find((f) => basename(f.path) === name)!.text;
  expect(text(localeChunk['zh-CN'])).toContain(zhCN.entries['1006'].title);
  for (const refOnly of [zhCN.entries['1006'].useWhen, zhCN.entries['1006'].distinguish[0]!, zhCN.labels.whichToUseWhen]) expect(text(localeChunk['zh-CN'])).not.toContain(refOnly);
  expect(text(localeChunk.en)).not.toContain(en.entries['1003'].useWhen);
  // The catalogue is not in the entry chunk: it is what the client loads lazily.
  const entry = out.outputFiles.find((f) => basename(f.path) === 'app.js')!.text;
  expect(entry).not.toContain('Unsupported data');
  expect(chunks.length).toBeGreaterThan(0);
  chromium = await launchChromium();
}, 60_000);

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

declare const window: { sockdoc: { createSocket: typeof import('@sockdoc/browser').createSocket } };

async function openPage() {
  const page = await chromium.context.newPage();
  const requested: string[] = [];
  const finished: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  page.on('requestfinished', (r) => finished.push(new URL(r.url()).pathname));
  await page.goto(server.httpUrl('/'));
  await page.waitForFunction(() => 'sockdoc' in window);
  return { page, requested, finished };
}

describe('the diagnosis module, loaded lazily in real Chromium', () => {
  it('should not load the catalogue until the client connects, then diagnose a close that happens while the network is down', async () => {
    const { page, requested, finished } = await openPage();
    try {
      expect(requested.filter((p) => chunks.some((c) => p === `/app/${c}`))).toEqual([]);
      await page.evaluate((url) => {
        const socket = window.sockdoc.createSocket(url, { reconnect: false });
        (window as unknown as { result: Promise<unknown> }).result = new Promise((r) =>
          socket.once('close', (d, raw) => r({ code: raw.code, cause: d.cause.id, title: d.explanation.title, status: socket.getSnapshot().status })),
        );
        return new Promise<void>((r) => socket.once('open', () => r()));
      }, server.url('/drop?after=1500'));
      expect(requested.some((p) => chunks.some((c) => p === `/app/${c}`))).toBe(true);
      // The rules, then the text of the page's language (en-US here), arrive while the connection is up.
      await vi.waitFor(() => expect(finished).toContain(`/app/${localeChunk.en}`), { timeout: 5_000 });
      // The network goes down: the browser is offline, HTTP fails, and the server's end of the
      // TCP connection goes away without a Close frame (/drop?after=1500).
      await chromium.context.setOffline(true);
      await page.route('**/*', (r) => r.abort('internetdisconnected'));
      const closed = await page.evaluate(() => (window as unknown as { result: Promise<unknown> }).result);
      expect(closed).toEqual({ code: 1006, cause: 'offline', title: 'Abnormal closure', status: 'closed' });
    } finally {
      await chromium.context.setOffline(false);
      await page.close();
    }
  });

  it('should judge a close from its code when the diagnosis chunk cannot load, retry with the backoff of its code, and diagnose the next close once it loads', async () => {
    const { page } = await openPage();
    try {
      // The chunk fails to download (e.g. a deploy removed it), then becomes available again.
      let blocked = true;
      await page.route('**/app/*', (r) => (blocked && !r.request().url().endsWith('/app.js') ? r.abort('failed') : r.continue()));
      const first = await page.evaluate((url) => {
        const socket = window.sockdoc.createSocket(url, { reconnect: { initialDelayMs: 300 } });
        (window as unknown as { socket: typeof socket }).socket = socket;
        return new Promise((r) =>
          socket.once('close', (d) => r({ cause: d.cause.id, retryable: d.retry.retryable, strategy: d.retry.strategy, code: d.code, status: socket.getSnapshot().status, summary: d.summary })),
        );
      }, server.url('/reject/401'));
      // Judged from the code alone, at once: 1006's own advice is backoff; the summary is the plain code-level one.
      expect(first).toMatchObject({ cause: 'diagnosis_unavailable', retryable: true, strategy: 'backoff', code: 1006, status: 'reconnecting', summary: '1006 Abnormal Closure' });
      blocked = false;
      const second = await page.evaluate(() => {
        const socket = (window as unknown as { socket: ReturnType<typeof window.sockdoc.createSocket> }).socket;
        // The next close may beat the module again (a refused handshake takes a millisecond); the snapshot gets the full diagnosis once it arrives.
        return new Promise((r) =>
          socket.once('close', () => {
            const check = () => {
              const d = socket.getSnapshot().lastClose!;
              if (d.cause.id !== 'diagnosis_unavailable') stop(), r({ cause: d.cause.id, code: d.code });
            };
            const stop = socket.subscribe(check);
            check();
          }),
        );
      });
      expect(second).toEqual({ cause: 'handshake_failed_opaque', code: 1006 });
      await page.evaluate(() => (window as unknown as { socket: { close(): void } }).socket.close());
    } finally {
      await page.close();
    }
  });

  it('should load only the locale a tag asks for: a zh-CN user downloads no English', async () => {
    const { page, requested } = await openPage();
    try {
      const d = await page.evaluate((url) => {
        const socket = window.sockdoc.createSocket(url, { reconnect: false, locale: ['zh-Hans-CN', 'en'] });
        return new Promise((r) =>
          socket.once('close', () => {
            const check = () => {
              const last = socket.getSnapshot().lastClose!;
              if (last.cause.id !== 'diagnosis_unavailable') stop(), r({ locale: last.locale, title: last.explanation.title, cause: last.cause.id });
            };
            const stop = socket.subscribe(check);
            check();
          }),
        );
      }, server.url('/close/1012'));
      expect(d).toEqual({ locale: 'zh-CN', title: '服务重启', cause: expect.any(String) });
      expect(requested).toContain(`/app/${localeChunk['zh-CN']}`);
      expect(requested).not.toContain(`/app/${localeChunk.en}`);
    } finally {
      await page.close();
    }
  });
});
