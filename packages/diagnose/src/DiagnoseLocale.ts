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

/** The part of an entry that a diagnosis renders: what the code means, how to fix it, what does not help. */
export type TextEntry = Pick<EntryText, 'title' | 'description' | 'fixes' | 'deadEnds'>;

/** The part of an entry only reference pages use: when it occurs, how to tell it apart, when to send it. */
export type ReferenceEntry = Pick<LocaleEntry, 'causes' | 'distinguish' | 'useWhen'>;

/**
 * What a diagnosis renders in one language: the only text the client loads. Each locale file
 * exports it (`enText`, `zhCNText`) beside its `LocaleReference`, and the full `DiagnoseLocale`
 * that joins the two.
 */
export interface LocaleText {
  /** BCP 47 tag, e.g. `en`, `zh-CN`. */
  readonly tag: string;
  /** The language's own name, e.g. `English`, `简体中文`. */
  readonly name: string;
  readonly entries: Readonly<Record<EntryKey, TextEntry>>;
  readonly causes: Readonly<Record<CauseId, CauseText>>;
  readonly evidence: Readonly<Record<EvidenceId, (p: EvidenceParams) => string>>;
  readonly fingerprints: Readonly<Record<FingerprintId, string>>;
  readonly retry: Readonly<Record<RetryStrategy, string>>;
  readonly confidence: Readonly<Record<Confidence, string>>;
  /** `explain()` text for an application code nobody registered. */
  readonly appCode: (code: number) => Pick<EntryText, 'title' | 'description'>;
  /** One-line summary of a diagnosis. `cause` is `''` when it would repeat `title`: leave it and its separator out. */
  readonly summary: (p: { code: number; title: string; cause: string; retry: string }) => string;
  /** Said when the requested language was unavailable. */
  readonly fallbackNote: (requested: string, used: string) => string;
  readonly formatBytes: (n: number) => string;
}

/** Reference-only text of one language: for `explain`, `compare`, the CLI and the generated docs. */
export interface LocaleReference {
  readonly tag: string;
  readonly entries: Readonly<Record<EntryKey, ReferenceEntry>>;
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
    /** Between the items of an inline list: `, ` in English, `、` in Chinese. */
    listSeparator: string;
    /** Between a label and its value: ': ' in English, '：' in Chinese. */
    colon: string;
    /** Around an aside, such as an official English name after a title: ' (' and ')' in English, '（' and '）' in Chinese. */
    openParen: string;
    closeParen: string;
    /** Between the two codes a comparison sets side by side: ' vs ' in English, ' 与 ' in Chinese. */
    versus: string;
    whichToUseWhen: string;
    allCodes: string;
    generatedNote: string;
  }>;
  /** Differences shown by `compare()`, one label per aspect. */
  readonly aspects: Readonly<Record<'meaning' | 'occurs' | 'fix' | 'onWire' | 'sentBy' | 'retry' | 'category', string>>;
}

/**
 * Everything a language provides: its `LocaleText` and its `LocaleReference` joined (each
 * locale file exports the three; `withReference` joins them). A missing key is a type error;
 * the parity test checks that no string is empty. Adding a language is one new file in `src/locales/`.
 */
export interface DiagnoseLocale extends Omit<LocaleText, 'entries'>, Omit<LocaleReference, 'entries' | 'tag'> {
  readonly entries: Readonly<Record<EntryKey, LocaleEntry>>;
}
