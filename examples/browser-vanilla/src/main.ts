import { createSocket, isSockdocError, type SocketClient } from '@sockdoc/browser';
import type { Diagnosis } from '@sockdoc/diagnose';
import { zhCN } from '@sockdoc/diagnose/locales/zh-CN';

const $ = (id: string) => document.getElementById(id)!;
const log = (line: string) => ($('log').textContent += `${line}\n`);

/** Shows a diagnosis with text nodes only: the server's reason is never parsed as HTML. */
function show(d: Diagnosis): void {
  const box = $('diagnosis');
  box.replaceChildren();
  box.setAttribute('data-cause', d.cause.id);
  box.lang = d.locale;
  for (const [tag, text] of [
    ['strong', `${d.code} ${d.explanation.title}`],
    ['p', `${d.cause.title} — ${d.cause.detail}`],
    ['p', d.cause.fixes[0] ?? ''],
    ['p', d.retry.text],
  ] as const) {
    const el = document.createElement(tag);
    el.textContent = text;
    box.append(el);
  }
}

// Chinese when the browser prefers it, else English.
const locale = navigator.languages.some((l) => l.toLowerCase().startsWith('zh')) ? zhCN : undefined;

function connect(token: string): SocketClient {
  const socket = createSocket(`/ws?token=${token}`, { channel: 'text', ...(locale ? { locale } : {}) });
  socket.subscribe(() => ($('status').textContent = socket.getSnapshot().status));
  socket.on('message', (m) => log(`← ${String(m)}`));
  socket.on('close', (d) => show(d));
  return socket;
}

let socket = connect('good');

$('hello').onclick = () => socket.send('hello');
$('binary').onclick = () => {
  try {
    socket.send(new Uint8Array([1, 2, 3]));
  } catch (e) {
    if (isSockdocError(e)) log(`refused: ${e.code} — ${e.message}`);
  }
};
$('expire').onclick = () => socket.send('expire');
$('bad-token').onclick = () => {
  socket.close();
  socket = connect('bad');
};
