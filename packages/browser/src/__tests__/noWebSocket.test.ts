import { afterEach, describe, expect, it, vi } from 'vitest';
import { isSockdocError } from '@sockdoc/core';
import { createSocket } from '../index.js';

// Node 20 has no global WebSocket (like a server render): the error must reach the caller.
afterEach(() => vi.unstubAllGlobals());

describe('@sockdoc/browser where there is no WebSocket', () => {
  it('should throw a typed error from createSocket instead of emitting it before any listener exists', () => {
    vi.stubGlobal('WebSocket', undefined);
    let thrown: unknown;
    try {
      createSocket('ws://127.0.0.1:1/');
    } catch (err) {
      thrown = err;
    }
    expect(isSockdocError(thrown) && thrown.code).toBe('SOCKDOC_INVALID_OPTION');
    expect(String((thrown as Error).message)).toMatch(/No WebSocket in this environment/);
  });

  it('should create an idle client with autoConnect: false, and stop with create_failed on connect()', () => {
    vi.stubGlobal('WebSocket', undefined);
    const socket = createSocket('ws://127.0.0.1:1/', { autoConnect: false });
    const errors: unknown[] = [];
    socket.on('error', (e) => errors.push(e));
    socket.connect();
    expect(errors).toHaveLength(1);
    expect(socket.getSnapshot().stopped?.reason).toBe('create_failed');
  });
});
