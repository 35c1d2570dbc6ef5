// @vitest-environment node
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import * as v from 'valibot';
import * as z from 'zod';
import { seededRandom, waitFor } from '@sockdoc/test-utils';
import { createSocket } from '../createSocket.js';
import { ContractError } from '../errors/ContractError.js';
import type { JsonResult } from '../json.js';
import { typedJson } from '../typedJson.js';
import { json } from '../json.js';
import type { SocketClient } from '../SocketClient.js';

// A chat protocol of two messages, as one app would declare it with zod and another with valibot,
// against a real server that checks every message itself (plain code, not either schema) and
// closes with 1008 on the first malformed one, as servers that validate do.
const zodOut = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('join'), room: z.string().min(1).max(32) }),
  z.strictObject({ type: z.literal('say'), room: z.string().min(1).max(32), text: z.string().max(200) }),
]);
const valibotOut = v.variant('type', [
  v.strictObject({ type: v.literal('join'), room: v.pipe(v.string(), v.minLength(1), v.maxLength(32)) }),
  v.strictObject({ type: v.literal('say'), room: v.pipe(v.string(), v.minLength(1), v.maxLength(32)), text: v.pipe(v.string(), v.maxLength(200)) }),
]);
const zodIn = z.discriminatedUnion('type', [z.object({ type: z.literal('said'), from: z.string(), text: z.string() }), z.object({ type: z.literal('joined'), room: z.string() })]);

/** The server's own check: exactly one of the two shapes. */
function valid(m: unknown): boolean {
  if (typeof m !== 'object' || m === null || Array.isArray(m)) return false;
  const o = m as Record<string, unknown>;
  const room = typeof o['room'] === 'string' && o['room'].length >= 1 && o['room'].length <= 32;
  if (o['type'] === 'join') return room && Object.keys(o).length === 2;
  if (o['type'] === 'say') return room && typeof o['text'] === 'string' && o['text'].length <= 200 && Object.keys(o).length === 3;
  return false;
}

let wss: WebSocketServer;
let url: string;
const received: unknown[] = [];
const closedByServer: number[] = [];
beforeAll(async () => {
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  url = `ws://127.0.0.1:${(wss.address() as { port: number }).port}`;
  wss.on('connection', (ws, req) => {
    if (req.url === '/feed' || req.url === '/feed-then-close') {
      // What the server sends: valid messages, one that is JSON of the wrong shape, one that is not JSON.
      for (const m of [{ type: 'said', from: 'ann', text: 'hi' }, { type: 'said', from: 'bob' }, { type: 'joined', room: 'general' }]) ws.send(JSON.stringify(m));
      ws.send('not json');
      if (req.url === '/feed-then-close') setTimeout(() => ws.close(4400, 'bye'), 50);
      return;
    }
    ws.on('message', (data) => {
      if (req.url === '/no-shouting' && /"text":"[A-Z]+"/.test(String(data))) return ws.close(1008, 'no shouting');
      let m: unknown;
      try {
        m = JSON.parse(String(data));
      } catch {
        m = undefined;
      }
      if (!valid(m)) {
        closedByServer.push(1008);
        ws.close(1008, 'invalid message');
        return;
      }
      received.push(m);
    });
  });
});
afterAll(() => {
  for (const c of wss.clients) c.terminate();
  return new Promise<void>((r) => wss.close(() => r()));
});

/** Random JSON values near the protocol: right and wrong types, lengths around the limits, missing and extra keys. */
function randomMessage(rnd: () => number, i: number): unknown {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const str = (max: number) => `m${i}-`.padEnd(pick([0, 1, max - 1, max, max + 1, Math.floor(rnd() * max * 1.5)]), 'x').slice(0, pick([0, 1, max, max + 1, 5]));
  if (rnd() < 0.05) return pick([null, 42, 'join', [], [{ type: 'join', room: 'a' }], true]);
  const m: Record<string, unknown> = {};
  if (rnd() < 0.95) m['type'] = pick(['join', 'say', 'say', 'leave', 1, null]);
  if (rnd() < 0.9) m['room'] = rnd() < 0.85 ? str(32) : pick([7, null, {}, ['r']]);
  if (rnd() < 0.6) m['text'] = rnd() < 0.85 ? str(200) : pick([false, 3.5, { t: 1 }]);
  if (rnd() < 0.1) m['extra'] = 'x';
  return m;
}

async function opened(socket: SocketClient<never, unknown>): Promise<void> {
  if (socket.getSnapshot().status === 'open') return;
  await new Promise<void>((r) => socket.once('open', () => r()));
}

