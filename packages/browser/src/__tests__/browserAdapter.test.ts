// @vitest-environment happy-dom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from '@sockdoc/test-utils';
import type { Diagnosis, SocketClient, WebSocketConstructor } from '@sockdoc/core';
import { zhCN } from '@sockdoc/diagnose/locales/zh-CN';
import { createSocket } from '../index.js';

// happy-dom provides window, document and navigator; the socket is a real `ws` client to a real server.
const WS = WebSocket as unknown as WebSocketConstructor;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const opened = (s: SocketClient) => new Promise<void>((r) => s.once('open', () => r()));
const closed = (s: SocketClient) => new Promise<Diagnosis>((r) => s.once('close', (d) => r(d)));
/**
 * The diagnosis of the next close by the evidence rules. A close that beats the lazily loaded
 * module is reported at once from its code, and the snapshot gets the full diagnosis when the module arrives.
 */
const diagnosed = (s: SocketClient) =>
  new Promise<Diagnosis>((r) => {
    const before = s.getSnapshot().lastClose;
    const stop = s.subscribe(() => {
      const d = s.getSnapshot().lastClose;
      if (d && d !== before && d.cause.id !== 'diagnosis_unavailable') stop(), r(d);
    });
  });

describe('browser adapter (happy-dom)', () => {
  it('should throw a statusProbe or credentialsExpireAt it cannot use from createSocket, before any connection', () => {
    for (const options of [{ statusProbe: 'always' }, { credentialsExpireAt: Number.NaN }, { credentialsExpireAt: 'tomorrow' }]) {
      let code: unknown;
      try {
        createSocket(server.url('/echo'), { WebSocket: WS, ...(options as object) });
      } catch (e) {
        code = (e as { code?: string }).code;
      }
      expect(code, JSON.stringify(options)).toBe('SOCKDOC_INVALID_OPTION');
    }
  });

  it('should record an offline event as evidence of a drop', async () => {
    const socket = createSocket(server.url('/drop'), { WebSocket: WS, reconnect: false });
    await opened(socket);
    const done = diagnosed(socket);
    window.dispatchEvent(new Event('offline'));
    socket.send('x');
    const d = await done;
    expect(d.cause).toMatchObject({ id: 'offline', confidence: 'high' });
    window.dispatchEvent(new Event('online'));
  });

  it('should record a hidden page as evidence of a drop', async () => {
    const socket = createSocket(server.url('/drop'), { WebSocket: WS, reconnect: false });
    await opened(socket);
    const done = diagnosed(socket);
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    socket.send('x');
    const d = await done;
    expect(d.cause).toMatchObject({ id: 'suspended', confidence: 'medium' });
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  });

  it('should say the browser hides why a handshake failed rather than guess', async () => {
    // In a browser the 401 is invisible to script; the adapter observes nothing, so neither do we.
    const d = await diagnosed(createSocket(server.url('/reject/401'), { WebSocket: WS, reconnect: false }));
    expect(d.cause.id).toBe('handshake_failed_opaque');
    expect(d.cause.evidence.map((e) => e.id)).toContain('browser_hides_handshake');
  });

  it('should resolve a relative URL against the page', () => {
    const socket = createSocket('/chat', { WebSocket: WS, autoConnect: false });
    expect(socket.url).toBe(new URL('/chat', location.href).href.replace(/^http/, 'ws'));
  });

  it('should remove its window listeners when the socket closes', async () => {
    const added: string[] = [];
    const removed: string[] = [];
    const add = window.addEventListener.bind(window);
    const remove = window.removeEventListener.bind(window);
    window.addEventListener = ((t: string, l: EventListener) => (added.push(t), add(t, l))) as typeof window.addEventListener;
    window.removeEventListener = ((t: string, l: EventListener) => (removed.push(t), remove(t, l))) as typeof window.removeEventListener;
    try {
      const socket = createSocket(server.url('/echo'), { WebSocket: WS, reconnect: false });
      await opened(socket);
      const done = closed(socket);
      socket.close();
      await done;
    } finally {
      window.addEventListener = add;
      window.removeEventListener = remove;
    }
    expect(added.sort()).toEqual(['offline', 'online', 'pagehide', 'pageshow']);
    expect(removed.sort()).toEqual(added.sort());
  });
});

describe('the page’s language by default', () => {
  it('should diagnose in the first of navigator.languages that a given locale covers, without a locale option', async () => {
    const nav = window.navigator as unknown as { languages: readonly string[] };
    Object.defineProperty(nav, 'languages', { configurable: true, get: () => ['fr-FR', 'zh-Hans-CN', 'en'] });
    try {
      const socket = createSocket(server.url('/close/1012'), { WebSocket: WS, reconnect: false, locales: [zhCN] });
      const d = await diagnosed(socket);
      expect(d).toMatchObject({ locale: 'zh-CN', explanation: { title: zhCN.entries['1012'].title } });
      // An explicit locale wins over the page's.
      const en = createSocket(server.url('/close/1012'), { WebSocket: WS, reconnect: false, locales: [zhCN], locale: 'en' });
      expect((await diagnosed(en)).locale).toBe('en');
    } finally {
      delete (nav as { languages?: unknown }).languages; // back to happy-dom's own
    }
  });
});
