import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaledTimers, seededRandom, sleep, startChaosProxy, startTestServer, waitFor, type TestServer } from '@sockdoc/test-utils';
import { handles, heartbeat, isSockdocError, json, requester, type Diagnosis, type Fate, type MessageHandle, type ReconnectPlan, type SocketClient } from '@sockdoc/core';
import { createSocket } from '../index.js';

// Chaos and fuzz against real servers on loopback. Every loop is bounded in count and time.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const rng = seededRandom;

describe('chaos: a proxy that drops connections during a numbered stream', () => {
  it('should account for every message, never lose or reorder queued ones, and end connected', async () => {
    const proxy = await startChaosProxy(server.port);
    const { timers } = scaledTimers(0.01);
    const socket = createSocket(proxy.url('/sink'), { timers, json: json(), queue: { maxMessages: 150 }, reconnect: { maxAttempts: 50 } });
    const N = 2000;
    const fate = new Map<number, 'sent' | 'backpressure' | 'queued' | 'refused' | 'flushed' | 'dropped' | 'unsent'>();
    const writtenAt = new Map<number, number>();
    const num = (data: unknown) => (JSON.parse(String(data)) as { n: number }).n;
    socket.on('flushed', (ms) => {
      for (const m of ms) {
        fate.set(num(m.data), 'flushed');
        writtenAt.set(num(m.data), Date.now());
      }
    });
    socket.on('dropped', (m) => fate.set(num(m.data), 'dropped'));
    // What happened to the connection, for the failure message.
    const history: string[] = [];
    socket.on('close', (d) => void history.push(`${d.code} ${d.cause.id}`));
    socket.on('stopped', (s) => void history.push(`stopped: ${s.reason}`));
    socket.on('unsent', (ms) => ms.forEach((m) => fate.set(num(m.data), 'unsent')));
    const drops: number[] = [];
    const rnd = rng(99);
    let chaos = true;
    const chaosLoop = (async () => {
      for (let i = 0; i < 14 && chaos; i++) {
        await sleep(40 + Math.floor(rnd() * 80));
        if (!chaos) break;
        drops.push(Date.now());
        proxy.drop({ closeFrame: i % 2 === 0 });
      }
    })();
    for (let n = 0; n < N; n++) {
      try {
        const r = socket.sendJson({ n });
        fate.set(n, r);
        if (r === 'sent') writtenAt.set(n, Date.now());
      } catch (e) {
        expect(isSockdocError(e)).toBe(true);
        fate.set(n, 'refused');
      }
      if (n % 10 === 9) await sleep(4);
    }
    chaos = false;
    await chaosLoop;
    await sleep(100); // let the client notice the last drop
    await waitFor(() => (socket.getSnapshot().status === 'open' && socket.getSnapshot().queued === 0) || undefined, 10_000, 'reconnect and flush').catch((e: Error) => {
      throw new Error(`${e.message}; status ${socket.getSnapshot().status}, queued ${socket.getSnapshot().queued}; closes: ${history.join(', ')}`);
    });
    expect(socket.sendJson({ n: N })).toBe('sent');
    await waitFor(() => server.sink.includes(JSON.stringify({ n: N })) || undefined, 5000, 'the final message');

    const received = server.sink.map((s) => num(s)).filter((n) => n < N);
    // No reordering, no duplicates.
    for (let i = 1; i < received.length; i++) expect(received[i]!).toBeGreaterThan(received[i - 1]!);
    // Exactly one final fate per message; nothing still "queued".
    const counts: Record<string, number> = {};
    for (let n = 0; n < N; n++) {
      const f = fate.get(n);
      expect(f, `message ${n} has no fate`).toBeDefined();
      counts[f!] = (counts[f!] ?? 0) + 1;
    }
    expect(counts['queued'] ?? 0).toBe(0);
    const written = new Set([...fate].filter(([, f]) => f === 'sent' || f === 'flushed').map(([n]) => n));
    for (const n of received) expect(written.has(n), `received ${n} was never written`).toBe(true);
    // A message written to an open socket can only be lost in flight, right before a drop.
    const lost = [...written].filter((n) => !received.includes(n));
    for (const n of lost) {
      const at = writtenAt.get(n)!;
      expect(drops.some((d) => at <= d + 5 && d - at < 200), `message ${n} lost ${at} far from any drop`).toBe(true);
    }
    expect(socket.getSnapshot().status).toBe('open');
    expect(drops.length).toBeGreaterThan(5);
    console.log(`chaos: ${drops.length} drops; fates ${JSON.stringify(counts)}; received ${received.length}; lost in flight ${lost.length}`);
    socket.close();
    await proxy.close();
  }, 30_000);
});

