// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { seededRandom, startTestServer, waitFor, type TestServer } from '@sockdoc/test-utils';
import { createSocket } from '../createSocket.js';
import { isSockdocError } from '../errors/SockdocError.js';
import type { SocketClient } from '../SocketClient.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const rng = seededRandom;

/** Random inputs of every kind: strings with and without lone surrogates, bytes, junk, sizes around the limit. */
function randomInput(rnd: () => number, limit: number): unknown {
  const r = rnd();
  const len = [0, 1, 10, limit - 1, limit, limit + 1, Math.floor(limit / 3) + 1, Math.floor(rnd() * limit * 2)][Math.floor(rnd() * 8)]!;
  if (r < 0.45) {
    let s = '';
    while (s.length < len) {
      const p = rnd();
      s += p < 0.6 ? String.fromCharCode(0x20 + Math.floor(rnd() * 90)) : p < 0.8 ? '汉' : p < 0.9 ? '😀' : p < 0.95 ? '\ud83d' : '\ude00';
    }
    return s.slice(0, len);
  }
  if (r < 0.6) return new Uint8Array(len);
  if (r < 0.65) return new ArrayBuffer(len);
  if (r < 0.68) return new Blob([new Uint8Array(len)]);
  if (r < 0.72) return new DataView(new ArrayBuffer(len));
  return [42, null, undefined, {}, [], true, Symbol('x'), 1n, () => 0, new Map(), Number.NaN][Math.floor(rnd() * 11)];
}

describe('the outgoing contract under random input', () => {
  it('should never let binary data or invalid UTF-8 reach a text-only server, and type every refusal', async () => {
    const limit = server.limit;
    const socket: SocketClient = createSocket(server.url('/text-only'), { WebSocket: WebSocket as never, channel: 'text', maxMessageBytes: limit });
    await new Promise<void>((r) => socket.once('open', () => r()));
    let closes = 0;
    socket.on('close', () => closes++);
    const rnd = rng(2026);
    let sent = 0;
    let refused = 0;
    for (let i = 0; i < 3000; i++) {
      const input = randomInput(rnd, limit);
      try {
        if (rnd() < 0.1 && input instanceof Uint8Array) socket.sendText(input.map(() => Math.floor(rnd() * 256)));
        else socket.send(input as never);
        sent++;
      } catch (e) {
        expect(isSockdocError(e), `untyped error for ${typeof input}: ${String(e)}`).toBe(true);
        refused++;
      }
    }
    socket.send('last');
    await waitFor(() => server.received.filter((f) => f.path === '/text-only').length >= sent + 1 || undefined, 10_000, 'all sent messages to arrive');
    const frames = server.received.filter((f) => f.path === '/text-only');
    expect(frames.filter((f) => f.kind === 'binary')).toEqual([]);
    expect(frames.filter((f) => !f.utf8Valid)).toEqual([]);
    expect(frames.filter((f) => f.bytes > limit)).toEqual([]);
    expect(closes).toBe(0);
    expect(socket.getSnapshot().status).toBe('open');
    expect(sent).toBeGreaterThan(300);
    expect(refused).toBeGreaterThan(300);
    socket.close();
  });
});
