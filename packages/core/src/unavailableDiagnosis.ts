import type { DiagnoseLocale, Diagnosis, RetryAdvice } from '@sockdoc/diagnose';
import type { RawClose } from './types.js';

const RETRY: RetryAdvice = { retryable: true, strategy: 'backoff', delayMs: [0, 5000] };

/**
 * The diagnosis of a close that arrived before `@sockdoc/diagnose` could be loaded (its
 * chunk failed to download, or had not finished). It says so, keeps the raw code and reason,
 * and advises bounded backoff: the client cannot tell whether a retry helps, and each attempt
 * tries to load the module again. Text comes from the locale object when one was given.
 */
export function unavailableDiagnosis(raw: RawClose, locale: string | readonly string[] | DiagnoseLocale | undefined): Diagnosis {
  const { code } = raw;
  const text = typeof locale === 'object' && !Array.isArray(locale) ? (locale as DiagnoseLocale) : undefined;
  const cause = text?.causes.diagnosis_unavailable;
  const title = cause?.title ?? 'The diagnosis could not be loaded';
  const params = { code };
  const retryText = text?.retry.backoff ?? 'Reconnect with exponential backoff and random jitter (first delay 0-5 s).';
  const name = text?.category.unknown ?? 'unknown';
  const detail = cause?.detail(params) ?? `sockdoc loads its diagnosis module when it connects, and the module was not there when this ${code} close arrived, so the close is reported without an explanation.`;
  const range = code >= 1000 && code < 3000 ? 'protocol' : code >= 3000 && code < 4000 ? 'registered' : code >= 4000 && code < 5000 ? 'private' : 'invalid';
  return {
    code,
    reason: raw.reason,
    reasonTruncated: false,
    wasClean: raw.wasClean,
    explanation: {
      code,
      key: 'unavailable',
      name,
      category: 'unknown',
      range,
      onWire: code !== 1005 && code !== 1006 && code !== 1015,
      sentBy: 'either',
      retry: RETRY,
      related: [],
      links: [],
      title: name,
      description: detail,
      causes: [],
      fixes: [],
      deadEnds: [],
      distinguish: [],
      valid: Number.isInteger(code) && code >= 1000 && code < 5000,
      locale: text?.tag ?? 'en',
    },
    cause: {
      id: 'diagnosis_unavailable',
      confidence: 'high',
      confidenceText: text?.confidence.high ?? 'high',
      title,
      detail,
      fixes: cause ? cause.fixes(params) : ['Check that the @sockdoc/diagnose chunk can load, or pass diagnose from @sockdoc/diagnose to createSocket.'],
      evidence: [],
    },
    alternatives: [],
    retry: { ...RETRY, text: retryText },
    summary: text ? text.summary({ code, title: name, cause: title, retry: retryText }) : `${code} ${name}: ${title}. ${retryText}`,
    locale: text?.tag ?? 'en',
  };
}
