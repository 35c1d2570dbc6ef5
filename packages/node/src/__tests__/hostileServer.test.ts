import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaledTimers, startHostileServer, type HostileServer } from '@sockdoc/test-utils';
import type { Diagnosis, StopInfo } from '@sockdoc/core';
import { contextProblems } from '@sockdoc/diagnose';
import { createSocket } from '../index.js';

// A server that breaks the protocol below what a WebSocket library allows: bytes that are not
// HTTP, headers over the parser's limit, a handshake that never ends, frame headers that claim
// 2^63 bytes, masked frames, reserved opcodes, close codes that are invalid on the wire, close
// reasons that are not UTF-8 or carry terminal escapes, and floods of messages and pings. Each
// runs with reconnection on, on a fast clock. Properties: nothing escapes uncaught; every close
// is diagnosed with a cause; no string of a diagnosis holds a character a terminal or a page
// would act on; the client makes the attempts that can help and then stops, saying why.
let server: HostileServer;
const recorded: string[] = [];
const uncaught: unknown[] = [];
const onUncaught = (e: unknown) => void uncaught.push(e);
beforeAll(async () => {
  server = await startHostileServer();
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUncaught);
});
afterAll(async () => {
  process.off('uncaughtException', onUncaught);
  process.off('unhandledRejection', onUncaught);
  await server.close();
});

