import { describe, expect, it } from 'vitest';
import { ENTRY_KEYS, SAMPLE_CODE } from '../catalogue.js';
import { explain } from '../explain.js';
import { en } from '../locales/en.js';
import { zhCN } from '../locales/zh-CN.js';

const LOCALES = [en, zhCN];
const TEXT_FIELDS = ['title', 'description'] as const;
const LIST_FIELDS = ['causes', 'fixes', 'deadEnds', 'distinguish'] as const;
const CODES = [...Array.from({ length: 16 }, (_, i) => 1000 + i), 3000, 3003, 3008];

describe('explain', () => {
  it.each(LOCALES.flatMap((l) => ENTRY_KEYS.map((k) => [l.tag, k, l] as const)))('should give %s text for every field of %s', (_tag, key, locale) => {
    const e = explain(SAMPLE_CODE[key], { locale });
    expect(e.key).toBe(key);
    for (const f of TEXT_FIELDS) expect(e[f].trim().length, f).toBeGreaterThan(1);
    for (const f of LIST_FIELDS) {
      expect(e[f].length, f).toBeGreaterThan(0);
      for (const s of e[f]) expect(s.trim().length, f).toBeGreaterThan(1);
    }
    expect(locale.entries[key].useWhen.length).toBeGreaterThan(1);
    expect(e.name.length).toBeGreaterThan(0);
    expect(e.links.length).toBeGreaterThan(0);
  });

  it('should use the official RFC 6455 / IANA names', () => {
    const names = Object.fromEntries(CODES.map((c) => [c, explain(c).name]));
    expect(names).toEqual({
      1000: 'Normal Closure', 1001: 'Going Away', 1002: 'Protocol error', 1003: 'Unsupported Data', 1004: 'Reserved',
      1005: 'No Status Rcvd', 1006: 'Abnormal Closure', 1007: 'Invalid frame payload data', 1008: 'Policy Violation',
      1009: 'Message Too Big', 1010: 'Mandatory Ext.', 1011: 'Internal Error', 1012: 'Service Restart',
      1013: 'Try Again Later', 1014: 'Bad Gateway', 1015: 'TLS handshake', 3000: 'Unauthorized', 3003: 'Forbidden', 3008: 'Timeout',
    });
  });

  it('should mark 1004, 1005, 1006 and 1015 as never on the wire, and the rest of 1000-1014 as wire codes', () => {
    for (const code of CODES) expect(explain(code).onWire, String(code)).toBe(![1004, 1005, 1006, 1015].includes(code));
  });

  it('should give retry advice from the sources: no for data errors, 5-30 s for 1012, after re-auth for 3000', () => {
    for (const code of [1002, 1003, 1007, 1009, 1010, 1015, 3003]) expect(explain(code).retry.retryable, String(code)).toBe(false);
    expect(explain(1012).retry).toMatchObject({ retryable: true, strategy: 'delay_5_30s', delayMs: [5000, 30000] });
    expect(explain(1013).retry.strategy).toBe('slow_backoff');
    expect(explain(3000).retry.strategy).toBe('after_reauth');
    expect(explain(1006).retry).toMatchObject({ retryable: true, strategy: 'backoff' });
  });

  it('should classify ranges: 1016-2999 protocol, 3000-3999 registered, 4000-4999 private', () => {
    expect(explain(2000)).toMatchObject({ key: 'range_protocol_unassigned', range: 'protocol', valid: true, onWire: false });
    expect(explain(3999)).toMatchObject({ key: 'range_registered_unassigned', range: 'registered', valid: true });
    expect(explain(4000)).toMatchObject({ key: 'range_private', range: 'private', valid: true, retry: { retryable: 'unknown' } });
    expect(explain(4999).key).toBe('range_private');
  });

  it.each([-1, 0, 999, 5000, 65535, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('should give a clear entry for %s and never throw', (code) => {
    const e = explain(code);
    expect(e.valid).toBe(false);
    expect(['range_0_999', 'not_a_code']).toContain(e.key);
    expect(e.title).toMatch(/Not a (valid )?close code/);
    expect(e.retry.retryable).toBe(false);
  });

  it('should not throw for values that are not numbers', () => {
    for (const bad of ['1000', null, undefined, {}, Symbol('x')]) {
      expect(explain(bad as unknown as number).key).toBe('not_a_code');
    }
  });

  it('should cover the seed topics: 1003 frame type and opcode fix, 1007 UTF-8 with binary-frame fix and dead ends', () => {
    const e1003 = explain(1003);
    expect(e1003.causes.join(' ')).toMatch(/binary frame .* text/);
    expect(e1003.fixes[0]).toMatch(/frame type the server expects/);
    const e1007 = explain(1007);
    expect(e1007.description).toMatch(/not valid UTF-8/);
    expect(e1007.fixes[0]).toMatch(/binary frames/);
    expect(e1007.deadEnds.join(' ')).toMatch(/Restarting/);
    expect(e1007.deadEnds.join(' ')).toMatch(/buffers/);
    expect(e1007.causes.join(' ')).toMatch(/send 1007 where 1003 is correct/);
    expect(explain(1006).distinguish.join(' ')).toMatch(/detects an error usually reports 1006/);
  });
});
