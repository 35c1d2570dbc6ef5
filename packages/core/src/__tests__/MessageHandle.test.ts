// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { waitFor } from '@sockdoc/test-utils';
import { createSocket } from '../createSocket.js';
import { json } from '../json.js';
import { handles, type Fate, type MessageHandle } from '../MessageHandle.js';

// A real server that records what reaches it, so "never sent" is checked on the wire.
let wss: WebSocketServer;
let url: string;
const wire: string[] = [];
beforeAll(async () => {
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  url = `ws://127.0.0.1:${(wss.address() as { port: number }).port}`;
  wss.on('connection', (ws) => {
    ws.on('message', (d) => wire.push(String(d)));
  });
});
afterAll(() => {
  for (const c of wss.clients) c.terminate();
  return new Promise<void>((r) => wss.close(() => r()));
});

const open = (extra: object = {}) => createSocket(url, { WebSocket, autoConnect: false, ...extra });
const fates = (h: MessageHandle) => {
  const seen: Fate[] = [h.fate];
  h.subscribe(() => seen.push(h.fate));
  return seen;
};
const reached = (text: string) => wire.includes(text);

describe('message handles: a fate for every message', () => {
  it('should go queued → sent when the socket opens, and be sent at once on an open socket', async () => {
    const socket = open();
    const h = handles(socket).send('h-queued', {});
    const seen = fates(h);
    expect(h).toMatchObject({ fate: 'queued', kind: 'text', bytes: 8, settled: false });
    socket.connect();
    await expect(h.done).resolves.toBe('sent');
    expect(seen).toEqual(['queued', 'sent']);
    const now = handles(socket).sendText(new TextEncoder().encode('h-open'), {});
    expect(now).toMatchObject({ fate: 'sent', settled: true });
    expect(now.cancel()).toBe(false);
    await waitFor(() => reached('h-open') || undefined, 2000);
    expect(reached('h-queued')).toBe(true);
    socket.close();
  });

  it('should expire a queued message at its expiresIn: it never reaches the wire, and later ones still go', async () => {
    const socket = open();
    const stale = handles(socket).send('h-stale', { expiresIn: 30 });
    const fresh = handles(socket).send('h-fresh', { expiresIn: 60_000 });
    await expect(stale.done).resolves.toBe('expired');
    expect(socket.getSnapshot().queued).toBe(1);
    socket.connect();
    await expect(fresh.done).resolves.toBe('sent');
    await waitFor(() => reached('h-fresh') || undefined, 2000);
    expect(reached('h-stale')).toBe(false);
    socket.close();
  });

  it('should expire at the flush a message whose timer has not run yet (a clock that jumped)', async () => {
    let now = 0;
    const timers = { setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms + 60_000), clearTimeout: (id: unknown) => clearTimeout(id as NodeJS.Timeout), now: () => now };
    const socket = open({ timers, connectTimeout: 0 });
    const h = handles(socket).send('h-jumped', { expiresIn: 10 });
    now = 11;
    socket.connect();
    await expect(h.done).resolves.toBe('expired');
    socket.send('h-after-jump');
    await waitFor(() => reached('h-after-jump') || undefined, 2000);
    expect(reached('h-jumped')).toBe(false);
    socket.close();
  });

  it('should cancel a queued message by cancel() or its signal, never sending it; a signal aborted already sends nothing', async () => {
    const socket = open({ json: json() });
    const a = handles(socket).sendJson({ m: 'h-cancel' }, {});
    const controller = new AbortController();
    const b = handles(socket).send('h-signal', { signal: controller.signal });
    const c = handles(socket).send('h-aborted', { signal: AbortSignal.abort() });
    expect(c.fate).toBe('cancelled');
    expect(socket.getSnapshot().queued).toBe(2);
    expect(a.cancel()).toBe(true);
    expect(a.cancel()).toBe(false);
    controller.abort();
    expect([a.fate, b.fate]).toEqual(['cancelled', 'cancelled']);
    expect(socket.getSnapshot().queued).toBe(0);
    socket.connect();
    socket.send('h-cancel-after');
    await waitFor(() => reached('h-cancel-after') || undefined, 2000);
    expect(wire.some((t) => t.includes('h-cancel"') || t === 'h-signal' || t === 'h-aborted')).toBe(false);
    socket.close();
  });

  it('should say dropped for what drop-oldest drops, failed for what close() hands back, failed with the diagnosis for what a stop hands back', async () => {
    const socket = open({ queue: { maxMessages: 2, overflow: 'drop-oldest' } });
    const [x, y, z] = ['h-x', 'h-y', 'h-z'].map((t) => handles(socket).send(t, {}));
    expect([x!.fate, y!.fate, z!.fate]).toEqual(['dropped', 'queued', 'queued']);
    socket.close();
    expect([y!.fate, z!.fate]).toEqual(['failed', 'failed']);
    expect(y!.diagnosis).toBeUndefined();

    // Nothing listens and reconnect is off: the client stops, and what was queued fails with that close.
    const stopped = createSocket('ws://127.0.0.1:1/', { WebSocket, reconnect: false });
    const h = handles(stopped).send('h-stop', {});
    await expect(h.done).resolves.toBe('failed');
    expect(h.diagnosis).toMatchObject({ code: 1006 });
    expect(h.diagnosis).toBe(stopped.getSnapshot().lastClose);
  });

  it('should keep one order with plain sends, and throw what send throws for a refused message, queueing nothing', async () => {
    const socket = open({ maxMessageBytes: 8 });
    const tracked = handles(socket);
    socket.send('o-1');
    const h = tracked.send('o-2');
    socket.send('o-3');
    expect(() => tracked.send('o-too-long-for-8')).toThrow(expect.objectContaining({ code: 'SOCKDOC_MESSAGE_TOO_BIG' }));
    expect(socket.getSnapshot().queued).toBe(3);
    socket.connect();
    await waitFor(() => reached('o-3') || undefined, 2000);
    expect(wire.filter((t) => t.startsWith('o-'))).toEqual(['o-1', 'o-2', 'o-3']);
    expect(h.fate).toBe('sent');
    socket.close();
  });

  it('should refuse bad options where the caller can catch them, sending nothing', () => {
    const socket = open();
    expect(() => handles(socket).send('x', { expiresIn: -1 })).toThrow(expect.objectContaining({ code: 'SOCKDOC_INVALID_OPTION', message: expect.stringContaining('expiresIn') }));
    expect(() => handles(socket).send('x', { signal: {} as AbortSignal })).toThrow(expect.objectContaining({ code: 'SOCKDOC_INVALID_OPTION' }));
    expect(() => handles(socket).send('x', null as never)).toThrow(expect.objectContaining({ code: 'SOCKDOC_INVALID_OPTION' }));
    expect(socket.getSnapshot().queued).toBe(0);
    socket.close();
  });

  it("should report a fate listener's error on the client's error event, and keep the fate", async () => {
    const socket = open();
    const errors: unknown[] = [];
    socket.on('error', (e) => errors.push(e));
    const h = handles(socket).send('h-throws', {});
    h.subscribe(() => {
      throw new Error('listener bug');
    });
    socket.connect();
    await expect(h.done).resolves.toBe('sent');
    expect(errors).toEqual([expect.objectContaining({ message: 'listener bug' })]);
    socket.close();
  });
});
