import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, waitFor, type TestServer } from '@sockdoc/test-utils';
import type { SocketClient } from '@sockdoc/core';
import { createSocket, type NodeSocketOptions } from '../index.js';

// Values that look like what the contract accepts, values of another realm, and buffers that
// change after send(): each is refused with a typed error or sent exactly as checked (real ws server).
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const received = (socket: SocketClient) => {
  const got: Buffer[] = [];
  socket.on('message', (d) => got.push(Buffer.from(typeof d === 'string' ? d : new Uint8Array(d as ArrayBuffer))));
  return got;
};
const open = async (options: NodeSocketOptions = {}) => {
  const socket = createSocket(server.url('/echo'), { channel: 'mixed', reconnect: false, ...options });
  await new Promise<void>((r) => socket.once('open', () => r()));
  return socket;
};

describe('look-alike values', () => {
  const lookAlikes: Array<[string, unknown]> = [
    ['an object shaped like a Blob', { size: 3, type: '', arrayBuffer: async () => new ArrayBuffer(3), slice: () => ({}), stream: () => ({}), text: async () => '' }],
    ['an object whose Symbol.toStringTag is ArrayBuffer', { [Symbol.toStringTag]: 'ArrayBuffer', byteLength: 4 }],
    ['an object with a length', { length: 5 }],
  ];

  it.each(lookAlikes)('should refuse %s with a typed error, on an open socket and while connecting', async (_name, value) => {
    const socket = await open();
    expect(() => socket.send(value as never)).toThrow(expect.objectContaining({ code: 'SOCKDOC_UNSENDABLE_VALUE' }));
    socket.close();
    const connecting = createSocket(server.url('/echo'), { channel: 'mixed', reconnect: false });
    expect(() => connecting.send(value as never)).toThrow(expect.objectContaining({ code: 'SOCKDOC_UNSENDABLE_VALUE' }));
    expect(connecting.getSnapshot().queued).toBe(0);
    await new Promise<void>((r) => connecting.once('open', () => r()));
    connecting.close();
  });
});

describe('an ArrayBuffer of another realm (node:vm)', () => {
  it('should be sent as it is, twice, without its bytes changing', async () => {
    const socket = await open();
    const got = received(socket);
    const foreign = runInNewContext('new Uint8Array([1, 2, 3, 250]).buffer') as ArrayBuffer;
    expect(foreign instanceof ArrayBuffer).toBe(false);
    socket.send(foreign);
    socket.send(foreign);
    await waitFor(() => got.length === 2 || undefined);
    expect(got.map((b) => [...b])).toEqual([
      [1, 2, 3, 250],
      [1, 2, 3, 250],
    ]);
    expect([...new Uint8Array(foreign)]).toEqual([1, 2, 3, 250]);
    socket.close();
  });
});

describe('bytes changed between send() and the flush', () => {
  it('should send what was checked when a queued buffer is changed or grown before the socket opens', async () => {
    const socket = createSocket(server.url('/echo'), { channel: 'mixed', maxMessageBytes: 16, reconnect: false });
    const got = received(socket);
    const bytes = new Uint8Array([1, 2, 3]);
    expect(socket.send(bytes)).toBe('queued');
    bytes[0] = 99;
    const growable = new (ArrayBuffer as unknown as new (n: number, o: { maxByteLength: number }) => ArrayBuffer & { resize(n: number): void })(4, { maxByteLength: 1 << 20 });
    expect(socket.send(growable)).toBe('queued');
    growable.resize(1 << 20);
    const text = new TextEncoder().encode('ok');
    expect(socket.sendText(text)).toBe('queued');
    text[0] = 0xff; // would no longer be valid UTF-8
    await waitFor(() => got.length === 3 || undefined);
    expect(got.map((b) => b.length)).toEqual([3, 4, 2]);
    expect([...got[0]!]).toEqual([1, 2, 3]);
    expect(got[2]!.toString()).toBe('ok');
    socket.close();
  });

  it('should hand queued messages back as the caller passed them', async () => {
    const socket = createSocket('ws://127.0.0.1:1/', { channel: 'mixed', reconnect: false, autoConnect: false });
    socket.connect();
    const bytes = new Uint8Array([7]);
    socket.send(bytes);
    const unsent = new Promise((r) => socket.once('unsent', r));
    socket.close();
    expect(await unsent).toEqual([{ data: bytes, kind: 'binary', bytes: 1 }]);
    expect((await unsent as Array<{ data: unknown }>)[0]!.data).toBe(bytes);
  });
});

describe('sendText with the contract off', () => {
  it('should still refuse what is not bytes, and send only the bytes a view covers', async () => {
    const socket = await open({ contract: false });
    const got = received(socket);
    for (const v of [123, 'text', null, {}]) expect(() => socket.sendText(v as never)).toThrow(expect.objectContaining({ code: 'SOCKDOC_UNSENDABLE_VALUE' }));
    const pool = Buffer.alloc(64, 0x41);
    pool.write('hi', 10);
    socket.sendText(new DataView(pool.buffer, pool.byteOffset + 10, 2) as never);
    await waitFor(() => got.length === 1 || undefined);
    expect(got[0]!.toString()).toBe('hi');
    socket.close();
  });
});
