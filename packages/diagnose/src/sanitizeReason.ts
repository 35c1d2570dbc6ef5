/** Longest reason kept, in UTF-16 code units. A real Close frame carries at most 123 bytes. */
export const MAX_REASON_LENGTH = 240;

// C0 and C1 controls, DEL, the line and paragraph separators, bidirectional marks and overrides
// that could reorder surrounding text (U+061C, U+200E-U+200F, U+202A-U+202E, U+2066-U+2069), and
// invisible characters that hide or smuggle text (U+200B-U+200D, U+2060, U+FEFF, and the tag
// characters U+E0000-U+E007F, which UTF-16 writes as U+DB40 plus U+DC00-U+DC7F).
const UNSAFE = /(?:[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]|\udb40[\udc00-\udc7f])+/g;

export interface SanitizedReason {
  readonly text: string;
  readonly truncated: boolean;
}

/**
 * Makes a server's close reason safe to show: control and bidi characters become spaces,
 * whitespace is collapsed, lone surrogates become U+FFFD, and the length is capped.
 * The result is plain text: render it as text (textContent, a React text node), never as HTML.
 *
 * @example
 * sanitizeReason('bad\u0000token\n<b>x</b>').text; // 'bad token <b>x</b>'
 */
export function sanitizeReason(reason: unknown): SanitizedReason {
  if (typeof reason !== 'string' || reason.length === 0) return { text: '', truncated: false };
  let text = reason.length > MAX_REASON_LENGTH * 4 ? reason.slice(0, MAX_REASON_LENGTH * 4) : reason;
  text = toWellFormed(text).replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  if (text.length <= MAX_REASON_LENGTH && reason.length <= MAX_REASON_LENGTH * 4) return { text, truncated: false };
  let cut = text.slice(0, MAX_REASON_LENGTH - 1);
  // Do not leave half of a surrogate pair at the cut.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return { text: `${cut}…`, truncated: true };
}

function toWellFormed(s: string): string {
  const native = (s as { toWellFormed?: () => string }).toWellFormed;
  if (typeof native === 'function') return native.call(s);
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}
