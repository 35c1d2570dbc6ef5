import { describe, expect, it } from 'vitest';
import { CAUSE_IDS, type CauseParams, type EvidenceParams } from '../causes.js';
import { en } from '../locales/en.js';
import type { DiagnoseLocale } from '../DiagnoseLocale.js';
import { LOCALES, LOCALE_TAGS } from './builtInLocales.js';

const OTHERS = LOCALES.filter((l) => l.tag !== 'en');
const script = (tag: string) => new Intl.Locale(tag).maximize().script;
const CHINESE = OTHERS.filter((l) => new Intl.Locale(l.tag).language === 'zh');

// Parity: keys are read from English, so the next key added to `en` is checked automatically.
const CJK = /[\u4e00-\u9fff]/;
// ASCII punctuation touching a Chinese character: Chinese text uses full-width ，：；。！？（）.
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
  const all = new Map(LOCALES.map((l) => [l.tag, strings(l)]));

  it('should load every locale of the list, each with its own tag', () => {
    expect(LOCALES.map((l) => l.tag)).toEqual(LOCALE_TAGS);
    expect(LOCALES.map((l) => l.tag)).toEqual(expect.arrayContaining(['en', 'zh-CN', 'zh-TW']));
  });

  it.each(OTHERS.map((l) => [l.tag]))('should have the same keys and list lengths in %s as in en', (tag) => {
    const map = all.get(tag)!;
    const missing = [...enStrings.keys()].filter((k) => !map.has(k));
    const extra = [...map.keys()].filter((k) => !enStrings.has(k));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  // One term per concept in each language, and none of the words of the other Chinese.
  const TERMS: Record<string, Array<[RegExp, string]>> = {
    'zh-CN': [
      [/(?<!HTTP )状态码/, '关闭码 for a close code; 状态码 only in HTTP 状态码'],
      [/HTTP 状态(?!码)/, 'HTTP 状态码, not HTTP 状态'],
      [/身份验证|认证/, '鉴权 for authentication'],
      [/可信度/, '置信度 for confidence'],
      [/线路上/, 'not the calque 线路上 for "on the wire"'],
      [/主动判定/, 'not the calque 主动判定连接失败 for "fail the connection"'],
      [/紧密循环|数据是确定的|你不被允许|杀掉|依然是 401/, 'not a literal phrasing'],
    ],
    'zh-TW': [
      [/(?<!HTTP )狀態碼/, '關閉碼 for a close code; 狀態碼 only in HTTP 狀態碼'],
      [/鑑權|鉴权|身份/, '驗證 for authentication, 身分 for identity'],
      [/服務器|服务器/, '伺服器, not 服務器'],
      [/消息|信息/, '訊息 / 資訊, not 消息 / 信息'],
      [/客戶端/, '用戶端, not 客戶端'],
      [/超時/, '逾時, not 超時'],
      [/文本/, '文字, not 文本'],
      [/二進制|二進位制/, '二進位, not 二進制'],
      [/握手/, '交握, not 握手'],
      [/(?<!訊)幀/, '訊框, not 幀'],
      [/協議/, '協定, not 協議'],
      [/會話/, '工作階段, not 會話'],
      [/數據|網絡|默認|設置|支持|質量|視頻|套接字|運行時|執行時|許可權|擴充套件|日誌|置信度/, 'a Mainland term (資料, 網路, 預設, 設定, 支援, 執行環境…)'],
      [/[“”‘’](?![a-z])/, 'Taiwan quotes 「」 and 『』'],
    ],
  };

  it.each(Object.keys(TERMS).map((t) => [t]))('should use one term per concept in %s, and none of the calques', (tag) => {
    const found: string[] = [];
    for (const [path, text] of all.get(tag)!) for (const [re, rule] of TERMS[tag]!) if (re.test(text)) found.push(`${path}: ${rule}: ${text}`);
    expect(found).toEqual([]);
  });

  it('should write zh-TW in Traditional characters: none of the Simplified-only ones a conversion would leave', () => {
    // Characters that exist only in Simplified Chinese, among those this text would use.
    const SIMPLIFIED = /[连务据码协为发这时个们会过说对没关开进应该网络认证错误处换断线帧节类数态实现边间题测试让还给请变将检启败码复传输无义闭双状读写输页载种长缓达释从选环终这转]/;
    const found = [...all.get('zh-TW')!].filter(([, v]) => SIMPLIFIED.test(v)).map(([k, v]) => `${k}: ${v}`);
    expect(found).toEqual([]);
  });

  it('should have no empty string in any locale', () => {
    for (const [tag, map] of all) {
      const empty = [...map].filter(([, v]) => v.trim() === '').map(([k]) => k);
      expect(empty, tag).toEqual([]);
    }
  });

  it.each(CHINESE.map((l) => [l.tag]))('should write every %s sentence in Chinese with full-width punctuation', (tag) => {
    const skip = new Set(['tag', 'category.tls', 'summary()', 'labels.colon', 'labels.openParen', 'labels.closeParen', 'labels.listSeparator']);
    const map = all.get(tag)!;
    const notChinese = [...map].filter(([k, v]) => !skip.has(k) && !k.startsWith('formatBytes') && !CJK.test(v)).map(([k]) => k);
    expect(notChinese).toEqual([]);
    const ascii = [...map].filter(([, v]) => ASCII_PUNCT_NEXT_TO_CJK.test(v)).map(([k, v]) => `${k}: ${v}`);
    expect(ascii).toEqual([]);
  });

  it('should keep protocol tokens in ASCII in Chinese, and give each script its own title', () => {
    for (const locale of CHINESE) {
      expect(locale.entries['1007'].description, locale.tag).toContain('UTF-8');
      expect(locale.entries['1006'].causes.join(''), locale.tag).toMatch(/1006|401/);
    }
    const titles = Object.fromEntries(CHINESE.map((l) => [script(l.tag), l.entries['1006'].title]));
    expect(titles).toEqual({ Hans: '异常关闭', Hant: '異常關閉' });
  });

  it('should have text for every cause id in every locale', () => {
    for (const locale of LOCALES) for (const id of CAUSE_IDS) expect(locale.causes[id].title.length, `${locale.tag} ${id}`).toBeGreaterThan(0);
  });

  it('should keep English text free of Chinese except quoted real-world reasons', () => {
    const offenders = [...enStrings].filter(([, v]) => CJK.test(v) && !/“|"[^"]*[\u4e00-\u9fff][^"]*"/.test(v)).map(([k]) => k);
    expect(offenders).toEqual([]);
  });
});
