import { createSocket as createCoreSocket, type SocketClient, type SocketOptions } from '@sockdoc/core';
import { browserAdapter } from './browserAdapter.js';

export interface BrowserSocketOptions extends Omit<SocketOptions, 'adapter'> {}

/**
 * Creates a sockdoc client on the browser's `WebSocket`. Relative URLs resolve against the page.
 *
 * @example
 * import { createSocket } from '@sockdoc/browser';
 * import { zhCN } from '@sockdoc/diagnose/locales/zh-CN';
 *
 * const socket = createSocket('/chat', { channel: 'text', locale: zhCN });
 * socket.on('close', (d) => banner.textContent = d.summary);
 * socket.send(JSON.stringify({ hello: 'world' }));
 */
export function createSocket(url: string, options: BrowserSocketOptions = {}): SocketClient {
  const base = (globalThis as { location?: { href?: string } }).location?.href;
  let resolved = url;
  if (base) {
    try {
      resolved = new URL(url, base).href;
    } catch {
      // leave it to the core, which reports SOCKDOC_INVALID_URL
    }
  }
  const { WebSocket, ...rest } = options;
  return createCoreSocket(resolved, { ...rest, adapter: browserAdapter(WebSocket) });
}
