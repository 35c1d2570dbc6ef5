// A Node client on @sockdoc/node: connect, talk, survive a server restart, stop on the
// server's own "session over" code. The server is a few lines of `ws`, started right here.
// Run: npm run example:node   (SOCKDOC_LANG=zh-CN for Chinese diagnoses)
import { WebSocketServer } from 'ws';
import { defineCodes, registerCodes } from '@sockdoc/diagnose';
import { zhCN } from '@sockdoc/diagnose/locales/zh-CN';
import { createSocket, heartbeat } from '@sockdoc/node';

// ── a local server: echoes; "restart" closes everyone with 1012; "quit" ends the session with 4001
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
await new Promise<void>((r) => wss.once('listening', () => r()));
const { port } = wss.address() as { port: number };
wss.on('connection', (ws) => {
  ws.on('message', (data) => {
    const text = data.toString();
    if (text === 'restart') for (const c of wss.clients) c.close(1012, 'Service restart');
    else if (text === 'quit') ws.close(4001, 'session over');
    else ws.send(`echo: ${text}`);
  });
});

// ── teach sockdoc what this application's 4001 means, so it is explained and not retried
registerCodes(
  defineCodes({
    id: 'example-chat',
    name: 'example chat server',
    codes: {
      4001: {
        name: 'Session over',
        category: 'normal',
        retry: { retryable: false, strategy: 'no' },
        text: {
          en: { title: 'The server ended the session', description: 'The user asked to quit; reconnecting would start a new session.' },
          'zh-CN': { title: '服务器结束了会话', description: '用户要求退出；重连会开始一个新的会话。' },
        },
      },
    },
  }),
);

const locale = process.env['SOCKDOC_LANG']?.startsWith('zh') ? zhCN : undefined;
const socket = createSocket(`ws://127.0.0.1:${port}/`, {
  channel: 'text',
  maxMessageBytes: 64 * 1024,
  ...(locale ? { locale } : {}),
  heartbeat: heartbeat({ intervalMs: 10_000, timeoutMs: 5_000 }), // real ping frames in Node
  // The defaults wait 5-30 s after a 1012, as its registration recommends; this example is impatient.
  reconnect: { delay: () => 300 },
  onDiagnosedClose: (d) => console.log(`close  ${d.summary}\n       evidence: ${d.cause.evidence.map((e) => e.text).join(' ') || '-'}`),
});
socket.on('reconnecting', (p) =>
  console.log(`retry  attempt ${p.attempt} in ${p.delayMs} ms${p.diagnosis?.retry.delayMs ? ` (the advice is ${p.diagnosis.retry.delayMs.map((ms) => ms / 1000).join('-')} s; this example's reconnect.delay overrides it)` : ''}`),
);
socket.on('message', (m) => console.log(`recv   ${String(m)}`));

const opened = () => new Promise<void>((r) => socket.once('open', () => r()));
const stopped = new Promise<string>((r) => socket.once('stopped', (s) => r(s.reason)));

await opened();
console.log('open   connected');
socket.send('hello');
socket.send('restart');
await opened();
console.log('open   reconnected after the restart');
socket.send('quit');
console.log(`stop   ${await stopped}`);
wss.close();
