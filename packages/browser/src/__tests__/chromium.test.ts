import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestServer, type TestServer } from '@sockdoc/test-utils';
import { openBrowserPage, type Sockdoc } from './browserPage.js';

// Real headless Chromium running the BUILT browser bundle (dist/) against the real test server.
let server: TestServer;
let browser: Awaited<ReturnType<typeof openBrowserPage>>;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  browser = await openBrowserPage(server);
  page = browser.page;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

declare const window: { sockdoc: Sockdoc };

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

  it('should see a refused handshake as 1006 and say the browser hides the status, with what a plain request to the endpoint got', async () => {
    const result = await page.evaluate(async (url) => {
      const socket = window.sockdoc.createSocket(url);
      return new Promise<{ code: number; wasClean: boolean; cause: string; evidence: string[] }>((r) =>
        socket.once('close', (d, raw) => r({ code: raw.code, wasClean: raw.wasClean, cause: d.cause.id, evidence: d.cause.evidence.map((e) => e.id) })),
      );
    }, server.url('/reject/401'));
    // /reject/401 refuses in its upgrade handler only: a plain GET gets 426, so the endpoint exists.
    expect(result).toEqual({ code: 1006, wasClean: false, cause: 'handshake_failed_opaque', evidence: ['never_opened', 'browser_hides_handshake', 'status_probe'] });
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

  it("should say 'backpressure' when Chromium's buffer passes the high-water mark, and drain once the slow server reads on", async () => {
    const result = await page.evaluate(async (url) => {
      const socket = window.sockdoc.createSocket(url, { channel: 'binary', reconnect: false, backpressure: { highWaterMark: 1 << 20 } });
      await new Promise<void>((r) => socket.once('open', () => r()));
      const chunk = new Uint8Array(64 * 1024);
      let sent = 1;
      let result = socket.send(chunk);
      for (; result === 'sent' && sent < 2000; sent++) result = socket.send(chunk);
      const above = { result, writable: socket.writable, buffered: socket.bufferedAmount };
      const drained = await Promise.race([new Promise<number>((r) => socket.once('drain', () => r(socket.bufferedAmount))), new Promise<string>((r) => setTimeout(() => r('no drain'), 10_000))]);
      return { above, drained, writable: socket.writable, sent };
    }, server.url('/slow-reader?ms=500'));
    expect(result.above).toMatchObject({ result: 'backpressure', writable: false });
    expect(result.above.buffered).toBeGreaterThan(1 << 20);
    expect(result.drained).toBeLessThanOrEqual((1 << 20) / 4);
    expect(result.writable).toBe(true);
    await expect.poll(() => server.received.filter((f) => f.path === '/slow-reader').length, { timeout: 10_000 }).toBe(result.sent);
  }, 30_000);
});
