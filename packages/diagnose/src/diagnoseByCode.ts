import { closeCodeFacts } from './closeCodes.js';
import type { Diagnosis } from './diagnose.js';
import type { LocaleText } from './DiagnoseLocale.js';
import { sanitizeReason } from './sanitizeReason.js';
import type { CloseInput } from './types.js';

/**
 * What can be said of a close from its code alone, when the evidence rules and their text are
 * not loaded (the lazily loaded diagnosis chunk failed, or had not arrived yet). Every structured
 * field comes from the close-code facts: the retry advice is the code's own, the cause is
 * `diagnosis_unavailable` with low confidence (a bare code says little). Text comes from
 * `locale` when a locale object is at hand; otherwise only the official code name, in a plain
 * summary such as `1006 Abnormal Closure`. Never throws.
 *
 * @example
 * import { diagnoseByCode } from '@sockdoc/diagnose/codes';
 * const d = diagnoseByCode({ code: 1012, reason: '', wasClean: true });
 * d.retry.strategy; // 'delay_5_30s'
 * d.summary;        // '1012 Service Restart'
 */
export function diagnoseByCode(close: CloseInput, locale?: LocaleText): Diagnosis {
  const facts = closeCodeFacts(close?.code);
  const { code, name, retry } = facts;
  const text = locale?.causes.diagnosis_unavailable;
  const params = { code };
  const title = locale ? locale.entries[facts.key].title : name;
  const causeTitle = text?.title ?? name;
  const retryText = locale?.retry[retry.strategy] ?? '';
  const tag = locale?.tag ?? 'en';
  const { text: reason, truncated } = sanitizeReason(close?.reason);
  const { sendable: _sendable, ...info } = facts;
  return {
    code,
    reason,
    reasonTruncated: truncated,
    wasClean: typeof close?.wasClean === 'boolean' ? close.wasClean : undefined,
    explanation: { ...info, related: [], links: [], title, description: text?.detail(params) ?? name, fixes: [], deadEnds: [], locale: tag },
    cause: {
      id: 'diagnosis_unavailable',
      confidence: 'low',
      confidenceText: locale?.confidence.low ?? 'low',
      title: causeTitle,
      detail: text?.detail(params) ?? '',
      fixes: text?.fixes(params) ?? [],
      evidence: [],
    },
    alternatives: [],
    retry: { ...retry, text: retryText },
    summary: locale ? locale.summary({ code, title, cause: causeTitle, retry: retryText }) : `${code} ${name}`,
    locale: tag,
  };
}
