import { describe, expect, it } from 'vitest';
import { compare } from '../compare.js';
import { diagnose } from '../diagnose.js';
import { explain } from '../explain.js';
import { completeLocale } from '../completeLocale.js';
import { en } from '../locales/en.js';
import { zhCN } from '../locales/zh-CN.js';
import type { DiagnoseLocale } from '../DiagnoseLocale.js';

// A third locale being written: a few strings in Japanese, the rest missing. Whatever such an
// object holds, explain, diagnose and compare answer, in its language where it has the text and
// in English, key by key, where it does not, and say which fields came from English.
const ja = {
  tag: 'ja',
  name: '日本語',
  entries: { '1006': { title: '異常終了' } },
  causes: { connection_dropped: { title: '接続が切れました', detail: () => { throw new Error('not written yet'); } } },
  retry: { backoff: 42 },
} as unknown as DiagnoseLocale;

const T = 1_700_000_000_000;
const dropped = { runtime: 'node', opened: true, timestamps: { created: T - 10_000, opened: T - 9_000, closed: T } } as const;

describe('a partial locale', () => {
  it('should give its own text where it has it and English key by key elsewhere, naming each field that fell back', () => {
    const d = diagnose({ code: 1006, wasClean: false }, dropped, { locale: ja });
    expect(d.locale).toBe('ja');
    expect(d.explanation.title).toBe('異常終了');
    expect(d.explanation.description).toBe(diagnose({ code: 1006, wasClean: false }, dropped).explanation.description);
    expect(d.cause).toMatchObject({ id: 'connection_dropped', title: '接続が切れました' });
    // The detail function threw, and the retry text was not a string: English for those.
    expect(d.cause.detail).toBe(en.causes.connection_dropped.detail({ code: 1006 }));
    expect(d.retry.text).toBe(en.retry.backoff);
    expect(d.localeFallbacks).toEqual({ used: 'en', fields: ['explanation.description', 'explanation.fixes', 'explanation.deadEnds', 'cause.detail', 'cause.fixes', 'cause.evidence', 'cause.confidenceText', 'retry.text', 'summary'] });
    // A sentence in two languages reads as neither: the summary is English as a whole.
    expect(d.summary).toBe(diagnose({ code: 1006, wasClean: false }, dropped).summary);
  });

  it('should never throw on any locale object, in explain, diagnose or compare', () => {
    const hostile = [
      {},
      { tag: 7, causes: null, entries: [] },
      Object.create(null),
      new Proxy({}, { get: () => { throw new Error('trap'); } }),
      { tag: 'x', summary: () => { throw new Error('x'); }, fallbackNote: 5, formatBytes: () => null },
      ja,
    ];
    for (const locale of hostile) {
      for (const code of [1000, 1006, 1012, 4000, 5000]) {
        expect(() => explain(code, { locale: locale as DiagnoseLocale })).not.toThrow();
        expect(() => diagnose({ code }, dropped, { locale: locale as DiagnoseLocale })).not.toThrow();
        expect(typeof diagnose({ code }, dropped, { locale: locale as DiagnoseLocale }).summary).toBe('string');
      }
      expect(() => compare(1003, 1007, { locale: locale as DiagnoseLocale })).not.toThrow();
    }
  });

  it('should change nothing for a complete locale, and cost one walk per object', () => {
    expect(diagnose({ code: 1006, wasClean: false }, dropped, { locale: zhCN }).localeFallbacks).toBeUndefined();
    expect(completeLocale(zhCN, en).missing).toEqual([]);
    expect(completeLocale(ja, en)).toBe(completeLocale(ja, en));
    expect(explain(1006, { locale: ja }).localeFallbacks).toEqual({ used: 'en', fields: ['description', 'fixes', 'deadEnds', 'causes', 'distinguish'] });
  });
});
