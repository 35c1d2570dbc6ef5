import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom, startTestServer, waitFor, type TestServer } from '@sockdoc/test-utils';
import { isSockdocError, json, type SocketClient } from '@sockdoc/core';
import { createSocket } from '../index.js';

// A bounded adversarial run of send/sendText/sendJson: look-alike, cross-realm, detached,
// resizable, shared, proxied and throwing values, queued before open and sent while open, to a
// real ws echo server. Properties: every call returns a fate or throws a typed SockdocError;
// nothing is thrown uncaught; what was accepted arrives once, in order, with exactly the bytes
// that were checked. The run prints its figures.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const LIMIT = 4096;
const enc = new TextEncoder();

type Case = { kind: string; method: 'send' | 'sendText' | 'sendJson'; value: unknown; bytes?: () => Uint8Array; mutate?: () => void };

const thrower = () =>
  new Proxy({}, {
    get: () => {
      throw new Error('trap');
    },
    getPrototypeOf: () => {
      throw new Error('trap');
    },
    has: () => {
      throw new Error('trap');
    },
    ownKeys: () => {
      throw new Error('trap');
    },
  });

function randomCase(rnd: () => number): Case {
  const n = Math.floor(rnd() * LIMIT * 1.5);
  const bytes = () => {
    const b = new Uint8Array(n);
    for (let i = 0; i < n; i += 97) b[i] = (i * 31) & 0xff;
    return b;
  };
  const pick = Math.floor(rnd() * 18);
  switch (pick) {
    case 0: {
      const s = 'a'.repeat(Math.floor(n / 3)) + '汉😀';
      return { kind: 'string', method: 'send', value: s, bytes: () => enc.encode(s) };
    }
    case 1:
      return { kind: 'lone surrogate', method: 'send', value: `x\ud800${'y'.repeat(n % 50)}` };
    case 2: {
      const b = bytes();
      const copy = b.slice();
      return { kind: 'Uint8Array, changed after send', method: 'send', value: b, bytes: () => copy, mutate: () => b.fill(0xee) };
    }
    case 3: {
      const b = bytes();
      return { kind: 'DataView over part of a buffer', method: 'send', value: new DataView(b.buffer, 1, Math.max(0, n - 2)), bytes: () => b.slice(1, Math.max(1, n - 1)) };
    }
    case 4: {
      const ab = new ArrayBuffer(8);
      structuredClone(ab, { transfer: [ab] });
      return { kind: 'detached ArrayBuffer', method: 'send', value: ab };
    }
    case 5: {
      const R = ArrayBuffer as unknown as new (n: number, o: { maxByteLength: number }) => ArrayBuffer & { resize(n: number): void };
      const ab = new R(Math.min(n, 64), { maxByteLength: LIMIT * 8 });
      const len = ab.byteLength;
      return { kind: 'resizable ArrayBuffer, grown after send', method: 'send', value: ab, bytes: () => new Uint8Array(len), mutate: () => ab.resize(LIMIT * 4) };
    }
    case 6: {
      const foreign = runInNewContext(`new Uint8Array(${Math.min(n, 512)}).fill(7).buffer`) as ArrayBuffer;
      return { kind: 'ArrayBuffer of another realm', method: 'send', value: foreign, bytes: () => new Uint8Array(Math.min(n, 512)).fill(7) };
    }
    case 7:
      return { kind: 'view on a SharedArrayBuffer', method: 'send', value: new Uint8Array(new SharedArrayBuffer(16)) };
    case 8:
      return { kind: 'Blob look-alike', method: 'send', value: { size: 3, type: '', arrayBuffer: async () => new ArrayBuffer(3), slice: () => ({}), text: async () => '', stream: () => ({}) } };
    case 9:
      return { kind: 'toStringTag ArrayBuffer', method: 'send', value: { [Symbol.toStringTag]: 'ArrayBuffer', byteLength: 8 } };
    case 10:
      return { kind: 'throwing Proxy', method: ['send', 'sendText', 'sendJson'][Math.floor(rnd() * 3)] as Case['method'], value: thrower() };
    case 11:
      return { kind: 'Proxy over a Uint8Array', method: 'send', value: new Proxy(new Uint8Array(4), {}) };
    case 12: {
      const b = enc.encode(`ok ${n}`);
      const copy = b.slice();
      return { kind: 'UTF-8 bytes as text, changed after send', method: 'sendText', value: b, bytes: () => copy, mutate: () => b.fill(0xff) };
    }
    case 13:
      return { kind: 'invalid UTF-8 as text', method: 'sendText', value: new Uint8Array([0x61, 0xff, 0x62]) };
    case 14: {
      const v = { n, list: [1, 'a', null], at: new Date(0) };
      return { kind: 'JSON', method: 'sendJson', value: v, bytes: () => enc.encode(JSON.stringify(v)) };
    }
    case 15: {
      const cyclic: Record<string, unknown> = {};
      cyclic['self'] = cyclic;
      return { kind: 'JSON cycle, BigInt or throwing getter', method: 'sendJson', value: [cyclic, { id: 10n }, { get x() { throw new Error('getter'); } }][n % 3] };
    }
    case 16:
      return { kind: 'number, null, symbol or function', method: ['send', 'sendText'][n % 2] as Case['method'], value: [42, null, Symbol('s'), () => 1, undefined][n % 5] };
    default:
      return { kind: 'too big', method: 'send', value: new Uint8Array(LIMIT + 1 + (n % 100)) };
  }
}

