import { compare, diagnose, explain, type Diagnosis } from '@sockdoc/diagnose';
import { zhCN } from '@sockdoc/diagnose/locales/zh-CN';

const color = process.stdout.isTTY && !process.env['NO_COLOR'];
const bold = (s: string) => (color ? `\x1b[1m${s}\x1b[22m` : s);
const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[22m` : s);

function show(title: string, d: Diagnosis): void {
  console.log(`\n${bold(title)}`);
  console.log(`  ${d.summary}`);
  console.log(`  ${dim(`${d.cause.confidenceText}:`)} ${d.cause.detail}`);
  for (const e of d.cause.evidence) console.log(`  ${dim('•')} ${e.text}`);
  console.log(`  ${dim('→')} ${d.cause.fixes[0]}`);
}

const now = Date.now();
console.log(bold('sockdoc: every WebSocket close, explained'));

const e1007 = explain(1007);
const z1007 = explain(1007, { locale: zhCN });
console.log(`\n${bold(`explain(1007)`)}: ${e1007.title} / ${z1007.title}`);
console.log(`  ${e1007.description}\n  ${z1007.description}`);
console.log(`  ${dim('dead end:')} ${e1007.deadEnds[0]}\n  ${dim('无效的做法：')}${z1007.deadEnds[0]}`);

const c = compare(1003, 1007);
console.log(`\n${bold('compare(1003, 1007)')}`);
for (const s of c.keyDifferences) console.log(`  - ${s}`);

const binaryJustSent = { opened: true, recentOutgoing: [{ kind: 'binary' as const, bytes: 12, at: now - 4 }], timestamps: { opened: now - 2000, closed: now } };
show('A text-only server closed with 1003 right after a binary frame', diagnose({ code: 1003, reason: '', wasClean: true }, binaryJustSent));
show('同一次关闭，中文诊断', diagnose({ code: 1003, reason: '', wasClean: true }, binaryJustSent, { locale: zhCN }));
show('A handshake refused with HTTP 401 (Node sees the status)', diagnose({ code: 1006, wasClean: false }, { runtime: 'node', opened: false, handshakeStatus: 401 }));
show('握手被 HTTP 401 拒绝', diagnose({ code: 1006, wasClean: false }, { runtime: 'node', opened: false, handshakeStatus: 401 }, { locale: zhCN }));
show('Dropped after 61 s of silence', diagnose({ code: 1006, wasClean: false }, { opened: true, timestamps: { opened: now - 61_200, closed: now } }));
show('服务重启', diagnose({ code: 1012, reason: '', wasClean: true }, { opened: true }, { locale: zhCN }));
