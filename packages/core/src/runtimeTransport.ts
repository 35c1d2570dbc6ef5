import { OptionError } from './errors/OptionError.js';
import { DEV } from './dev.js';
import type { Runtime, Transport } from './Transport.js';
import type { WebSocketConstructor } from './types.js';
import { webSocketTransport } from './webSocketTransport.js';

/** How long a socket of an arbitrary runtime may take to report a close it owes. */
const CLOSE_GRACE_MS = 1_000;

type Globals = {
  Deno?: { version?: { deno?: unknown } };
  Bun?: { version?: unknown };
  WebSocketPair?: unknown;
  navigator?: { product?: unknown };
  process?: { versions?: { node?: unknown } };
  document?: unknown;
  WebSocket?: WebSocketConstructor;
};

/**
 * The runtime this code runs in, recognised from what it provides (`Deno.version`, `Bun.version`,
 * workerd's `WebSocketPair`, React Native's `navigator.product`, `process.versions.node`), never
 * from a user-agent string; and its version where it says.
 */
export function detectRuntime(g: Globals = globalThis as Globals): { runtime: Runtime; version?: string } {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const deno = str(g.Deno?.version?.deno);
  if (deno) return { runtime: 'deno', version: deno };
  const bun = str(g.Bun?.version);
  if (bun) return { runtime: 'bun', version: bun };
  if (typeof g.WebSocketPair === 'function') return { runtime: 'workerd' };
  if (g.navigator?.product === 'ReactNative') return { runtime: 'react-native' };
  const node = str(g.process?.versions?.node);
  if (node) return { runtime: 'node', version: node };
  return { runtime: g.document === undefined ? 'other' : 'browser' };
}

/**
 * The transport of `@sockdoc/core`'s `createSocket` when none is given: the `WebSocket` option,
 * else the runtime's own (Deno, Bun, workerd, browsers, Node 22+), with the runtime recorded as
 * evidence. Where there is no `WebSocket` (Node 20) it throws `OptionError` where the caller can catch it.
 */
export function runtimeTransport(WS: WebSocketConstructor | undefined, g: Globals = globalThis as Globals): Transport {
  const { runtime, version } = detectRuntime(g);
  const native = g.WebSocket;
  const ctor = WS ?? native;
  if (typeof ctor !== 'function') {
    throw new OptionError('SOCKDOC_INVALID_OPTION', DEV ? `No WebSocket in this runtime (${runtime}${version ? ` ${version}` : ''}). In Node 20 use @sockdoc/node (or pass { WebSocket } from the ws package); elsewhere pass { WebSocket }.` : '');
  }
  return {
    ...webSocketTransport(runtime, () => ctor),
    // A runtime not known here may owe a close it never reports (Node 20's undici does, as recorded).
    closeGraceMs: CLOSE_GRACE_MS,
    ...(version ? { version } : {}),
    ...(runtime === 'node' && ctor === native ? { webSocket: 'undici' as const } : {}),
  };
}
