import { SocketClient } from './SocketClient.js';
import type { Dynamic, SocketOptions } from './types.js';

/**
 * Creates a client. The runtime adapters wrap this with their WebSocket; use it directly
 * only with an injected constructor (tests, other runtimes). `url` may be a function (sync or
 * async) evaluated on every connection attempt, e.g. to put a fresh token in the query string.
 *
 * @example
 * import { createSocket } from '@sockdoc/core';
 * import { zhCN } from '@sockdoc/diagnose/locales/zh-CN';
 *
 * const socket = createSocket('wss://example.com/chat', {
 *   WebSocket: globalThis.WebSocket,
 *   channel: 'text',
 *   maxMessageBytes: 64 * 1024,
 *   locale: zhCN,
 *   onDiagnosedClose: (d) => console.log(d.summary),
 * });
 */
export function createSocket<Out = unknown, In = unknown>(url: Dynamic<string>, options: SocketOptions<Out, In>): SocketClient<Out, In> {
  return new SocketClient<Out, In>(url, options);
}
