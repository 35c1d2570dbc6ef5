import type { DiagnoseLocale, LocaleText } from './DiagnoseLocale.js';
import type { ResolvedText } from './explainIn.js';
import { en } from './locales/en.js';
import { findLocale, registerLocale } from './localeRegistry.js';

registerLocale(en);

export { registerLocale };

/** `resolveLocale` for tags among `LocaleText`s too (a diagnosis needs no reference text). */
export function resolveText(requested: string | readonly string[] | undefined, extra: readonly LocaleText[] = []): ResolvedText {
  if (requested === undefined) return { locale: en };
  const found = findLocale(requested, extra);
  if (found) return { locale: found };
  if (typeof requested !== 'string' && requested.length === 0) return { locale: en };
  return { locale: en, fallback: { requested: typeof requested === 'string' ? requested : requested.join(', '), used: en.tag } };
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
  const tags = requested as string | readonly string[];
  const found = findLocale(tags, extra);
  if (found) return { locale: found };
  if (typeof tags !== 'string' && tags.length === 0) return { locale: en };
  return { locale: en, fallback: { requested: typeof tags === 'string' ? tags : tags.join(', '), used: en.tag } };
}
