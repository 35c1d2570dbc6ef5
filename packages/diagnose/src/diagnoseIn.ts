import { CAUSES, type CauseId } from './causes.js';
import type { Diagnosis, DiagnosedCause, DiagnoseOptions } from './diagnose.js';
import { explainText, type ResolvedText } from './explainIn.js';
import { fingerprintReason } from './fingerprintReason.js';
import { findCode } from './registerCodes.js';
import { findCandidates, gatherFacts, type Candidate } from './rules.js';
import { normalizeContext } from './normalizeContext.js';
import { sanitizeReason } from './sanitizeReason.js';
import type { CloseInput, DiagnoseContext, RetryAdvice } from './types.js';

/** Two titles that say the same thing (`TLS 握手失败` twice): the summary names it once. */
const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * `diagnose` in a locale already chosen: the engine entry's path, which carries no locale of
 * its own. Never throws.
 */
export function diagnoseIn(close: CloseInput, context: DiagnoseContext, { locale, fallback }: ResolvedText, options: Pick<DiagnoseOptions, 'packs' | 'protocol'> = {}): Diagnosis {
  const code = typeof close?.code === 'number' ? close.code : Number.NaN;
  const { text: reason, truncated } = sanitizeReason(close?.reason);
  // Whatever it was given: fields of the wrong type dropped, server- and file-controlled strings sanitized.
  const ctx = normalizeContext(context);
  const protocol = options.protocol ?? ctx.protocol;
  const { source: _source, ...explanation } = explainText(code, { locale, ...(fallback ? { fallback } : {}) }, { ...(options.packs ? { packs: options.packs } : {}), ...(protocol === undefined ? {} : { protocol }) });
  const pack = Number.isInteger(code) && code >= 3000 && code <= 4999 ? findCode(code, protocol, options.packs) : undefined;
  const facts = gatherFacts(code, reason, close?.wasClean, ctx, fingerprintReason(reason), pack);
  const [first, ...rest] = dedupe(findCandidates(facts));

  const render = (cand: Candidate): DiagnosedCause => {
    const text = locale.causes[cand.cause];
    return {
      id: cand.cause,
      confidence: cand.confidence,
      confidenceText: locale.confidence[cand.confidence],
      title: text.title,
      detail: text.detail(cand.params),
      fixes: text.fixes(cand.params),
      evidence: cand.evidence.map((e) => ({ id: e.id, params: e.params, text: locale.evidence[e.id](e.params) })),
    };
  };
  const cause = render(first!);
  const advice: RetryAdvice = first!.retry ?? CAUSES[first!.cause];
  const retryText = locale.retry[advice.strategy];
  return {
    code,
    reason,
    reasonTruncated: truncated,
    wasClean: typeof close?.wasClean === 'boolean' ? close.wasClean : undefined,
    explanation,
    cause,
    alternatives: rest.map(render),
    retry: { ...advice, text: retryText },
    summary: locale.summary({ code, title: explanation.title, cause: sameText(cause.title, explanation.title) ? '' : cause.title, retry: retryText }),
    locale: locale.tag,
    ...(fallback ? { localeFallback: fallback } : {}),
  };
}

/** Keeps the first (most likely) candidate of each cause. */
function dedupe(list: Candidate[]): Candidate[] {
  const seen = new Set<CauseId>();
  return list.filter((cand) => !seen.has(cand.cause) && (seen.add(cand.cause), true));
}
