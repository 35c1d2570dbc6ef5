import { CAUSES, type CauseId } from './causes.js';
import type { Diagnosis, DiagnosedCause, DiagnoseOptions } from './diagnose.js';
import { explainText, type ResolvedText } from './explainIn.js';
import { answeredByBase } from './completeLocale.js';
import { fingerprintReason } from './fingerprintReason.js';
import { findCode } from './registerCodes.js';
import { findCandidates, gatherFacts, type Candidate, type EvidenceRef } from './rules.js';
import { normalizeContext } from './normalizeContext.js';
import { sanitizeReason } from './sanitizeReason.js';
import { findQuirk } from './runtimeQuirks.js';
import { RETRY } from './closeCodes.js';
import type { CloseInput, Confidence, DiagnoseContext, RetryAdvice, Runtime } from './types.js';

/** Runtimes with quirks, by their proper names (the same in every language). */
const RUNTIME_NAMES: Partial<Record<Runtime, string>> = { node: 'Node', deno: 'Deno', bun: 'Bun', workerd: 'workerd', 'react-native': 'React Native' };
const LOWER: Record<Confidence, Confidence> = { high: 'medium', medium: 'low', low: 'low' };

/** Two titles that say the same thing (`TLS 握手失败` twice): the summary names it once. */
const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * `diagnose` in a locale already chosen: the engine entry's path, which carries no locale of
 * its own. Never throws.
 */
export function diagnoseIn(close: CloseInput, context: DiagnoseContext, { locale, fallback, missing, base }: ResolvedText, options: Pick<DiagnoseOptions, 'packs' | 'protocol'> = {}): Diagnosis {
  const reported = typeof close?.code === 'number' ? close.code : Number.NaN;
  const { text: reason, truncated } = sanitizeReason(close?.reason);
  // Whatever it was given: fields of the wrong type dropped, server- and file-controlled strings sanitized.
  const ctx = normalizeContext(context);
  // A runtime known to misreport this close: read the code the standard would report where that
  // is certain; else doubt the code (lower confidence, no retry advice from it).
  const quirk = findQuirk(reported, close?.wasClean, ctx.runtime);
  const code = quirk?.means ?? reported;
  const runtimeEvidence: EvidenceRef[] = [
    ...(quirk ? [{ id: 'runtime_misreports' as const, params: { code: reported, runtimeName: RUNTIME_NAMES[quirk.runtime] ?? quirk.runtime, ...(ctx.runtimeVersion ? { version: ctx.runtimeVersion } : {}), ...(quirk.means === undefined ? {} : { means: quirk.means }), ...('cited' in quirk.source ? { url: quirk.source.cited } : {}) } }] : []),
    ...(ctx.closeNotReported ? [{ id: 'close_not_reported' as const, params: {} }] : []),
  ];
  const protocol = options.protocol ?? ctx.protocol;
  const { source: _source, ...explanation } = explainText(code, { locale, ...(fallback ? { fallback } : {}) }, { ...(options.packs ? { packs: options.packs } : {}), ...(protocol === undefined ? {} : { protocol }) });
  const pack = Number.isInteger(code) && code >= 3000 && code <= 4999 ? findCode(code, protocol, options.packs) : undefined;
  const facts = gatherFacts(code, reason, close?.wasClean, ctx, fingerprintReason(reason), pack);
  const found = dedupe(findCandidates(facts));
  const [first, ...rest] = quirk && quirk.means === undefined ? found.map((cand) => ({ ...cand, confidence: LOWER[cand.confidence], retry: RETRY.unknown })) : found;

  // Messages the server sent that the app's receive schema refused: said whatever the cause (a
  // server that sends what the client cannot read may be closing for a reason of the same kind).
  const bad = ctx.invalidIncoming;
  const incoming: EvidenceRef[] = bad && bad.count > 0 ? [{ id: 'invalid_incoming', params: { count: bad.count, ...(bad.paths?.length ? { paths: bad.paths } : {}) } }] : [];
  /** Fields of the first cause whose locale function had to give English's answer for this close. */
  const answered = new Set<string>();
  const render = (cand: Candidate, isFirst = false): DiagnosedCause => {
    const text = locale.causes[cand.cause];
    const note = <T,>(field: string, fn: () => T): T => {
      const [value, byBase] = answeredByBase(fn);
      if (byBase && isFirst) answered.add(field);
      return value;
    };
    return {
      id: cand.cause,
      confidence: cand.confidence,
      confidenceText: locale.confidence[cand.confidence],
      title: text.title,
      detail: note('cause.detail', () => text.detail(cand.params)),
      fixes: note('cause.fixes', () => text.fixes(cand.params)),
      evidence: note('cause.evidence', () => [...runtimeEvidence, ...cand.evidence, ...incoming].map((e) => ({ id: e.id, params: e.params, text: locale.evidence[e.id](e.params) }))),
    };
  };
  const cause = render(first!, true);
  const advice: RetryAdvice = first!.retry ?? CAUSES[first!.cause];
  const retryText = locale.retry[advice.strategy];
  const fellBack = missing?.length || answered.size ? fallbackFields(missing ?? [], _source.entryKey, first!, advice.strategy, answered) : [];
  // A summary that would mix languages is given whole in the language the missing parts came from.
  const english = fellBack.includes('summary') ? base : undefined;
  return {
    code,
    reason,
    reasonTruncated: truncated,
    wasClean: typeof close?.wasClean === 'boolean' ? close.wasClean : undefined,
    explanation,
    cause,
    alternatives: rest.map((cand) => render(cand)),
    retry: { ...advice, text: retryText },
    summary: english
      ? summarize(english, code, english.entries[_source.entryKey]?.title ?? explanation.title, english.causes[first!.cause].title, english.retry[advice.strategy])
      : summarize(locale, code, explanation.title, cause.title, retryText),
    locale: locale.tag,
    ...(fallback ? { localeFallback: fallback } : {}),
    ...(fellBack.length ? { localeFallbacks: { used: base?.tag ?? 'en', fields: fellBack } } : {}),
  };
}

