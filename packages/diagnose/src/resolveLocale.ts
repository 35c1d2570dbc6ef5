import type { DiagnoseLocale, LocaleText } from './DiagnoseLocale.js';
import type { ResolvedText } from './explainIn.js';
import { en } from './locales/en.js';
import { findLocale, registerLocale, withFallback } from './localeRegistry.js';

registerLocale(en);

export { registerLocale };

/** `resolveLocale` for tags among `LocaleText`s too (a diagnosis needs no reference text). */
export function resolveText<L extends LocaleText = LocaleText>(requested: string | readonly string[] | undefined, extra: readonly L[] = []): ResolvedText<L | DiagnoseLocale> {
  if (requested === undefined) return { locale: en };
  return withFallback(findLocale(requested, extra), en, requested);
}

export interface ResolvedLocale {
  readonly locale: DiagnoseLocale;
  /** Set when nothing matched the requested tag and English was used instead. */
  readonly fallback?: { readonly requested: string; readonly used: string };
}

/**
 * Picks the text for a requested locale: an exact tag, then the same language and script
 * (BCP 47 likely subtags: `zh`, `zh-Hans`, `zh-Hans-CN`, `zh-SG` all match `zh-CN`), else English,
 * and says so in `fallback`. A list of tags (`navigator.languages`) takes the first that matches.
 *
 * @example
 * resolveLocale('fr'); // { locale: en, fallback: { requested: 'fr', used: 'en' } }
 * resolveLocale(['fr-FR', 'zh-CN'], [zhCN]).locale; // zhCN
 */
export function resolveLocale(requested: string | readonly string[] | DiagnoseLocale | undefined, extra: readonly DiagnoseLocale[] = []): ResolvedLocale {
  if (requested === undefined) return { locale: en };
  if (typeof requested === 'object' && !Array.isArray(requested)) return { locale: requested as DiagnoseLocale };
  return resolveText(requested as string | readonly string[], extra);
}
