import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaledTimers, startTestServer, waitFor, sleep, type TestServer } from '@sockdoc/test-utils';
import { heartbeat, type ReconnectPlan, type SocketClient, type StopInfo, type UnsentMessage } from '@sockdoc/core';
import { createSocket, type NodeSocketOptions } from '../index.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

function track(socket: SocketClient) {
  const plans: ReconnectPlan[] = [];
  const stops: StopInfo[] = [];
  const unsent: UnsentMessage[] = [];
  let opens = 0;
  socket.on('reconnecting', (p) => plans.push(p));
  socket.on('stopped', (s) => stops.push(s));
  socket.on('unsent', (m) => unsent.push(...m));
  socket.on('open', () => opens++);
  return { plans, stops, unsent, opens: () => opens };
}

/** A fast clock: every delay the client asks for is recorded and waited 1/100 as long. */
function fast(extra: NodeSocketOptions = {}): NodeSocketOptions & { requested: number[] } {
  const { timers, requested } = scaledTimers(0.01);
  return { timers, requested, ...extra };
}

describe('reconnection (Node, real ws server)', () => {
  it('should reconnect after a dropped connection, within the documented first delay, and flush what was queued meanwhile', async () => {
    const socket = createSocket(server.url('/drop'), fast());
    const t = track(socket);
    await waitFor(() => t.opens() === 1 || undefined);
    const flushed: UnsentMessage[] = [];
    socket.on('flushed', (m) => flushed.push(...m));
    const fate = new Promise((r) => socket.once('reconnecting', () => r(socket.send('queued while reconnecting'))));
    socket.send('trigger drop');
    expect(await fate).toBe('queued');
    await waitFor(() => t.opens() === 2 || undefined);
    expect(t.plans[0]).toMatchObject({ attempt: 1, diagnosis: expect.objectContaining({ code: 1006 }) });
    expect(t.plans[0]!.delayMs).toBeGreaterThanOrEqual(0);
    expect(t.plans[0]!.delayMs).toBeLessThanOrEqual(5000);
    expect(flushed.map((m) => m.data)).toEqual(['queued while reconnecting']);
    socket.close();
    await waitFor(() => t.stops.length === 1 || undefined);
    expect(t.stops).toEqual([{ reason: 'closed_by_user', diagnosis: expect.anything() }]);
  });

  it('should not retry a 401 without a refresh hook: one attempt, then stop and say why', async () => {
    const before = server.upgrades.get('/auth') ?? 0;
    const socket = createSocket(server.url('/auth?token=secret'), fast());
    const t = track(socket);
    await waitFor(() => t.stops.length === 1 || undefined);
    await sleep(100);
    expect((server.upgrades.get('/auth') ?? 0) - before).toBe(1);
    expect(t.stops[0]!.reason).toBe('auth_failed');
    expect(t.stops[0]!.diagnosis?.cause.id).toBe('handshake_auth');
    expect(socket.getSnapshot()).toMatchObject({ status: 'closed', stopped: { reason: 'auth_failed' } });
  });

  it('should call refresh once after a 401 and reconnect with the new URL', async () => {
    const calls: string[] = [];
    const socket = createSocket(server.url('/auth?token=secret&access_token=stale'), fast({
      refresh: async ({ diagnosis, url }) => {
        calls.push(`${diagnosis.cause.id} ${new URL(url).searchParams.get('access_token')}`);
        return { url: server.url('/auth?token=secret&access_token=secret') };
      },
    }));
    const t = track(socket);
    await waitFor(() => t.opens() === 1 || undefined);
    expect(calls).toEqual(['handshake_auth stale']);
    expect(t.plans).toEqual([expect.objectContaining({ attempt: 1, delayMs: 0 })]);
    socket.close();
  });

  it('should stop when refreshed credentials are refused too (no storm)', async () => {
    const before = server.upgrades.get('/auth') ?? 0;
    let refreshes = 0;
    const socket = createSocket(server.url('/auth?token=secret'), fast({ refresh: () => void refreshes++ }));
    const t = track(socket);
    await waitFor(() => t.stops.length === 1 || undefined);
    await sleep(100);
    expect(refreshes).toBe(1);
    expect((server.upgrades.get('/auth') ?? 0) - before).toBe(2);
    expect(t.stops[0]!.reason).toBe('auth_failed');
  });

  it('should give up sooner on a server that never accepts the connection', async () => {
    const dead = await startTestServer();
    const url = dead.url('/echo');
    await dead.close();
    const socket = createSocket(url, fast());
    const t = track(socket);
    await waitFor(() => t.stops.length === 1 || undefined, 10_000);
    expect(t.stops[0]!.reason).toBe('max_attempts');
    expect(t.plans.length).toBe(4); // maxAttemptsNeverOpened
    expect(socket.getSnapshot().attempts).toBe(5);
  });

  it('should stop without retrying when the diagnosis says a retry cannot help', async () => {
    const socket = createSocket(server.url('/text-only'), fast({ contract: false }));
    const t = track(socket);
    await waitFor(() => t.opens() === 1 || undefined);
    socket.send(new Uint8Array([1]));
    await waitFor(() => t.stops.length === 1 || undefined);
    expect(t.stops[0]).toMatchObject({ reason: 'not_retryable', diagnosis: expect.objectContaining({ code: 1003 }) });
    expect(t.plans).toEqual([]);
  });

  it('should honour shouldReconnect and a custom delay', async () => {
    const seen: number[] = [];
    const socket = createSocket(server.url('/close/4000'), fast({
      reconnect: {
        shouldReconnect: (d, attempt) => (seen.push(d.code), attempt <= 2),
        delay: (_d, attempt) => attempt * 100,
      },
    }));
    const t = track(socket);
    await waitFor(() => t.stops.length === 1 || undefined, 10_000);
    expect(seen).toEqual([4000, 4000, 4000]);
    expect(t.plans.map((p) => p.delayMs)).toEqual([100, 200]);
    expect(t.stops[0]!.reason).toBe('not_retryable');
  });

  it('should evaluate a dynamic URL (async) on every attempt', async () => {
    let n = 0;
    const socket = createSocket(async () => server.url(`/drop?attempt=${++n}`), fast());
    const t = track(socket);
    await waitFor(() => t.opens() === 1 || undefined);
    socket.send('drop');
    await waitFor(() => t.opens() === 2 || undefined);
    expect(socket.url).toBe(server.url('/drop?attempt=2'));
    socket.close();
  });

  it('should reset the attempt count after a stable connection', async () => {
    const socket = createSocket(server.url('/close/1001?after=150'), fast({ reconnect: { stableAfterMs: 5000 } }));
    const t = track(socket);
    await waitFor(() => t.plans.length >= 3 || undefined, 10_000);
    socket.close();
    // each connection lived 150 ms of real time = 15 s of client time: stable, so every plan is attempt 1
    expect(t.plans.map((p) => p.attempt)).toEqual(t.plans.map(() => 1));
  });

  it('should hand queued messages back when the client stops for good', async () => {
    const socket = createSocket(server.url('/auth?token=secret'), fast());
    socket.send('a');
    socket.send('b');
    const t = track(socket);
    await waitFor(() => t.stops.length === 1 || undefined);
    expect(t.unsent.map((m) => m.data)).toEqual(['a', 'b']);
    expect(() => socket.send('c')).toThrow(expect.objectContaining({ code: 'SOCKDOC_NOT_OPEN' }));
  });

  it('should cancel a scheduled reconnect on close() and leave no timer behind', async () => {
    const socket = createSocket(server.url('/close/1012'), { reconnect: true });
    const t = track(socket);
    await waitFor(() => t.plans.length === 1 || undefined);
    expect(t.plans[0]!.delayMs).toBeGreaterThanOrEqual(5000);
    expect(t.plans[0]!.delayMs).toBeLessThanOrEqual(30_000);
    const timers = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    socket.close();
    expect(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length).toBe(timers - 1);
    expect(t.stops[0]!.reason).toBe('closed_by_user');
  });

  it('should drop the oldest queued message and name it, when asked to', async () => {
    const socket = createSocket(server.url('/echo'), { autoConnect: false, queue: { maxMessages: 2, overflow: 'drop-oldest' } });
    const dropped: unknown[] = [];
    socket.on('dropped', (m) => dropped.push(m.data));
    socket.send('1');
    socket.send('2');
    socket.send('3');
    expect(dropped).toEqual(['1']);
    expect(socket.getSnapshot().queued).toBe(2);
    socket.close();
  });
});

