import { useState, type FormEvent } from 'react';
import { DiagnosisBanner, isSockdocError, json, useSocket, type SockdocError } from '@sockdoc/react';
import { zhCN } from '@sockdoc/diagnose/locales/zh-CN';

interface ChatLine {
  readonly from: string;
  readonly text: string;
}

// `?contract=off` turns the outgoing contract off, to see what the server does with a binary frame.
const contract = new URLSearchParams(location.search).get('contract') !== 'off';
// `?endpoint=/gate/401` connects somewhere else, to see how a refused handshake is diagnosed.
const endpoint = new URLSearchParams(location.search).get('endpoint') ?? '/chat';

export function App() {
  const [lines, setLines] = useState<ChatLine[]>([]);
  const [draft, setDraft] = useState('');
  const [refused, setRefused] = useState<SockdocError>();
  const { status, sendJson, send, lastClose, reconnect, snapshot } = useSocket(endpoint, {
    contract,
    json: json(),
    // Diagnoses follow the browser's language when a loaded locale covers it.
    locales: [zhCN],
    // Decoded once by the client; a message that is not JSON never reaches the list.
    onMessage: (_data, decoded) => {
      if (decoded?.ok) setLines((l) => [...l.slice(-49), decoded.value as ChatLine]);
    },
  });

  /** Runs a send; sockdoc's refusals (typed, nothing sent, connection kept) are shown, anything else is rethrown. */
  const attempt = (action: () => unknown): boolean => {
    try {
      action();
      setRefused(undefined);
      return true;
    } catch (e) {
      if (!isSockdocError(e)) throw e;
      setRefused(e);
      return false;
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (attempt(() => sendJson({ text: draft }))) setDraft('');
  };

  const sendBinary = () => attempt(() => send(new Uint8Array([0xde, 0xad, 0xbe, 0xef])));

  return (
    <main>
      <h1>sockdoc · React chat</h1>
      <p>
        Status: <span data-status={status}>{status}</span> · contract {contract ? 'on' : 'off'}
        {snapshot.reconnect ? ` · reconnect #${snapshot.reconnect.attempt} in ${Math.round(snapshot.reconnect.delayMs / 1000)} s` : ''}
        {snapshot.stopped ? ` · stopped: ${snapshot.stopped.reason}` : ''}
      </p>
      <ul data-testid="messages">
        {lines.map((l, i) => (
          <li key={i}>
            <b>{l.from}</b> {l.text}
          </li>
        ))}
      </ul>
      <form onSubmit={submit}>
        <input aria-label="Message" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="Say something" />
        <button type="submit">Send</button>
        <button type="button" data-testid="send-binary" onClick={sendBinary}>
          Send binary
        </button>
        <button type="button" onClick={reconnect}>
          Reconnect
        </button>
      </form>
      {refused ? (
        <p role="status" data-testid="refused">
          Refused before sending: <code>{refused.code}</code> {refused.message}
        </p>
      ) : null}
      <DiagnosisBanner diagnosis={lastClose} />
    </main>
  );
}
