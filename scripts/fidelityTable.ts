// The fidelity tables of docs/guides/runtimes.md and docs/zh/guides/runtimes.md, rendered from the
// runtime record (scripts/runtimes/fidelity.json, written by `pnpm runtimes:record`) and from what
// is known only from public reports. `pnpm docs:gen` writes them between the markers; `--check` fails when stale.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RUNTIME_QUIRKS } from '../packages/diagnose/src/runtimeQuirks.js';
import { readRecord, RUNTIMES, SCENARIOS, type RecordedScenario } from './runtimes.js';

type Lang = 'en' | 'zh';
const START = '<!-- generated: fidelity tables (pnpm docs:gen) -->';
const END = '<!-- end of generated fidelity tables -->';

/** Behaviour known from public reports only: runtimes that cannot run here, or reports the record answers. */
const REPORTS: ReadonlyArray<{ runtime: string; url: string; en: string; zh: string }> = [
  {
    runtime: 'React Native (iOS)',
    url: 'https://github.com/facebook/react-native/issues/31326',
    en: 'reports a server\'s close(4000) as 1001 (also [#28412](https://github.com/facebook/react-native/issues/28412)). sockdoc: a 1001 in React Native gets lower confidence and no retry advice from the code (evidence `runtime_misreports`).',
    zh: '把服务器的 close(4000) 报告为 1001（另见 [#28412](https://github.com/facebook/react-native/issues/28412)）。sockdoc：React Native 中的 1001 置信度降低一级，也不据此给出重试建议（证据 `runtime_misreports`）。',
  },
  {
    runtime: 'Safari (WebKit)',
    url: 'https://github.com/whatwg/html/issues/12085',
    en: 'closes a page\'s WebSockets when it enters the back/forward cache and dispatches error and close when the page is restored ([WebKit bug 303619](https://bugs.webkit.org/show_bug.cgi?id=303619) drops the error for sockets closed in `pagehide`). sockdoc\'s browser adapter records `pagehide` (evidence `page_hidden`) and reconnects only once the page is visible.',
    zh: '页面进入往返缓存（bfcache）时关闭其 WebSocket，页面恢复时才派发 error 和 close（[WebKit bug 303619](https://bugs.webkit.org/show_bug.cgi?id=303619) 去掉了在 `pagehide` 中关闭的套接字的 error）。sockdoc 的浏览器适配器会记录 `pagehide`（证据 `page_hidden`），等页面可见后才重连。',
  },
  {
    runtime: 'Bun',
    url: 'https://github.com/oven-sh/bun/issues/3392',
    en: 'reported wrong codes, or 1001, for application codes (also [#6586](https://github.com/oven-sh/bun/issues/6586)). Not reproduced in the Bun version recorded above: 4001 came through as 4001.',
    zh: '曾把应用关闭码报告成错误的值或 1001（另见 [#6586](https://github.com/oven-sh/bun/issues/6586)）。在上表记录的 Bun 版本中没有复现：4001 如实报告为 4001。',
  },
  {
    runtime: 'Bun',
    url: 'https://github.com/oven-sh/bun/issues/5951',
    en: 'has no equivalent of ws\'s `unexpected-response`. In the version recorded above the refused handshake\'s status is in the error message (`Expected 101 status code: 401`), and sockdoc reads it from there; the headers (`Retry-After`) stay hidden.',
    zh: '没有与 ws 的 `unexpected-response` 对应的事件。上表记录的版本会把被拒绝握手的状态码写进错误消息（`Expected 101 status code: 401`），sockdoc 从中读取；响应头（`Retry-After`）仍然拿不到。',
  },
  {
    runtime: 'Bun',
    url: 'https://github.com/oven-sh/bun/issues/31760',
    en: 'reported `bufferedAmount` as 0. In the version recorded above it is non-zero while data waits.',
    zh: '曾把 `bufferedAmount` 报告为 0。在上表记录的版本中，有数据在等待发送时它不为 0。',
  },
  {
    runtime: 'Cloudflare `wrangler dev`',
    url: 'https://github.com/cloudflare/workers-sdk/issues/1812',
    en: 'reported every close as 1000 in `wrangler dev`. workerd itself, as recorded above, reports each code as the server sent it, so sockdoc does not act on this report.',
    zh: '曾在 `wrangler dev` 中把所有关闭都报告为 1000。上表记录的 workerd 本身如实报告服务器发送的关闭码，所以 sockdoc 不据此调整诊断。',
  },
];

const WORDS: Record<Lang, Record<string, string>> = {
  en: {},
  zh: { 'no close within 3 s': '3 秒内没有 close 事件', ' (clean)': '（干净关闭）', ' (not clean)': '（非干净关闭）', '(not waited for)': '（不等待）', none: '无', 'non-zero': '非零', zero: '0', 'no diagnosed close': '没有诊断出的关闭' },
};

