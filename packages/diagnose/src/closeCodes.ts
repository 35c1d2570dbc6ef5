import type { Category, CodeRange, EntryKey, RetryAdvice, Sender } from './types.js';

// The one table of close-code facts: every place that judges a code (close() arguments in
// @sockdoc/core, explain, diagnose, the client's decision when the diagnosis has not loaded)
// reads it from here. No locale text: names are the official English ones (RFC 6455 §7.4.1,
// the IANA registry). Sources: ../shared/close-codes.md §1-§3 and §7.

/**
 * Retry advice, each kind written once. Delay bounds: RFC 6455 §7.2.3 (first reconnect random
 * in 0-5 s), the hybi guidance for 1012 (5-30 s) and 1013 (long backoff, at least 30 s).
 */
export const RETRY = {
  no: { retryable: false, strategy: 'no' },
  /** Not a failure: the connection ended as one side meant it to (a normal close, the client's own). Nothing to retry. */
  ended: { retryable: false, strategy: 'ended' },
  backoff: { retryable: true, strategy: 'backoff', delayMs: [0, 5000] },
  restart: { retryable: true, strategy: 'delay_5_30s', delayMs: [5000, 30000] },
  slow: { retryable: true, strategy: 'slow_backoff', delayMs: [30000, 120000] },
  reauth: { retryable: true, strategy: 'after_reauth' },
  policy: { retryable: true, strategy: 'policy', delayMs: [0, 5000] },
  unknown: { retryable: 'unknown', strategy: 'unknown' },
} as const satisfies Record<string, RetryAdvice>;

/** What is known about a code without any evidence, and without any language. */
export interface CloseCodeFacts {
  /** The code asked about, exactly as given (may be `NaN` or `1.5`). */
  readonly code: number;
  readonly key: EntryKey;
  /** Official English name (RFC 6455 / IANA), or the range's description. */
  readonly name: string;
  readonly category: Category;
  readonly range: CodeRange;
  /** An integer in 1000-4999 (RFC 6455 §7.4.2). */
  readonly valid: boolean;
  /** A Close frame may carry it (what `ws` and undici accept on receipt). 1005, 1006 and 1015 never do. */
  readonly onWire: boolean;
  /** Script may send it with `close()`: 1000 or 3000-4999 (WHATWG). */
  readonly sendable: boolean;
  readonly sentBy: Sender;
  readonly retry: RetryAdvice;
}

type Row = readonly [name: string, category: Category, onWire: boolean, sentBy: Sender, retry: RetryAdvice];

const { no, ended, backoff, restart, slow, reauth, policy, unknown } = RETRY;

/** Codes with an entry of their own. The range of each follows from the number. */
const CODES: Readonly<Record<number, Row>> = {
  1000: ['Normal Closure', 'normal', true, 'either', ended],
  1001: ['Going Away', 'going_away', true, 'either', backoff],
  1002: ['Protocol error', 'protocol_error', true, 'either', no],
  1003: ['Unsupported Data', 'unsupported_data', true, 'either', no],
  1004: ['Reserved', 'reserved', false, 'nobody', no],
  1005: ['No Status Rcvd', 'no_status', false, 'local', policy],
  1006: ['Abnormal Closure', 'abnormal', false, 'local', backoff],
  1007: ['Invalid frame payload data', 'invalid_payload', true, 'either', no],
  1008: ['Policy Violation', 'policy', true, 'either', reauth],
  1009: ['Message Too Big', 'too_big', true, 'either', no],
  1010: ['Mandatory Ext.', 'extension', true, 'client', no],
  1011: ['Internal Error', 'server_error', true, 'server', backoff],
  1012: ['Service Restart', 'restart', true, 'server', restart],
  1013: ['Try Again Later', 'overload', true, 'server', slow],
  1014: ['Bad Gateway', 'gateway', true, 'server', backoff],
  1015: ['TLS handshake', 'tls', false, 'local', no],
  3000: ['Unauthorized', 'auth', true, 'either', reauth],
  3003: ['Forbidden', 'forbidden', true, 'either', no],
  3008: ['Timeout', 'timeout', true, 'either', backoff],
};

/** Everything else, by range. */
const RANGES = {
  range_0_999: ['Not used (0-999)', 'invalid', false, 'nobody', no],
  range_protocol_unassigned: ['Unassigned (reserved for the protocol, 1000-2999)', 'reserved', false, 'nobody', no],
  range_registered_unassigned: ['Unassigned (registered range, 3000-3999)', 'application', true, 'either', unknown],
  range_private: ['Private use (4000-4999)', 'application', true, 'either', unknown],
  not_a_code: ['Not a close code', 'invalid', false, 'nobody', no],
} as const satisfies Record<string, Row>;

/**
 * The facts about any value given as a close code, falling back to the range it belongs to.
 * Never throws.
 *
 * @example
 * closeCodeFacts(1006).onWire;   // false: only ever reported locally
 * closeCodeFacts(4001).range;    // 'private'
 * closeCodeFacts(1.5).valid;     // false
 */
export function closeCodeFacts(code: number): CloseCodeFacts {
  const n = typeof code === 'number' ? code : Number.NaN;
  const integer = Number.isInteger(n);
  const range: CodeRange = !integer || n < 1000 || n > 4999 ? 'invalid' : n < 3000 ? 'protocol' : n < 4000 ? 'registered' : 'private';
  const own = integer ? CODES[n] : undefined;
  const key: EntryKey = own
    ? (String(n) as EntryKey)
    : range === 'protocol'
      ? 'range_protocol_unassigned'
      : range === 'registered'
        ? 'range_registered_unassigned'
        : range === 'private'
          ? 'range_private'
          : integer && n >= 0 && n < 1000
            ? 'range_0_999'
            : 'not_a_code';
  const [name, category, onWire, sentBy, retry] = own ?? RANGES[key as keyof typeof RANGES];
  const valid = range !== 'invalid';
  return { code: n, key, name, category, range, valid, onWire, sendable: n === 1000 || range === 'registered' || range === 'private', sentBy, retry };
}

/**
 * Whether `code` is a close code at all: an integer in 1000-4999 (RFC 6455 §7.4.2).
 *
 * @example
 * isCloseCode(1006); // true
 * isCloseCode(5000); // false
 */
export function isCloseCode(code: number): boolean {
  return closeCodeFacts(code).valid;
}

/**
 * Whether a Close frame may carry `code` (the rule `ws` and undici apply on receipt):
 * 1000-1014 except 1004-1006, or 3000-4999.
 *
 * @example
 * isWireCode(1006); // false: only ever reported locally
 * isWireCode(4001); // true
 */
export function isWireCode(code: number): boolean {
  return closeCodeFacts(code).onWire;
}

/**
 * Whether script may close with `code`: 1000 or an integer in 3000-4999, as browsers require
 * (WHATWG `close()`); sockdoc applies the same rule on every runtime.
 *
 * @example
 * isSendableCloseCode(4001); // true
 * isSendableCloseCode(1001); // false: reserved for the protocol
 */
export function isSendableCloseCode(code: unknown): code is number {
  return typeof code === 'number' && closeCodeFacts(code).sendable;
}