describe('chaos: numbered requests and messages with handles through a proxy that drops connections', () => {
  it('should end every one with exactly one fate, send none twice unless idempotent, and send nothing expired or cancelled', async () => {
    const proxy = await startChaosProxy(server.port);
    const { timers } = scaledTimers(0.01);
    type Msg = { n: number; id?: string; ok?: boolean };
    const socket = createSocket<Msg, Msg>(proxy.url('/rpc'), { timers, json: json() as never, queue: { maxMessages: 60, overflow: 'drop-oldest' }, reconnect: { maxAttempts: 50 } });
    socket.on('error', () => {});
    // Real timers for request timeouts: 4 s bounds each request, whatever the client's scaled clock does.
    const rpc = requester(socket, { tag: (m: Msg, id: string) => ({ ...m, id }), match: (m: Msg) => m.id }, {});
    rpc.on('unmatched', () => {});
    const tracked = handles(socket);
    const sinkFrom = server.sink.length; // the stream test above wrote to the same sink
    const N = 3000;
    // n % 4: 0 a request, 1 an idempotent request, 2 a message that expires (300 ms on the scaled clock: 3 ms), 3 a message, every 7th of them cancelled.
    const kindOf = (n: number) => (['request', 'idempotent', 'expiring', 'message'] as const)[n % 4]!;
    const byNumber = new Map<number, MessageHandle>();
    const finals = new Map<number, number>();
    const replies: Promise<unknown>[] = [];
    const refused: number[] = [];
    let resent = 0;
    const resentSet = new Set<number>();
    const watch = (n: number, h: MessageHandle) => {
      byNumber.set(n, h);
      const count = () => h.settled && finals.set(n, (finals.get(n) ?? 0) + 1);
      if (h.settled) count();
      let last = h.fate;
      h.subscribe(() => {
        if (last === 'sent' && h.fate === 'queued') {
          resent++; // an idempotent request's one resend
          resentSet.add(n);
        }
        last = h.fate;
        count();
      });
    };
    const rnd = rng(5);
    let chaos = true;
    let drops = 0;
    const chaosLoop = (async () => {
      for (let i = 0; i < 14 && chaos; i++) {
        await sleep(40 + Math.floor(rnd() * 80));
        if (!chaos) break;
        drops++;
        proxy.drop({ closeFrame: i % 2 === 0 });
      }
    })();
    for (let n = 0; n < N; n++) {
      const kind = kindOf(n);
      try {
        if (kind === 'request' || kind === 'idempotent') {
          const reply = rpc.request({ n }, { timeout: 4000, idempotent: kind === 'idempotent' });
          replies.push(reply.catch(() => {}));
          if (reply.handle) watch(n, reply.handle);
          else refused.push(n);
        } else {
          const h = tracked.sendJson({ n }, kind === 'expiring' ? { expiresIn: 300 } : {});
          watch(n, h);
          if (kind === 'message' && n % 7 === 0) h.cancel();
        }
      } catch (e) {
        expect(isSockdocError(e)).toBe(true);
        refused.push(n);
      }
      if (n % 10 === 9) await sleep(4);
    }
    chaos = false;
    await chaosLoop;
    await Promise.race([Promise.all(replies), sleep(10_000)]);
    await waitFor(() => [...byNumber.values()].every((h) => h.settled) || undefined, 10_000, 'every handle settled');

    const onWire = new Map<number, number>();
    for (const text of server.sink.slice(sinkFrom)) {
      const n = (JSON.parse(text) as Msg).n;
      onWire.set(n, (onWire.get(n) ?? 0) + 1);
    }
    const counts: Record<string, Record<string, number>> = {};
    for (let n = 0; n < N; n++) {
      const h = byNumber.get(n);
      if (!h) {
        expect(refused, `message ${n} has neither a handle nor an error`).toContain(n);
        continue;
      }
      const fate: Fate = h.fate;
      (counts[kindOf(n)] ??= {})[fate] = (counts[kindOf(n)]![fate] ?? 0) + 1;
      expect(finals.get(n), `message ${n} (${kindOf(n)}, ${fate}) reached a final fate ${finals.get(n) ?? 0} times`).toBe(1);
      const wire = onWire.get(n) ?? 0;
      // Never on the wire: what expired, was cancelled or dropped while queued, or failed before it was sent.
      if (fate === 'expired' && kindOf(n) === 'expiring') expect(wire, `expired message ${n} was sent`).toBe(0);
      // (A resent idempotent request was on the wire once before it was queued again, and may then be dropped.)
      if (fate === 'cancelled' || fate === 'dropped') expect(wire, `${fate} message ${n} was sent`).toBeLessThanOrEqual(resentSet.has(n) ? 1 : 0);
      // At most once, except an idempotent request, which may go twice.
      expect(wire, `message ${n} (${kindOf(n)}) on the wire ${wire} times`).toBeLessThanOrEqual(kindOf(n) === 'idempotent' ? 2 : 1);
      if (fate === 'replied') expect(wire).toBeGreaterThanOrEqual(1);
    }
    expect(drops).toBeGreaterThan(5);
    expect(counts['request']?.['replied']).toBeGreaterThan(0);
    expect(counts['expiring']?.['expired'] ?? 0).toBeGreaterThan(0);
    expect(counts['message']?.['cancelled']).toBeGreaterThan(0);
    expect(rpc.pending).toBe(0);
    console.log(`chaos with handles: ${drops} drops; ${N} numbered, ${refused.length} refused at send; fates ${JSON.stringify(counts)}; idempotent requests resent ${resent}, twice on the wire ${[...onWire.values()].filter((c) => c === 2).length}`);
    socket.close();
    await proxy.close();
  }, 40_000);
});

