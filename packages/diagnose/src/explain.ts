import type { CodePack } from './CodePack.js';
import type { DiagnoseLocale } from './DiagnoseLocale.js';
import { codeInfo } from './catalogue.js';
import { findCode } from './registerCodes.js';
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
  const { locale, fallback } = resolveLocale(options.locale, options.locales);
  const value = typeof code === 'number' ? code : Number.NaN;
  const info = codeInfo(value);
  const base = {
    ...info,
    locale: locale.tag,
    ...(fallback ? { localeFallback: fallback } : {}),
  };
  if (info.range === 'registered' || info.range === 'private') {
    const found = findCode(value, options.protocol, options.packs);
    if (found && !/^\d+$/.test(info.key)) {
      const { pack, def } = found;
      const text = def.text[locale.tag] ?? def.text['en'] ?? Object.values(def.text)[0]!;
      const generic = locale.entries[info.key as 'range_private'];
      return {
        ...base,
        key: `app:${pack.id}`,
        name: def.name,
        category: def.category ?? info.category,
        sentBy: def.sentBy ?? info.sentBy,
        retry: def.retry,
        pack: pack.name,
        title: text.title,
        description: text.description,
        causes: text.causes ?? [text.description],
        fixes: text.fixes ?? generic.fixes,
        deadEnds: text.deadEnds ?? generic.deadEnds,
        distinguish: text.distinguish ?? generic.distinguish,
      };
    }
  }
  const { useWhen: _useWhen, ...text } = locale.entries[info.key as keyof DiagnoseLocale['entries']];
  return { ...base, ...text };
}