describe('reconnect()', () => {
  it('should close the open connection and open a new one, keeping what is queued', async () => {
    const socket = createSocket(server.url('/echo'), fast());
    const t = track(socket);
    await waitFor(() => t.opens() === 1 || undefined);
    socket.reconnect();
    expect(socket.send('kept')).toBe('queued');
    const flushed: unknown[] = [];
    socket.on('flushed', (m) => flushed.push(...m.map((x) => x.data)));
    await waitFor(() => t.opens() === 2 || undefined);
    expect(flushed).toEqual(['kept']);
    expect(t.stops).toEqual([]);
    expect(socket.getSnapshot().lastClose?.cause.id).toBe('own_close_echo');
    socket.close();
  });
});

describe('heartbeat', () => {
  it('should detect a dead connection with ping frames and diagnose it as dead, not a generic 1006', async () => {
    const socket = createSocket(server.url('/no-pong'), { reconnect: false, heartbeat: heartbeat({ intervalMs: 50, timeoutMs: 100 }) });
    const closed = new Promise<{ id: string; code: number; abandoned: boolean | undefined }>((r) => socket.once('close', (d, raw) => r({ id: d.cause.id, code: raw.code, abandoned: raw.abandoned })));
    expect(await closed).toEqual({ id: 'dead_connection', code: 1006, abandoned: undefined });
  });

  it('should keep a live connection open: pongs answer the pings', async () => {
    const socket = createSocket(server.url('/echo'), { reconnect: false, heartbeat: heartbeat({ intervalMs: 30, timeoutMs: 60 }) });
    await new Promise<void>((r) => socket.once('open', () => r()));
    await sleep(400);
    expect(socket.getSnapshot().status).toBe('open');
    socket.close();
  });
});

