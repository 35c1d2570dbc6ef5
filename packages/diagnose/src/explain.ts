import type { CodePack } from './CodePack.js';
import type { DiagnoseLocale } from './DiagnoseLocale.js';
import { explainText } from './explainIn.js';
import { resolveLocale } from './resolveLocale.js';
import type { Explanation } from './types.js';

export interface ExplainOptions {
  /** A locale object (`zhCN`), a BCP 47 tag of a registered locale, or a list of tags in order of preference. Default: English. */
  readonly locale?: string | readonly string[] | DiagnoseLocale;
  /** Locales available to tag lookups for this call, besides the registered ones. */
  readonly locales?: readonly DiagnoseLocale[];
  /** Application code packs to consult for 3000-4999, besides the registered ones. */
  readonly packs?: readonly CodePack[];
  /** The negotiated subprotocol; selects packs bound to a subprotocol. */
  readonly protocol?: string;
}

/**
 * The catalogue entry for any number, localized. Never throws: invalid values (`-1`, `1.5`,
 * `NaN`, `5000`) get a "not a valid close code" entry.
 *
 * @example
 * import { explain } from '@sockdoc/diagnose';
 * import { zhCN } from '@sockdoc/diagnose/locales/zh-CN';
 * explain(1007).title;                     // 'Invalid frame payload data'
 * explain(1007, { locale: zhCN }).title;   // '无效的帧载荷数据'
 * explain(1006).onWire;                    // false
 */
export function explain(code: number, options: ExplainOptions = {}): Explanation {
  const resolved = resolveLocale(options.locale, options.locales);
  const { source, ...text } = explainText(code, resolved, options);
  // The reference-only text: when the code occurs and how to tell it apart (a pack's own, else the entry's).
  const { own } = source;
  const entry = resolved.locale.entries[source.entryKey];
  const missing = resolved.missing ?? [];
  const fields = own ? [] : ['title', 'description', 'fixes', 'deadEnds', 'causes', 'distinguish'].filter((f) => missing.some((m) => m === `entries.${source.entryKey}.${f}` || m.startsWith(`entries.${source.entryKey}.${f}.`)));
  return {
    ...text,
    causes: own ? (own.causes ?? [own.description]) : entry.causes,
    distinguish: own?.distinguish ?? entry.distinguish,
    ...(fields.length ? { localeFallbacks: { used: resolved.base?.tag ?? 'en', fields } } : {}),
  };
}
