import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaledTimers, startTestServer, type TestServer } from '@sockdoc/test-utils';
import { isSockdocError, type StopInfo } from '@sockdoc/core';
import { createSocket } from '../index.js';

// Retry discipline for every class of refused handshake, on a fast clock against a real server:
// how many handshakes each gets before the client stops, and why it stops. A retry that cannot
// help is not made; one that can is bounded (1 + maxAttemptsNeverOpened = 5).
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const CASES: Array<[path: string, attempts: number, reason: StopInfo['reason'], cause: string]> = [
  ['/reject/301', 1, 'not_retryable', 'handshake_redirect'],
  ['/reject/400', 1, 'not_retryable', 'handshake_rejected'],
  ['/reject/401', 1, 'auth_failed', 'handshake_auth'],
  ['/reject/403', 1, 'auth_failed', 'handshake_auth'],
  ['/reject/404', 1, 'not_retryable', 'handshake_not_found'],
  ['/reject/410', 1, 'not_retryable', 'handshake_not_found'],
  ['/reject/426', 1, 'not_retryable', 'handshake_rejected'],
  ['/reject/500', 5, 'max_attempts', 'handshake_rejected'],
  ['/reject/429', 5, 'max_attempts', 'handshake_unavailable'],
  ['/reject/502', 5, 'max_attempts', 'handshake_unavailable'],
  ['/reject/503', 5, 'max_attempts', 'handshake_unavailable'],
  ['/reject/504', 5, 'max_attempts', 'handshake_unavailable'],
  ['/bad-accept', 1, 'not_retryable', 'handshake_invalid'],
];

describe('retry discipline by handshake status (real server, fast clock)', () => {
  it('should make exactly the attempts that can help, for every status class', async () => {
    const rows: string[] = [];
    for (const [path, attempts, reason, cause] of CASES) {
      const before = server.upgrades.get(path.split('?')[0]!) ?? 0;
      const { timers } = scaledTimers(0.002);
      const socket = createSocket(server.url(path), { timers, connectTimeout: 0 });
      socket.on('error', () => {});
      const stop = await new Promise<StopInfo>((r) => socket.once('stopped', r));
      const made = (server.upgrades.get(path.split('?')[0]!) ?? 0) - before;
      rows.push(`${path} ${made} ${stop.reason} ${stop.diagnosis?.cause.id}`);
      expect({ path, made, reason: stop.reason, cause: stop.diagnosis?.cause.id }).toEqual({ path, made: attempts, reason, cause });
    }
    console.log(`retry discipline (handshakes before the stop):\n  ${rows.join('\n  ')}`);
  }, 60_000);

  it('should try a port with nothing listening 1 + 4 times, and stop', async () => {
    const { timers, requested } = scaledTimers(0.002);
    const socket = createSocket('ws://127.0.0.1:1/', { timers, connectTimeout: 0 });
    socket.on('error', () => {});
    const stop = await new Promise<StopInfo>((r) => socket.once('stopped', r));
    expect(stop).toMatchObject({ reason: 'max_attempts', diagnosis: { cause: { id: 'connection_refused' } } });
    expect(socket.getSnapshot().attempts).toBe(5);
    expect(requested.filter((ms) => ms > 0)).toHaveLength(4);
  });
});

// Closes after the connection opened, by code: how many connections each gets. Every connection
// here counts as unstable (stableAfterMs is out of reach) so that the counts accumulate, and
// jitter is fixed (random: 0.5) so that the elapsed-time bound falls at the same attempt each run.
const AFTER_OPEN: Array<[code: number, connections: number, reason: StopInfo['reason'], cause: string]> = [
  [1000, 1, 'not_retryable', 'server_ended_session'],
  [1001, 11, 'max_attempts', 'server_going_away'],
  [1003, 1, 'not_retryable', 'unsupported_data'],
  [1007, 1, 'not_retryable', 'invalid_payload'],
  [1008, 1, 'not_retryable', 'policy_violation'],
  [1009, 1, 'not_retryable', 'message_too_big'],
  [1011, 11, 'max_attempts', 'server_error'],
  [1012, 11, 'max_attempts', 'service_restart'],
  [1013, 0, 'max_elapsed', 'overloaded'],
  [1014, 11, 'max_attempts', 'bad_gateway'],
  [3000, 1, 'auth_failed', 'auth_rejected'],
  [3003, 1, 'not_retryable', 'forbidden'],
  [3008, 11, 'max_attempts', 'app_timeout'],
  [4000, 1, 'not_retryable', 'application_defined'],
  [4401, 1, 'auth_failed', 'application_defined'],
  [4403, 1, 'not_retryable', 'application_defined'],
  [4999, 1, 'not_retryable', 'application_defined'],
];

