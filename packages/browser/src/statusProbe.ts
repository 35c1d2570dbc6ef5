import type { StatusProbe } from '@sockdoc/core/adapter';

/** One request under way: what it learns (never rejects), and how to stop it. */
export interface StatusRequest {
  readonly done: Promise<StatusProbe>;
  cancel(): void;
}

const settled = (result: StatusProbe): StatusRequest => ({ done: Promise.resolve(result), cancel: () => {} });

/**
 * Asks `url` (a `ws:`/`wss:` URL) for its HTTP status with a plain GET to the same URL over
 * `http:`/`https:`, as the page's own request would go: cookies included, no headers of its own,
 * no body, no referrer, redirects not followed. Only where the browser lets script read the
 * answer: the page's own origin, or with `cors` another origin whose server allows it.
 * Loaded on the first failed handshake, not before.
 */
export function askStatus(url: string, cors: boolean): StatusRequest {
  let target: URL;
  try {
    target = new URL(url);
    target.protocol = target.protocol === 'wss:' ? 'https:' : 'http:';
  } catch {
    return settled({ unknown: 'off' });
  }
  const sameOrigin = (globalThis as { location?: { origin?: string } }).location?.origin === target.origin;
  if (!sameOrigin && !cors) return settled({ unknown: 'cross_origin' });
  if (typeof fetch !== 'function' || typeof AbortController !== 'function') return settled({ unknown: 'off' });
  const abort = new AbortController();
  const done = fetch(target.href, { method: 'GET', credentials: 'include', cache: 'no-store', redirect: 'manual', referrerPolicy: 'no-referrer', mode: 'cors', signal: abort.signal }).then(
    (res): StatusProbe => {
      res.body?.cancel().catch(() => {}); // the body is not needed
      return res.type === 'opaqueredirect' ? { redirected: true } : { status: res.status };
    },
    (): StatusProbe => ({ unknown: sameOrigin ? 'unreachable' : 'cors' }),
  );
  return { done, cancel: () => abort.abort() };
}
