// What the client loads for English: the text a diagnosis renders, without the reference text
// (bundlers keep only `enText` of en.ts in this chunk).
export { enText as text } from './en.js';
