// @vitest-environment node
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { waitFor } from '@sockdoc/test-utils';
import { createSocket } from '../createSocket.js';
import { json } from '../json.js';
import { requester, type PendingReply } from '../requester.js';
import { RequestError } from '../errors/RequestError.js';
import type { Transport } from '../Transport.js';

// A real server that answers requests as real ones do: at once, late, never, twice, with an id no
// one asked for, or by dropping the connection with the request in flight.
type Msg = { id?: string; type: string; payload?: unknown };
let wss: WebSocketServer;
let url: string;
const received: Msg[] = [];
const seen = new Set<string>();
beforeAll(async () => {
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  url = `ws://127.0.0.1:${(wss.address() as { port: number }).port}`;
  wss.on('connection', (ws) =>
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as Msg;
      received.push(m);
      const reply = (extra: object = {}) => ws.send(JSON.stringify({ id: m.id, result: m.payload ?? null, ...extra }));
      const first = !seen.has(`${m.type}:${m.payload}`);
      seen.add(`${m.type}:${m.payload}`);
      if (m.type === 'echo') reply();
      else if (m.type === 'late') setTimeout(reply, 300);
      else if (m.type === 'twice') (reply(), reply());
      else if (m.type === 'stranger') ws.send(JSON.stringify({ id: 'no-such-request', result: 1 }));
      else if (m.type === 'drop' || (m.type === 'drop-once' && first)) ws.terminate();
      else if (m.type === 'drop-once') reply();
      // 'never': no answer
    }),
  );
});
afterAll(() => {
  for (const c of wss.clients) c.terminate();
  return new Promise<void>((r) => wss.close(() => r()));
});

const correlation = { tag: (m: Msg, id: string): Msg => ({ ...m, id }), match: (m: Msg) => m.id };
const open = (extra: object = {}) => createSocket<Msg, Msg>(url, { WebSocket, json: json() as never, reconnect: { initialDelayMs: 10, maxDelayMs: 20 }, ...extra });
const count = (type: string) => received.filter((m) => m.type === type).length;

