// Generated from packages/diagnose/locales.json by `pnpm docs:gen`: do not edit.
// What the client loads for en: the text a diagnosis renders, without the reference text
// (bundlers keep only `enText` of en.ts in this chunk).
export { enText as text } from './en.js';
