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

  it('should read POSIX tags as terminals and servers write them, and take an empty tag as no request', () => {
    for (const tag of ['zh_CN', 'zh_CN.UTF-8', 'zh_CN.utf8@pinyin', 'zh_SG.GB18030']) expect(resolveLocale(tag, [zhCN]), tag).toEqual({ locale: zhCN });
    for (const tag of ['C', 'POSIX', 'C.UTF-8', 'en_US.UTF-8']) expect(resolveLocale(tag, [zhCN]), tag).toEqual({ locale: en });
    expect(resolveLocale('', [zhCN])).toEqual({ locale: en, fallback: { requested: '', used: 'en' } });
    expect(resolveLocale(['  ', ''], [zhCN]).fallback).toEqual({ requested: '', used: 'en' });
    expect(en.fallbackNote('', 'en')).toBe('No language was given; using "en".');
    expect(zhCN.fallbackNote('', 'en')).toBe('没有指定语言，改用“en”。');
    expect(resolveLocale(['', 'fr_FR.UTF-8'], [zhCN]).fallback).toEqual({ requested: 'fr_FR.UTF-8', used: 'en' });
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

  it.each(['zh-TW', 'zh-Hant', 'fr', 'not a tag!!'])('should fall back from %s to English with a note', (tag) => {
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

describe('loadLocale (the engine entry: one built-in locale, loaded when asked for)', () => {
  it('should load the built-in locale the first matching tag names, English with a fallback note otherwise', async () => {
    const { loadLocale } = await import('../loadLocale.js');
    expect((await loadLocale(['fr-FR', 'zh-Hans-CN'])).locale.tag).toBe('zh-CN');
    expect(await loadLocale('zh-SG')).toEqual({ locale: expect.objectContaining({ tag: 'zh-CN' }) });
    expect(await loadLocale(['fr', 'de'])).toEqual({ locale: expect.objectContaining({ tag: 'en' }), fallback: { requested: 'fr, de', used: 'en' } });
    expect(await loadLocale(undefined)).toEqual({ locale: expect.objectContaining({ tag: 'en' }) });
    expect(await loadLocale([])).toEqual({ locale: expect.objectContaining({ tag: 'en' }) });
    // Traditional Chinese: Taiwan's text for zh-TW and for any zh-Hant tag; zh (Simplified) is not it.
    for (const tag of ['zh-TW', 'zh-Hant', 'zh-Hant-TW', 'zh-HK', 'zh_TW.UTF-8']) expect((await loadLocale(tag)).locale.tag, tag).toBe('zh-TW');
    expect((await loadLocale('zh')).locale.tag).toBe('zh-CN');
    expect((await loadLocale('zh-TW')).locale.entries['1006'].title).toBe('異常關閉');
  });

  it('should diagnose in the chosen locale without resolving tags again', async () => {
    const { diagnoseIn } = await import('../diagnoseIn.js');
    const { loadLocale } = await import('../loadLocale.js');
    const d = diagnoseIn({ code: 1012, reason: '', wasClean: true }, { opened: true }, await loadLocale('zh-CN'));
    expect(d).toMatchObject({ locale: 'zh-CN', explanation: { title: '服务重启', locale: 'zh-CN' } });
    const fr = diagnoseIn({ code: 1012, reason: '', wasClean: true }, { opened: true }, await loadLocale('fr'));
    expect(fr).toMatchObject({ locale: 'en', localeFallback: { requested: 'fr', used: 'en' }, explanation: { localeFallback: { requested: 'fr', used: 'en' } } });
  });
});
