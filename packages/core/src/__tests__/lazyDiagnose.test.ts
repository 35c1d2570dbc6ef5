import { describe, expect, it } from 'vitest';
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
  it('should wait in status closing, then report the full diagnosis; close() meanwhile stops the client', async () => {
    const socket = createSocket('ws://127.0.0.1:1/x', { WebSocket: RefusedSocket as unknown as WebSocketConstructor, reconnect: { initialDelayMs: 10 } });
    socket.on('error', () => {});
    const statuses: string[] = [];
    socket.on('state', (s) => statuses.push(s.status));
    const closed = new Promise<Diagnosis>((r) => socket.once('close', (d) => r(d)));
    await Promise.resolve();
    await Promise.resolve();
    // The runtime has reported the close; the client waits for the module.
    expect(socket.getSnapshot().status).toBe('closing');
    socket.close(); // the user gives up meanwhile: no reconnect after the report
    const d = await closed;
    expect(d.cause.id).not.toBe('diagnosis_unavailable');
    expect(d.explanation.title).toBe('Abnormal closure');
    expect(d.cause.id).toBe('handshake_failed_opaque');
    expect(statuses).toEqual(['closing', 'closed']);
    expect(socket.getSnapshot().stopped?.reason).toBe('closed_by_user');
  });
});
