import type { CauseId, CauseParams, EvidenceId, EvidenceParams, FingerprintId } from './causes.js';
import type { Category, CodeRange, Confidence, EntryKey, EntryText, RetryStrategy, Sender } from './types.js';

/** Localized text of one cause. */
export interface CauseText {
  readonly title: string;
  /** One or two sentences about this close, built from the rule's parameters. */
  readonly detail: (p: CauseParams) => string;
  /** Fixes ordered by likelihood. */
  readonly fixes: (p: CauseParams) => readonly string[];
}

/** Text of a catalogue entry, plus the advice for whoever chooses which code to send. */
export interface LocaleEntry extends EntryText {
  /** When an endpoint should send this code (or why it never should). */
  readonly useWhen: string;
}

/**
 * Everything a language must provide. Each locale file ends with `satisfies DiagnoseLocale`,
 * so a missing key is a type error; the parity test checks that no string is empty.
 * Adding a language is one new file in `src/locales/`.
 */
export interface DiagnoseLocale {
  /** BCP 47 tag, e.g. `en`, `zh-CN`. */
  readonly tag: string;
  /** The language's own name, e.g. `English`, `简体中文`. */
  readonly name: string;
  readonly entries: Readonly<Record<EntryKey, LocaleEntry>>;
  readonly causes: Readonly<Record<CauseId, CauseText>>;
  readonly evidence: Readonly<Record<EvidenceId, (p: EvidenceParams) => string>>;
  readonly fingerprints: Readonly<Record<FingerprintId, string>>;
  readonly retry: Readonly<Record<RetryStrategy, string>>;
  readonly confidence: Readonly<Record<Confidence, string>>;
  readonly sender: Readonly<Record<Sender, string>>;
  readonly range: Readonly<Record<CodeRange, string>>;
  readonly category: Readonly<Record<Category, string>>;
  readonly labels: Readonly<{
    code: string;
    name: string;
    description: string;
    whenItOccurs: string;
    howToFix: string;
    deadEnds: string;
    distinguish: string;
    useWhen: string;
    related: string;
    retry: string;
    links: string;
    onWire: string;
    sentBy: string;
    range: string;
    category: string;
    yes: string;
    no: string;
    cause: string;
    evidence: string;
    confidence: string;
    reason: string;
    keyDifferences: string;
    same: string;
    /** Between a label and its value: ': ' in English, '：' in Chinese. */
    colon: string;
    whichToUseWhen: string;
    allCodes: string;
    generatedNote: string;
  }>;
  /** Differences shown by `compare()`, one label per aspect. */
  readonly aspects: Readonly<Record<'meaning' | 'occurs' | 'fix' | 'onWire' | 'sentBy' | 'retry' | 'category', string>>;
  /** `explain()` text for an application code nobody registered. */
  readonly appCode: (code: number) => Pick<EntryText, 'title' | 'description'>;
  /** One-line summary of a diagnosis. */
  readonly summary: (p: { code: number; title: string; cause: string; retry: string }) => string;
  /** Said when the requested language was unavailable. */
  readonly fallbackNote: (requested: string, used: string) => string;
  readonly formatBytes: (n: number) => string;
}
