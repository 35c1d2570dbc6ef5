import type { LocaleText } from './DiagnoseLocale.js';
import { codeInfo } from './catalogue.js';
import type { CodeText } from './CodePack.js';
import type { ExplainOptions } from './explain.js';
import { findCode } from './registerCodes.js';
import type { DiagnosisExplanation, EntryKey } from './types.js';

/** A locale already chosen, and whether it is a fallback for what was asked. */
export interface ResolvedText<L extends LocaleText = LocaleText> {
  readonly locale: L;
  /** Set when nothing matched the requested tag and English was used instead. */
  readonly fallback?: { readonly requested: string; readonly used: string };
  /** Paths of a partial locale's strings that came from English (`completeLocale`). */
  readonly missing?: readonly string[];
  /** The locale those strings came from (set with `missing`). */
  readonly base?: LocaleText;
}

/** Where the rest of an explanation comes from: the catalogue entry, and a pack's own text for an application code. */
export interface ExplanationSource {
  readonly entryKey: EntryKey;
  readonly own?: CodeText;
}

/**
 * The part of `explain` a diagnosis renders, in a locale already chosen (the engine's path:
 * only `LocaleText`, no reference text), and where `explain` finds the rest (`source`).
 */
export function explainText(code: number, { locale, fallback }: ResolvedText, options: Pick<ExplainOptions, 'packs' | 'protocol'> = {}): DiagnosisExplanation & { readonly source: ExplanationSource } {
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
      const text = def.text[locale.tag] ?? def.text['en'] ?? Object.values(def.text)[0]!; // in this language, else English, else any
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
        fixes: text.fixes ?? generic.fixes,
        deadEnds: text.deadEnds ?? generic.deadEnds,
        source: { entryKey: info.key as EntryKey, own: text },
      };
    }
  }
  return { ...base, ...locale.entries[info.key as keyof LocaleText['entries']], source: { entryKey: info.key as EntryKey } };
}
