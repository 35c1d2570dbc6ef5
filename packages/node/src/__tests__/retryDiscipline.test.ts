import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaledTimers, startTestServer, type TestServer } from '@sockdoc/test-utils';
import type { StopInfo } from '@sockdoc/core';
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
  ['/reject/500', 1, 'not_retryable', 'handshake_rejected'],
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
