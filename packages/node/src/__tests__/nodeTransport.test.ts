import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WS from 'ws';
import type WebSocket from 'ws';
import { startTestServer, waitFor, type TestServer } from '@sockdoc/test-utils';
import type { TransportEvents } from '@sockdoc/core/adapter';
import { nodeTransport } from '../nodeTransport.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** Records what a transport reports, as a connection would receive it. */
function recorder() {
  const seen: string[] = [];
  const events: TransportEvents = {
    open: () => seen.push('open'),
    message: (data) => seen.push(`message ${String(data)}`),
    error: (_e, code, message) => seen.push(`error ${code ?? '-'} ${String(message)}`),
    close: (code, _reason, wasClean) => seen.push(`close ${code} ${wasClean}`),
    handshake: (status) => seen.push(`handshake ${status}`),
    transportError: (_code, message) => seen.push(`transportError ${message}`),
    statusProbe: (r) => seen.push(`statusProbe ${JSON.stringify(r)}`),
    pong: () => seen.push('pong'),
  };
  return { seen, events };
}

const EVENTS = ['open', 'message', 'error', 'close', 'pong', 'unexpected-response'] as const;
describe('nodeTransport (real ws server)', () => {
  it('should route each socket’s events to its own listener, and report nothing after detach()', async () => {
    const transport = nodeTransport();
    const a = recorder();
    const b = recorder();
    const sa = transport.open(server.url('/echo'), undefined, 'arraybuffer', a.events);
    const sb = transport.open(server.url('/echo'), undefined, 'arraybuffer', b.events);
    await waitFor(() => a.seen.includes('open') && b.seen.includes('open'));
    sa.send('for a');
    sb.send('for b');
    sb.ping!();
    await waitFor(() => a.seen.includes('message for a') && b.seen.includes('message for b') && b.seen.includes('pong'));
    expect(a.seen).toEqual(['open', 'message for a']);
    expect(b.seen).toEqual(['open', 'message for b', 'pong']);

    // After detach the socket reports nothing more.
    sa.detach();
    sa.close(1000);
    sb.close(1000);
    await waitFor(() => b.seen.some((s) => s.startsWith('close')));
    // wasClean as ws's own CloseEvent computes it: both Close frames went through.
    expect(b.seen.at(-1)).toBe('close 1000 true');
    await waitFor(() => sa.readyState === 3);
    expect(a.seen).toEqual(['open', 'message for a']);
  });

  it('should leave no listener on the ws socket after detach()', async () => {
    // The ws socket is private to the transport: find it through the ws class it is made from.
    const made: WebSocket[] = [];
    const on = WS.prototype.on;
    WS.prototype.on = function (this: WebSocket, ...args: Parameters<typeof on>) {
      if (!made.includes(this)) made.push(this);
      return on.apply(this, args);
    } as typeof on;
    const r = recorder();
    let s;
    try {
      s = nodeTransport().open(server.url('/echo'), undefined, 'arraybuffer', r.events);
    } finally {
      WS.prototype.on = on;
    }
    expect(made).toHaveLength(1);
    const ws = made[0]!;
    expect(ws.listenerCount('close')).toBe(1);
    await waitFor(() => r.seen.includes('open'));
    s.detach();
    for (const type of EVENTS) expect(ws.listenerCount(type)).toBe(0);
    s.close(1000);
    await waitFor(() => s.readyState === 3);
    expect(r.seen).toEqual(['open']);
  });

  it('should report a refused handshake’s HTTP status before the close, and a terminated socket as 1006', async () => {
    const r = recorder();
    nodeTransport().open(server.url('/auth'), undefined, 'arraybuffer', r.events);
    await waitFor(() => r.seen.some((s) => s.startsWith('close')));
    // ws then reports the terminated handshake as an error, and the close as 1006.
    expect(r.seen).toEqual(['handshake 401', 'transportError Unexpected server response: 401', 'error - WebSocket was closed before the connection was established', 'close 1006 false']);
  });

  it('should send UTF-8 bytes as a text frame as they are', async () => {
    const r = recorder();
    const s = nodeTransport().open(server.url('/echo'), undefined, 'arraybuffer', r.events);
    await waitFor(() => r.seen.includes('open'));
    s.sendText!(new TextEncoder().encode('héllo 你好'));
    await waitFor(() => r.seen.length > 1);
    expect(r.seen[1]).toBe('message héllo 你好');
    s.close(1000);
  });
});
