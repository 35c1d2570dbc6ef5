import { matchTag, withFallback } from './localeRegistry.js';
import type { ResolvedText } from './explainIn.js';

import { BUILT_IN_TEXT as BUILT_IN } from './builtInText.js';

const TAGS = Object.keys(BUILT_IN);

/**
 * Loads the text a diagnosis renders (`LocaleText`) of the built-in locale that the first of `requested` (tags in order of preference, e.g.
 * `navigator.languages`) matches, and only that one; English when none matches, with the
 * `fallback` noted (none when nothing was requested). Rejects when the chunk cannot be loaded.
 *
 * @example
 * const { locale } = await loadLocale(['zh-Hans-CN', 'en']); // the zh-CN text, without English
 * locale.tag; // 'zh-CN'
 */
export async function loadLocale(requested: string | readonly string[] | undefined): Promise<ResolvedText> {
  const wanted = requested === undefined ? [] : typeof requested === 'string' ? [requested] : requested;
  for (const w of wanted) {
    const tag = matchTag(w, TAGS);
    if (tag !== undefined) return { locale: await BUILT_IN[tag]!() };
  }
  return withFallback(undefined, await BUILT_IN['en']!(), wanted);
}
