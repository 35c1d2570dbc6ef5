import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, waitFor, sleep, type TestServer } from '@sockdoc/test-utils';
import { zhCN } from '@sockdoc/diagnose/locales/zh-CN';
import { ContractError, StateError, CloseArgumentError, isSockdocError, json, type SocketClient, type RawClose, type Diagnosis } from '@sockdoc/core';
import { createSocket, type NodeSocketOptions } from '../index.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

interface Closed {
  diagnosis: Diagnosis;
  raw: RawClose;
}

// These tests look at one close each: reconnection is tested in reconnect.test.ts.
function open(path: string, options: NodeSocketOptions = {}): Promise<SocketClient> {
  const socket = createSocket(server.url(path), { reconnect: false, ...options });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('close', (d) => reject(new Error(`closed before open: ${d.summary}`)));
  });
}

function closed(socket: SocketClient): Promise<Closed> {
  return new Promise((resolve) => socket.once('close', (diagnosis, raw) => resolve({ diagnosis, raw })));
}

function connectAndClose(path: string, options: NodeSocketOptions = {}): Promise<Closed> {
  return closed(createSocket(server.url(path), { reconnect: false, ...options }));
}

describe('createSocket (Node, real ws server)', () => {
  it('should refuse binary data on a text channel before sending, and stay open', async () => {
    const socket = await open('/text-only');
    const violations: ContractError[] = [];
    socket.on('violation', (e) => violations.push(e));
    let thrown: unknown;
    try {
      socket.send(new Uint8Array([1, 2, 3]));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ContractError);
    expect(thrown).toMatchObject({ code: 'SOCKDOC_BINARY_ON_TEXT_CHANNEL', rule: 'channel', predictedClose: 1003, detail: { type: 'Uint8Array', bytes: 3 } });
    expect((thrown as Error).message).toContain('got Uint8Array, 3 bytes');
    expect(violations).toEqual([thrown]);
    socket.send('still here');
    const echo = await new Promise((r) => socket.once('message', r));
    expect(echo).toBe('still here');
    expect(socket.getSnapshot().status).toBe('open');
    expect(server.received.filter((f) => f.path === '/text-only' && f.kind === 'binary')).toEqual([]);
    socket.close();
  });

  it('should diagnose the 1003 a text-only server sends when the contract is off', async () => {
    const socket = await open('/text-only', { contract: false, locale: zhCN });
    const done = closed(socket);
    socket.send(new Uint8Array([0xde, 0xad]));
    const { diagnosis, raw } = await done;
    expect(raw).toEqual({ code: 1003, reason: 'Binary messages not supported', wasClean: true });
    expect(diagnosis.cause).toMatchObject({ id: 'binary_on_text_endpoint', confidence: 'high' });
    expect(diagnosis.cause.title).toBe('二进制消息发到了仅支持文本的端点');
    expect(diagnosis.retry.retryable).toBe(false);
  });

  it('should refuse a string with a lone surrogate, naming the index', async () => {
    const socket = await open('/echo');
    expect(() => socket.send('ab\ud83dcd')).toThrow(expect.objectContaining({ code: 'SOCKDOC_LONE_SURROGATE', predictedClose: 1007, detail: { type: 'string', index: 2 } }));
    socket.close();
  });

  it('should refuse invalid UTF-8 bytes as text, naming the first bad byte, and diagnose the strict server\'s 1007 when the contract is off', async () => {
    const socket = await open('/strict');
    expect(() => socket.sendText(new Uint8Array([0x68, 0x69, 0xc3, 0x28]))).toThrow(expect.objectContaining({ code: 'SOCKDOC_INVALID_UTF8', predictedClose: 1007, detail: expect.objectContaining({ index: 2, bytes: 4 }) }));
    socket.sendText(new TextEncoder().encode('héllo'));
    expect(await new Promise((r) => socket.once('message', r))).toBe('héllo');
    socket.close();

    const raw = await open('/strict', { contract: false });
    const done = closed(raw);
    raw.sendText(new Uint8Array([0xff, 0xfe]));
    const { diagnosis, raw: close } = await done;
    expect(close.code).toBe(1007);
    expect(diagnosis.cause).toMatchObject({ id: 'invalid_utf8_sent', confidence: 'high' });
  });

  it('should refuse a message over maxMessageBytes counting UTF-8 bytes, and diagnose the server\'s 1009 with the size when the contract is off', async () => {
    const socket = await open('/limited', { maxMessageBytes: server.limit });
    const cjk = '汉'.repeat(342); // 342 characters, 1026 bytes
    expect(() => socket.send(cjk)).toThrow(expect.objectContaining({ code: 'SOCKDOC_MESSAGE_TOO_BIG', predictedClose: 1009, detail: { type: 'string', bytes: 1026, limit: 1024 } }));
    socket.send('汉'.repeat(341)); // 1023 bytes: allowed
    await new Promise((r) => socket.once('message', r));
    socket.close();

    const raw = await open('/limited', { contract: false, maxMessageBytes: server.limit });
    const done = closed(raw);
    raw.send('x'.repeat(2000));
    const { diagnosis, raw: close } = await done;
    expect(close.code).toBe(1009);
    expect(diagnosis.cause).toMatchObject({ id: 'message_too_big', confidence: 'high' });
    expect(diagnosis.cause.detail).toContain('2,000 bytes');
  });

  it.each([
    [401, 'handshake_auth'],
    [403, 'handshake_auth'],
    [404, 'handshake_not_found'],
    [503, 'handshake_unavailable'],
  ] as const)('should diagnose a handshake refused with HTTP %i from its status, never as a clean 1000', async (status, cause) => {
    const { diagnosis, raw } = await connectAndClose(`/reject/${status}`);
    expect(raw.code).toBe(1006);
    expect(raw.wasClean).toBe(false);
    expect(diagnosis.cause).toMatchObject({ id: cause, confidence: 'high' });
    expect(diagnosis.cause.evidence.map((e) => e.text)).toContain(`The server answered the upgrade request with HTTP ${status}.`);
  });

  it('should send the headers option and expose a refused handshake\'s status and headers', async () => {
    const ok = await open('/auth', { headers: { Authorization: 'Bearer good' } });
    expect(ok.getSnapshot().handshakeResponse).toBeUndefined();
    ok.close();
    const refused = createSocket(server.url('/auth'), { reconnect: false, headers: { Authorization: 'Bearer stale' } });
    const { diagnosis } = await closed(refused);
    expect(diagnosis.cause.id).toBe('handshake_auth');
    expect(refused.getSnapshot().handshakeResponse).toMatchObject({ status: 401, headers: { 'www-authenticate': 'Bearer realm="sockdoc"' } });
  });

  it('should summarize a 401 handshake in Chinese exactly as the README quick start shows', async () => {
    const { diagnosis } = await connectAndClose('/reject/401', { locale: zhCN });
    expect(diagnosis.summary).toBe('1006 异常关闭：握手时鉴权失败。获取新凭据后重连一次。');
  });

  it('should diagnose a server that accepts TCP but never answers the upgrade', async () => {
    const { diagnosis } = await connectAndClose('/silent', { connectTimeout: 300 });
    expect(diagnosis.cause).toMatchObject({ id: 'handshake_timeout', confidence: 'high' });
  });

  it('should diagnose a refused TCP connection', async () => {
    const dead = await startTestServer();
    const url = dead.url('/echo');
    await dead.close();
    const { diagnosis, raw } = await closed(createSocket(url, { reconnect: false }));
    expect(raw.code).toBe(1006);
    expect(diagnosis.cause).toMatchObject({ id: 'connection_refused', confidence: 'high' });
  });

  it('should report a dropped TCP connection as 1006 with wasClean false', async () => {
    const socket = await open('/drop');
    const done = closed(socket);
    socket.send('bye');
    const { diagnosis, raw } = await done;
    expect(raw).toEqual({ code: 1006, reason: '', wasClean: false });
    expect(diagnosis.cause.id).toBe('connection_dropped');
    expect(diagnosis.retry.retryable).toBe(true);
  });

  it('should name the server\'s invalid UTF-8 when ws fails the connection itself (WS_ERR_INVALID_UTF8)', async () => {
    const { diagnosis, raw } = await connectAndClose('/send-invalid-utf8');
    expect(raw.code).toBe(1006);
    expect(diagnosis.cause).toMatchObject({ id: 'server_sent_invalid_utf8', confidence: 'high' });
  });

  it('should name an incoming message over the client\'s maxPayload (WS_ERR_UNSUPPORTED_MESSAGE_LENGTH)', async () => {
    const { diagnosis } = await connectAndClose('/send-big?bytes=5000', { ws: { maxPayload: 1000 } });
    expect(diagnosis.cause).toMatchObject({ id: 'incoming_too_big', confidence: 'high' });
  });

  it('should keep an application close code and reason exactly', async () => {
    const { diagnosis, raw } = await connectAndClose('/close/4001?reason=room%20closed');
    expect(raw).toEqual({ code: 4001, reason: 'room closed', wasClean: true });
    expect(diagnosis.cause.id).toBe('application_defined');
    expect(diagnosis.retry.retryable).toBe('unknown');
  });

  it('should diagnose a restart and a server idle timeout', async () => {
    expect((await connectAndClose('/close/1012')).diagnosis.cause.id).toBe('service_restart');
    expect((await connectAndClose('/idle?ms=50')).diagnosis.cause.id).toBe('server_idle_timeout');
  });

  it('should diagnose its own close as an echo', async () => {
    const socket = await open('/echo');
    const done = closed(socket);
    socket.close(1000, 'bye');
    const { diagnosis, raw } = await done;
    expect(raw).toEqual({ code: 1000, reason: 'bye', wasClean: true });
    expect(diagnosis.cause.id).toBe('own_close_echo');
  });

  it('should queue messages sent while connecting and deliver them in order on open', async () => {
    const socket = createSocket(server.url('/echo'), { json: json() });
    socket.send('1');
    socket.send('2');
    socket.sendJson({ n: 3 });
    expect(socket.getSnapshot().queued).toBe(3);
    const got: unknown[] = [];
    socket.on('message', (m) => got.push(m));
    await waitFor(() => got.length === 3 || undefined);
    expect(got).toEqual(['1', '2', '{"n":3}']);
    expect(socket.getSnapshot().queued).toBe(0);
    socket.close();
  });

  it('should refuse with a typed error instead of queueing when queue is off, and when the queue is full', () => {
    const a = createSocket(server.url('/echo'), { queue: false });
    expect(() => a.send('x')).toThrow(StateError);
    expect(() => a.send('x')).toThrow(expect.objectContaining({ code: 'SOCKDOC_NOT_OPEN' }));
    a.close();
    // The limits are taken when the client is created: changing the object later changes nothing.
    const limits = { maxMessages: 2 };
    const b = createSocket(server.url('/echo'), { queue: limits });
    limits.maxMessages = 100;
    b.send('1');
    b.send('2');
    expect(() => b.send('3')).toThrow(expect.objectContaining({ code: 'SOCKDOC_QUEUE_FULL' }));
    const unsent: unknown[] = [];
    b.on('unsent', (m) => unsent.push(...m.map((x) => x.data)));
    b.close();
    expect(unsent).toEqual(['1', '2']);
  });

  it('should refuse sending after the connection closed, never dropping silently', async () => {
    const socket = await open('/echo');
    const done = closed(socket);
    socket.close();
    await done;
    expect(() => socket.send('late')).toThrow(expect.objectContaining({ code: 'SOCKDOC_NOT_OPEN' }));
  });

  it('should check close() arguments the way browsers do, on Node too', async () => {
    const socket = await open('/echo');
    expect(() => socket.close(1001)).toThrow(CloseArgumentError);
    expect(() => socket.close(1001)).toThrow(expect.objectContaining({ code: 'SOCKDOC_INVALID_CLOSE_CODE' }));
    expect(() => socket.close(5000)).toThrow(expect.objectContaining({ code: 'SOCKDOC_INVALID_CLOSE_CODE' }));
    expect(() => socket.close(4000, '汉'.repeat(42))).toThrow(expect.objectContaining({ code: 'SOCKDOC_CLOSE_REASON_TOO_LONG' }));
    expect(socket.getSnapshot().status).toBe('open');
    const done = closed(socket);
    socket.close(4000, '汉'.repeat(41)); // 123 bytes: allowed
    expect((await done).raw).toMatchObject({ code: 4000, reason: '汉'.repeat(41) });
  });

  it('should refuse values that are not sendable, never coercing them', async () => {
    const socket = await open('/echo');
    const buf = new ArrayBuffer(8);
    structuredClone(buf, { transfer: [buf] });
    for (const bad of [42, null, undefined, { a: 1 }, [1], Symbol('s'), true, 10n, () => 1]) {
      let err: unknown;
      try {
        socket.send(bad as never);
      } catch (e) {
        err = e;
      }
      expect(isSockdocError(err), String(typeof bad)).toBe(true);
      expect((err as { code: string }).code).toBe('SOCKDOC_UNSENDABLE_VALUE');
    }
    expect(() => socket.send(buf)).toThrow(expect.objectContaining({ code: 'SOCKDOC_DETACHED_BUFFER' }));
    expect(server.received.some((f) => f.path === '/echo' && f.bytes > 0 && f.kind === 'text' && f.bytes === 15)).toBe(false);
    socket.close();
  });

  it('should refuse sendJson without the json option, sending nothing', async () => {
    const socket = await open('/echo');
    expect(() => socket.sendJson({ a: 1 })).toThrow(expect.objectContaining({ name: 'OptionError', code: 'SOCKDOC_INVALID_OPTION', message: expect.stringMatching(/sendJson needs the json option/) }));
    socket.send('after');
    expect(await new Promise((r) => socket.once('message', r))).toBe('after');
    socket.close();
  });

  it('should decode each incoming text message once with the json option, and report what is not JSON', async () => {
    const socket = await open('/echo', { json: json(), channel: 'mixed' });
    const seen: unknown[] = [];
    socket.on('message', (data, decoded) => seen.push([data, decoded]));
    socket.on('message', (_data, decoded) => seen.push(decoded));
    socket.sendJson({ a: [1, 2] });
    socket.send('not json');
    socket.send(new Uint8Array([1]).buffer as ArrayBuffer);
    await waitFor(() => seen.length === 6 || undefined);
    const [first, again] = [seen[0] as [unknown, unknown], seen[1]];
    expect(first).toEqual(['{"a":[1,2]}', { ok: true, value: { a: [1, 2] } }]);
    // Both listeners get the same decoded object: parsed once, not once per listener.
    expect(again).toBe(first[1]);
    expect((seen[3] as { ok: boolean; error: unknown })).toMatchObject({ ok: false });
    expect((seen[3] as { error: unknown }).error).toBeInstanceOf(SyntaxError);
    expect((seen[5] as { ok: boolean; error: unknown })).toMatchObject({ ok: false });
    socket.close();
  });

  it('should refuse in sendJson what JSON cannot represent, naming the path', async () => {
    const socket = await open('/echo', { json: json() });
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    const cases: Array<[unknown, string]> = [
      [{ id: 10n }, '$.id'],
      [cyclic, '$.self'],
      [{ f() {} }, '$.f'],
      [{ a: undefined }, '$.a'],
      [[1, Number.NaN], '$[1]'],
      [{ m: new Map([[1, 2]]) }, '$.m'],
      [{ b: new Uint8Array(2) }, '$.b'],
    ];
    for (const [value, path] of cases) {
      expect(() => socket.sendJson(value)).toThrow(expect.objectContaining({ code: 'SOCKDOC_JSON_UNREPRESENTABLE', detail: expect.objectContaining({ path }) }));
    }
    socket.sendJson({ at: new Date(0), list: [1, 'a', null] });
    expect(await new Promise((r) => socket.once('message', r))).toBe('{"at":"1970-01-01T00:00:00.000Z","list":[1,"a",null]}');
    socket.close();
  });

  it('should report bytes not yet sent as bufferedAmount, for backpressure', async () => {
    const socket = createSocket(server.url('/sink'), { reconnect: false, autoConnect: false });
    expect(socket.bufferedAmount).toBe(0);
    socket.connect();
    await new Promise<void>((r) => socket.once('open', () => r()));
    for (let i = 0; i < 64; i++) socket.send('x'.repeat(256 * 1024));
    expect(socket.bufferedAmount).toBeGreaterThan(0); // 16 MiB cannot all leave in one tick
    await waitFor(() => socket.bufferedAmount === 0 || undefined, 10_000);
    socket.close();
  });

  it('should deliver binary messages as ArrayBuffer by default on a mixed channel', async () => {
    const socket = await open('/echo', { channel: 'mixed' });
    socket.send(new Uint8Array([7, 8]));
    const got = await new Promise((r) => socket.once('message', r));
    expect(got).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(got as ArrayBuffer)]).toEqual([7, 8]);
    socket.close();
  });

  it('should keep the snapshot identity until a field changes, and notify subscribers', async () => {
    const socket = createSocket(server.url('/echo'), { autoConnect: false });
    const first = socket.getSnapshot();
    expect(first.status).toBe('idle');
    expect(socket.getSnapshot()).toBe(first);
    // React passes both functions unbound and resubscribes when their identity changes.
    const { subscribe, getSnapshot } = socket;
    expect(socket.subscribe).toBe(subscribe);
    expect(socket.getSnapshot).toBe(getSnapshot);
    const seen: string[] = [];
    const stop = subscribe(() => seen.push(getSnapshot().status));
    socket.connect();
    await new Promise<void>((r) => socket.once('open', () => r()));
    const opened = socket.getSnapshot();
    expect(Object.isFrozen(opened)).toBe(true);
    socket.send('x');
    await new Promise((r) => socket.once('message', r));
    expect(socket.getSnapshot()).toBe(opened);
    const done = closed(socket);
    socket.close();
    await done;
    stop();
    expect(seen).toEqual(['connecting', 'open', 'closing', 'closed']);
    expect(socket.getSnapshot().stopped?.reason).toBe('closed_by_user');
    expect(socket.getSnapshot().lastClose?.cause.id).toBe('own_close_echo');
  });

  it('should call onDiagnosedClose, and report its exceptions as error events without corrupting state', async () => {
    const errors: unknown[] = [];
    const calls: Diagnosis[] = [];
    const socket = createSocket(server.url('/close/1012'), {
      reconnect: false,
      onDiagnosedClose: (d) => {
        calls.push(d);
        throw new Error('user bug');
      },
    });
    socket.on('error', (e) => errors.push(e));
    await waitFor(() => calls.length === 1 || undefined);
    expect(calls[0]!.cause.id).toBe('service_restart');
    expect((errors[0] as Error).message).toBe('user bug');
    expect(socket.getSnapshot().status).toBe('closed');
  });

  it('should abort a connection closed before it opened and say the client did it', async () => {
    const socket = createSocket(server.url('/silent'), { reconnect: false });
    const done = closed(socket);
    await sleep(20);
    socket.close();
    const { diagnosis, raw } = await done;
    expect(raw.code).toBe(1006);
    expect(diagnosis.cause.id).toBe('client_aborted');
  });
});
