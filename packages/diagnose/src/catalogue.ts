import { closeCodeFacts } from './closeCodes.js';
import type { CodeInfo, DocLink, EntryKey } from './types.js';

// Sources and look-alikes of each entry. The facts are in closeCodes.ts (../shared/close-codes.md).

const RFC_CODES: DocLink = { label: 'RFC 6455 §7.4.1', url: 'https://www.rfc-editor.org/rfc/rfc6455#section-7.4.1' };
const RFC_RANGES: DocLink = { label: 'RFC 6455 §7.4.2', url: 'https://www.rfc-editor.org/rfc/rfc6455#section-7.4.2' };
const RFC_CLOSE_CODE: DocLink = { label: 'RFC 6455 §7.1.5', url: 'https://www.rfc-editor.org/rfc/rfc6455#section-7.1.5' };
const RFC_RECONNECT: DocLink = { label: 'RFC 6455 §7.2.3', url: 'https://www.rfc-editor.org/rfc/rfc6455#section-7.2.3' };
const MDN: DocLink = { label: 'MDN CloseEvent.code', url: 'https://developer.mozilla.org/en-US/docs/Web/API/CloseEvent/code' };
const IANA: DocLink = { label: 'IANA WebSocket Close Code Number Registry', url: 'https://www.iana.org/assignments/websocket/websocket.xhtml#close-code-number' };
const WHATWG: DocLink = { label: 'WHATWG WebSockets Standard', url: 'https://websockets.spec.whatwg.org/#feedback-from-the-protocol' };
const HYBI_1012_1013: DocLink = { label: 'hybi list: 1012/1013', url: 'https://www.ietf.org/mail-archive/web/hybi/current/msg09670.html' };
const HYBI_1014: DocLink = { label: 'hybi list: 1014', url: 'https://www.ietf.org/mail-archive/web/hybi/current/msg10748.html' };

type References = readonly [related: readonly number[], links: readonly DocLink[]];

/** What each entry points to: look-alike codes and sources. The facts themselves are in closeCodes.ts. */
const REFERENCES: Readonly<Record<EntryKey, References>> = {
  1000: [[1001, 1005], [RFC_CODES, MDN, IANA]],
  1001: [[1000, 1012, 1006], [RFC_CODES, MDN, IANA, RFC_RECONNECT]],
  1002: [[1006, 1007, 1004], [RFC_CODES, MDN, IANA]],
  1003: [[1007, 1008], [RFC_CODES, MDN, IANA]],
  1004: [[1002], [RFC_CODES, IANA]],
  1005: [[1000, 1006], [RFC_CODES, RFC_CLOSE_CODE, MDN, IANA]],
  1006: [[1001, 1002, 1015, 1011], [RFC_CODES, RFC_CLOSE_CODE, WHATWG, MDN, IANA, RFC_RECONNECT]],
  1007: [[1003, 1002, 1008], [RFC_CODES, MDN, IANA]],
  1008: [[1003, 1009, 3000, 3003], [RFC_CODES, MDN, IANA]],
  1009: [[1006, 1008], [RFC_CODES, MDN, IANA]],
  1010: [[1002], [RFC_CODES, MDN, IANA]],
  1011: [[1006, 1013, 1001], [RFC_CODES, MDN, IANA, RFC_RECONNECT]],
  1012: [[1001, 1013, 1006], [MDN, IANA, HYBI_1012_1013]],
  1013: [[1012, 1011], [MDN, IANA, HYBI_1012_1013]],
  1014: [[1011, 1006], [MDN, IANA, HYBI_1014, RFC_RECONNECT]],
  1015: [[1006], [RFC_CODES, WHATWG, MDN, IANA]],
  3000: [[3003, 1008], [IANA, MDN]],
  3003: [[3000, 1008], [IANA, MDN]],
  3008: [[1001, 1011], [IANA, MDN, RFC_RECONNECT]],
  range_0_999: [[1002], [RFC_RANGES]],
  range_protocol_unassigned: [[1002], [RFC_RANGES, IANA]],
  range_registered_unassigned: [[3000, 3003, 3008], [RFC_RANGES, IANA]],
  range_private: [[1008], [RFC_RANGES, MDN]],
  not_a_code: [[1002], [RFC_RANGES]],
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

/** The facts for any number (see closeCodes.ts), with the entry's look-alikes and sources. */
export function codeInfo(code: number): CodeInfo & { readonly valid: boolean } {
  const { sendable: _sendable, ...facts } = closeCodeFacts(code);
  const [related, links] = REFERENCES[facts.key];
  return { ...facts, related, links };
}