/** The fields of a diagnosis whose text came from English, from the paths a partial locale lacked. */
function fallbackFields(missing: readonly string[], entryKey: string, cause: Candidate, strategy: string, answered: ReadonlySet<string>): string[] {
  const has = (p: string) => missing.some((m) => m === p || m.startsWith(`${p}.`));
  const fields: string[] = [];
  for (const part of ['title', 'description', 'fixes', 'deadEnds']) if (has(`entries.${entryKey}.${part}`)) fields.push(`explanation.${part}`);
  for (const part of ['title', 'detail', 'fixes']) if (has(`causes.${cause.cause}.${part}`) || answered.has(`cause.${part}`)) fields.push(`cause.${part}`);
  if (cause.evidence.some((e) => has(`evidence.${e.id}`)) || answered.has('cause.evidence')) fields.push('cause.evidence');
  if (has(`confidence.${cause.confidence}`)) fields.push('cause.confidenceText');
  if (has(`retry.${strategy}`)) fields.push('retry.text');
  // The summary is one sentence: it is English as a whole when its template or any part it joins is.
  if (has('summary') || fields.includes('explanation.title') || fields.includes('cause.title') || fields.includes('retry.text')) fields.push('summary');
  return fields;
}

/** The one-line summary in one language: a cause that repeats the title is named once. */
function summarize(locale: ResolvedText['locale'], code: number, title: string, cause: string, retry: string): string {
  return locale.summary({ code, title, cause: sameText(cause, title) ? '' : cause, retry });
}

/** Keeps the first (most likely) candidate of each cause. */
function dedupe(list: Candidate[]): Candidate[] {
  const seen = new Set<CauseId>();
  return list.filter((cand) => !seen.has(cand.cause) && (seen.add(cand.cause), true));
}
