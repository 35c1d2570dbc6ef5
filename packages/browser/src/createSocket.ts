import { createSocket as createCoreSocket, type Dynamic, type SocketClient, type SocketOptions } from '@sockdoc/core';
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
export function createSocket(url: Dynamic<string>, options: BrowserSocketOptions = {}): SocketClient {
  const { WebSocket, ...rest } = options;
  const resolved: Dynamic<string> =
    typeof url === 'string'
      ? absolute(url)
      : () => {
          const u = url();
          return typeof u === 'string' ? absolute(u) : u.then(absolute);
        };
  return createCoreSocket(resolved, { ...rest, adapter: browserAdapter(WebSocket) });
}

/** Resolves `url` against the page, as `new WebSocket()` does. */
function absolute(url: string): string {
  const base = (globalThis as { location?: { href?: string } }).location?.href;
  if (!base) return url;
  try {
    return new URL(url, base).href;
  } catch {
    return url; // the core reports SOCKDOC_INVALID_URL
  }
}
