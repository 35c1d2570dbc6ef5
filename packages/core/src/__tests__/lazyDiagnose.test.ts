import { describe, expect, it, vi } from 'vitest';
import { createSocket } from '../createSocket.js';
import type { Diagnosis } from '@sockdoc/diagnose';
import type { WebSocketConstructor } from '../types.js';

// A close that arrives before @sockdoc/diagnose has loaded. The race is between a module load
// and a socket event, so the socket here is a stand-in that fails its handshake on the next
// microtask, before any import() can settle (this file is the first to load the module in its
// worker). Real sockets and real Chromium cover the rest (lazyDiagnosis.test.ts in browser).
class RefusedSocket {
  readyState = 0;
  binaryType = 'arraybuffer';
  protocol = '';
  extensions = '';
  bufferedAmount = 0;
  readonly #listeners = new Map<string, Set<(e: unknown) => void>>();
  constructor(readonly url: string) {
    queueMicrotask(() => {
      this.readyState = 3;
      this.#fire('error', { message: 'refused' });
      this.#fire('close', { code: 1006, reason: '', wasClean: false });
    });
  }
  addEventListener(type: string, fn: (e: unknown) => void) {
    (this.#listeners.get(type) ?? this.#listeners.set(type, new Set()).get(type)!).add(fn);
  }
  removeEventListener(type: string, fn: (e: unknown) => void) {
    this.#listeners.get(type)?.delete(fn);
  }
  send() {}
  close() {}
  #fire(type: string, e: unknown) {
    for (const fn of [...(this.#listeners.get(type) ?? [])]) fn(e);
  }
}

describe('a close that arrives before the diagnosis module has loaded', () => {
  it('should be reported at once from the code alone, decide the reconnect from it, and be fully diagnosed next time', async () => {
    const socket = createSocket('ws://127.0.0.1:1/x', { WebSocket: RefusedSocket as unknown as WebSocketConstructor, reconnect: { delay: () => 2000 } });
    socket.on('error', () => {});
    const statuses: string[] = [];
    socket.on('state', (s) => statuses.push(s.status));
    const closes: Diagnosis[] = [];
    socket.on('close', (d) => closes.push(d));
    await Promise.resolve();
    await Promise.resolve();
    // The runtime has reported the close: no waiting in 'closing' for a chunk.
    expect(closes).toHaveLength(1);
    expect(closes[0]).toMatchObject({ code: 1006, summary: '1006 Abnormal Closure', cause: { id: 'diagnosis_unavailable', confidence: 'low' }, retry: { retryable: true, strategy: 'backoff' } });
    expect(socket.getSnapshot().status).toBe('reconnecting');
    expect(statuses).toEqual(['reconnecting']); // straight from connecting: never 'closing'
    // When the module arrives, the snapshot gets the full diagnosis of that same close; the decision stands.
    await vi.waitFor(() => expect(socket.getSnapshot().lastClose?.cause.id).toBe('handshake_failed'));
    expect(socket.getSnapshot().reconnect?.diagnosis).toBe(socket.getSnapshot().lastClose);
    expect(socket.getSnapshot().status).toBe('reconnecting');
    expect(closes).toHaveLength(1);
    // The next close (after the backoff) is fully diagnosed at once.
    const next = await new Promise<Diagnosis>((r) => socket.once('close', (d) => r(d)));
    expect(next.cause.id).toBe('handshake_failed');
    expect(next.explanation.title).toBe('Abnormal closure');
    socket.close();
    expect(socket.getSnapshot().stopped?.reason).toBe('closed_by_user');
  });

  it('should never fail on a partial locale object: the close is judged from its code, in English', async () => {
    const ja = { tag: 'ja', name: '日本語', entries: { '1006': { title: '異常終了' } }, causes: {} } as never;
    const socket = createSocket('ws://127.0.0.1:1/x', { WebSocket: RefusedSocket as unknown as WebSocketConstructor, reconnect: false, locale: ja });
    socket.on('error', () => {});
    const first = await new Promise<Diagnosis>((r) => socket.once('close', (d) => r(d)));
    expect(first).toMatchObject({ code: 1006, cause: { id: 'diagnosis_unavailable' } });
    await new Promise((r) => setTimeout(r, 200));
    expect(socket.getSnapshot()).toMatchObject({ status: 'closed', stopped: { reason: 'reconnect_disabled' } });
  });
});
