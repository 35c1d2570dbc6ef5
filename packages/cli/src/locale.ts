import { resolveLocale, type DiagnoseLocale } from '@sockdoc/diagnose';
import { BUILT_IN_LOCALES } from './builtInLocales.js';

/**
 * The language of the CLI's text: `--lang`, else `SOCKDOC_LANG`, else the POSIX locale
 * (`LC_ALL`, `LC_MESSAGES`, `LANG`, in that order; `zh_CN.UTF-8` and `C` are understood), else
 * English. A language asked for by name (`--lang`, `SOCKDOC_LANG`) that the CLI has no text for
 * gives a one-line note; the system's own locale falls back to English quietly.
 */
export function cliLocale(lang: string | undefined, env: Readonly<Record<string, string | undefined>> = {}): { locale: DiagnoseLocale; note?: string } {
  const named = [lang, env['SOCKDOC_LANG']].find((t) => t?.trim());
  const system = [env['LC_ALL'], env['LC_MESSAGES'], env['LANG']].find((t) => t?.trim());
  const { locale, fallback } = resolveLocale(named ?? system ?? 'en', BUILT_IN_LOCALES);
  return fallback && named !== undefined ? { locale, note: locale.fallbackNote(fallback.requested, fallback.used) } : { locale };
}
