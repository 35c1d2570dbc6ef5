// Generated from packages/diagnose/locales.json by `pnpm docs:gen`: do not edit.
// What the client loads for zh-TW: the text a diagnosis renders, without the reference text
// (bundlers keep only `zhTWText` of zh-TW.ts in this chunk).
export { zhTWText as text } from './zh-TW.js';
