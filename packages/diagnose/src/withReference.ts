import type { DiagnoseLocale, LocaleEntry, LocaleReference, LocaleText } from './DiagnoseLocale.js';
import type { EntryKey } from './types.js';

/**
 * A full locale from what a diagnosis renders and the reference-only text of the same language.
 *
 * @example
 * export const ja: DiagnoseLocale = withReference(jaText, jaReference);
 */
export function withReference(text: LocaleText, reference: LocaleReference): DiagnoseLocale {
  const entries = {} as Record<EntryKey, LocaleEntry>;
  for (const key of Object.keys(text.entries) as EntryKey[]) entries[key] = { ...text.entries[key], ...reference.entries[key] };
  const { tag: _tag, entries: _entries, ...rest } = reference;
  return { ...text, ...rest, entries };
}