describe('Retry-After on a refused handshake', () => {
  it('should wait what a 429 with Retry-After asks for, not a backoff of seconds', async () => {
    const socket = createSocket(server.url('/reject/429?retryAfter=3'));
    const plan = await new Promise<ReconnectPlan>((r) => socket.once('reconnecting', r));
    expect(plan.delayMs).toBeGreaterThanOrEqual(3_000);
    expect(plan.delayMs).toBeLessThanOrEqual(4_000);
    expect(plan.diagnosis?.retry).toMatchObject({ retryable: true, strategy: 'retry_after', delayMs: [3_000, 3_000] });
    expect(plan.diagnosis?.cause.evidence.map((e) => e.id)).toEqual(expect.arrayContaining(['handshake_status', 'retry_after']));
    socket.close();
  });

  it('should stop at once when the server asks for a longer wait than the failure streak may last', async () => {
    const socket = createSocket(server.url('/reject/503?retryAfter=3600'));
    const stop = await new Promise<StopInfo>((r) => socket.once('stopped', r));
    expect(stop.reason).toBe('max_elapsed');
    expect(server.upgrades.get('/reject/503')).toBeGreaterThanOrEqual(1);
  });
});

describe('handshakes that retrying cannot fix', () => {
  it('should say a redirect is not followed, and not retry it', async () => {
    const socket = createSocket(server.url('/reject/301'));
    const stop = await new Promise<StopInfo>((r) => socket.once('stopped', r));
    expect(stop.reason).toBe('not_retryable');
    expect(stop.diagnosis?.cause).toMatchObject({ id: 'handshake_redirect', confidence: 'high' });
    expect(server.upgrades.get('/reject/301')).toBe(1);
  });

  it('should say a 101 with a wrong Sec-WebSocket-Accept is not a WebSocket server, and not retry it', async () => {
    const socket = createSocket(server.url('/bad-accept'));
    socket.on('error', () => {});
    const stop = await new Promise<StopInfo>((r) => socket.once('stopped', r));
    expect(stop.reason).toBe('not_retryable');
    expect(stop.diagnosis?.cause).toMatchObject({ id: 'handshake_invalid', confidence: 'high' });
    expect(stop.diagnosis?.cause.detail).toContain('Invalid Sec-WebSocket-Accept header');
    expect(server.upgrades.get('/bad-accept')).toBe(1);
  });
});
