export { explain } from './explain.js';
export { diagnose } from './diagnose.js';
export { diagnoseByCode } from './diagnoseByCode.js';
export { compare } from './compare.js';
export { registerLocale, resolveLocale } from './resolveLocale.js';
export { registerCodes, defineCodes } from './registerCodes.js';
export { sanitizeReason } from './sanitizeReason.js';
export { contextProblems } from './contextProblems.js';
export { ENTRY_KEYS } from './catalogue.js';
export { closeCodeFacts, isCloseCode, isWireCode, isSendableCloseCode } from './closeCodes.js';
export { CAUSE_IDS } from './causes.js';
export { en, enText, enReference } from './locales/en.js';
export { withReference } from './withReference.js';
export { completeLocale } from './completeLocale.js';

export type { ExplainOptions } from './explain.js';
export type { DiagnoseOptions, Diagnosis, DiagnosedCause, Evidence } from './diagnose.js';
export type { Comparison, ComparisonRow, CompareAspect } from './compare.js';
export type { ResolvedLocale } from './resolveLocale.js';
export type { SanitizedReason } from './sanitizeReason.js';
export type { ContextProblem } from './contextProblems.js';
export type { CompletedLocale } from './completeLocale.js';
export type { CodePack, CodeDefinition, CodeText, ProtocolPack } from './CodePack.js';
export type { MessageSchema, MessageIssue } from './MessageSchema.js';
export type { DiagnoseLocale, CauseText, LocaleEntry, LocaleText, LocaleReference, TextEntry, ReferenceEntry } from './DiagnoseLocale.js';
export type { ResolvedText } from './explainIn.js';
export type { CauseId, CauseParams, EvidenceId, EvidenceParams, FingerprintId } from './causes.js';
export type { CloseCodeFacts } from './closeCodes.js';
export type {
  Category,
  CloseInitiator,
  CloseInput,
  CodeInfo,
  CodeRange,
  Confidence,
  DiagnoseContext,
  DocLink,
  EntryKey,
  EntryText,
  Explanation,
  DiagnosisExplanation,
  OutgoingFrame,
  RetryAdvice,
  RetryStrategy,
  Runtime,
  Sender,
  StatusProbe,
} from './types.js';
