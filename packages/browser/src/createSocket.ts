import { SocketClient, type Dynamic, type SocketOptions, type WebSocketConstructor } from '@sockdoc/core';
import { webSocketTransport } from '@sockdoc/core/adapter';
import { browserEnvironment } from './browserEnvironment.js';
import { preferredLanguages } from './preferredLanguages.js';
import { probingTransport, type StatusProbeMode } from './probingTransport.js';

export interface BrowserSocketOptions<Out = unknown, In = unknown> extends Omit<SocketOptions<Out, In>, 'transport' | 'environment'> {
  /**
   * After a handshake fails, ask the same URL over http(s) for its status, which the browser
   * hides: a plain GET with the page's cookies, nothing added. `'same-origin'` (default) asks
   * only the page's own origin; `'cors'` asks other origins too (their server must allow CORS);
   * `false` never asks. Once per failure streak, never while offline, 3 s at most.
   */
  readonly statusProbe?: StatusProbeMode;
}

/**
 * Creates a sockdoc client on the browser's `WebSocket` (or the `WebSocket` option), with the
 * page's online state and visibility as evidence. Without `locale`, diagnoses use the browser's
 * languages (`navigator.languages`) among the locales in `locales`, else English. Relative URLs resolve against the page. The
 * `WebSocket` is looked up when the client connects, so a client created during a server render
 * with `autoConnect: false` is fine; connecting where none exists throws `OptionError`.
 *
 * @example
 * import { createSocket } from '@sockdoc/browser';
 * import { zhCN } from '@sockdoc/diagnose/locales/zh-CN';
 *
 * const socket = createSocket('/chat', { channel: 'text', locale: zhCN });
 * socket.on('close', (d) => banner.textContent = d.summary);
 * socket.send(JSON.stringify({ hello: 'world' }));
 */
export function createSocket<Out = unknown, In = unknown>(url: Dynamic<string>, options: BrowserSocketOptions<Out, In> = {}): SocketClient<Out, In> {
  const { WebSocket, statusProbe: probeMode, ...rest } = options;
  const resolved: Dynamic<string> =
    typeof url === 'string'
      ? absolute(url)
      : () => {
          const u = url();
          return typeof u === 'string' ? absolute(u) : u.then(absolute);
        };
  const transport = probingTransport(webSocketTransport('browser', () => WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket), probeMode);
  // Diagnoses speak the page's language when a loaded locale covers it (else English).
  // SocketClient itself: core's createSocket also finds a runtime's WebSocket, which a page never needs.
  return new SocketClient<Out, In>(resolved, { ...rest, locale: rest.locale ?? preferredLanguages(), transport, environment: browserEnvironment });
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
