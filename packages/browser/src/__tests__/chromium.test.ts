import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, startTestServer, type TestServer } from '@sockdoc/test-utils';

// Real headless Chromium running the BUILT browser bundle (dist/) against the real test server.
const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const dist = (pkg: string, file = 'index.js') => join(root, pkg, 'dist', file);

let server: TestServer;
let chromium: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;

beforeAll(async () => {
  for (const f of [dist('browser'), dist('core'), dist('diagnose'), dist('diagnose', 'locales/zh-CN.js')]) {
    if (!existsSync(f)) throw new Error(`${f} is missing: run the build first (pnpm build)`);
  }
  const bundle = await build({
    stdin: {
      contents: `import { createSocket } from '@sockdoc/browser'; import { zhCN } from '@sockdoc/diagnose/locales/zh-CN'; window.sockdoc = { createSocket, zhCN };`,
      resolveDir: root,
    },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    charset: 'utf8',
    alias: {
      '@sockdoc/browser': dist('browser'),
      '@sockdoc/core/adapter': dist('core', 'adapter.js'),
      '@sockdoc/core': dist('core'),
      '@sockdoc/diagnose/locales/zh-CN': dist('diagnose', 'locales/zh-CN.js'),
      '@sockdoc/diagnose/codes': dist('diagnose', 'codes.js'),
      '@sockdoc/diagnose/engine': dist('diagnose', 'engine.js'),
      '@sockdoc/diagnose': dist('diagnose'),
    },
    logLevel: 'silent',
  });
  const js = bundle.outputFiles[0]!.text;
  expect(js).not.toMatch(/require\(["']ws["']\)|from ["']ws["']/);
  server = await startTestServer();
  server.serve('/', '<!doctype html><meta charset="utf-8"><title>sockdoc</title><script src="/sockdoc.js"></script>');
  server.serve('/sockdoc.js', js, 'text/javascript; charset=utf-8');
  chromium = await launchChromium();
  page = await chromium.context.newPage();
  await page.goto(server.httpUrl('/'));
}, 60_000);

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

declare const window: { sockdoc: { createSocket: typeof import('@sockdoc/browser').createSocket; zhCN: import('@sockdoc/diagnose').DiagnoseLocale } };

describe('@sockdoc/browser in real Chromium', () => {
  it('should diagnose the 1003 of a text-only server in Chinese when binary is sent with the contract off', async () => {
    const result = await page.evaluate(async (url) => {
      const { createSocket, zhCN } = window.sockdoc;
      const socket = createSocket(url, { contract: false, locale: zhCN });
      await new Promise<void>((r) => socket.once('open', () => r()));
      const closed = new Promise<{ cause: string; title: string; code: number; reason: string; wasClean: boolean; runtime: string }>((r) =>
        socket.once('close', (d, raw) => r({ cause: d.cause.id, title: d.cause.title, code: raw.code, reason: raw.reason, wasClean: raw.wasClean, runtime: d.explanation.title })),
      );
      socket.send(new Uint8Array([1, 2, 3]));
      return closed;
    }, server.url('/text-only'));
    expect(result).toEqual({ cause: 'binary_on_text_endpoint', title: '二进制消息发到了仅支持文本的端点', code: 1003, reason: 'Binary messages not supported', wasClean: true, runtime: '不支持的数据类型' });
  });

  it('should refuse binary and lone surrogates before sending, and keep the connection open', async () => {
    const result = await page.evaluate(async (url) => {
      const socket = window.sockdoc.createSocket(url);
      await new Promise<void>((r) => socket.once('open', () => r()));
      const codes: string[] = [];
      for (const bad of [new Uint8Array([1]), 'a\ud800b', new Blob(['x'])]) {
        try {
          socket.send(bad as never);
        } catch (e) {
          codes.push((e as { code: string }).code);
        }
      }
      socket.sendText(new TextEncoder().encode('你好'));
      const echo = await new Promise((r) => socket.once('message', r));
      const status = socket.getSnapshot().status;
      socket.close();
      return { codes, echo, status };
    }, server.url('/text-only'));
    expect(result).toEqual({ codes: ['SOCKDOC_BINARY_ON_TEXT_CHANNEL', 'SOCKDOC_LONE_SURROGATE', 'SOCKDOC_BINARY_ON_TEXT_CHANNEL'], echo: '你好', status: 'open' });
    expect(server.received.filter((f) => f.path === '/text-only' && f.kind === 'binary').length).toBe(1); // only the contract-off test's frame
  });

  it('should see a refused handshake as 1006 and say the browser hides the status', async () => {
    const result = await page.evaluate(async (url) => {
      const socket = window.sockdoc.createSocket(url);
      return new Promise<{ code: number; wasClean: boolean; cause: string; evidence: string[] }>((r) =>
        socket.once('close', (d, raw) => r({ code: raw.code, wasClean: raw.wasClean, cause: d.cause.id, evidence: d.cause.evidence.map((e) => e.id) })),
      );
    }, server.url('/reject/401'));
    expect(result).toEqual({ code: 1006, wasClean: false, cause: 'handshake_failed_opaque', evidence: ['never_opened', 'browser_hides_handshake'] });
  });

  it('should throw the browser-compatible close() errors before touching the socket', async () => {
    const result = await page.evaluate(async (url) => {
      const socket = window.sockdoc.createSocket(url);
      await new Promise<void>((r) => socket.once('open', () => r()));
      const codes: string[] = [];
      for (const args of [[1001], [4000, '汉'.repeat(42)]] as const) {
        try {
          socket.close(...(args as unknown as [number, string?]));
        } catch (e) {
          codes.push((e as { code: string }).code);
        }
      }
      socket.close(1000);
      return codes;
    }, server.url('/echo'));
    expect(result).toEqual(['SOCKDOC_INVALID_CLOSE_CODE', 'SOCKDOC_CLOSE_REASON_TOO_LONG']);
  });
});
