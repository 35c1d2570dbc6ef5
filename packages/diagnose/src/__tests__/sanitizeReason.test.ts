import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose.js';
import { MAX_REASON_LENGTH, sanitizeReason } from '../sanitizeReason.js';

describe('sanitizeReason', () => {
  it('should replace control and bidi characters with spaces', () => {
    expect(sanitizeReason('bad\u0000token\r\n\u001b[31mred\u202eevil\u0085x').text).toBe('bad token [31mred evil x');
  });

  it('should cap a 10 KB reason and say it was truncated', () => {
    const r = sanitizeReason('A'.repeat(10_240));
    expect(r.truncated).toBe(true);
    expect(r.text.length).toBe(MAX_REASON_LENGTH);
    expect(r.text.endsWith('…')).toBe(true);
  });

  it('should not cut a surrogate pair in half', () => {
    const r = sanitizeReason('😀'.repeat(400));
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(r.text)).toBe(false);
  });

  it('should turn lone surrogates into U+FFFD', () => {
    expect(sanitizeReason('a\ud800b').text).toBe('a\ufffdb');
  });

  it('should keep markup as literal text, never interpret or execute it', () => {
    const reason = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const d = diagnose({ code: 4000, reason }, {});
    expect(d.reason).toBe(reason);
    // The reason appears only as quoted text inside the sentence.
    expect(d.cause.detail).toBe(`The server's application chose 4000 with the reason "${reason}".`);
  });

  it('should return an empty reason for non-strings', () => {
    expect(sanitizeReason(42)).toEqual({ text: '', truncated: false });
    expect(sanitizeReason(undefined)).toEqual({ text: '', truncated: false });
  });

  it('should sanitize the reason inside a diagnosis', () => {
    const d = diagnose({ code: 1008, reason: `token\u0000expired${'!'.repeat(10_000)}` }, {});
    expect(d.reason).not.toContain('\u0000');
    expect(d.reasonTruncated).toBe(true);
    expect(d.cause.id).toBe('auth_rejected');
    for (const e of d.cause.evidence) expect(e.text.length).toBeLessThan(600);
  });
});

describe('sanitizeReason: invisible and reordering characters', () => {
  it.each([
    ['ARABIC LETTER MARK U+061C', 'a\u061cb'],
    ['ZERO WIDTH SPACE U+200B', 'a\u200bb'],
    ['ZERO WIDTH NON-JOINER U+200C', 'a\u200cb'],
    ['ZERO WIDTH JOINER U+200D', 'a\u200db'],
    ['WORD JOINER U+2060', 'a\u2060b'],
    ['BYTE ORDER MARK U+FEFF', 'a\ufeffb'],
    ['LINE SEPARATOR U+2028', 'a\u2028b'],
    ['TAG LATIN SMALL LETTER A U+E0061', 'a\u{E0061}b'],
    ['CANCEL TAG U+E007F', 'a\u{E007F}b'],
  ])('should remove %s', (_name, input) => {
    expect(sanitizeReason(input).text).toBe('a b');
  });

  it('should keep emoji and CJK, which are made of the same surrogate range as nothing above', () => {
    expect(sanitizeReason('服务重启 😀 ok').text).toBe('服务重启 😀 ok');
  });
});
