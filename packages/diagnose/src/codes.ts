// The light entry `@sockdoc/diagnose/codes`: close-code facts and what a code alone says,
// without the evidence rules or any locale. @sockdoc/core bundles it in the initial chunk.
export { closeCodeFacts, isCloseCode, isSendableCloseCode, isWireCode } from './closeCodes.js';
export { diagnoseByCode } from './diagnoseByCode.js';
export type { CloseCodeFacts } from './closeCodes.js';
