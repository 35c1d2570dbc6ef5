import type { DiagnoseLocale, LocaleText } from './DiagnoseLocale.js';
import type { ResolvedText } from './explainIn.js';
import { en } from './locales/en.js';
import { findLocale, registerLocale, withFallback } from './localeRegistry.js';
import { completeLocale } from './completeLocale.js';

registerLocale(en);

export { registerLocale };

/** `resolveLocale` for tags among `LocaleText`s too (a diagnosis needs no reference text). */
export function resolveText<L extends LocaleText = LocaleText>(requested: string | readonly string[] | undefined, extra: readonly L[] = []): ResolvedText<L | DiagnoseLocale> {
  if (requested === undefined) return { locale: en };
  const found = findLocale(requested, extra);
  return found ? completed(found) : withFallback(undefined, en, requested);
}

/**
 * A locale object as given, with whatever it lacks taken from English key by key (a partial
 * third locale never throws), and the paths that were taken.
 */
export function completed<L extends LocaleText>(locale: L): ResolvedText<L> {
  const { locale: full, missing } = completeLocale(locale, en as unknown as L);
  return missing.length ? { locale: full, missing, base: en } : { locale: full };
}

export interface ResolvedLocale {
  readonly locale: DiagnoseLocale;
  /** Set when nothing matched the requested tag and English was used instead. */
  readonly fallback?: { readonly requested: string; readonly used: string };
  /** Paths of a partial locale's strings that came from English. */
  readonly missing?: readonly string[];
  /** The locale those strings came from (set with `missing`). */
  readonly base?: DiagnoseLocale;
}

/**
 * Picks the text for a requested locale: an exact tag, then the same language and script
 * (BCP 47 likely subtags: `zh`, `zh-Hans`, `zh-Hans-CN`, `zh-SG` all match `zh-CN`), else English,
 * and says so in `fallback`. A list of tags (`navigator.languages`) takes the first that matches.
 *
 * @example
 * resolveLocale('fr'); // { locale: en, fallback: { requested: 'fr', used: 'en' } }
 * resolveLocale(['fr-FR', 'zh-CN'], [zhCN]).locale.tag; // 'zh-CN'
 */
export function resolveLocale(requested: string | readonly string[] | DiagnoseLocale | undefined, extra: readonly DiagnoseLocale[] = []): ResolvedLocale {
  if (requested === undefined) return { locale: en };
  if (typeof requested === 'object' && requested !== null && !Array.isArray(requested)) return completed(requested as DiagnoseLocale) as ResolvedLocale;
  return resolveText(requested as string | readonly string[], extra) as ResolvedLocale;
}
