import { runtimeTransport } from './runtimeTransport.js';
import { SocketClient } from './SocketClient.js';
import type { Dynamic, SocketOptions } from './types.js';

/**
 * Creates a client. In Deno, Bun, Cloudflare Workers and other runtimes with a `WebSocket` of
 * their own it uses that one, and records which runtime (and version) it ran in as evidence;
 * in Node 20, which has none, use `@sockdoc/node` (or pass `{ WebSocket }`), else it throws
 * `OptionError`. `url` may be a function (sync or async) evaluated on every connection attempt,
 * e.g. to put a fresh token in the query string.
 *
 * @example
 * import { createSocket } from '@sockdoc/core';
 * import { zhCN } from '@sockdoc/diagnose/locales/zh-CN';
 *
 * const socket = createSocket('wss://example.com/chat', {
 *   channel: 'text',
 *   maxMessageBytes: 64 * 1024,
 *   locale: zhCN,
 *   onDiagnosedClose: (d) => console.log(d.summary),
 * });
 */
export function createSocket<Out = unknown, In = unknown>(url: Dynamic<string>, options: SocketOptions<Out, In> = {}): SocketClient<Out, In> {
  // Without a transport: the WebSocket option, else the runtime's own, with the runtime as evidence.
  return new SocketClient<Out, In>(url, options.transport ? options : { ...options, transport: runtimeTransport(options.WebSocket) });
}