describe('requests with replies, against a real server', () => {
  it('should resolve with the reply, also for a request made before the socket opened (queued, then flushed)', async () => {
    const socket = open();
    const rpc = requester(socket, correlation);
    const reply = rpc.request({ type: 'echo', payload: 'queued' });
    expect(rpc.pending).toBe(1);
    await expect(reply).resolves.toEqual({ id: '1', result: 'queued' });
    await expect(rpc.request({ type: 'echo', payload: 'open' })).resolves.toMatchObject({ result: 'open' });
    expect(rpc.pending).toBe(0);
    socket.close();
  });

  it('should time out with a typed error, and report the late reply as unmatched rather than drop it', async () => {
    const socket = open();
    const rpc = requester(socket, correlation);
    const unmatched: string[] = [];
    rpc.on('unmatched', (_m, id) => unmatched.push(id));
    const err = await rpc.request({ type: 'late' }, { timeout: 100 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RequestError);
    expect(err).toMatchObject({ code: 'SOCKDOC_REQUEST_TIMEOUT', requestId: '1', message: expect.stringContaining('within 100 ms') });
    await waitFor(() => unmatched.length === 1, 2000);
    expect(unmatched).toEqual(['1']);
    await expect(rpc.request({ type: 'never' }, { timeout: 50 })).rejects.toMatchObject({ code: 'SOCKDOC_REQUEST_TIMEOUT' });
    socket.close();
  });

  it('should settle once when the server answers twice, and report the second answer and answers no one asked for', async () => {
    const socket = open();
    const rpc = requester(socket, correlation);
    const unmatched: string[] = [];
    rpc.on('unmatched', (_m, id) => unmatched.push(id));
    await expect(rpc.request({ type: 'twice', payload: 7 })).resolves.toEqual({ id: '1', result: 7 });
    void rpc.request({ type: 'stranger' }, { timeout: 200 }).catch(() => {});
    await waitFor(() => unmatched.length === 2, 2000);
    expect(unmatched).toEqual(['1', 'no-such-request']);
    socket.close();
  });

  it('should abort with a typed error, and send nothing for a signal aborted already', async () => {
    const socket = open();
    const rpc = requester(socket, correlation);
    await waitFor(() => socket.getSnapshot().status === 'open', 2000);
    const controller = new AbortController();
    const pending = rpc.request({ type: 'never' }, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'RequestError', code: 'SOCKDOC_REQUEST_ABORTED' });
    const before = count('echo');
    await expect(rpc.request({ type: 'echo' }, { signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'SOCKDOC_REQUEST_ABORTED' });
    await new Promise((r) => setTimeout(r, 50));
    expect(count('echo')).toBe(before);
    expect(rpc.pending).toBe(0);
    socket.close();
  });

  it("should fail a request in flight when the connection drops, with the close's diagnosis, and never send it again", async () => {
    const socket = open();
    const rpc = requester(socket, correlation);
    const before = count('drop');
    const err = (await rpc.request({ type: 'drop', payload: 'a' }).catch((e: unknown) => e)) as RequestError;
    expect(err).toMatchObject({ code: 'SOCKDOC_REQUEST_CLOSED' });
    expect(err.diagnosis).toMatchObject({ code: 1006 });
    // The client reconnects; the request is not replayed.
    await waitFor(() => socket.getSnapshot().status === 'open', 2000);
    await expect(rpc.request({ type: 'echo', payload: 'after' })).resolves.toMatchObject({ result: 'after' });
    expect(count('drop') - before).toBe(1);
    socket.close();
  });

  it('should send an idempotent request once more after a drop, and only once', async () => {
    const socket = open();
    const rpc = requester(socket, correlation);
    // The server drops the first time it sees it and answers the second.
    await expect(rpc.request({ type: 'drop-once', payload: 'b' }, { idempotent: true })).resolves.toMatchObject({ result: 'b' });
    expect(received.filter((m) => m.type === 'drop-once' && m.payload === 'b')).toHaveLength(2);
    // One that drops every time is sent twice in all, then fails.
    const before = count('drop');
    await expect(rpc.request({ type: 'drop', payload: 'c' }, { idempotent: true })).rejects.toMatchObject({ code: 'SOCKDOC_REQUEST_CLOSED' });
    expect(count('drop') - before).toBe(2);
    socket.close();
  });

  it('should leave no pending request after close(), queued or in flight, and refuse what the contract refuses without pending', async () => {
    const socket = open({ maxMessageBytes: 64 });
    const rpc = requester(socket, correlation);
    await expect(rpc.request({ type: 'echo', payload: 'x'.repeat(100) })).rejects.toMatchObject({ code: 'SOCKDOC_MESSAGE_TOO_BIG' });
    expect(rpc.pending).toBe(0);
    const queued = rpc.request({ type: 'never' });
    socket.close();
    await expect(queued).rejects.toMatchObject({ code: 'SOCKDOC_REQUEST_CLOSED' });
    const socket2 = open();
    const rpc2 = requester(socket2, correlation);
    await waitFor(() => socket2.getSnapshot().status === 'open', 2000);
    const inFlight = rpc2.request({ type: 'never' });
    socket2.close();
    await expect(inFlight).rejects.toMatchObject({ code: 'SOCKDOC_REQUEST_CLOSED' });
    expect(rpc2.pending).toBe(0);
    // dispose() ends what pends and stops listening: the socket's listeners are as before.
    const socket3 = open();
    const before = socket3.listenerCount('close');
    const rpc3 = requester(socket3, correlation);
    const waiting = rpc3.request({ type: 'never' });
    rpc3.dispose();
    await expect(waiting).rejects.toMatchObject({ code: 'SOCKDOC_REQUEST_CLOSED', message: expect.stringContaining('disposed') });
    expect(socket3.listenerCount('close')).toBe(before);
    socket3.close();
  });

  it('should type requests and replies from the correlation', () => {
    const socket = open({ autoConnect: false });
    const rpc = requester(socket, { tag: (m: { type: 'get'; key: string }, id: string): Msg => ({ ...m, id }), match: (m: Msg & { value?: number }) => m.id });
    expectTypeOf(rpc.request).parameter(0).toEqualTypeOf<{ type: 'get'; key: string }>();
    expectTypeOf(rpc.request).returns.toEqualTypeOf<PendingReply<Msg & { value?: number }>>();
    // @ts-expect-error: not a request of this correlation
    void rpc.request({ type: 'put', key: 'k' }).catch(() => {});
    rpc.dispose();
  });

  it('should never send a request that times out or is aborted while still queued, and say so in its fate', async () => {
    const socket = open({ autoConnect: false });
    const rpc = requester(socket, correlation);
    const expiring = rpc.request({ type: 'echo', payload: 'too-late' }, { timeout: 30 });
    const controller = new AbortController();
    const taken = rpc.request({ type: 'echo', payload: 'taken-back' }, { signal: controller.signal });
    expect([expiring.handle?.fate, taken.handle?.fate]).toEqual(['queued', 'queued']);
    controller.abort();
    await expect(taken).rejects.toMatchObject({ code: 'SOCKDOC_REQUEST_ABORTED', message: expect.stringContaining('before it was sent') });
    await expect(expiring).rejects.toMatchObject({ code: 'SOCKDOC_REQUEST_TIMEOUT', message: expect.stringContaining('not sent') });
    expect([expiring.handle?.fate, taken.handle?.fate]).toEqual(['expired', 'cancelled']);
    expect(socket.getSnapshot().queued).toBe(0);
    socket.connect();
    const after = rpc.request({ type: 'echo', payload: 'after' });
    await expect(after).resolves.toMatchObject({ result: 'after' });
    expect(after.handle?.fate).toBe('replied');
    expect(received.some((m) => m.payload === 'too-late' || m.payload === 'taken-back')).toBe(false);
    socket.close();
  });

  it("should reject a queued request whose handle is cancelled, and never send it", async () => {
    const socket = open({ autoConnect: false });
    const rpc = requester(socket, correlation);
    const reply = rpc.request({ type: 'echo', payload: 'cancelled-by-handle' }, { timeout: 0 });
    expect(reply.handle!.cancel()).toBe(true);
    await expect(reply).rejects.toMatchObject({ code: 'SOCKDOC_REQUEST_ABORTED', message: expect.stringContaining('before it was sent') });
    expect(reply.handle!.fate).toBe('cancelled');
    expect(rpc.pending).toBe(0);
    socket.connect();
    await expect(rpc.request({ type: 'echo', payload: 'next' })).resolves.toMatchObject({ result: 'next' });
    expect(received.some((m) => m.payload === 'cancelled-by-handle')).toBe(false);
    socket.close();
  });

  it("should show an idempotent request's resend in its fate: sent, queued again, sent, replied", async () => {
    const socket = open();
    const rpc = requester(socket, correlation);
    await waitFor(() => socket.getSnapshot().status === 'open', 2000);
    const reply = rpc.request({ type: 'drop-once', payload: 'fates' }, { idempotent: true });
    const fates: string[] = [reply.handle!.fate];
    reply.handle!.subscribe(() => fates.push(reply.handle!.fate));
    await reply;
    expect(fates).toEqual(['sent', 'queued', 'sent', 'replied']);
    await expect(reply.handle!.done).resolves.toBe('replied');
    // Without idempotent: sent, then failed with the close, and nothing else.
    const once = rpc.request({ type: 'drop', payload: 'fates' });
    await once.catch(() => {});
    expect(once.handle).toMatchObject({ fate: 'failed', settled: true, diagnosis: expect.objectContaining({ code: 1006 }) });
    socket.close();
  });

  it('should have no handle for a request the socket refused', async () => {
    const socket = open({ maxMessageBytes: 16 });
    const rpc = requester(socket, correlation);
    const refused = rpc.request({ type: 'echo', payload: 'x'.repeat(32) });
    expect(refused.handle).toBeUndefined();
    await expect(refused).rejects.toMatchObject({ code: 'SOCKDOC_MESSAGE_TOO_BIG' });
    socket.close();
  });

  it('should refuse a correlation that is not one where the caller can catch it', () => {
    const socket = open({ autoConnect: false });
    expect(() => requester(socket, {} as never)).toThrow(expect.objectContaining({ code: 'SOCKDOC_INVALID_OPTION' }));
  });
});

describe('requests over a transport of your own', () => {
  // A transport the app wrote (an in-process loopback, say) may hand the reply over while the
  // request is still being written: the request must already be pending then.
  it('should resolve a request whose reply arrives during the write itself', async () => {
    const loopback: Transport = {
      runtime: 'node',
      open: (_url, _protocols, _binaryType, events) => {
        queueMicrotask(() => events.open());
        const echo = (data: unknown) => events.message(String(data));
        return { readyState: 1, protocol: '', extensions: '', bufferedAmount: 0, send: echo, close() {}, detach() {} };
      },
    };
    const socket = createSocket<Msg, Msg>('ws://127.0.0.1:1/', { transport: loopback, json: json() as never, reconnect: false });
    const rpc = requester(socket, correlation);
    const unmatched: string[] = [];
    rpc.on('unmatched', (_m, id) => unmatched.push(id));
    await waitFor(() => socket.getSnapshot().status === 'open', 2000);
    const reply = rpc.request({ type: 'echo', payload: 1 });
    await expect(reply).resolves.toMatchObject({ type: 'echo', payload: 1 });
    expect(reply.handle).toMatchObject({ fate: 'replied', settled: true });
    expect(unmatched).toEqual([]);
    expect(rpc.pending).toBe(0);
    socket.close();
  });
});
