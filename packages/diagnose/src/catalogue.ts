import type { CodeInfo, DocLink, EntryKey, RetryAdvice } from './types.js';

// Facts from ../shared/close-codes.md §1-§3 and §7 (RFC 6455, IANA, WHATWG, MDN, hybi list).

const RFC_CODES: DocLink = { label: 'RFC 6455 §7.4.1', url: 'https://www.rfc-editor.org/rfc/rfc6455#section-7.4.1' };
const RFC_RANGES: DocLink = { label: 'RFC 6455 §7.4.2', url: 'https://www.rfc-editor.org/rfc/rfc6455#section-7.4.2' };
const RFC_CLOSE_CODE: DocLink = { label: 'RFC 6455 §7.1.5', url: 'https://www.rfc-editor.org/rfc/rfc6455#section-7.1.5' };
const RFC_RECONNECT: DocLink = { label: 'RFC 6455 §7.2.3', url: 'https://www.rfc-editor.org/rfc/rfc6455#section-7.2.3' };
const MDN: DocLink = { label: 'MDN CloseEvent.code', url: 'https://developer.mozilla.org/en-US/docs/Web/API/CloseEvent/code' };
const IANA: DocLink = { label: 'IANA WebSocket Close Code Number Registry', url: 'https://www.iana.org/assignments/websocket/websocket.xhtml#close-code-number' };
const WHATWG: DocLink = { label: 'WHATWG WebSockets Standard', url: 'https://websockets.spec.whatwg.org/#feedback-from-the-protocol' };
const HYBI_1012_1013: DocLink = { label: 'hybi list: 1012/1013', url: 'https://www.ietf.org/mail-archive/web/hybi/current/msg09670.html' };
const HYBI_1014: DocLink = { label: 'hybi list: 1014', url: 'https://www.ietf.org/mail-archive/web/hybi/current/msg10748.html' };

const NO: RetryAdvice = { retryable: false, strategy: 'no' };
const BACKOFF: RetryAdvice = { retryable: true, strategy: 'backoff', delayMs: [0, 5000] };
const REAUTH: RetryAdvice = { retryable: true, strategy: 'after_reauth' };
const POLICY: RetryAdvice = { retryable: true, strategy: 'policy', delayMs: [0, 5000] };

type Fact = Omit<CodeInfo, 'code'>;

function fact(
  key: EntryKey,
  name: string,
  category: CodeInfo['category'],
  range: CodeInfo['range'],
  onWire: boolean,
  sentBy: CodeInfo['sentBy'],
  retry: RetryAdvice,
  related: readonly number[],
  links: readonly DocLink[],
): Fact {
  return { key, name, category, range, onWire, sentBy, retry, related, links };
}

/** Stable facts for every code that has its own entry. */
const CODE_FACTS: Readonly<Record<number, Fact>> = {
  1000: fact('1000', 'Normal Closure', 'normal', 'protocol', true, 'either', { retryable: false, strategy: 'no' }, [1001, 1005], [RFC_CODES, MDN, IANA]),
  1001: fact('1001', 'Going Away', 'going_away', 'protocol', true, 'either', BACKOFF, [1000, 1012, 1006], [RFC_CODES, MDN, IANA, RFC_RECONNECT]),
  1002: fact('1002', 'Protocol error', 'protocol_error', 'protocol', true, 'either', NO, [1006, 1007, 1004], [RFC_CODES, MDN, IANA]),
  1003: fact('1003', 'Unsupported Data', 'unsupported_data', 'protocol', true, 'either', NO, [1007, 1008], [RFC_CODES, MDN, IANA]),
  1004: fact('1004', 'Reserved', 'reserved', 'protocol', false, 'nobody', NO, [1002], [RFC_CODES, IANA]),
  1005: fact('1005', 'No Status Rcvd', 'no_status', 'protocol', false, 'local', POLICY, [1000, 1006], [RFC_CODES, RFC_CLOSE_CODE, MDN, IANA]),
  1006: fact('1006', 'Abnormal Closure', 'abnormal', 'protocol', false, 'local', { retryable: true, strategy: 'backoff', delayMs: [0, 5000] }, [1001, 1002, 1015, 1011], [RFC_CODES, RFC_CLOSE_CODE, WHATWG, MDN, IANA, RFC_RECONNECT]),
  1007: fact('1007', 'Invalid frame payload data', 'invalid_payload', 'protocol', true, 'either', NO, [1003, 1002, 1008], [RFC_CODES, MDN, IANA]),
  1008: fact('1008', 'Policy Violation', 'policy', 'protocol', true, 'either', { retryable: true, strategy: 'after_reauth' }, [1003, 1009, 3000, 3003], [RFC_CODES, MDN, IANA]),
  1009: fact('1009', 'Message Too Big', 'too_big', 'protocol', true, 'either', NO, [1006, 1008], [RFC_CODES, MDN, IANA]),
  1010: fact('1010', 'Mandatory Ext.', 'extension', 'protocol', true, 'client', NO, [1002], [RFC_CODES, MDN, IANA]),
  1011: fact('1011', 'Internal Error', 'server_error', 'protocol', true, 'server', { retryable: true, strategy: 'backoff', delayMs: [0, 5000] }, [1006, 1013, 1001], [RFC_CODES, MDN, IANA, RFC_RECONNECT]),
  1012: fact('1012', 'Service Restart', 'restart', 'protocol', true, 'server', { retryable: true, strategy: 'delay_5_30s', delayMs: [5000, 30000] }, [1001, 1013, 1006], [MDN, IANA, HYBI_1012_1013]),
  1013: fact('1013', 'Try Again Later', 'overload', 'protocol', true, 'server', { retryable: true, strategy: 'slow_backoff', delayMs: [30000, 120000] }, [1012, 1011], [MDN, IANA, HYBI_1012_1013]),
  1014: fact('1014', 'Bad Gateway', 'gateway', 'protocol', true, 'server', BACKOFF, [1011, 1006], [MDN, IANA, HYBI_1014, RFC_RECONNECT]),
  1015: fact('1015', 'TLS handshake', 'tls', 'protocol', false, 'local', NO, [1006], [RFC_CODES, WHATWG, MDN, IANA]),
  3000: fact('3000', 'Unauthorized', 'auth', 'registered', true, 'either', REAUTH, [3003, 1008], [IANA, MDN]),
  3003: fact('3003', 'Forbidden', 'forbidden', 'registered', true, 'either', NO, [3000, 1008], [IANA, MDN]),
  3008: fact('3008', 'Timeout', 'timeout', 'registered', true, 'either', BACKOFF, [1001, 1011], [IANA, MDN, RFC_RECONNECT]),
};

