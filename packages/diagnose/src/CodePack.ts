import type { Category, EntryText, RetryAdvice, Sender } from './types.js';

/** Text for one application code in one language. Missing lists fall back to the private-range entry. */
export interface CodeText extends Pick<EntryText, 'title' | 'description'>, Partial<Omit<EntryText, 'title' | 'description'>> {}

/** One application-defined close code. */
export interface CodeDefinition {
  /** The protocol's own name for the code, e.g. `Unauthorized`. */
  readonly name: string;
  readonly retry: RetryAdvice;
  readonly category?: Category;
  readonly sentBy?: Sender;
  /** Text keyed by locale tag; `en` is used when the requested language is missing. */
  readonly text: Readonly<Record<string, CodeText>>;
}

/**
 * A set of 3000-4999 codes defined by one application or protocol. A pack with a
 * `subprotocol` applies only when that subprotocol was negotiated (or none is known).
 */
export interface CodePack {
  readonly id: string;
  /** Human name shown in diagnoses, e.g. `graphql-ws`. */
  readonly name: string;
  readonly subprotocol?: string;
  readonly codes: Readonly<Record<number, CodeDefinition>>;
}
