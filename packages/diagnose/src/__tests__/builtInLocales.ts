import type { DiagnoseLocale } from '../DiagnoseLocale.js';
import list from '../../locales.json';

/**
 * Every built-in locale, from the one list (packages/diagnose/locales.json), loaded from source:
 * tests that run for each locale take them from here, so a locale added to the list is checked
 * without touching a test.
 */
export const LOCALES: readonly DiagnoseLocale[] = await Promise.all(list.locales.map(async (l) => (await import(`../locales/${l.tag}.ts`))[l.export] as DiagnoseLocale));

export const LOCALE_TAGS: readonly string[] = list.locales.map((l) => l.tag);
