// @vitest-environment happy-dom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { scaledTimers, sleep, startTestServer, waitFor, type TestServer } from '@sockdoc/test-utils';
import type { Diagnosis, RawClose, WebSocketConstructor } from '@sockdoc/core';
import { createSocket, heartbeat } from '../index.js';

// happy-dom gives the window/document events; sockets are real `ws` clients to a real server.
const WS = WebSocket as unknown as WebSocketConstructor;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('browser lifecycle', () => {
  it('should pause retries while offline and reconnect promptly on online', async () => {
    const { timers } = scaledTimers(0.01);
    const socket = createSocket(server.url('/drop?who=offline'), { WebSocket: WS, timers });
    await new Promise<void>((r) => socket.once('open', () => r()));
    window.dispatchEvent(new Event('offline'));
    socket.send('drop me');
    await waitFor(() => socket.getSnapshot().reconnect?.paused === 'offline' || undefined);
    const before = server.upgrades.get('/drop') ?? 0;
    await sleep(300); // 30 s of client time: no attempt while offline
    expect(server.upgrades.get('/drop') ?? 0).toBe(before);
    window.dispatchEvent(new Event('online'));
    await new Promise<void>((r) => socket.once('open', () => r()));
    expect(socket.getSnapshot().status).toBe('open');
    socket.close();
  });

  it('should wait after pagehide until the page is shown again (bfcache)', async () => {
    const { timers } = scaledTimers(0.01);
    const socket = createSocket(server.url('/drop?who=pagehide'), { WebSocket: WS, timers });
    await new Promise<void>((r) => socket.once('open', () => r()));
    window.dispatchEvent(new Event('pagehide'));
    socket.send('drop me');
    await waitFor(() => socket.getSnapshot().reconnect?.paused === 'hidden' || undefined);
    await sleep(200);
    expect(socket.getSnapshot().status).toBe('reconnecting');
    window.dispatchEvent(new Event('pageshow'));
    await new Promise<void>((r) => socket.once('open', () => r()));
    socket.close();
  });
});

describe('application-level heartbeat (browsers cannot send ping frames)', () => {
  it('should keep a live connection open and not emit its pong replies as messages', async () => {
    const socket = createSocket(server.url('/echo'), { WebSocket: WS, reconnect: false, heartbeat: heartbeat({ intervalMs: 30, timeoutMs: 60, message: '{"type":"ping"}', isPong: (d) => d === '{"type":"ping"}' }) });
    const messages: unknown[] = [];
    socket.on('message', (m) => messages.push(m));
    await new Promise<void>((r) => socket.once('open', () => r()));
    await sleep(300);
    socket.send('hello');
    await waitFor(() => messages.length === 1 || undefined);
    expect(messages).toEqual(['hello']);
    expect(socket.getSnapshot().status).toBe('open');
    socket.close();
  });

  it('should give up on a dead connection and diagnose it, even when the socket never reports its close', async () => {
    const { timers } = scaledTimers(0.01);
    const socket = createSocket(server.url('/blackhole'), { WebSocket: WS, reconnect: false, timers, heartbeat: heartbeat({ intervalMs: 2000, timeoutMs: 3000, message: 'ping', isPong: (d) => d === 'pong' }) });
    const [d, raw] = await new Promise<[Diagnosis, RawClose]>((r) => socket.once('close', (x, y) => r([x, y])));
    expect(raw).toEqual({ code: 1006, reason: '', wasClean: false, abandoned: true });
    expect(d.cause).toMatchObject({ id: 'dead_connection', confidence: 'high' });
    expect(d.cause.evidence.map((e) => e.id)).toContain('heartbeat_missed');
  });
});
