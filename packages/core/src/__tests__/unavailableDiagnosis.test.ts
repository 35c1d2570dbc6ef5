import { describe, expect, it } from 'vitest';
import { zhCN } from '@sockdoc/diagnose/locales/zh-CN';
import { unavailableDiagnosis } from '../unavailableDiagnosis.js';

// What a close looks like when @sockdoc/diagnose never loaded: the rest of the path (the chunk
// blocked, the retry, the next close diagnosed) runs in real Chromium in browser/lazyDiagnosis.test.ts.
describe('unavailableDiagnosis', () => {
  it('should keep the raw close, advise bounded backoff, and speak the locale object it was given', () => {
    const d = unavailableDiagnosis({ code: 4001, reason: 'bye', wasClean: true }, zhCN);
    expect(d).toMatchObject({ code: 4001, reason: 'bye', wasClean: true, locale: 'zh-CN', retry: { retryable: true, strategy: 'backoff' } });
    expect(d.cause.id).toBe('diagnosis_unavailable');
    expect(d.cause.title).toBe(zhCN.causes.diagnosis_unavailable.title);
    expect(d.explanation.range).toBe('private');
    expect(d.summary).toContain(zhCN.causes.diagnosis_unavailable.title);
  });

  it('should fall back to English for a tag or a list of tags (no text is loaded to match them)', () => {
    for (const locale of ['zh-CN', ['zh-CN', 'fr']]) {
      const d = unavailableDiagnosis({ code: 1006, reason: '', wasClean: false }, locale);
      expect(d.locale).toBe('en');
      expect(d.cause.title).toBe('The diagnosis could not be loaded');
      expect(d.explanation.onWire).toBe(false);
    }
  });
});
