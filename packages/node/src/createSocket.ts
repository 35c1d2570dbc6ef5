import { createSocket as createCoreSocket, type Dynamic, type SocketClient, type SocketOptions } from '@sockdoc/core';
import type { Transport } from '@sockdoc/core/adapter';
import { diagnose } from '@sockdoc/diagnose';
import { nodeTransport, type NodeTransportOptions } from './nodeTransport.js';

export interface NodeSocketOptions<Out = unknown, In = unknown> extends Omit<SocketOptions<Out, In>, 'transport' | 'environment' | 'WebSocket'>, NodeTransportOptions {}

/**
 * Creates a sockdoc client on Node's `ws`. A refused handshake is diagnosed from its HTTP status
 * (a 401 is an auth failure, not a network failure); DNS, TLS and `ws` protocol errors are evidence too.
 *
 * @example
 * import { createSocket } from '@sockdoc/node';
 * import { zhCN } from '@sockdoc/diagnose/locales/zh-CN';
 *
 * const socket = createSocket('wss://example.com/chat', {
 *   headers: { Authorization: `Bearer ${token}` },
 *   locale: zhCN,
 *   onDiagnosedClose: (d) => console.log(d.summary),
 * });
 * socket.send(JSON.stringify({ hello: 'world' }));
 */
export function createSocket<Out = unknown, In = unknown>(url: Dynamic<string>, options: NodeSocketOptions<Out, In> = {}): SocketClient<Out, In> {
  const { headers, ws, ...rest } = options;
  const transport = headers || ws ? nodeTransport({ ...(headers ? { headers } : {}), ...(ws ? { ws } : {}) }) : (defaultTransport ??= nodeTransport());
  // Bundle size does not matter in Node: diagnose from the start, without a dynamic import.
  return createCoreSocket<Out, In>(url, { diagnose, ...rest, transport });
}

/** Transports hold no per-socket state: sockets without headers or ws options share one. */
let defaultTransport: Transport | undefined;
