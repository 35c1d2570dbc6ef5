import { CAUSES, type CauseId, type EvidenceId, type EvidenceParams } from './causes.js';
import { explain, type ExplainOptions } from './explain.js';
import { fingerprintReason } from './fingerprintReason.js';
import { findCode } from './registerCodes.js';
import { resolveLocale } from './resolveLocale.js';
import { findCandidates, gatherFacts, type Candidate } from './rules.js';
import { sanitizeReason } from './sanitizeReason.js';
import type { CloseInput, Confidence, DiagnoseContext, Explanation, RetryAdvice } from './types.js';

export type DiagnoseOptions = ExplainOptions;

/** One sentence of evidence: stable id and parameters, plus the localized text. */
export interface Evidence {
  readonly id: EvidenceId;
  readonly params: EvidenceParams;
  readonly text: string;
}

/** A cause named by a diagnosis. */
export interface DiagnosedCause {
  readonly id: CauseId;
  readonly confidence: Confidence;
  /** `confidence` in the diagnosis language. */
  readonly confidenceText: string;
  readonly title: string;
  readonly detail: string;
  readonly fixes: readonly string[];
  readonly evidence: readonly Evidence[];
}

/** The structured, localized explanation of one close. */
export interface Diagnosis {
  /** The code exactly as received. */
  readonly code: number;
  /** The server's reason, sanitized: plain text, control characters removed, length-limited. */
  readonly reason: string;
  readonly reasonTruncated: boolean;
  /** `wasClean` exactly as received (undefined when unknown). */
  readonly wasClean: boolean | undefined;
  /** The catalogue entry of the code. */
  readonly explanation: Explanation;
  /** The most likely cause of this close. */
  readonly cause: DiagnosedCause;
  /** Other causes that fit the evidence, most likely first. */
  readonly alternatives: readonly DiagnosedCause[];
  /** Whether and how to reconnect, for this cause. */
  readonly retry: RetryAdvice & { readonly text: string };
  /** One line: code, title, cause, retry advice. */
  readonly summary: string;
  readonly locale: string;
  readonly localeFallback?: { readonly requested: string; readonly used: string };
}

/**
 * Explains one close from what the client observed. Pure and synchronous; never throws,
 * whatever the input.
 *
 * @example
 * import { diagnose } from '@sockdoc/diagnose';
 * import { zhCN } from '@sockdoc/diagnose/locales/zh-CN';
 *
 * const d = diagnose(
 *   { code: 1003, reason: '', wasClean: true },
 *   { opened: true, recentOutgoing: [{ kind: 'binary', bytes: 12, at: Date.now() }], timestamps: { closed: Date.now() } },
 *   { locale: zhCN },
 * );
 * d.cause.id;        // 'binary_on_text_endpoint'
 * d.cause.title;     // '二进制消息发到了仅支持文本的端点'
 * d.retry.retryable; // false
 */
export function diagnose(close: CloseInput, context: DiagnoseContext = {}, options: DiagnoseOptions = {}): Diagnosis {
  const { locale, fallback } = resolveLocale(options.locale, options.locales);
  const code = typeof close?.code === 'number' ? close.code : Number.NaN;
  const { text: reason, truncated } = sanitizeReason(close?.reason);
  const ctx: DiagnoseContext = context && typeof context === 'object' ? context : {};
  const protocol = options.protocol ?? ctx.protocol;
  const explanation = explain(code, { ...options, locale, protocol });
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
    summary: locale.summary({ code, title: explanation.title, cause: cause.title, retry: retryText }),
    locale: locale.tag,
    ...(fallback ? { localeFallback: fallback } : {}),
  };
}

/** Keeps the first (most likely) candidate of each cause. */
function dedupe(list: Candidate[]): Candidate[] {
  const seen = new Set<CauseId>();
  return list.filter((cand) => !seen.has(cand.cause) && (seen.add(cand.cause), true));
}
