// Pure checks behind the outgoing contract. Each has a native fast path and a portable
// fallback that gives the same answer (tested against each other in validation.test.ts).

// Native UTF-8 (Node's Buffer) comes from the transport (`Transport.utf8`): core reads no runtime globals.
const hasIsWellFormed = typeof (String.prototype as { isWellFormed?: unknown }).isWellFormed === 'function';

let fatalDecoder: TextDecoder | undefined;
function decoder(): TextDecoder | undefined {
  if (fatalDecoder === undefined && typeof TextDecoder === 'function') fatalDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  return fatalDecoder;
}

/** Index of the first lone surrogate in `s`, or -1 when `s` is well-formed UTF-16. */
export function findLoneSurrogate(s: string): number {
  if (hasIsWellFormed && (s as unknown as { isWellFormed(): boolean }).isWellFormed()) return -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    return i;
  }
  return -1;
}

const encoder = typeof TextEncoder === 'function' ? new TextEncoder() : undefined;
let scratch: Uint8Array | undefined;
/** Longest string counted with encodeInto (its scratch buffer is 3 bytes per UTF-16 unit). */
const ENCODE_INTO_MAX = 1 << 20;

/** UTF-8 byte length of a well-formed string (lone surrogates count as U+FFFD, 3 bytes). */
export function utf8ByteLength(s: string): number {
  // Browsers: the native encoder beats a JS loop once a string is more than a few hundred units.
  if (encoder && s.length > 256 && s.length <= ENCODE_INTO_MAX) {
    const need = s.length * 3;
    if (!scratch || scratch.length < need) scratch = new Uint8Array(Math.max(need, 4096));
    return encoder.encodeInto(s, scratch).written;
  }
  let bytes = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // a pair: 2 units, 4 bytes
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/** Whether `bytes` is valid UTF-8 (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF), with `TextDecoder` in fatal mode. */
export function isUtf8(bytes: Uint8Array): boolean {
  const d = decoder();
  if (d) {
    try {
      d.decode(bytes);
      return true;
    } catch {
      return false;
    }
  }
  return firstInvalidUtf8(bytes) === -1;
}

/** Offset of the first byte that starts an invalid UTF-8 sequence, or -1. Portable; used to name the offending byte. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const x = b[i]!;
    if (x < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (x >= 0xc2 && x <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (x >= 0xe0 && x <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (x >= 0xf0 && x <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i; // continuation byte, overlong lead (C0, C1) or F5-FF
    if (i + need >= n) return i; // truncated sequence
    let cp = x & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const y = b[i + k];
      if (y === undefined || (y & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (y & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Longest close reason: 125-byte control frame minus the 2-byte code (RFC 6455 §5.5). */
export const MAX_CLOSE_REASON_BYTES = 123;
