import type { DiagnoseLocale } from './DiagnoseLocale.js';
import { explain, type ExplainOptions } from './explain.js';
import { resolveLocale } from './resolveLocale.js';
import type { Explanation } from './types.js';

export type CompareAspect = keyof DiagnoseLocale['aspects'];

export interface ComparisonRow {
  readonly aspect: CompareAspect;
  readonly label: string;
  readonly a: string;
  readonly b: string;
  readonly same: boolean;
}

/** Two codes side by side: what each means, when each occurs, and which to use when. */
export interface Comparison {
  readonly a: Explanation;
  readonly b: Explanation;
  /** Aspect by aspect, in a fixed order. */
  readonly rows: readonly ComparisonRow[];
  /** Sentences of either entry that contrast it with the other code. */
  readonly keyDifferences: readonly string[];
  /** When an endpoint should send each code. */
  readonly whenToUse: { readonly a: string; readonly b: string };
  readonly locale: string;
  readonly localeFallback?: { readonly requested: string; readonly used: string };
}

/**
 * The key differences between two codes and when each applies.
 *
 * @example
 * import { compare } from '@sockdoc/diagnose';
 * const c = compare(1003, 1007);
 * c.rows.find((r) => r.aspect === 'meaning')?.a; // 'An endpoint received a type of data it cannot accept: ...'
 * c.keyDifferences[0]; // 'Versus 1007: 1003 is about the kind of frame (text vs binary); ...'
 */
export function compare(a: number, b: number, options: ExplainOptions = {}): Comparison {
  const { locale, fallback } = resolveLocale(options.locale, options.locales);
  const opts = { ...options, locale };
  const ea = explain(a, opts);
  const eb = explain(b, opts);
  const yesNo = (v: boolean) => (v ? locale.labels.yes : locale.labels.no);
  const pairs: Array<[CompareAspect, string, string]> = [
    ['meaning', ea.description, eb.description],
    ['occurs', ea.causes[0]!, eb.causes[0]!],
    ['fix', ea.fixes[0]!, eb.fixes[0]!],
    ['onWire', yesNo(ea.onWire), yesNo(eb.onWire)],
    ['sentBy', locale.sender[ea.sentBy], locale.sender[eb.sentBy]],
    ['retry', locale.retry[ea.retry.strategy], locale.retry[eb.retry.strategy]],
    ['category', locale.category[ea.category], locale.category[eb.category]],
  ];
  const mentions = (e: Explanation, other: number) => e.distinguish.filter((s) => s.includes(String(other)));
  const useWhen = (e: Explanation) => (e.key in locale.entries ? locale.entries[e.key as keyof DiagnoseLocale['entries']].useWhen : e.description);
  return {
    a: ea,
    b: eb,
    rows: pairs.map(([aspect, va, vb]) => ({ aspect, label: locale.aspects[aspect], a: va, b: vb, same: va === vb })),
    keyDifferences: [...new Set([...mentions(ea, b), ...mentions(eb, a)])],
    whenToUse: { a: useWhen(ea), b: useWhen(eb) },
    locale: locale.tag,
    ...(fallback ? { localeFallback: fallback } : {}),
  };
}
