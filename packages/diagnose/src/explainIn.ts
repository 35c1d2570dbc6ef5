import type { DiagnoseLocale } from './DiagnoseLocale.js';
import { codeInfo } from './catalogue.js';
import type { ExplainOptions } from './explain.js';
import { findCode } from './registerCodes.js';
import type { ResolvedLocale } from './resolveLocale.js';
import type { Explanation } from './types.js';

/** `explain` in a locale already chosen (the engine entry's path: no English unless chosen). */
export function explainIn(code: number, { locale, fallback }: ResolvedLocale, options: Pick<ExplainOptions, 'packs' | 'protocol'> = {}): Explanation {
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
