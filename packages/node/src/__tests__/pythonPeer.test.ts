import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPythonServer, type PythonServer } from '@sockdoc/test-utils';
import type { Diagnosis, RawClose, SocketClient } from '@sockdoc/core';
import { createSocket, type NodeSocketOptions } from '../index.js';

// Python websockets (Debian's python3-websockets) is a strict, independent implementation:
// the same client behaviour must be diagnosed the same way against it.
let py: PythonServer;
beforeAll(async () => {
  py = await startPythonServer();
});
afterAll(() => py.close());

async function session(options: NodeSocketOptions, act: (s: SocketClient) => void): Promise<{ diagnosis: Diagnosis; raw: RawClose }> {
  const socket = createSocket(py.url('/'), { reconnect: false, ...options });
  await new Promise<void>((r) => socket.once('open', () => r()));
  const done = new Promise<{ diagnosis: Diagnosis; raw: RawClose }>((r) => socket.once('close', (diagnosis, raw) => r({ diagnosis, raw })));
  act(socket);
  return done;
}

describe('against Python websockets', () => {
  it('should diagnose its 1007 for invalid UTF-8 sent as text (contract off)', async () => {
    const { diagnosis, raw } = await session({ contract: false }, (s) => s.sendText(new Uint8Array([0x61, 0xff])));
    expect(raw.code).toBe(1007);
    expect(diagnosis.cause).toMatchObject({ id: 'invalid_utf8_sent', confidence: 'high' });
  });

  it('should diagnose its 1009 and name the size (contract off)', async () => {
    const { diagnosis, raw } = await session({ contract: false }, (s) => s.send('y'.repeat(3000)));
    expect(raw.code).toBe(1009);
    expect(diagnosis.cause).toMatchObject({ id: 'message_too_big', confidence: 'high' });
    expect(diagnosis.cause.detail).toContain('3,000 bytes');
  });

  it('should diagnose a 1003 after a binary frame (contract off)', async () => {
    const { diagnosis, raw } = await session({ contract: false }, (s) => s.send(new Uint8Array([1])));
    expect(raw).toMatchObject({ code: 1003, reason: 'binary not supported', wasClean: true });
    expect(diagnosis.cause.id).toBe('binary_on_text_endpoint');
  });

  it('should keep the connection alive with the contract on: nothing that would close it is sent', async () => {
    const socket = createSocket(py.url('/'), { channel: 'text', maxMessageBytes: py.maxSize });
    await new Promise<void>((r) => socket.once('open', () => r()));
    expect(() => socket.sendText(new Uint8Array([0x61, 0xff]))).toThrow(expect.objectContaining({ predictedClose: 1007 }));
    expect(() => socket.send('y'.repeat(3000))).toThrow(expect.objectContaining({ predictedClose: 1009 }));
    expect(() => socket.send(new Uint8Array([1]))).toThrow(expect.objectContaining({ predictedClose: 1003 }));
    socket.send('ok');
    expect(await new Promise((r) => socket.once('message', r))).toBe('ok');
    expect(socket.getSnapshot().status).toBe('open');
    socket.close();
  });
});
