import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { detectRuntime, runtimeTransport } from '../runtimeTransport.js';
import { OptionError } from '../errors/OptionError.js';

// Which runtime, from what it provides; the real runtimes run in scripts/runtimes.test.ts.
describe('runtime detection', () => {
  it('should recognise each runtime from its own globals, never from a user agent', () => {
    expect(detectRuntime({ Deno: { version: { deno: '2.9.6' } }, process: { versions: { node: '22.0.0' } } })).toEqual({ runtime: 'deno', version: '2.9.6' });
    expect(detectRuntime({ Bun: { version: '1.4.5' }, process: { versions: { node: '24.3.0' } } })).toEqual({ runtime: 'bun', version: '1.4.5' });
    expect(detectRuntime({ WebSocketPair: function WebSocketPair() {}, navigator: { product: 'x' } })).toEqual({ runtime: 'workerd' });
    expect(detectRuntime({ navigator: { product: 'ReactNative' } })).toEqual({ runtime: 'react-native' });
    expect(detectRuntime({ process: { versions: { node: '20.20.2' } } })).toEqual({ runtime: 'node', version: '20.20.2' });
    expect(detectRuntime({ document: {} })).toEqual({ runtime: 'browser' });
    expect(detectRuntime({})).toEqual({ runtime: 'other' });
  });

  it("should use the runtime's WebSocket, name undici in Node, and throw a typed error where there is none", () => {
    const node = { process: { versions: { node: '22.1.0' } } };
    expect(runtimeTransport(undefined, { ...node, WebSocket: WebSocket as never })).toMatchObject({ runtime: 'node', version: '22.1.0', webSocket: 'undici' });
    expect(runtimeTransport(WebSocket as never, node)).not.toHaveProperty('webSocket');
    expect(() => runtimeTransport(undefined, { process: { versions: { node: '20.20.2' } } })).toThrow(OptionError);
    expect(() => runtimeTransport(undefined, { process: { versions: { node: '20.20.2' } } })).toThrow(/No WebSocket in this runtime \(node 20\.20\.2\)\. In Node 20 use @sockdoc\/node/);
  });
});
