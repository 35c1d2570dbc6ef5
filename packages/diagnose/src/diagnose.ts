import type { CauseId, EvidenceId, EvidenceParams } from './causes.js';
import { diagnoseIn } from './diagnoseIn.js';
import type { ExplainOptions } from './explain.js';
import type { LocaleText } from './DiagnoseLocale.js';
import { completed, resolveText } from './resolveLocale.js';
import { en } from './locales/en.js';
import type { CloseInput, Confidence, DiagnoseContext, DiagnosisExplanation, RetryAdvice } from './types.js';

/** Like `ExplainOptions`, and a diagnosis needs only what it renders: `LocaleText` objects (`zhCNText`) do. */
export interface DiagnoseOptions extends Omit<ExplainOptions, 'locale' | 'locales'> {
  /** A locale (`zhCN` or just its `zhCNText`), a tag of a registered locale, or tags in order of preference. Default: English. */
  readonly locale?: string | readonly string[] | LocaleText;
  /** Locales available to tag lookups for this call, besides the registered ones. */
  readonly locales?: readonly LocaleText[];
}

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
  /** The code's catalogue entry as a diagnosis shows it (what it means, fixes, dead ends); `explain()` has the rest. */
  readonly explanation: DiagnosisExplanation;
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
  /**
   * The fields whose text came from English because the locale lacked it (a partial locale),
   * e.g. `cause.detail`, `retry.text`, `summary`; `used` is that language. Absent when none did.
   * Render those fields with `lang={used}`.
   */
  readonly localeFallbacks?: { readonly used: string; readonly fields: readonly string[] };
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
  const { locale, locales } = options;
  const resolved = typeof locale === 'object' && locale !== null && !Array.isArray(locale) ? completed(locale as LocaleText) : resolveText(locale as string | readonly string[] | undefined, locales);
  try {
    return diagnoseIn(close, context, resolved, options);
  } catch {
    // A locale whose own functions throw though nothing is missing: English, said as a fallback.
    return diagnoseIn(close, context, { locale: en, fallback: { requested: typeof resolved.locale?.tag === 'string' ? resolved.locale.tag : '', used: en.tag } }, options);
  }
}
