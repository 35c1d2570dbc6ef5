import { isUtf8 as nodeIsUtf8 } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { findLoneSurrogate, firstInvalidUtf8, isUtf8, utf8ByteLength } from '../validation.js';
import { checkString } from '../checkOutgoing.js';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('firstInvalidUtf8 / isUtf8', () => {
  it.each([
    ['empty', bytes(), -1],
    ['ASCII', bytes(0x68, 0x69), -1],
    ['2-byte é', bytes(0xc3, 0xa9), -1],
    ['3-byte 汉', bytes(0xe6, 0xb1, 0x89), -1],
    ['4-byte 😀', bytes(0xf0, 0x9f, 0x98, 0x80), -1],
    ['U+10FFFF', bytes(0xf4, 0x8f, 0xbf, 0xbf), -1],
    ['lone continuation', bytes(0x41, 0x80), 1],
    ['overlong 2-byte (C0 80)', bytes(0xc0, 0x80), 0],
    ['overlong 2-byte (C1 BF)', bytes(0xc1, 0xbf), 0],
    ['overlong 3-byte (E0 80 80)', bytes(0xe0, 0x80, 0x80), 0],
    ['overlong 4-byte (F0 80 80 80)', bytes(0xf0, 0x80, 0x80, 0x80), 0],
    ['UTF-8 encoded surrogate D800 (ED A0 80)', bytes(0xed, 0xa0, 0x80), 0],
    ['above U+10FFFF (F4 90 80 80)', bytes(0xf4, 0x90, 0x80, 0x80), 0],
    ['F5 lead', bytes(0xf5, 0x80, 0x80, 0x80), 0],
    ['FF', bytes(0x61, 0x62, 0xff), 2],
    ['truncated 3-byte at end', bytes(0x61, 0xe6, 0xb1), 1],
    ['bad continuation', bytes(0xc3, 0x28), 0],
  ])('should judge %s', (_name, input, expected) => {
    expect(firstInvalidUtf8(input)).toBe(expected);
    expect(isUtf8(input)).toBe(expected === -1);
    // The portable fallback and the runtime's validator agree.
    expect(new TextDecoder('utf-8', { fatal: false }).decode(input).includes('\ufffd')).toBe(expected !== -1);
  });

  it('should agree with node:buffer isUtf8 on 5,000 random byte strings', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 5000; i++) {
      const b = new Uint8Array(1 + Math.floor(rnd() * 12));
      for (let k = 0; k < b.length; k++) b[k] = rnd() < 0.5 ? Math.floor(rnd() * 0x80) : 0x80 + Math.floor(rnd() * 0x80);
      expect(firstInvalidUtf8(b) === -1).toBe(nodeIsUtf8(b));
      expect(isUtf8(b)).toBe(nodeIsUtf8(b));
    }
  });
});

describe('findLoneSurrogate', () => {
  it.each([
    ['', -1],
    ['abc', -1],
    ['😀', -1],
    ['a\ud83d', 1],
    ['\ude00a', 0],
    ['😀\ud800😀', 2],
    ['\ud83d\ud83d\ude00', 0],
  ])('should find the lone surrogate in %j', (s, index) => {
    expect(findLoneSurrogate(s)).toBe(index);
  });
});

describe('utf8ByteLength and the size limit of strings', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['汉字', 6],
    ['😀', 4],
  ])('should count %j as %i bytes', (s, n) => {
    expect(utf8ByteLength(s)).toBe(n);
    expect(utf8ByteLength(s)).toBe(new TextEncoder().encode(s).byteLength);
    // A string of exactly maxMessageBytes fits; one byte less refuses it (the browser path: no encoder).
    expect(checkString(s, 'text', n).bytes).toBe(n);
    if (n > 0) expect(() => checkString(s, 'text', n - 1)).toThrow(expect.objectContaining({ code: 'SOCKDOC_MESSAGE_TOO_BIG' }));
  });
});