const NAMES: Record<string, string> = { deno: 'Deno', bun: 'Bun', node: 'Node', workerd: 'workerd', 'react-native': 'React Native' };
/** A recorded phrase in `lang`: its words, and a server's reason in the quotes of that language. */
const tr = (lang: Lang, s: string) => Object.entries(WORDS[lang]).reduce((acc, [from, to]) => acc.split(from).join(to), lang === 'zh' ? s.replace(/"([^"]*)"/g, '“$1”') : s);
const label = (lang: Lang, name: string) => (lang === 'en' ? `${name}: ` : `${name}：`);
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function runtimeCell(s: RecordedScenario, lang: Lang): string {
  const r = s.runtime;
  const parts = [tr(lang, r.close), `${label(lang, lang === 'en' ? 'events' : '事件')}${tr(lang, lang === 'zh' ? r.events.split(', ').join('、') : r.events)}`];
  if (r.error) parts.push(`${label(lang, lang === 'en' ? 'error' : '错误')}\`${r.error}\``);
  if (r.bufferedAmount) parts.push(`${label(lang, 'bufferedAmount')}${tr(lang, r.bufferedAmount)}`);
  return cell(parts.join('<br>'));
}

function sockdocCell(s: RecordedScenario, lang: Lang): string {
  const d = s.sockdoc;
  const parts = [tr(lang, d.close)];
  if (d.cause) parts.push(`\`${d.cause}\`${d.retry ? `${lang === 'en' ? ', retry ' : '，重试 '}\`${d.retry}\`` : ''}`);
  if (d.runtimeEvidence?.length) parts.push(`${label(lang, lang === 'en' ? 'evidence' : '证据')}${d.runtimeEvidence.map((e) => `\`${e}\``).join(lang === 'en' ? ', ' : '、')}`);
  if (d.bufferedAmount) parts.push(`${label(lang, 'bufferedAmount')}${tr(lang, d.bufferedAmount)}`);
  return cell(parts.join('<br>'));
}

/** The generated part of the page in `lang`. */
export function fidelityTables(lang: Lang): string {
  const record = readRecord();
  const ids = Object.keys(record);
  const name = (id: string) => (lang === 'en' ? record[id]!.label : (RUNTIMES.find((r) => r.id === id)?.zh ?? record[id]!.label));
  const head = (first: string) => [`| ${first} | ${ids.map((id) => `${name(id)} ${record[id]!.version}`).join(' | ')} |`, `|---|${ids.map(() => '---').join('|')}|`];
  const rows = (render: (s: RecordedScenario, lang: Lang) => string) => SCENARIOS.map((sc) => `| ${sc[lang]} | ${ids.map((id) => render(record[id]!.scenarios[sc.id]!, lang)).join(' | ')} |`);
  const recorded = RUNTIME_QUIRKS.filter((q) => 'recorded' in q.source);
  const en = lang === 'en';
  return [
    START,
    en ? '### What each runtime reports' : '### 各运行时报告的内容',
    '',
    en
      ? 'The runtime\'s own `WebSocket`, with nothing of sockdoc in between: the close event as reported (code, reason, `wasClean`), the events in order, the error event\'s message (ports taken out), and `bufferedAmount` after messages of 1 MiB each, sent until it rises (at most 32).'
      : '运行时自己的 `WebSocket`，中间没有 sockdoc：报告的 close 事件（关闭码、关闭原因、`wasClean`）、事件顺序、error 事件的消息（已去掉端口号），以及逐条发送 1 MiB 的消息（直到它上升，最多 32 条）之后读取的 `bufferedAmount`。',
    '',
    ...head(en ? 'Scenario' : '场景'),
    ...rows(runtimeCell),
    '',
    en ? '### What sockdoc tells the user' : '### sockdoc 告诉用户的内容',
    '',
    en
      ? 'The same scenario through sockdoc\'s client (`reconnect: false`, `connectTimeout: 2000`): the diagnosed close code, the cause, the retry advice, and the evidence that speaks of the runtime itself.'
      : '同一场景经由 sockdoc 的客户端（`reconnect: false`，`connectTimeout: 2000`）：诊断出的关闭码、原因、重试建议，以及关于运行时本身的证据。',
    '',
    ...head(en ? 'Scenario' : '场景'),
    ...rows(sockdocCell),
    '',
    en ? '### Known from the record' : '### 记录中得到的结论',
    '',
    ...recorded.map((q) =>
      en
        ? `- **${NAMES[q.runtime] ?? q.runtime}** reports ${q.reported} where the standard reports ${q.means} (recorded: ${'recorded' in q.source ? q.source.recorded.map((s) => `\`${s}\``).join(', ') : ''}). sockdoc reads it as ${q.means}, and says so (evidence \`runtime_misreports\`).`
        : `- **${NAMES[q.runtime] ?? q.runtime}** 在标准规定报告 ${q.means} 的地方报告 ${q.reported}（记录于：${'recorded' in q.source ? q.source.recorded.map((s) => `\`${s}\``).join('、') : ''}）。sockdoc 按 ${q.means} 解读，并在证据中说明（\`runtime_misreports\`）。`,
    ),
    en
      ? '- **Node\'s own WebSocket (undici)**, in Node 20 and in Node 22 alike, fires `error` and never `close` for a refused handshake, a refused connection or a close during the handshake. sockdoc ends such an attempt one second after the error (or its connect timeout) as 1006, and says the runtime never reported it (evidence `close_not_reported`).'
      : '- **Node 自带的 WebSocket（undici）** 无论在 Node 20 还是 Node 22 中，握手被拒绝、连接被拒绝或在握手期间关闭时，都只派发 `error`，从不派发 `close`。sockdoc 在 error（或连接超时）之后一秒把这次尝试按 1006 结束，并说明运行时没有报告这次关闭（证据 `close_not_reported`）。',
    en
      ? '- **Deno, Bun and workerd** put a refused handshake\'s HTTP status only in the error message; sockdoc reads it there, so a 401 is an authentication failure (`handshake_auth`, retry `after_reauth`), not a network error to retry. Node\'s undici says only "non-101 status code", so there a 401 stays `handshake_failed`: use `@sockdoc/node`.'
      : '- **Deno、Bun 和 workerd** 只在错误消息里给出被拒绝握手的 HTTP 状态码；sockdoc 从中读取，因此 401 被诊断为鉴权失败（`handshake_auth`，重试 `after_reauth`），而不是可以重试的网络错误。Node 的 undici 只说“non-101 status code”，所以在那里 401 仍是 `handshake_failed`：请使用 `@sockdoc/node`。',
    en
      ? '- **Chromium** hides a refused handshake\'s status and the error event says nothing. sockdoc\'s browser adapter asks the same URL with a plain request (the status probe); the test server answers it with 426, as a server that checks credentials only in its upgrade handler would, so the cause stays `handshake_failed_opaque`. Behind a gateway that answers every request with 401, the probe sees the 401 (tested in `@sockdoc/browser`).'
      : '- **Chromium** 隐藏被拒绝握手的状态码，error 事件也不带任何信息。sockdoc 的浏览器适配器会用普通请求访问同一个 URL（状态探测）；测试服务器对它回应 426，就像只在升级处理中检查凭据的服务器那样，所以原因仍是 `handshake_failed_opaque`。如果前面有一个对所有请求都回应 401 的网关，状态探测就能看到 401（见 `@sockdoc/browser` 的测试）。',
    en
      ? '- **workerd** puts words of its own in the reason of a 1006 (`Failed to establish websocket connection`, `WebSocket disconnected without sending Close frame.`). No server sends 1006, so that reason is the runtime\'s, never the server\'s.'
      : '- **workerd** 会在 1006 的关闭原因里写上自己的话（`Failed to establish websocket connection`、`WebSocket disconnected without sending Close frame.`）。服务器从不发送 1006，所以这个关闭原因来自运行时，而不是服务器。',
    '',
    en ? '### Known from public reports only' : '### 仅来自公开报告的情况',
    '',
    en ? 'Runtimes that cannot run here, and reports the record answers. Marked as cited, not recorded.' : '无法在这里运行的运行时，以及记录已能回答的报告。标注为引用，而非记录。',
    '',
    ...REPORTS.map((r) => `- **${r.runtime}** ([${en ? 'report' : '报告'}](${r.url})): ${r[lang]}`),
    END,
  ].join('\n');
}

/** The runtimes pages with their generated part brought up to date: file → text. */
export function fidelityPages(root: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [lang, file] of [['en', 'docs/guides/runtimes.md'], ['zh', 'docs/zh/guides/runtimes.md']] as const) {
    const path = join(root, file);
    if (!existsSync(path)) throw new Error(`${file} is missing`);
    const text = readFileSync(path, 'utf8');
    const a = text.indexOf(START);
    const b = text.indexOf(END);
    if (a === -1 || b === -1) throw new Error(`${file} has no fidelity markers`);
    out.set(path, `${text.slice(0, a)}${fidelityTables(lang)}${text.slice(b + END.length)}`);
  }
  return out;
}
