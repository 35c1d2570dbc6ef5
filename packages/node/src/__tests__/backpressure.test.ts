import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, waitFor, type TestServer } from '@sockdoc/test-utils';
import { createSocket } from '../index.js';

// A real server that stops reading for a while: the client's buffer grows past the high-water
// mark, and `drain` says when it has fallen back. Bounded: at most 2,000 chunks of 64 KiB.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const CHUNK = 64 * 1024;
const HIGH = 1024 * 1024;
const arrived = (path: string) => server.received.filter((f) => f.path === path).length;

describe('backpressure against a slow reader', () => {
  it("should say 'backpressure' above the high-water mark, then emit drain once the buffer falls to the low one", async () => {
    const socket = createSocket(server.url('/slow-reader?ms=400'), { channel: 'binary', reconnect: false, backpressure: { highWaterMark: HIGH } });
    await new Promise<void>((r) => socket.once('open', () => r()));
    const chunk = new Uint8Array(CHUNK);
    let sent = 0;
    let result = socket.send(chunk);
    for (sent = 1; result === 'sent' && sent < 2000; sent++) result = socket.send(chunk);
    expect(result).toBe('backpressure');
    expect(socket.writable).toBe(false);
    expect(socket.bufferedAmount).toBeGreaterThan(HIGH);
    const drained = await Promise.race([new Promise<number>((r) => socket.once('drain', () => r(socket.bufferedAmount))), new Promise<string>((r) => setTimeout(() => r('no drain'), 8000))]);
    expect(drained).toBeLessThanOrEqual(HIGH / 4);
    expect(socket.writable).toBe(true);
    // Nothing was dropped on the way: every chunk reaches the server.
    await waitFor(() => arrived('/slow-reader') >= sent || undefined, 8000, `${sent} chunks at the server`);
    expect(arrived('/slow-reader')).toBe(sent);
    socket.close();
  }, 20_000);

  it('should let a producer that waits for drain keep the buffer near the high-water mark', async () => {
    const before = arrived('/slow-reader');
    const socket = createSocket(server.url('/slow-reader?ms=200'), { channel: 'binary', reconnect: false, backpressure: { highWaterMark: HIGH, lowWaterMark: HIGH / 2 } });
    await new Promise<void>((r) => socket.once('open', () => r()));
    const chunk = new Uint8Array(CHUNK);
    let peak = 0;
    let waits = 0;
    for (let i = 0; i < 400; i++) {
      if (socket.send(chunk) === 'backpressure') {
        peak = Math.max(peak, socket.bufferedAmount);
        waits++;
        await new Promise<void>((r) => socket.once('drain', () => r()));
      }
    }
    expect(waits).toBeGreaterThan(0);
    // Above the mark by at most the one chunk that crossed it.
    expect(peak).toBeLessThanOrEqual(HIGH + CHUNK + 14); // 14: the most a frame header adds
    await waitFor(() => arrived('/slow-reader') - before >= 400 || undefined, 8000, '400 chunks at the server');
    socket.close();
  }, 20_000);

  it('should emit drain when the connection holding the buffer ends, so no producer waits for ever', async () => {
    const socket = createSocket(server.url('/slow-reader?ms=1000'), { channel: 'binary', reconnect: false });
    await new Promise<void>((r) => socket.once('open', () => r()));
    const chunk = new Uint8Array(CHUNK);
    let result = socket.send(chunk);
    for (let i = 1; result === 'sent' && i < 2000; i++) result = socket.send(chunk);
    expect(result).toBe('backpressure');
    const drain = new Promise<void>((r) => socket.once('drain', () => r()));
    socket.close();
    await drain;
    expect(socket.bufferedAmount).toBe(0);
  }, 20_000);

  it('should refuse water marks that are not positive numbers, or a low mark above the high one', () => {
    const url = server.url('/echo');
    expect(() => createSocket(url, { autoConnect: false, backpressure: { highWaterMark: 0 } })).toThrow(expect.objectContaining({ code: 'SOCKDOC_INVALID_OPTION', message: expect.stringContaining('highWaterMark') }));
    expect(() => createSocket(url, { autoConnect: false, backpressure: { highWaterMark: 10, lowWaterMark: 20 } })).toThrow(expect.objectContaining({ code: 'SOCKDOC_INVALID_OPTION', message: expect.stringContaining('lowWaterMark') }));
  });
});
