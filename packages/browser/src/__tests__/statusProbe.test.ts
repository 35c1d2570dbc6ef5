import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestServer, type TestServer } from '@sockdoc/test-utils';
import { openBrowserPage, type Sockdoc } from './browserPage.js';

// The status probe in real Chromium: the page and the WebSocket endpoints share an origin
// (127.0.0.1:<port>), except where a second server stands for another origin. Each case is
// what the browser alone reports (1006, no status) and what the probe lets sockdoc say.
let server: TestServer;
let other: TestServer;
let browser: Awaited<ReturnType<typeof openBrowserPage>>;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  other = await startTestServer();
  browser = await openBrowserPage(server);
  page = browser.page;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await other?.close();
});

declare const window: { sockdoc: Sockdoc };

interface Seen {
  cause: string;
  confidence: string;
  evidence: string[];
  stop: string;
  attempts: number;
  refreshed: number;
  summary: string;
  texts: string[];
}

/** Connects in the page, and reports the last close before the client stops. */
function diagnoseIn(url: string, options: { refresh?: 'good-token'; statusProbe?: false | 'cors'; zh?: boolean; once?: boolean } = {}): Promise<Seen> {
  return page.evaluate(
    async ({ url, options }) => {
      const { createSocket, zhCN } = window.sockdoc;
      let refreshed = 0;
      // Real timers with short backoff delays: the probe's own 3 s timeout stays what it is.
      const socket = createSocket(url, {
        // Chromium itself delays handshakes to a host after failures: retry only where the count matters.
        reconnect: options.once ? false : { initialDelayMs: 40, maxDelayMs: 80 },
        ...(options.statusProbe === undefined ? {} : { statusProbe: options.statusProbe }),
        ...(options.zh ? { locale: zhCN } : {}),
        ...(options.refresh
          ? {
              refresh: () => {
                refreshed++;
                return { url: url.replace(/token=[^&]*/, 'token=still-bad') };
              },
            }
          : {}),
      });
      socket.on('error', () => {});
      let last: { cause: string; confidence: string; evidence: string[]; summary: string; texts: string[] } | undefined;
      socket.on('close', (d) => (last = { cause: d.cause.id, confidence: d.cause.confidence, evidence: d.cause.evidence.map((e) => e.id), summary: d.summary, texts: d.cause.evidence.map((e) => e.text) }));
      const stop = await new Promise<string>((r) => socket.once('stopped', (s) => r(s.reason)));
      return { ...last!, stop, attempts: socket.getSnapshot().attempts, refreshed };
    },
    { url, options },
  );
}

const probes = (path: string) => server.httpRequests.filter((r) => r.path.split('?')[0] === path);