describe('adversarial sends (real ws echo server)', () => {
  it('should give every input a fate or a typed refusal, throw nothing uncaught, and deliver exactly what was checked', async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => uncaught.push(e);
    process.on('uncaughtException', onUncaught);
    const rnd = seededRandom(20261201);
    const socket: SocketClient = createSocket(server.url('/echo'), { channel: 'mixed', maxMessageBytes: LIMIT, json: json(), queue: { maxMessages: 10_000, maxBytes: 1 << 24 }, reconnect: false });
    const got: Buffer[] = [];
    socket.on('message', (d) => got.push(Buffer.from(typeof d === 'string' ? enc.encode(d) : new Uint8Array(d as ArrayBuffer))));
    const expected: Uint8Array[] = [];
    const refusals = new Map<string, number>();
    let untyped = 0;
    let accepted = 0;
    const run = (c: Case) => {
      try {
        const fate = (socket[c.method] as (v: unknown) => string)(c.value);
        expect(['sent', 'queued']).toContain(fate);
        if (!c.bytes) throw new Error(`accepted what should have been refused: ${c.kind}`);
        expected.push(c.bytes());
        accepted++;
        c.mutate?.();
      } catch (e) {
        if (!isSockdocError(e)) {
          untyped++;
          throw e;
        }
        refusals.set(e.code, (refusals.get(e.code) ?? 0) + 1);
        if (c.bytes && e.code !== 'SOCKDOC_MESSAGE_TOO_BIG') throw new Error(`refused what should have been accepted: ${c.kind} (${e.code})`);
      }
    };
    const INPUTS = 2_000;
    for (let i = 0; i < INPUTS / 2; i++) run(randomCase(rnd)); // queued before open
    await new Promise<void>((r) => socket.once('open', () => r()));
    for (let i = 0; i < INPUTS / 2; i++) run(randomCase(rnd)); // written to the open socket
    await waitFor(() => got.length >= accepted || undefined, 20_000);
    socket.close();
    process.off('uncaughtException', onUncaught);

    console.log(`adversarial: ${INPUTS} inputs, ${accepted} accepted and delivered, ${[...refusals.values()].reduce((a, b) => a + b, 0)} refused (${[...refusals].map(([k, v]) => `${k} ${v}`).join(', ')}), ${untyped} untyped throws, ${uncaught.length} uncaught`);
    expect(untyped).toBe(0);
    expect(uncaught).toEqual([]);
    expect(got).toHaveLength(accepted);
    for (let i = 0; i < accepted; i++) expect(Buffer.compare(got[i]!, Buffer.from(expected[i]!)), `message ${i}`).toBe(0);
    expect(socket.getSnapshot().queued).toBe(0);
  }, 60_000);
});
