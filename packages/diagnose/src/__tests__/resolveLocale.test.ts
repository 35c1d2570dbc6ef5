import { describe, expect, it } from 'vitest';
import { explain } from '../explain.js';
import { registerLocale, resolveLocale } from '../resolveLocale.js';
import { en } from '../locales/en.js';
import { zhCN } from '../locales/zh-CN.js';
import type { DiagnoseLocale } from '../DiagnoseLocale.js';

describe('resolveLocale', () => {
  it('should use English by default, without a fallback note', () => {
    expect(resolveLocale(undefined)).toEqual({ locale: en });
  });

  it('should accept a locale object without registration', () => {
    expect(explain(1006, { locale: zhCN }).title).toBe('异常关闭');
  });

  it('should fall back to English and say so when the tag is known but not loaded', () => {
    const r = resolveLocale('ja');
    expect(r.locale).toBe(en);
    expect(r.fallback).toEqual({ requested: 'ja', used: 'en' });
    expect(explain(1000, { locale: 'ja' }).localeFallback).toEqual({ requested: 'ja', used: 'en' });
  });

  it.each(['zh', 'zh-Hans', 'zh-Hans-CN', 'zh-CN', 'ZH-cn', 'zh-SG'])('should resolve %s to zh-CN once registered', (tag) => {
    registerLocale(zhCN);
    const r = resolveLocale(tag);
    expect(r.locale.tag).toBe('zh-CN');
    expect(r.fallback).toBeUndefined();
  });

  it.each(['zh-TW', 'zh-Hant', 'fr', 'not a tag!!', ''])('should fall back from %s to English with a note', (tag) => {
    registerLocale(zhCN);
    const r = resolveLocale(tag);
    expect(r.locale.tag).toBe('en');
    expect(r.fallback?.requested).toBe(tag);
  });

  it('should resolve en-US and en-GB to en without a note', () => {
    expect(resolveLocale('en-US')).toEqual({ locale: en });
    expect(resolveLocale('en-GB')).toEqual({ locale: en });
  });

  it('should let a third locale be added as one object', () => {
    const pirate: DiagnoseLocale = { ...en, tag: 'en-x-pirate', name: 'Pirate', entries: { ...en.entries, '1000': { ...en.entries['1000'], title: 'Ship sailed home' } } };
    expect(explain(1000, { locale: 'en-x-pirate', locales: [pirate] }).title).toBe('Ship sailed home');
  });
});
