// Generated from packages/diagnose/locales.json by `pnpm docs:gen`: do not edit.
import type { LocaleText } from './DiagnoseLocale.js';

/** The text of each built-in locale, each loaded on its own when asked for (bundlers split each into a chunk). */
export const BUILT_IN_TEXT: Readonly<Record<string, () => Promise<LocaleText>>> = {
  "en": () => import('./locales/en.text.js').then((m) => m.text),
  "zh-CN": () => import('./locales/zh-CN.text.js').then((m) => m.text),
  "zh-TW": () => import('./locales/zh-TW.text.js').then((m) => m.text),
};
