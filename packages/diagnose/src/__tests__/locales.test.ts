import { describe, expect, it } from 'vitest';
import { CAUSE_IDS, type CauseParams, type EvidenceParams } from '../causes.js';
import { en } from '../locales/en.js';
import { zhCN } from '../locales/zh-CN.js';
import type { DiagnoseLocale } from '../DiagnoseLocale.js';

// Parity: keys are read from English, so the next key added to `en` is checked automatically.
const CJK = /[\u4e00-\u9fff]/;
// ASCII punctuation touching a Chinese character: zh-CN text uses full-width ，：；。！？（）.
const ASCII_PUNCT_NEXT_TO_CJK = /[\u4e00-\u9fff][,;:!?()]|[,;:!?()][\u4e00-\u9fff]|[\u4e00-\u9fff]\.(\s|$)/;

const PARAMS: CauseParams = { code: 1009, reason: 'x', bytes: 20000, limit: 16384, idleSeconds: 61, proxyTimeoutSeconds: 60, status: 401, errorCode: 'WS_ERR_INVALID_UTF8', clientCode: 4000, protocol: 'p', packName: 'pack', packTitle: 'T' };
const EVIDENCE: EvidenceParams = { code: 1006, seconds: 61, status: 401, errorCode: 'E', message: 'm', kind: 'binary', bytes: 10, agoMs: 5, limit: 8, proxyTimeoutSeconds: 60, fingerprint: 'auth', reason: 'r', clientCode: 1000, protocol: 'p', packName: 'n' };

function strings(locale: DiagnoseLocale): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (path: string, v: unknown) => {
    if (typeof v === 'string') out.set(path, v);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(`${path}[${i}]`, x));
    else if (typeof v === 'function') {
      const r = path.startsWith('causes.') ? v(PARAMS) : path.startsWith('evidence.') ? v(EVIDENCE) : path === 'appCode' ? v(4001) : path === 'summary' ? v({ code: 1, title: 't', cause: 'c', retry: 'r' }) : path === 'fallbackNote' ? v('fr', 'en') : v(2048);
      walk(`${path}()`, r);
    } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(path ? `${path}.${k}` : k, x);
  };
  walk('', locale);
  return out;
}

describe('locales', () => {
  const enStrings = strings(en);
  const zhStrings = strings(zhCN);

  it('should have the same keys and list lengths in zh-CN as in en', () => {
    const missing = [...enStrings.keys()].filter((k) => !zhStrings.has(k));
    const extra = [...zhStrings.keys()].filter((k) => !enStrings.has(k));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it('should use one Chinese term per concept: 关闭码, HTTP 状态码, 鉴权, 置信度; and none of the calques', () => {
    const RULES: Array<[RegExp, string]> = [
      [/(?<!HTTP )状态码/, '关闭码 for a close code; 状态码 only in HTTP 状态码'],
      [/HTTP 状态(?!码)/, 'HTTP 状态码, not HTTP 状态'],
      [/身份验证|认证/, '鉴权 for authentication'],
      [/可信度/, '置信度 for confidence'],
      [/线路上/, 'not the calque 线路上 for "on the wire"'],
      [/主动判定/, 'not the calque 主动判定连接失败 for "fail the connection"'],
      [/紧密循环|数据是确定的|你不被允许|杀掉|依然是 401/, 'not a literal phrasing'],
    ];
    const found: string[] = [];
    for (const [path, text] of zhStrings) for (const [re, rule] of RULES) if (re.test(text)) found.push(`${path}: ${rule}: ${text}`);
    expect(found).toEqual([]);
  });

  it('should have no empty string in either locale', () => {
    for (const [tag, map] of [['en', enStrings], ['zh-CN', zhStrings]] as const) {
      const empty = [...map].filter(([, v]) => v.trim() === '').map(([k]) => k);
      expect(empty, tag).toEqual([]);
    }
  });

  it('should write every zh-CN sentence in Chinese with full-width punctuation', () => {
    const skip = new Set(['tag', 'category.tls', 'summary()', 'labels.colon', 'labels.openParen', 'labels.closeParen']);
    const notChinese = [...zhStrings].filter(([k, v]) => !skip.has(k) && !k.startsWith('formatBytes') && !CJK.test(v)).map(([k]) => k);
    expect(notChinese).toEqual([]);
    const ascii = [...zhStrings].filter(([, v]) => ASCII_PUNCT_NEXT_TO_CJK.test(v)).map(([k, v]) => `${k}: ${v}`);
    expect(ascii).toEqual([]);
  });

  it('should keep protocol tokens in ASCII in zh-CN', () => {
    expect(zhCN.entries['1007'].description).toContain('UTF-8');
    expect(zhCN.entries['1006'].causes.join('')).toMatch(/1006|401/);
    expect(zhCN.entries['1006'].title).toBe('异常关闭');
  });

  it('should have text for every cause id in every locale', () => {
    for (const locale of [en, zhCN]) for (const id of CAUSE_IDS) expect(locale.causes[id].title.length, `${locale.tag} ${id}`).toBeGreaterThan(0);
  });

  it('should keep English text free of Chinese except quoted real-world reasons', () => {
    const offenders = [...enStrings].filter(([, v]) => CJK.test(v) && !/“|"[^"]*[\u4e00-\u9fff][^"]*"/.test(v)).map(([k]) => k);
    expect(offenders).toEqual([]);
  });
});
