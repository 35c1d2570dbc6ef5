// The README's demo: sockdoc against a local server it starts itself.
// Part 1 shows the outgoing contract refusing what would kill the connection; part 2 provokes
// real closes (with the contract off) and prints each diagnosis in English and Chinese.
import { diagnose, type Diagnosis } from '@sockdoc/diagnose';
import { zhCN } from '@sockdoc/diagnose/locales/zh-CN';
import { createSocket, isSockdocError, json, type NodeSocketOptions, type RawClose, type SocketClient } from '@sockdoc/node';
import { startTestServer } from '@sockdoc/test-utils';

const color = process.stdout.isTTY && !process.env['NO_COLOR'];
const paint = (code: number) => (s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
const bold = paint(1);
const dim = paint(2);
const red = paint(31);
const green = paint(32);

const server = await startTestServer();
const deadline = setTimeout(() => {
  console.error(red('demo: gave up after 50 s'));
  process.exit(1);
}, 50_000);

function opened(socket: SocketClient): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('close', (d) => reject(new Error(d.summary)));
  });
}

function closed(socket: SocketClient): Promise<{ diagnosis: Diagnosis; raw: RawClose; evidence: Parameters<typeof diagnose>[1] }> {
  return new Promise((resolve) => socket.once('close', (diagnosis, raw, evidence) => resolve({ diagnosis, raw, evidence })));
}

function attempt(label: string, send: () => void): void {
  try {
    send();
    console.log(`  ${green('sent')}     ${label}`);
  } catch (e) {
    if (!isSockdocError(e)) throw e;
    console.log(`  ${red('refused')}  ${label}\n           ${bold(e.code)}\n           ${dim(e.message)}`);
  }
}

console.log(bold('\nsockdoc demo') + dim(` (local server at 127.0.0.1:${server.port})`));

// ── Part 1: the contract ────────────────────────────────────────────────────────────────────
console.log(bold('\n1. The outgoing contract: a text-only endpoint, maxMessageBytes = 1024'));
{
  const socket = createSocket(server.url('/text-only'), { channel: 'text', maxMessageBytes: 1024, json: json() });
  await opened(socket);
  attempt('send(new Uint8Array([1, 2, 3]))', () => socket.send(new Uint8Array([1, 2, 3])));
  attempt("send('emoji cut in half: \\ud83d')", () => socket.send('emoji cut in half: \ud83d'));
  attempt('sendText(bytes [0x68 0x69 0xff])', () => socket.sendText(new Uint8Array([0x68, 0x69, 0xff])));
  attempt("send('汉'.repeat(400))  // 1,200 UTF-8 bytes", () => socket.send('汉'.repeat(400)));
  attempt('sendJson({ id: 10n })', () => socket.sendJson({ id: 10n }));
  attempt("sendJson({ type: 'hello' })", () => socket.sendJson({ type: 'hello' }));
  const echo = await new Promise((r) => socket.once('message', r));
  console.log(`  ${dim('server echoed')} ${String(echo)} ${dim(`· connection still ${socket.getSnapshot().status}`)}`);
  const done = closed(socket);
  socket.close(1000, 'demo done');
  await done;
}

// ── Part 2: real closes, diagnosed ──────────────────────────────────────────────────────────
console.log(bold('\n2. Real closes (contract off where needed to provoke them), diagnosed in English and Chinese, and what the client decides next'));

/** What the client decided after the close: reconnect (when, why) or stop (why). */
function decision(socket: SocketClient): Promise<string> {
  return new Promise((resolve) => {
    socket.once('reconnecting', (p) => resolve(`reconnect #${p.attempt} in ${(p.delayMs / 1000).toFixed(1)} s (${p.diagnosis?.retry.strategy ?? 'backoff'})`));
    socket.once('stopped', (s) => resolve(`stop: ${s.reason}`));
  });
}

async function scenario(title: string, path: string, options: NodeSocketOptions, act?: (s: SocketClient) => void, waitForReopen = false): Promise<void> {
  const socket = createSocket(server.url(path), options);
  const done = closed(socket);
  const next = decision(socket);
  if (act) {
    await opened(socket);
    act(socket);
  }
  const { diagnosis: en, raw, evidence } = await done;
  const zh = diagnose(raw, evidence, { locale: zhCN });
  const decided = await next;
  console.log(`\n${bold(title)}  ${dim(`raw: code ${raw.code}, reason ${JSON.stringify(raw.reason)}, wasClean ${raw.wasClean}`)}`);
  console.log(`  ${en.summary}`);
  console.log(`  ${dim(`${en.cause.confidenceText} confidence · evidence:`)} ${en.cause.evidence.map((e) => e.text).join(' ')}`);
  console.log(`  ${dim('fix:')} ${en.cause.fixes[0]}`);
  console.log(`  ${zh.summary}`);
  console.log(`  ${dim(`可信度${zh.cause.confidenceText} · 依据：`)}${zh.cause.evidence.map((e) => e.text).join('')}`);
  console.log(`  ${dim('修复：')}${zh.cause.fixes[0]}`);
  console.log(`  ${bold('→')} ${decided}`);
  if (waitForReopen && decided.startsWith('reconnect')) {
    await new Promise<void>((r) => socket.once('open', () => r()));
    // attempts counts connections: the first one, then each reconnect.
    console.log(`  ${green('✓')} reconnect #${socket.getSnapshot().attempts - 1} connected`);
  }
  if (socket.getSnapshot().status !== 'closed') {
    const gone = new Promise<void>((r) => socket.once('stopped', () => r()));
    socket.close();
    await gone;
  }
}

await scenario('1003 · binary sent to a text-only server', '/text-only', { contract: false }, (s) => s.send(new Uint8Array([0xde, 0xad])));
await scenario('1007 · invalid UTF-8 sent as text', '/strict', { contract: false }, (s) => s.sendText(new Uint8Array([0xc3, 0x28])));
await scenario('1009 · 2,000 bytes to a server that accepts 1,024', '/limited', { contract: false }, (s) => s.send('x'.repeat(2000)));
await scenario('401 · handshake refused (Node sees the HTTP status; browsers cannot)', '/reject/401', {});
await scenario('1012 · the server restarts', '/close/1012', {});
await scenario('1006 · TCP dropped without a Close frame', '/drop', {}, (s) => s.send('anyone there?'), true);

await server.close();
clearTimeout(deadline);
console.log(green('\nDone: every refused send named its rule; every close came with a cause, a fix and a reconnect decision.\n'));