async function closesUntilStop(path: string, options: Parameters<typeof createSocket>[1] = {}) {
  const before = server.connections.get(path.split('?')[0]!) ?? 0;
  const { timers } = scaledTimers(0.002);
  const socket = createSocket(server.url(path), { timers, connectTimeout: 250_000, random: () => 0.5, ...options, reconnect: { stableAfterMs: 1e9, ...(options.reconnect as object) } });
  socket.on('error', () => {});
  const stop = await new Promise<StopInfo>((r) => socket.once('stopped', r));
  return { stop, made: (server.connections.get(path.split('?')[0]!) ?? 0) - before, attempts: socket.getSnapshot().attempts };
}

describe('retry discipline by close code after open (real server, fast clock)', () => {
  it('should reconnect only for codes a retry can fix, bounded by maxAttempts and maxElapsedMs', async () => {
    const rows: string[] = [];
    for (const [code, connections, reason, cause] of AFTER_OPEN) {
      const { stop, made } = await closesUntilStop(`/close/${code}?after=5`);
      rows.push(`${code} ${made} ${stop.reason} ${stop.diagnosis?.cause.id}`);
      // 1013 asks for a slow backoff (30-120 s): the 10-minute streak ends it first, at the same
      // attempt each run with fixed jitter; the count is checked below.
      expect({ code, reason: stop.reason, cause: stop.diagnosis?.cause.id, ...(connections ? { made } : {}) }).toEqual({ code, reason, cause, ...(connections ? { made: connections } : {}) });
      if (code === 1013) {
        expect(made).toBeGreaterThan(1);
        expect(made).toBeLessThan(11); // the elapsed bound, not maxAttempts, ended it
      }
    }
    console.log(`retry discipline (connections before the stop, by close code after open):\n  ${rows.join('\n  ')}`);
  }, 60_000);
});

describe('retry discipline at option edges (real server, fast clock)', () => {
  it('should refuse numbers no schedule can follow, with a typed error, before any attempt', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, -1, '3']) {
      const before = server.upgrades.get('/close/1011') ?? 0;
      let err: unknown;
      try {
        createSocket(server.url('/close/1011'), { reconnect: { maxAttempts: bad as number } });
      } catch (e) {
        err = e;
      }
      expect(isSockdocError(err) && err.code).toBe('SOCKDOC_INVALID_OPTION');
      expect(server.upgrades.get('/close/1011') ?? 0).toBe(before);
    }
  });

  it('should bound a delay() that returns Infinity, NaN or a negative number by the attempt limits', async () => {
    for (const value of [Number.POSITIVE_INFINITY, Number.NaN, -1000]) {
      const { stop, made } = await closesUntilStop('/close/1011?after=5', { reconnect: { delay: () => value, maxAttempts: 3 } });
      expect({ value, made, reason: stop.reason }).toEqual({ value, made: 4, reason: 'max_attempts' });
    }
  }, 30_000);

  it('should count a url promise that never settles as a failed attempt and stop after the limit', async () => {
    const { timers } = scaledTimers(0.002);
    const socket = createSocket(() => new Promise<string>(() => {}), { timers, connectTimeout: 50_000, random: () => 0.5, reconnect: { maxAttempts: 2 } });
    const errors: string[] = [];
    socket.on('error', (e) => void errors.push(isSockdocError(e) ? e.code : String(e)));
    const stop = await new Promise<StopInfo>((r) => socket.once('stopped', r));
    expect({ reason: stop.reason, attempts: socket.getSnapshot().attempts, errors }).toEqual({ reason: 'max_attempts', attempts: 3, errors: Array(3).fill('SOCKDOC_SETUP_TIMEOUT') });
  });
});

