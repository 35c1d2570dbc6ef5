import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose.js';
import { CAUSE_IDS } from '../causes.js';
import { en } from '../locales/en.js';
import { zhCN } from '../locales/zh-CN.js';
import { LOCALES, LOCALE_TAGS } from './builtInLocales.js';
import type { DiagnoseContext } from '../types.js';

// Every code × a grid of contexts, rendered in every locale: the sentences a user reads must
// compose cleanly whatever the evidence.
const T = 1_700_000_000_000;
const CODES = [999, 1000, 1001, 1002, 1003, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 1015, 3000, 3003, 3008, 4000, 4401, 4999, 5000];
const opened = { runtime: 'node', opened: true, timestamps: { created: T - 10_000, opened: T - 9_000, closed: T } } as const;
const never = (extra: Partial<DiagnoseContext>): DiagnoseContext => ({ opened: false, timestamps: { created: T - 100, closed: T }, ...extra });
const CONTEXTS: DiagnoseContext[] = [
  {},
  opened,
  { ...opened, timestamps: { created: T - 1000, opened: T - 400, closed: T } }, // open for under a second
  { ...opened, recentOutgoing: [{ kind: 'binary', bytes: 2048, at: T }] }, // sent at the instant of the close
  { ...opened, recentOutgoing: [{ kind: 'text', bytes: 70_000, at: T - 5, utf8Valid: false }] },
  { ...opened, recentOutgoing: [{ kind: 'text', bytes: 12, at: T - 3500 }] },
  { ...opened, initiator: 'client', clientClose: { code: 1000, reason: 'bye' } },
  never({ runtime: 'browser' }),
  never({ runtime: 'browser', statusProbe: { status: 426 } }),
  never({ runtime: 'browser', statusProbe: { unknown: 'cross_origin' } }),
  ...[301, 400, 401, 403, 404, 426, 429, 500, 503].map((handshakeStatus) => never({ runtime: 'node', handshakeStatus, retryAfter: '5' })),
  never({ runtime: 'node', transportError: { message: 'socket hang up' } }),
  never({ runtime: 'node', transportError: { code: 'ECONNREFUSED' } }),
  never({ runtime: 'node', transportError: { code: 'HPE_INVALID_CONSTANT', message: 'Parse Error' } }),
  { ...opened, transportError: { code: 'WS_ERR_INVALID_UTF8' } },
  { ...opened, heartbeatTimeout: true },
];
const REASONS = [undefined, '', 'Service restart', 'invalid token: expired'];

/** What a careful reader trips over, per language. */
const RULES: Record<string, Array<[string, RegExp]>> = {
  en: [
    ['a dangling comma or stop', /,\.|\.\.(?!\.)|\s[.,;:]|,$/],
    ['a zero duration', /\b0 ms\b|\bfor 0 s\b/],
    ['a double space', / {2}/],
  ],
  'zh-CN': [
    ['a space between two Chinese characters', /[\u4e00-\u9fff] [\u4e00-\u9fff]/],
    ['doubled or stray punctuation', /[，。：；、]{2}| [，。：；、）]|[（“] /],
    ['half-width punctuation after Chinese', /[\u4e00-\u9fff][,:;()](?!\d)/],
    ['a zero duration', /前 0 毫秒|打开 0 秒/],
  ],
  'zh-TW': [
    ['a space between two Chinese characters', /[\u4e00-\u9fff] [\u4e00-\u9fff]/],
    ['doubled or stray punctuation', /[，。：；、]{2}| [，。：；、）]|[（「] /],
    ['half-width punctuation after Chinese', /[\u4e00-\u9fff][,:;()](?!\d)/],
    ['a zero duration', /前 0 毫秒|開啟 0 秒/],
  ],
};

describe('what a diagnosis says composes cleanly in every locale', () => {
  it('should give no cause title a colon, so that a summary never chains two', () => {
    for (const locale of LOCALES) for (const id of CAUSE_IDS) expect(locale.causes[id].title, `${locale.tag} ${id}`).not.toMatch(/[:：]/);
  });

  it('should render every code × context × reason without a broken sentence', () => {
    const problems = new Set<string>();
    let rendered = 0;
    expect(Object.keys(RULES).sort()).toEqual([...LOCALE_TAGS].sort()); // rules for every built-in language
    for (const locale of LOCALES) {
      for (const code of CODES) {
        for (const ctx of CONTEXTS) {
          for (const reason of REASONS) {
            const d = diagnose({ code, ...(reason === undefined ? {} : { reason }), wasClean: code !== 1006 }, ctx, { locale });
            // The summary names the cause once, after one separator, and never repeats the title.
            const sep = locale === en ? ': ' : '：';
            const head = d.summary.slice(0, d.summary.indexOf(locale === en ? '. ' : '。'));
            if (head.split(sep).length > 2) problems.add(`${locale.tag} chained: ${d.summary}`);
            if (d.cause.title.toLowerCase() === d.explanation.title.toLowerCase() && head.includes(sep)) problems.add(`${locale.tag} repeats its title: ${d.summary}`);
            for (const text of [d.summary, d.cause.detail, ...d.cause.evidence.map((e) => e.text), ...d.alternatives.map((a) => a.title)]) {
              rendered++;
              for (const [what, re] of RULES[locale.tag]!) if (re.test(text)) problems.add(`${locale.tag} ${what}: ${text}`);
            }
          }
        }
      }
    }
    expect([...problems]).toEqual([]);
    expect(rendered).toBeGreaterThan(5000);
  });

  it('should say "just before the close" for what happened at the instant of it, time first in Chinese', () => {
    const ctx = { ...opened, recentOutgoing: [{ kind: 'binary' as const, bytes: 2048, at: T }] };
    expect(diagnose({ code: 1003 }, ctx).cause.evidence.map((e) => e.text)).toContain('The last message sent was a binary frame of 2,048 bytes (2 KiB), just before the close.');
    expect(diagnose({ code: 1003 }, ctx, { locale: zhCN }).cause.evidence.map((e) => e.text)).toContain('就在关闭前，最后发送的是 2,048 字节（2 KiB）的二进制帧。');
    const later = { ...opened, recentOutgoing: [{ kind: 'binary' as const, bytes: 12, at: T - 50 }] };
    expect(diagnose({ code: 1003 }, later, { locale: zhCN }).cause.evidence.map((e) => e.text)).toContain('关闭前 50 毫秒，最后发送的是 12 字节的二进制帧。');
  });
});
