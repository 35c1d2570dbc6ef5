// `@sockdoc/diagnose/engine`: the evidence rules with no locale of their own, for clients that
// load the diagnosis lazily (@sockdoc/core). Text comes from the locale the client chose
// (`findLocale` among the given and registered ones, else `loadLocale` loads one built-in locale),
// so a Chinese user's chunk carries no English.
export { diagnoseIn } from './diagnoseIn.js';
export { findLocale } from './localeRegistry.js';
export { loadLocale } from './loadLocale.js';
export type { ResolvedText } from './explainIn.js';
export type { LocaleText } from './DiagnoseLocale.js';
export type { Diagnosis } from './diagnose.js';