describe('the status probe in real Chromium (same origin unless said)', () => {
  it('should diagnose a gateway 401 as authentication, run refresh once, then stop', async () => {
    const seen = await diagnoseIn(server.url('/gate-auth?token=bad'), { refresh: 'good-token' });
    expect(seen).toMatchObject({ cause: 'handshake_auth', confidence: 'high', stop: 'auth_failed', attempts: 2, refreshed: 1 });
    expect(seen.evidence).toEqual(['never_opened', 'status_probe']);
    // One probe per failure streak, and a refresh starts a new one: two attempts, two probes.
    expect(probes('/gate-auth')).toHaveLength(2);
  }, 30_000);

  it('should send nothing the handshake would not: a GET with no body and no headers of its own', async () => {
    const request = probes('/gate-auth')[0]!;
    expect(request.method).toBe('GET');
    expect(request.headers['content-length']).toBeUndefined();
    expect(request.headers['referer']).toBeUndefined();
    expect(request.headers['authorization']).toBeUndefined();
    // Only what Chromium itself puts on a request (no header of sockdoc's own).
    const own = Object.keys(request.headers).filter((h) => !/^(host|connection|user-agent|accept|accept-encoding|accept-language|cache-control|pragma|sec-ch-ua.*|sec-fetch-.*|origin)$/.test(h));
    expect(own).toEqual([]);
  });

  it('should name a 403, a 404 and a 502 from a gateway, with the attempts each deserves', async () => {
    const rows: Record<string, Partial<Seen>> = {};
    for (const status of [403, 404, 502]) {
      const seen = await diagnoseIn(server.url(`/gate/${status}`));
      rows[status] = { cause: seen.cause, stop: seen.stop, attempts: seen.attempts };
      expect(seen.evidence).toContain('status_probe');
    }
    expect(rows).toEqual({
      403: { cause: 'handshake_auth', stop: 'auth_failed', attempts: 1 },
      404: { cause: 'handshake_not_found', stop: 'not_retryable', attempts: 1 },
      // 1 + maxAttemptsNeverOpened; the probe ran once, the later closes carry its answer.
      502: { cause: 'handshake_unavailable', stop: 'max_attempts', attempts: 5 },
    });
    expect(probes('/gate/502')).toHaveLength(1);
  }, 60_000);

  it('should say an endpoint that answers 426 exists, so the refusal is in the upgrade itself', async () => {
    const seen = await diagnoseIn(server.url('/reject/401'), { once: true });
    expect(seen).toMatchObject({ cause: 'handshake_failed_opaque', confidence: 'high' });
    expect(seen.evidence).toEqual(['never_opened', 'browser_hides_handshake', 'status_probe']);
  }, 30_000);

  it('should not ask another origin, and say the status is unknowable here and why', async () => {
    const before = other.httpRequests.length;
    const seen = await diagnoseIn(other.url('/gate/401'), { once: true });
    expect(seen.cause).toBe('handshake_failed_opaque');
    expect(seen.evidence).toEqual(['never_opened', 'browser_hides_handshake', 'status_unknown']);
    expect(other.httpRequests.length).toBe(before);
    // With 'cors', it asks; this server sends no CORS headers, so the browser withholds the answer.
    const cors = await diagnoseIn(other.url('/gate/401'), { statusProbe: 'cors', once: true });
    expect(cors.evidence).toContain('status_unknown');
    expect(other.httpRequests.length).toBe(before + 1);
  }, 60_000);

  it('should never probe when turned off, and say so', async () => {
    const before = probes('/gate/404').length;
    const seen = await diagnoseIn(server.url('/gate/404'), { statusProbe: false, once: true });
    expect(seen.cause).toBe('handshake_failed_opaque');
    expect(seen.evidence).toContain('status_unknown');
    expect(probes('/gate/404').length).toBe(before);
  }, 30_000);

  it('should not probe while offline', async () => {
    const before = probes('/gate/404').length;
    await page.context().setOffline(true);
    try {
      const seen = await page.evaluate(async (url) => {
        const socket = window.sockdoc.createSocket(url, { reconnect: false });
        socket.on('error', () => {});
        return new Promise<{ cause: string; alternatives: string[][] }>((r) =>
          socket.once('close', (x) => r({ cause: x.cause.id, alternatives: x.alternatives.map((a) => a.evidence.map((e) => e.id)) })),
        );
      }, server.url('/gate/404'));
      expect(seen.cause).toBe('offline');
      expect(seen.alternatives.flat()).toContain('status_unknown');
    } finally {
      await page.context().setOffline(false);
    }
    expect(probes('/gate/404').length).toBe(before);
  });

  it('should explain in Chinese what the probe found', async () => {
    const seen = await diagnoseIn(server.url('/gate/404'), { zh: true, once: true });
    expect(seen.summary).toMatch(/^1006 异常关闭：/);
    expect(seen.texts).toContain('对同一 URL 发出的普通 HTTP 请求得到了 404。');
  }, 30_000);

  it('should take the app at its word that its credentials expired, where the probe cannot tell', async () => {
    // /reject/401 checks credentials in its upgrade handler: a plain GET gets 426. The app knows better.
    const seen = await page.evaluate(async (url) => {
      let refreshed = 0;
      const socket = window.sockdoc.createSocket(url, {
        credentialsExpireAt: () => Date.now() - 60_000,
        refresh: () => void refreshed++,
        reconnect: { initialDelayMs: 40, maxDelayMs: 80 },
      });
      socket.on('error', () => {});
      const first = await new Promise<{ cause: string; confidence: string; evidence: string[] }>((r) =>
        socket.once('close', (d) => r({ cause: d.cause.id, confidence: d.cause.confidence, evidence: d.cause.evidence.map((e) => e.id) })),
      );
      const stop = await new Promise<string>((r) => socket.once('stopped', (s) => r(s.reason)));
      return { first, stop, refreshed };
    }, server.url('/reject/401'));
    expect(seen).toEqual({ first: { cause: 'handshake_auth', confidence: 'medium', evidence: ['never_opened', 'credentials_expired'] }, stop: 'auth_failed', refreshed: 1 });
  }, 30_000);

  it('should give up on a probe after 3 s, and report a close() made meanwhile at once', async () => {
    const first = await page.evaluate(async (url) => {
      const timed = window.sockdoc.createSocket(url, { reconnect: false });
      timed.on('error', () => {});
      return new Promise<{ evidence: string[]; texts: string[] }>((r) => timed.once('close', (d) => r({ evidence: d.cause.evidence.map((e) => e.id), texts: d.cause.evidence.map((e) => e.text) })));
    }, server.url('/gate-slow'));
    expect(first.evidence).toContain('status_unknown');
    expect(first.texts).toContain('A plain HTTP request to the same URL got no answer in time.');
    // Again, and close() while the probe hangs: the close is reported at once.
    const asked = probes('/gate-slow').length;
    await page.evaluate((url) => {
      const s = window.sockdoc.createSocket(url, { reconnect: false });
      s.on('error', () => {});
      (window as unknown as { held: typeof s }).held = s;
    }, server.url('/gate-slow'));
    const t0 = Date.now();
    while (probes('/gate-slow').length === asked && Date.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 10));
    const seen = await page.evaluate(async () => {
      const s = (window as unknown as { held: import('@sockdoc/browser').SocketClient }).held;
      const during = s.getSnapshot().status;
      const t1 = Date.now();
      const stopped = new Promise<string>((r) => s.once('stopped', (x) => r(x.reason)));
      s.close();
      return { during, reason: await stopped, ms: Date.now() - t1 };
    });
    expect(seen).toMatchObject({ during: 'connecting', reason: 'closed_by_user' });
    expect(seen.ms).toBeLessThan(200);
  }, 30_000);
});
