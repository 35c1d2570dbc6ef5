import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { startTestServer, waitFor, type TestServer } from '@sockdoc/test-utils';
import type { EvidenceSink, SocketListeners } from '@sockdoc/core';
import { nodeAdapter } from '../index.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** Records what an adapter reports, as a client would receive it. */
function recorder() {
  const seen: string[] = [];
  const client: SocketListeners & EvidenceSink = {
    open: () => seen.push('open'),
    message: (e) => seen.push(`message ${String(e.data)}`),
    error: (e) => seen.push(`error ${String(e.message)}`),
    close: (e) => seen.push(`close ${e.code} ${e.wasClean}`),
    handshake: (status) => seen.push(`handshake ${status}`),
    transportError: (_code, message) => seen.push(`transportError ${message}`),
    environment: () => seen.push('environment'),
  };
  return { seen, client };
}

const EVENTS = ['open', 'message', 'error', 'close', 'unexpected-response'] as const;

describe('nodeAdapter listen/unlisten (real ws server)', () => {
  it('should route each socket’s events to its own client, and leave no listener after unlisten', async () => {
    const adapter = nodeAdapter();
    const a = recorder();
    const b = recorder();
    const wsA = adapter.create(server.url('/echo'), undefined);
    const wsB = adapter.create(server.url('/echo'), undefined);
    adapter.listen!(wsA, a.client);
    adapter.listen!(wsB, b.client);
    await waitFor(() => a.seen.includes('open') && b.seen.includes('open'));
    wsA.send('for a');
    wsB.send('for b');
    await waitFor(() => a.seen.includes('message for a') && b.seen.includes('message for b'));
    expect(a.seen).toEqual(['open', 'message for a']);
    expect(b.seen).toEqual(['open', 'message for b']);

    // After unlisten the socket reports nothing more to the client and holds none of its listeners.
    adapter.unlisten!(wsA);
    for (const type of EVENTS) expect((wsA as unknown as WebSocket).listenerCount(type)).toBe(0);
    wsA.close(1000);
    wsB.close(1000);
    await waitFor(() => b.seen.some((s) => s.startsWith('close')));
    expect(b.seen.at(-1)).toBe('close 1000 true');
    await waitFor(() => (wsA as unknown as WebSocket).readyState === 3);
    expect(a.seen).toEqual(['open', 'message for a']);
  });

  it('should report a refused handshake’s HTTP status before the close', async () => {
    const adapter = nodeAdapter();
    const r = recorder();
    const ws = adapter.create(server.url('/auth'), undefined);
    adapter.listen!(ws, r.client);
    await waitFor(() => r.seen.some((s) => s.startsWith('close')));
    // ws then reports the terminated handshake as an error, and the close as 1006.
    expect(r.seen).toEqual(['handshake 401', 'transportError Unexpected server response: 401', 'error WebSocket was closed before the connection was established', 'close 1006 false']);
  });
});