describe('typed messages: a Standard Schema for what the client sends', () => {
  it.each([
    ['zod 4', zodOut],
    ['valibot 1', valibotOut],
  ] as const)('should let only messages the server accepts reach it, under 3,000 random values (%s)', async (_lib, schema) => {
    const socket = createSocket(`${url}/chat`, { WebSocket, json: typedJson({ send: schema }), reconnect: false });
    await opened(socket as never);
    const violations: ContractError[] = [];
    socket.on('violation', (e) => violations.push(e));
    const before = received.length;
    const rnd = seededRandom(15);
    let accepted = 0;
    let expected = 0;
    for (let i = 0; i < 3000; i++) {
      const m = randomMessage(rnd, i);
      if (valid(m)) expected++;
      try {
        socket.sendJson(m as never);
        accepted++;
      } catch (e) {
        expect(e).toBeInstanceOf(ContractError);
        const err = e as ContractError;
        expect(err).toMatchObject({ code: 'SOCKDOC_SCHEMA_MISMATCH', rule: 'schema', predictedClose: 1008 });
        expect(err.detail.issues!.length).toBeGreaterThan(0);
        for (const issue of err.detail.issues!) expect(issue.path).toMatch(/^\$/);
        // The library's messages, never the payload (a lone primitive may be named by its message).
        if (m && typeof m === 'object' && Object.keys(m).length > 1) expect(`${err.message} ${JSON.stringify(err.detail)}`).not.toContain(JSON.stringify(m));
      }
    }
    expect(accepted).toBe(expected); // the schema and the server agree on every value
    expect(Math.min(accepted, 3000 - accepted)).toBeGreaterThan(300); // and both kinds were tried
    expect(violations.length).toBe(3000 - accepted);
    await waitFor(() => received.length - before === accepted, 5000);
    expect(received.slice(before).every(valid)).toBe(true);
    expect(closedByServer).toEqual([]); // the server never saw a malformed message
    expect(socket.getSnapshot().status).toBe('open');
    socket.close(1000);
  }, 30_000);

  it('should name each issue with its path and the library message, and send nothing', async () => {
    const socket = createSocket(`${url}/chat`, { WebSocket, json: typedJson({ send: zodOut }), reconnect: false });
    await opened(socket as never);
    const before = received.length;
    let error: unknown;
    try {
      socket.sendJson({ type: 'say', room: '', text: 5 } as never);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'SOCKDOC_SCHEMA_MISMATCH', detail: { type: 'object', issues: expect.arrayContaining([expect.objectContaining({ path: '$.room' }), expect.objectContaining({ path: '$.text' })]) } });
    expect((error as Error).message).toContain('$.room');
    socket.sendJson({ type: 'join', room: 'general' });
    await waitFor(() => received.length === before + 1, 3000);
    expect(received.at(-1)).toEqual({ type: 'join', room: 'general' });
    socket.close(1000);
  });

  it('should refuse what is not a Standard Schema when the codec is made, with a typed error', () => {
    for (const bad of [{}, null, 'zod', { '~standard': {} }]) {
      expect(() => typedJson({ send: bad as never }), String(bad)).toThrow(expect.objectContaining({ code: 'SOCKDOC_INVALID_OPTION' }));
      expect(() => typedJson({ receive: bad as never }), String(bad)).toThrow(expect.objectContaining({ code: 'SOCKDOC_INVALID_OPTION' }));
    }
  });

  it('should refuse a schema that answers with a promise, sending nothing and keeping order', async () => {
    const asyncSchema = z.object({ type: z.literal('join'), room: z.string() }).refine(async () => true);
    const socket = createSocket(`${url}/chat`, { WebSocket, json: typedJson({ send: asyncSchema }), reconnect: false });
    await opened(socket as never);
    const before = received.length;
    expect(() => socket.sendJson({ type: 'join', room: 'a' })).toThrow(expect.objectContaining({ code: 'SOCKDOC_SCHEMA_ASYNC' }));
    await new Promise((r) => setTimeout(r, 100));
    expect(received.length).toBe(before);
    socket.close(1000);
  });
});

describe('typed messages: a Standard Schema for what the client receives', () => {
  it('should deliver every message: valid ones typed, the others with their issues or their parse error', async () => {
    const socket = createSocket(`${url}/feed`, { WebSocket, json: typedJson({ receive: zodIn }), reconnect: false });
    const got: Array<[unknown, JsonResult<z.output<typeof zodIn>> | undefined]> = [];
    socket.on('message', (data, decoded) => got.push([data, decoded]));
    await waitFor(() => got.length === 4, 3000);
    expect(got.map(([, d]) => d?.ok)).toEqual([true, false, true, false]);
    expect(got[0]![1]).toEqual({ ok: true, value: { type: 'said', from: 'ann', text: 'hi' } });
    expect(got[1]![1]).toMatchObject({ ok: false, issues: [expect.objectContaining({ path: '$.text' })] });
    expect(got[1]![0]).toBe('{"type":"said","from":"bob"}'); // the raw data comes with it
    expect(got[3]![1]).toMatchObject({ ok: false, error: expect.any(SyntaxError) });
    expect((got[3]![1] as { issues?: unknown }).issues).toBeUndefined();
    socket.close(1000);
  });
});

