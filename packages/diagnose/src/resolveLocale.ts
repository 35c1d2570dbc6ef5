import type { DiagnoseLocale } from './DiagnoseLocale.js';
import { en } from './locales/en.js';

const registry = new Map<string, DiagnoseLocale>([[en.tag.toLowerCase(), en]]);
const maximized = new Map<string, string | undefined>();

/**
 * Makes a locale available to tag lookups (`{ locale: 'zh-CN' }`) everywhere in the process.
 * Passing the locale object itself (`{ locale: zhCN }`) needs no registration.
 *
 * @example
 * import { registerLocale } from '@sockdoc/diagnose';
 * import { zhCN } from '@sockdoc/diagnose/locales/zh-CN';
 * registerLocale(zhCN);
 * explain(1006, { locale: 'zh-Hans' }).title; // '异常关闭'
 */
export function registerLocale(locale: DiagnoseLocale): void {
  registry.set(locale.tag.toLowerCase(), locale);
}

/** `language-Script` of a tag after adding likely subtags (`zh` -> `zh-Hans`, `zh-TW` -> `zh-Hant`), or undefined for a malformed tag. */
function languageScript(tag: string): string | undefined {
  if (maximized.has(tag)) return maximized.get(tag);
  let value: string | undefined;
  try {
    const max = new Intl.Locale(tag).maximize();
    value = `${max.language}-${max.script ?? ''}`.toLowerCase();
  } catch {
    value = undefined;
  }
  if (maximized.size > 256) maximized.clear();
  maximized.set(tag, value);
  return value;
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
  if (isList(requested)) {
    for (const tag of requested) {
      const r = resolveLocale(tag, extra);
      if (!r.fallback) return r;
    }
    return requested.length ? { locale: en, fallback: { requested: requested.join(', '), used: en.tag } } : { locale: en };
  }
  if (typeof requested === 'object') return { locale: requested };
  const wanted = requested.trim();
  const candidates = extra.length ? [...extra, ...registry.values()] : [...registry.values()];
  const exact = candidates.find((l) => l.tag.toLowerCase() === wanted.toLowerCase());
  if (exact) return { locale: exact };
  const key = languageScript(wanted);
  if (key) {
    const match = candidates.find((l) => languageScript(l.tag) === key);
    if (match) return { locale: match };
  }
  return { locale: en, fallback: { requested, used: en.tag } };
}

const isList = (v: unknown): v is readonly string[] => Array.isArray(v);
