import type { Environment } from '@sockdoc/core/adapter';

type Target = { addEventListener(t: string, l: () => void): void; removeEventListener(t: string, l: () => void): void };

/**
 * The page around the sockets: `navigator.onLine`, `online`/`offline`, page visibility and
 * `pagehide`/`pageshow` (bfcache). Reconnects wait while offline or after `pagehide`, and
 * diagnoses use them as evidence. Outside a page (a worker without `document`, SSR) it reports
 * what exists and watches nothing else.
 */
export const browserEnvironment: Environment = {
  watch(sink) {
    const win = globalThis as unknown as Partial<Target>;
    const doc = (globalThis as { document?: Target & { visibilityState?: string } }).document;
    const nav = (globalThis as { navigator?: { onLine?: boolean } }).navigator;
    if (typeof win.addEventListener !== 'function') return () => {};
    const visibility = () => (doc?.visibilityState === 'hidden' ? 'hidden' : 'visible');
    sink.environment({ ...(typeof nav?.onLine === 'boolean' ? { online: nav.onLine } : {}), visibility: visibility() });
    const handlers: Array<[Target, string, () => void]> = [
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
