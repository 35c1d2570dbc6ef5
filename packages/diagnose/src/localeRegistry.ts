import type { DiagnoseLocale, LocaleText } from './DiagnoseLocale.js';
import type { ResolvedText } from './explainIn.js';

// Locales by tag, without any locale of its own: the engine entry matches tags here and loads
// built-in text only when nothing registered or passed matches (so English never rides along).

const registry = new Map<string, DiagnoseLocale>();
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

/**
 * A tag as BCP 47 writes it, from the POSIX form terminals and servers use: `zh_CN.UTF-8` and
 * `zh_CN@euro` become `zh-CN`; `C` and `POSIX` (the portable locale) are English.
 */
function bcp47(tag: string): string {
  const t = tag.trim().replace(/[.@].*$/, '').replace(/_/g, '-');
  return t === 'C' || t === 'POSIX' ? 'en' : t;
}

/**
 * The tag among `tags` that `wanted` matches: the same tag, else the same language and script
 * (BCP 47 likely subtags: `zh`, `zh-Hans`, `zh-SG` all match `zh-CN`). Undefined when none does.
 */
export function matchTag(wanted: string, tags: readonly string[]): string | undefined {
  const w = bcp47(wanted).toLowerCase();
  if (!w) return undefined;
  const exact = tags.find((t) => t.toLowerCase() === w);
  if (exact !== undefined) return exact;
  const key = languageScript(w);
  return key ? tags.find((t) => languageScript(t) === key) : undefined;
}

/** The first of `requested` (tags in order of preference) that `extra` or a registered locale covers. */
export function findLocale<L extends LocaleText = DiagnoseLocale>(requested: string | readonly string[], extra: readonly L[] = []): L | DiagnoseLocale | undefined {
  const candidates: Array<L | DiagnoseLocale> = extra.length ? [...extra, ...registry.values()] : [...registry.values()];
  const tags = candidates.map((l) => l.tag);
  for (const wanted of typeof requested === 'string' ? [requested] : requested) {
    const tag = matchTag(wanted, tags);
    if (tag !== undefined) return candidates[tags.indexOf(tag)];
  }
  return undefined;
}

/**
 * `found`, or `fallback` with a note of what was asked for (no note when nothing was: the
 * default is not a fallback). The one rule of every locale lookup.
 */
export function withFallback<L extends LocaleText>(found: L | undefined, fallback: L, requested: string | readonly string[]): ResolvedText<L> {
  if (found) return { locale: found };
  if (typeof requested !== 'string' && requested.length === 0) return { locale: fallback };
  // Blank tags name no language: the note says so (`requested: ''`) rather than quote nothing.
  const asked = (typeof requested === 'string' ? [requested] : requested).map((t) => t.trim()).filter(Boolean);
  return { locale: fallback, fallback: { requested: asked.join(', '), used: fallback.tag } };
}
