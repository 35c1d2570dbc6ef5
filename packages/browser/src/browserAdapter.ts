import { OptionError, type EvidenceSink, type RuntimeAdapter, type WebSocketConstructor, type WebSocketLike } from '@sockdoc/core';

type Target = { addEventListener(t: string, l: (e: never) => void): void; removeEventListener(t: string, l: (e: never) => void): void };

/**
 * The browser runtime adapter: the native `WebSocket`, plus `navigator.onLine`, `online`/`offline`,
 * page visibility and `pagehide`/`pageshow` (bfcache) as evidence for diagnoses.
 *
 * Browsers hide why a handshake failed (every failure is 1006 with no detail, by specification);
 * diagnoses say so instead of guessing.
 *
 * @example
 * import { createSocket } from '@sockdoc/core';
 * const socket = createSocket(url, { adapter: browserAdapter() });
 */
export function browserAdapter(WebSocketImpl?: WebSocketConstructor): RuntimeAdapter {
  return {
    runtime: 'browser',
    create(url, protocols) {
      const WS = WebSocketImpl ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
      if (!WS) throw new OptionError('SOCKDOC_INVALID_OPTION', 'No WebSocket in this environment (server-side rendering?). Create the socket in the browser, or pass { WebSocket }.');
      return new WS(url, protocols ? [...protocols] : undefined) as WebSocketLike;
    },
    watch(sink: EvidenceSink) {
      const win = globalThis as unknown as Partial<Target>;
      const doc = (globalThis as { document?: Target & { visibilityState?: string } }).document;
      const nav = (globalThis as { navigator?: { onLine?: boolean } }).navigator;
      if (typeof win.addEventListener !== 'function') return () => {};
      const visibility = () => (doc?.visibilityState === 'hidden' ? 'hidden' : 'visible');
      sink.environment({ ...(typeof nav?.onLine === 'boolean' ? { online: nav.onLine } : {}), visibility: visibility() });
      const handlers: Array<[Target, string, (e: never) => void]> = [
        [win as Target, 'online', () => sink.environment({ online: true })],
        [win as Target, 'offline', () => sink.environment({ online: false })],
        [win as Target, 'pagehide', () => sink.environment({ pageHidden: true })],
        [win as Target, 'pageshow', () => sink.environment({ visibility: visibility() })],
      ];
      if (doc) handlers.push([doc, 'visibilitychange', () => sink.environment({ visibility: visibility() })]);
      for (const [t, type, fn] of handlers) t.addEventListener(type, fn);
      return () => {
        for (const [t, type, fn] of handlers) t.removeEventListener(type, fn);
      };
    },
  };
}