/** What a terminal or the DOM would act on: C0/C1 controls (but tab and newline), bidi controls and invisible format characters. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\u2060\ufeff]|\udb40[\udc00-\udc7f]/;

function unsafeStrings(value: unknown, path = 'diagnosis', out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (UNSAFE.test(value)) out.push(`${path}: ${JSON.stringify(value)}`);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) unsafeStrings(v, `${path}.${k}`, out);
  }
  return out;
}

const HOSTILE_REASON = Buffer.from('\x1b]0;pwned\x07\x1b[2J\u202eevil\u200b\u2060').toString('hex');

interface Case {
  readonly path: string;
  readonly cause: string;
  readonly attempts: number;
  readonly stop: StopInfo['reason'];
  readonly code?: number;
}

const CASES: Case[] = [
  // Handshakes that are not WebSocket: retrying reaches the same server, so one attempt.
  { path: '/garbage', cause: 'handshake_invalid', attempts: 1, stop: 'not_retryable' },
  { path: '/http10', cause: 'handshake_invalid', attempts: 1, stop: 'not_retryable' },
  { path: '/huge-headers', cause: 'handshake_invalid', attempts: 1, stop: 'not_retryable' },
  // A handshake that never ends: a timeout, which can pass, so retried; four timeouts of 250 s
  // outlast maxElapsedMs (10 minutes), which ends the streak before maxAttemptsNeverOpened does.
  { path: '/slow-headers', cause: 'handshake_timeout', attempts: 4, stop: 'max_elapsed' },
  // Frames that break the protocol: the server's bug, the same on every attempt.
  { path: '/huge-frame', cause: 'incoming_too_big', attempts: 1, stop: 'not_retryable' },
  { path: '/masked', cause: 'server_protocol_violation', attempts: 1, stop: 'not_retryable' },
  { path: '/opcode', cause: 'server_protocol_violation', attempts: 1, stop: 'not_retryable' },
  ...[0, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000, 65535].map((code) => ({ path: `/close-code/${code}`, cause: 'server_protocol_violation', attempts: 1, stop: 'not_retryable' as const })),
  { path: '/close-reason-bytes?hex=ff00', cause: 'server_sent_invalid_utf8', attempts: 1, stop: 'not_retryable' },
  // An application code with a hostile reason: kept, made safe; nothing says a retry helps.
  { path: `/close-reason-bytes?hex=${HOSTILE_REASON}`, cause: 'application_defined', attempts: 1, stop: 'not_retryable', code: 4000 },
];

async function run(path: string, extra: { onMessage?: (data: unknown) => void; stableAfterMs?: number } = {}) {
  const { timers } = scaledTimers(0.002);
  const t0 = Date.now();
  const before = server.requests.get(path.split('?')[0]!) ?? 0;
  // 250 s of client time is 500 ms of real time: long enough for any loopback handshake.
  const socket = createSocket(server.url(path), { timers, connectTimeout: 250_000, ...(extra.stableAfterMs === undefined ? {} : { reconnect: { stableAfterMs: extra.stableAfterMs } }) });
  const closes: Diagnosis[] = [];
  socket.on('error', () => {});
  socket.on('close', (d, _raw, evidence) => {
    closes.push(d);
    // What a client records, saved as JSON, is exactly what diagnose() and the CLI read.
    recorded.push(...contextProblems(JSON.parse(JSON.stringify(evidence))).map((p) => `${path} ${p.path}: ${p.expected ?? 'unknown field'}`));
  });
  if (extra.onMessage) socket.on('message', extra.onMessage);
  const stop = await new Promise<StopInfo>((r) => socket.once('stopped', r));
  return { stop, closes, ms: Date.now() - t0, attempts: (server.requests.get(path.split('?')[0]!) ?? 0) - before };
}

describe('a hostile server (raw TCP on loopback, reconnection on, fast clock)', () => {
  it('should diagnose every misbehaviour, keep every string safe, and make only the attempts that can help', async () => {
    const rows: string[] = [];
    for (const c of CASES) {
      const { stop, closes, ms, attempts } = await run(c.path);
      const last = closes.at(-1)!;
      rows.push(`${c.path.slice(0, 40).padEnd(40)} ${String(attempts).padStart(2)} attempt(s) ${last.cause.id}/${last.cause.confidence} stop ${stop.reason} (${ms} ms)`);
      expect({ path: c.path, attempts, stop: stop.reason, cause: last.cause.id, closes: closes.length }).toEqual({ path: c.path, attempts: c.attempts, stop: c.stop, cause: c.cause, closes: c.attempts });
      if (c.code !== undefined) expect(last.code).toBe(c.code);
      for (const d of closes) {
        expect(d.summary.length).toBeGreaterThan(0);
        expect(unsafeStrings(d)).toEqual([]);
      }
    }
    const hostile = (await run(`/close-reason-bytes?hex=${HOSTILE_REASON}`)).closes[0]!;
    expect(hostile.reason).toBe(']0;pwned [2J evil');
    expect(uncaught).toEqual([]);
    expect(recorded).toEqual([]);
    console.log(`hostile server (handshakes per scenario, cause, stop):\n  ${rows.join('\n  ')}`);
  }, 60_000);

  it('should deliver a flood of 100,000 messages written at once, every one in order, then the clean close', async () => {
    let next = 0;
    let outOfOrder = 0;
    const { stop, closes, ms } = await run('/flood?n=100000&bytes=8', {
      onMessage: (data) => {
        if (Number(data) !== next) outOfOrder++;
        next++;
      },
    });
    console.log(`flood: 100,000 messages in ${ms} ms`);
    expect({ delivered: next, outOfOrder }).toEqual({ delivered: 100_000, outOfOrder: 0 });
    expect(closes.map((d) => [d.code, d.cause.id])).toEqual([[1000, 'server_ended_session']]);
    expect(stop.reason).toBe('not_retryable');
    expect(uncaught).toEqual([]);
  }, 30_000);

  it('should answer a burst of pings, and bound a ping flood that ws cuts off (60 unanswered pongs) by the retry budget', async () => {
    const burst = await run('/ping-flood?n=50');
    expect(burst.closes.map((d) => d.code)).toEqual([1000]);
    // ws terminates a connection with 60 pongs pending (maxPendingAutoPongs): a drop with no
    // detail, which sockdoc cannot tell from a network drop (low confidence). With every
    // connection counted as stable (stableAfterMs: 0) the attempt count resets each time: the
    // retry budget (20 reconnects per 10 minutes) is what ends it.
    const flood = await run('/ping-flood?n=10000', { stableAfterMs: 0 });
    expect(flood.closes.at(-1)!.cause).toMatchObject({ id: 'connection_dropped', confidence: 'low' });
    expect(flood.stop.reason).toBe('retry_budget');
    expect(flood.attempts).toBe(21);
    console.log(`ping flood: ${flood.attempts} connections before the retry budget stopped it (${flood.ms} ms)`);
    expect(uncaught).toEqual([]);
  }, 30_000);
});