describe('chaos: a server restarting repeatedly', () => {
  it('should bring every client back each time within the documented bounds, with jitter', async () => {
    const restartServer = await startTestServer();
    const clients: Array<{ socket: SocketClient; plans: ReconnectPlan[]; opens: number }> = [];
    for (let i = 0; i < 20; i++) {
      const { timers } = scaledTimers(0.01);
      const socket = createSocket(restartServer.url('/echo'), { timers, reconnect: { maxAttempts: 20 } });
      const c = { socket, plans: [] as ReconnectPlan[], opens: 0 };
      socket.on('reconnecting', (p) => c.plans.push(p));
      socket.on('open', () => c.opens++);
      clients.push(c);
    }
    await waitFor(() => clients.every((c) => c.opens === 1) || undefined);
    const rounds: Array<number | undefined> = [1012, 1001, undefined, 1012];
    for (const [i, code] of rounds.entries()) {
      const planned = clients.map((c) => c.plans.length);
      await restartServer.restart({ ...(code === undefined ? {} : { code }), downMs: 30 });
      await waitFor(() => clients.every((c) => c.opens === i + 2) || undefined, 8000, `all clients back after restart ${i + 1}`);
      const first = clients.map((c, k) => c.plans[planned[k]!]!);
      for (const p of first) {
        if (code === 1012) {
          expect(p.diagnosis?.code).toBe(1012);
          expect(p.delayMs).toBeGreaterThanOrEqual(5000);
          expect(p.delayMs).toBeLessThanOrEqual(30_000);
        } else {
          expect(p.delayMs).toBeLessThanOrEqual(5000 * 2 ** (p.attempt - 1));
        }
      }
      // Jitter: twenty clients do not all wait the same time.
      expect(new Set(first.map((p) => p.delayMs)).size).toBeGreaterThan(10);
    }
    for (const c of clients) c.socket.close();
    await restartServer.close();
  }, 30_000);
});

