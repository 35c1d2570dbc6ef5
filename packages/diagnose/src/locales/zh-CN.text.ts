// Generated from packages/diagnose/locales.json by `pnpm docs:gen`: do not edit.
// What the client loads for zh-CN: the text a diagnosis renders, without the reference text
// (bundlers keep only `zhCNText` of zh-CN.ts in this chunk).
export { zhCNText as text } from './zh-CN.js';