const RANGE_FACTS: Readonly<Record<'range_0_999' | 'range_protocol_unassigned' | 'range_registered_unassigned' | 'range_private' | 'not_a_code', Fact>> = {
  range_0_999: fact('range_0_999', 'Not used (0-999)', 'invalid', 'invalid', false, 'nobody', NO, [1002], [RFC_RANGES]),
  range_protocol_unassigned: fact('range_protocol_unassigned', 'Unassigned (reserved for the protocol, 1000-2999)', 'reserved', 'protocol', false, 'nobody', NO, [1002], [RFC_RANGES, IANA]),
  range_registered_unassigned: fact('range_registered_unassigned', 'Unassigned (registered range, 3000-3999)', 'application', 'registered', true, 'either', { retryable: 'unknown', strategy: 'unknown' }, [3000, 3003, 3008], [RFC_RANGES, IANA]),
  range_private: fact('range_private', 'Private use (4000-4999)', 'application', 'private', true, 'either', { retryable: 'unknown', strategy: 'unknown' }, [1008], [RFC_RANGES, MDN]),
  not_a_code: fact('not_a_code', 'Not a close code', 'invalid', 'invalid', false, 'nobody', NO, [1002], [RFC_RANGES]),
};

/**
 * Every entry key, in catalogue order. Tests and docs iterate over this.
 *
 * @example
 * ENTRY_KEYS.map((k) => explain(SAMPLE_CODE[k]).title);
 */
export const ENTRY_KEYS: readonly EntryKey[] = [
  '1000', '1001', '1002', '1003', '1004', '1005', '1006', '1007', '1008', '1009', '1010', '1011',
  '1012', '1013', '1014', '1015', '3000', '3003', '3008',
  'range_0_999', 'range_protocol_unassigned', 'range_registered_unassigned', 'range_private', 'not_a_code',
];

/** A representative code for each entry key (the code itself, or one code in the range). */
export const SAMPLE_CODE: Readonly<Record<EntryKey, number>> = Object.fromEntries(
  ENTRY_KEYS.map((k) => [k, /^\d+$/.test(k) ? Number(k) : ({ range_0_999: 999, range_protocol_unassigned: 2000, range_registered_unassigned: 3500, range_private: 4000, not_a_code: 5000 } as Record<string, number>)[k]!]),
) as Record<EntryKey, number>;

/**
 * Whether `code` is a close code at all: an integer in 1000-4999 (RFC 6455 §11.7).
 *
 * @example
 * isCloseCode(1006); // true
 * isCloseCode(5000); // false
 */
export function isCloseCode(code: number): boolean {
  return Number.isInteger(code) && code >= 1000 && code <= 4999;
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
  return Number.isInteger(code) && ((code >= 1000 && code <= 1014 && (code < 1004 || code > 1006)) || (code >= 3000 && code <= 4999));
}

/** The stable facts for any number, falling back to the range it belongs to. */
export function codeInfo(code: number): CodeInfo {
  const own = Number.isInteger(code) ? CODE_FACTS[code] : undefined;
  if (own) return { code, ...own };
  let range: keyof typeof RANGE_FACTS;
  if (!Number.isInteger(code) || code < 0 || code > 4999) range = 'not_a_code';
  else if (code < 1000) range = 'range_0_999';
  else if (code < 3000) range = 'range_protocol_unassigned';
  else if (code < 4000) range = 'range_registered_unassigned';
  else range = 'range_private';
  return { code, ...RANGE_FACTS[range] };
}