describe('fuzz: bad frames from a server', () => {
  const frame = (...bytes: number[]) => Buffer.from(bytes).toString('hex');
  const closeFrame = (code: number, reasonBytes: number) => {
    const reason = Buffer.alloc(reasonBytes, 0x61);
    const len = 2 + reasonBytes;
    const head = len < 126 ? [0x88, len] : [0x88, 126, len >> 8, len & 0xff];
    return Buffer.concat([Buffer.from([...head, code >> 8, code & 0xff]), reason]).toString('hex');
  };
  const cases: Array<[string, string, string | number]> = [
    ['invalid UTF-8 in a text frame', frame(0x81, 0x02, 0xff, 0xfe), 'server_sent_invalid_utf8'],
    ['an oversized binary frame', Buffer.concat([Buffer.from([0x82, 0x7e, 0x00, 0xc8]), Buffer.alloc(200)]).toString('hex'), 'incoming_too_big'],
    ['a close frame with code 999', closeFrame(999, 0), 'server_protocol_violation'],
    ['a close frame with code 1005', closeFrame(1005, 0), 'server_protocol_violation'],
    ['a close frame with code 5000', closeFrame(5000, 0), 'server_protocol_violation'],
    ['a close frame with a 124-byte reason', closeFrame(4000, 124), 'server_protocol_violation'],
    ['a close frame with a 123-byte reason', closeFrame(4000, 123), 'application_defined'],
    ['a masked server frame', frame(0x81, 0x81, 1, 2, 3, 4, 0x61), 'server_protocol_violation'],
    ['an unknown opcode', frame(0x83, 0x00), 'server_protocol_violation'],
  ];
  it.each(cases)('should diagnose %s without crashing', async (_name, hex, cause) => {
    const socket = createSocket(server.url(`/raw?hex=${hex}`), { reconnect: false, ws: { maxPayload: 100 } });
    const errors: unknown[] = [];
    socket.on('error', (e) => errors.push(e));
    const d = await new Promise<Diagnosis>((r) => socket.once('close', (x) => r(x)));
    expect(d.cause.id).toBe(cause);
    expect(d.reason.length).toBeLessThanOrEqual(240);
  });

  it('should survive 60 random byte sequences from a server, diagnosing every close', async () => {
    const rnd = rng(7);
    for (let i = 0; i < 60; i++) {
      const bytes = Array.from({ length: 1 + Math.floor(rnd() * 16) }, () => Math.floor(rnd() * 256));
      const socket = createSocket(server.url(`/raw?hex=${Buffer.from(bytes).toString('hex')}&after=1`), { reconnect: false, connectTimeout: 2000 });
      socket.on('error', () => {});
      await sleep(30);
      if (socket.getSnapshot().status === 'open') socket.close();
      const d = socket.getSnapshot().lastClose ?? (await new Promise<Diagnosis>((r) => socket.once('close', (x) => r(x))));
      expect(d.cause.title.length).toBeGreaterThan(0);
    }
  }, 20_000);

  it('should receive an unexpected binary message on a text channel without failing (the contract is for outgoing data)', async () => {
    const socket = createSocket(server.url(`/raw?hex=${frame(0x82, 0x01, 0x07)}`), { reconnect: false });
    const got = await new Promise((r) => socket.once('message', r));
    expect(new Uint8Array(got as ArrayBuffer)).toEqual(new Uint8Array([7]));
    expect(socket.getSnapshot().status).toBe('open');
    socket.close();
  });
});

describe('no leaks', () => {
  it('should keep heap, timers and sockets flat over 1,500 open/close cycles with 150 concurrent clients', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const timeouts = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const sockets = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;
    const baseTimeouts = timeouts();
    const baseSockets = sockets();
    const cycle = async (k: number) => {
      const socket = createSocket(server.url(k % 5 === 0 ? '/close/1012' : '/echo'), { reconnect: k % 2 === 0, heartbeat: heartbeat({ intervalMs: 1000 }) });
      await new Promise<void>((r) => socket.once('open', () => r()));
      socket.send('x');
      const done = new Promise<void>((r) => socket.once('stopped', () => r()));
      socket.close();
      await done;
    };
    const round = async (from: number) => {
      for (let i = 0; i < 5; i++) await Promise.all(Array.from({ length: 150 }, (_, j) => cycle(from + i * 150 + j)));
    };
    await round(0);
    await sleep(50);
    gc();
    const heapAfterWarmup = process.memoryUsage().heapUsed;
    await round(750);
    await sleep(50);
    gc();
    const growth = process.memoryUsage().heapUsed - heapAfterWarmup;
    console.log(`leaks: heap growth over 750 more cycles ${(growth / 1024).toFixed(0)} KiB`);
    expect(growth).toBeLessThan(4 * 1024 * 1024);
    expect(timeouts()).toBeLessThanOrEqual(baseTimeouts);
    await waitFor(() => sockets() <= baseSockets || undefined, 5000, 'client and server sockets to close');
  }, 30_000);
});
