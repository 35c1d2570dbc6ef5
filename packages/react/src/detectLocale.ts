import { resolveLocale, type DiagnoseLocale } from '@sockdoc/diagnose';

/**
 * The first of the browser's languages that a loaded locale covers, else English. Only locales
 * passed in `locales` or registered with `registerLocale` count, so unused languages never ship.
 *
 * @example
 * detectLocale([zhCN]); // zhCN in a browser whose navigator.languages starts with 'zh-CN'
 */
export function detectLocale(locales: readonly DiagnoseLocale[] = []): DiagnoseLocale {
  const nav = (globalThis as { navigator?: { languages?: readonly string[]; language?: string } }).navigator;
  const wanted = nav?.languages?.length ? nav.languages : nav?.language ? [nav.language] : [];
  for (const tag of wanted) {
    const r = resolveLocale(tag, locales);
    if (!r.fallback) return r.locale;
  }
  return resolveLocale(undefined).locale;
}
