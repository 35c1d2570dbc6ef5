'use client';
import { useCallback, useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { createSocket, type BrowserSocketOptions } from '@sockdoc/browser';
import { IDLE_SNAPSHOT, isSockdocError, StateError, type IncomingData, type SockdocError, type SocketClient, type SocketSnapshot } from '@sockdoc/core';
import type { DiagnoseLocale, Diagnosis } from '@sockdoc/diagnose';
import { preferredLanguages } from './preferredLanguages.js';
import { acquire, release } from './socketRegistry.js';

export interface UseSocketOptions extends Omit<BrowserSocketOptions, 'autoConnect' | 'onDiagnosedClose' | 'locale' | 'protocols'> {
  /** `false` keeps the socket disconnected (as does a `null` url). Default `true`. */
  readonly enabled?: boolean;
  /** Components using the same `share` key and URL share one connection, closed when the last one unmounts. */
  readonly share?: string;
  /** Subprotocols. Changing them reconnects. */
  readonly protocols?: string | readonly string[];
  /** Parse text messages as JSON into `lastJson`; a parse failure is reported in `jsonError`, never as `{}`. */
  readonly json?: boolean;
  /** Language of diagnoses. Default: the browser's language when a loaded locale covers it, else English. */
  readonly locale?: string | DiagnoseLocale;
  /** Locales available to the automatic choice (e.g. `[zhCN]`). */
  readonly locales?: readonly DiagnoseLocale[];
  /** Every message; the latest callback is used without reconnecting. */
  readonly onMessage?: (data: IncomingData) => void;
  readonly onOpen?: () => void;
  /** Every close, diagnosed; the latest callback is used without reconnecting. */
  readonly onDiagnosedClose?: (diagnosis: Diagnosis) => void;
}

/** What `send` and friends return: they never throw for sockdoc's own refusals. */
export type SendResult = { readonly ok: true; readonly fate: 'sent' | 'queued' } | { readonly ok: false; readonly error: SockdocError };

/** A JSON parse failure of the last message. */
export interface JsonError {
  readonly message: string;
  /** The message that failed to parse (a string, or the binary data). */
  readonly data: IncomingData;
}

export interface UseSocketResult {
  readonly status: SocketSnapshot['status'];
  readonly snapshot: SocketSnapshot;
  readonly lastMessage: IncomingData | undefined;
  readonly lastJson: unknown;
  readonly jsonError: JsonError | undefined;
  /** The diagnosis of the most recent close. */
  readonly lastClose: Diagnosis | undefined;
  readonly send: (data: string | ArrayBuffer | ArrayBufferView | Blob) => SendResult;
  readonly sendText: (bytes: Uint8Array | ArrayBuffer) => SendResult;
  readonly sendJson: (value: unknown) => SendResult;
  /** Closes for good (for every component sharing the connection). */
  readonly close: (code?: number, reason?: string) => void;
  /** Opens a fresh connection now. */
  readonly reconnect: () => void;
  /** The client itself, once created (in the browser, after mount). */
  readonly socket: SocketClient | undefined;
}

const noop = () => {};
const idleSubscribe = () => noop;
const idleSnapshot = () => IDLE_SNAPSHOT;

function describe(data: IncomingData): string {
  return typeof data === 'string' ? `text of ${data.length} characters` : `binary data (${(data as { byteLength?: number; size?: number }).byteLength ?? (data as Blob).size} bytes)`;
}

/**
 * Connects a component to a WebSocket through sockdoc. The socket is created after mount
 * (never during render or on the server), survives StrictMode's double effects as one
 * connection, reconnects when `url`, `protocols`, `share` or `enabled` change, and never for a
 * new inline callback. Other options are read when the socket is created.
 *
 * @example
 * function Chat() {
 *   const { status, lastJson, lastClose, sendJson } = useSocket('wss://example.com/chat', { json: true, locales: [zhCN] });
 *   return (
 *     <>
 *       <p>{status}</p>
 *       <DiagnosisBanner diagnosis={lastClose} />
 *       <button onClick={() => sendJson({ text: 'hi' })}>Send</button>
 *     </>
 *   );
 * }
 */
export function useSocket(url: string | null | undefined, options: UseSocketOptions = {}): UseSocketResult {
  const id = useId();
  const { enabled = true, share, protocols } = options;
  const protocolKey = protocols === undefined ? '' : JSON.stringify(protocols);
  const key = url && enabled ? `${share === undefined ? `own:${id}` : `share:${share}`}|${url}|${protocolKey}` : undefined;

  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  const [client, setClient] = useState<SocketClient | undefined>(undefined);
  const [message, setMessage] = useState<{ data: IncomingData | undefined; json: unknown; jsonError: JsonError | undefined }>({ data: undefined, json: undefined, jsonError: undefined });

  useEffect(() => {
    if (!key || !url) {
      setClient(undefined);
      return;
    }
    const o = latest.current;
    const { enabled: _e, share: _s, json: _j, locale, locales, onMessage: _m, onOpen: _o, onDiagnosedClose: _d, ...socketOptions } = o;
    const socket = acquire(key, () => createSocket(url, { ...socketOptions, autoConnect: false, locale: locale ?? preferredLanguages(), ...(locales ? { locales } : {}) }));
    const onMessage = (data: IncomingData) => {
      const cur = latest.current;
      if (cur.json) {
        if (typeof data !== 'string') setMessage({ data, json: undefined, jsonError: { message: `Cannot parse ${describe(data)} as JSON`, data } });
        else {
          try {
            setMessage({ data, json: JSON.parse(data), jsonError: undefined });
          } catch (e) {
            setMessage({ data, json: undefined, jsonError: { message: e instanceof Error ? e.message : String(e), data } });
          }
        }
      } else setMessage({ data, json: undefined, jsonError: undefined });
      cur.onMessage?.(data);
    };
    const onOpen = () => latest.current.onOpen?.();
    const onClose = (d: Diagnosis) => latest.current.onDiagnosedClose?.(d);
    socket.on('message', onMessage);
    socket.on('open', onOpen);
    socket.on('close', onClose);
    socket.connect();
    setClient(socket);
    return () => {
      socket.off('message', onMessage);
      socket.off('open', onOpen);
      socket.off('close', onClose);
      release(key);
    };
  }, [key, url]);

  const snapshot = useSyncExternalStore(
    client ? client.subscribe : idleSubscribe,
    client ? client.getSnapshot : idleSnapshot,
    idleSnapshot,
  );

  const run = useCallback(
    (action: (c: SocketClient) => 'sent' | 'queued'): SendResult => {
      if (!client) return { ok: false, error: new StateError('SOCKDOC_NOT_OPEN', 'Cannot send: the socket does not exist yet (before mount, on the server, with url null or enabled false). Nothing was sent.') };
      try {
        return { ok: true, fate: action(client) };
      } catch (e) {
        if (isSockdocError(e)) return { ok: false, error: e };
        throw e;
      }
    },
    [client],
  );
  const send = useCallback((data: string | ArrayBuffer | ArrayBufferView | Blob) => run((c) => c.send(data)), [run]);
  const sendText = useCallback((bytes: Uint8Array | ArrayBuffer) => run((c) => c.sendText(bytes)), [run]);
  const sendJson = useCallback((value: unknown) => run((c) => c.sendJson(value)), [run]);
  const close = useCallback((code?: number, reason?: string) => client?.close(code, reason), [client]);
  const reconnect = useCallback(() => client?.reconnect(), [client]);

  return {
    status: snapshot.status,
    snapshot,
    lastMessage: message.data,
    lastJson: message.json,
    jsonError: message.jsonError,
    lastClose: snapshot.lastClose,
    send,
    sendText,
    sendJson,
    close,
    reconnect,
    socket: client,
  };
}