describe('typed messages: refused incoming messages are evidence', () => {
  it('should say in the diagnosis of the next close how many messages the receive schema refused, and where, never what', async () => {
    const socket = createSocket(`${url}/feed-then-close`, { WebSocket, json: typedJson({ receive: zodIn }), reconnect: false, diagnose: (await import('@sockdoc/diagnose')).diagnose });
    const closed = new Promise<Parameters<Parameters<typeof socket.on<'close'>>[1]>>((r) => socket.once('close', (...args) => r(args)));
    const [d, , evidence] = await closed;
    expect(evidence.invalidIncoming).toMatchObject({ count: 1, paths: ['$.text'] });
    const ev = d.cause.evidence.find((e) => e.id === 'invalid_incoming');
    expect(ev?.params).toEqual({ count: 1, paths: ['$.text'] });
    expect(ev?.text).toBe("The server sent a message on this connection that the app's receive schema refused (at $.text): the two sides may disagree on the protocol.");
    expect(JSON.stringify(evidence)).not.toContain('bob'); // no payload
    const { zhCN } = await import('@sockdoc/diagnose/locales/zh-CN');
    const zh = (await import('@sockdoc/diagnose')).diagnose({ code: d.code, reason: d.reason, wasClean: d.wasClean }, evidence, { locale: zhCN });
    expect(zh.cause.evidence.map((e) => e.text)).toContain('这条连接上，服务器发来的消息中有 1 条不符合应用的接收模式（位置：$.text）：双方对协议的理解可能不一致。');
  });

  it('should say, of a 1008 for a message the schema allowed, that every message passed it, and count what went out without it', async () => {
    const diagnose = (await import('@sockdoc/diagnose')).diagnose;
    // The server's rule the schema does not know: no shouting.
    const shout = { type: 'say', room: 'general', text: 'HELLO' } as const;
    const run = async (raw: boolean) => {
      const socket = createSocket(`${url}/no-shouting`, { WebSocket, json: typedJson({ send: zodOut }), reconnect: false, diagnose });
      const closed = new Promise<Parameters<Parameters<typeof socket.on<'close'>>[1]>>((r) => socket.once('close', (...args) => r(args)));
      socket.sendJson({ type: 'join', room: 'general' });
      if (raw) socket.send(JSON.stringify(shout));
      else socket.sendJson(shout);
      return closed;
    };
    const [checked, , evidence] = await run(false);
    expect(checked.code).toBe(1008);
    expect(evidence.sendSchema).toEqual({ checked: 2, unchecked: 0 });
    expect(checked.cause.evidence.find((e) => e.id === 'sent_checked')?.text).toBe('The send schema checked every message sent on this connection (2).');
    const [unchecked, , evidence2] = await run(true);
    expect(evidence2.sendSchema).toEqual({ checked: 1, unchecked: 1 });
    expect(unchecked.cause.evidence.find((e) => e.id === 'sent_unchecked')?.text).toBe('One message on this connection went out without the send schema (send() or sendText()).');
  });
});

describe('typed messages: types from the schemas', () => {
  it('should type sendJson from the send schema and decoded values from the receive schema', () => {
    const socket = createSocket(url, { WebSocket, json: typedJson({ send: zodOut, receive: zodIn }), autoConnect: false });
    expectTypeOf(socket.sendJson).parameter(0).toEqualTypeOf<z.input<typeof zodOut>>();
    // @ts-expect-error: a join needs its room
    const wrong = () => socket.sendJson({ type: 'join' });
    // @ts-expect-error: and there is no 'leave' message
    const unknown = () => socket.sendJson({ type: 'leave', room: 'a' });
    socket.on('message', (_data, decoded) => {
      if (!decoded?.ok) return;
      // A discriminated union narrows in handlers.
      if (decoded.value.type === 'said') expectTypeOf(decoded.value.text).toEqualTypeOf<string>();
      else expectTypeOf(decoded.value.room).toEqualTypeOf<string>();
    });
    const plain = createSocket(url, { WebSocket, json: json(), autoConnect: false });
    expectTypeOf(plain.sendJson).parameter(0).toEqualTypeOf<unknown>();
    expect([typeof wrong, typeof unknown]).toEqual(['function', 'function']);
  });
});
