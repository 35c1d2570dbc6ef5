'use client';
import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { createSocket, lastMessage, shareSocket, StateError, IDLE_SNAPSHOT, type BrowserSocketOptions, type IncomingData, type JsonResult, type PendingReply, type Requester, type RequestOptions, type SchemaIssue, type SocketClient, type SocketSnapshot } from '@sockdoc/browser';
import type { Diagnosis } from '@sockdoc/diagnose';

/** `Out` and `In` come from a `typedJson` codec's schemas (what `sendJson` takes, what `lastJson` holds). */
export interface UseSocketOptions<Out = unknown, In = unknown, Req = unknown, Rep = unknown> extends Omit<BrowserSocketOptions<Out, In>, 'autoConnect' | 'onDiagnosedClose' | 'protocols'> {
  /** `false` keeps the socket disconnected (as does a `null` url). Default `true`. */
  readonly enabled?: boolean;
  /** Components using the same `share` key and URL share one connection, closed when the last one unmounts. */
  readonly share?: string;
  /** Subprotocols. Changing them reconnects. */
  readonly protocols?: string | readonly string[];
  /** Every message (with its JSON under the `json` option); the latest callback is used without reconnecting. */
  readonly onMessage?: (data: IncomingData, json?: JsonResult<In>) => void;
  readonly onOpen?: () => void;
  /** Every close, diagnosed; the latest callback is used without reconnecting. */
  readonly onDiagnosedClose?: (diagnosis: Diagnosis) => void;
  /**
   * Makes the socket's requester, which enables `request`: `(socket) => requester(socket, { tag, match })`.
   * A function, so that apps without requests do not carry `requester`. Needs the `json` option.
   * A shared connection shares the requester of its first user. Read when the socket is created.
   *
   * @example
   * type Msg = { id?: string; type: string };
   * useSocket(url, { json: json(), requests: (s) => requester(s, { tag: (m: Msg, id: string) => ({ ...m, id }), match: (m: Msg) => m.id }) });
   */
  readonly requests?: (socket: SocketClient<Out, In>) => Requester<Req, Rep>;
}

export interface UseSocketResult<Out = unknown, In = unknown, Req = unknown, Rep = unknown> {
  readonly status: SocketSnapshot['status'];
  readonly snapshot: SocketSnapshot;
  /** The latest message since this component subscribed (shared connections share it). */
  readonly lastMessage: IncomingData | undefined;
  /** The latest message's JSON value, under the `json` option (undefined when it was not JSON or not what the receive schema allows: see `jsonError`). */
  readonly lastJson: In | undefined;
  /** Why the latest message is not JSON, or not what a `typedJson` receive schema allows (then `jsonIssues` lists where). */
  readonly jsonError: unknown;
  /** The receive schema's issues with the latest message, under `typedJson`. */
  readonly jsonIssues: readonly SchemaIssue[] | undefined;
  /** The diagnosis of the most recent close. */
  readonly lastClose: Diagnosis | undefined;
  /** As the client's: throw the typed error when sockdoc refuses (nothing is sent), else `'sent'`, `'backpressure'` or `'queued'`. */
  readonly send: SocketClient['send'];
  readonly sendText: SocketClient['sendText'];
  /** Typed from a `typedJson` send schema: a wrong message is a compile error. */
  readonly sendJson: SocketClient<Out, In>['sendJson'];
  /**
   * With the `requests` option: sends a request and resolves with its reply (`requester`'s
   * `request`); its `handle` gives the message's fate, for `useFate`. Rejects with a
   * `StateError` when there is no socket, or no `requests` option.
   */
  readonly request: (message: Req, options?: RequestOptions) => PendingReply<Rep>;
  /** Closes for good (for every component sharing the connection). */
  readonly close: (code?: number, reason?: string) => void;
  /** Opens a fresh connection now. */
  readonly reconnect: () => void;
  /** The client itself, once created (in the browser, after mount). */
  readonly socket: SocketClient<Out, In> | undefined;
}

const noop = () => {};
const idleSubscribe = () => noop;
const idleSnapshot = () => IDLE_SNAPSHOT;
const noMessage = () => undefined;

/** Before mount, on the server, with `url` null or `enabled` false: there is no client to send with. */
function noClient(): never {
  throw new StateError('SOCKDOC_NOT_OPEN', 'Cannot send: the socket does not exist yet (before mount, on the server, with url null or enabled false). Nothing was sent.');
}

/** One requester per client, made from the first user's correlation: shared connections share it (and its ids). */
const requesters = new WeakMap<object, Requester<unknown, unknown>>();

function noRequest(why: string): PendingReply<never> {
  return Object.assign(Promise.reject(new StateError('SOCKDOC_NOT_OPEN', `Cannot request: ${why}. Nothing was sent.`)), { handle: undefined });
}

/**
 * Connects a component to a WebSocket through sockdoc: a thin wrapper over a client from
 * `@sockdoc/browser`, shared by key (`shareSocket`), with its snapshot and latest message as
 * external stores. The socket is created after mount (never during render or on the server),
 * survives StrictMode's double effects as one connection, reconnects when `url`, `protocols`,
 * `share` or `enabled` change, and never for a new inline callback. Other options are read when
 * the socket is created. `send`, `sendText` and `sendJson` throw like the client's.
 *
 * @example
 * function Chat() {
 *   const { status, lastJson, lastClose, sendJson } = useSocket('wss://example.com/chat', { json: json(), locales: [zhCN] });
 *   return (
 *     <>
 *       <p>{status}</p>
 *       <DiagnosisBanner diagnosis={lastClose} />
 *       <button onClick={() => sendJson({ text: 'hi' })}>Send</button>
 *     </>
 *   );
 * }
 */
export function useSocket<Out = unknown, In = unknown, Req = unknown, Rep = unknown>(url: string | null | undefined, options: UseSocketOptions<Out, In, Req, Rep> = {}): UseSocketResult<Out, In, Req, Rep> {
  const id = useId();
  const { enabled = true, share, protocols } = options;
  const protocolKey = protocols === undefined ? '' : JSON.stringify(protocols);
  const key = url && enabled ? `${share === undefined ? `own:${id}` : `share:${share}`}|${url}|${protocolKey}` : undefined;

  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  const [client, setClient] = useState<SocketClient<Out, In> | undefined>(undefined);

  useEffect(() => {
    if (!key || !url) {
      setClient(undefined);
      return;
    }
    const { enabled: _e, share: _s, onMessage: _m, onOpen: _o, onDiagnosedClose: _d, requests, ...socketOptions } = latest.current;
    // A shared connection is made by its first user, with that user's options (its schemas included).
    const shared = shareSocket(key, () => createSocket<Out, In>(url, { ...socketOptions, autoConnect: false }) as unknown as SocketClient);
    const socket = shared.socket as unknown as SocketClient<Out, In>;
    const release = shared.release;
    if (requests && !requesters.has(socket)) requesters.set(socket, requests(socket) as Requester<unknown, unknown>);
    const onMessage = (data: IncomingData, json?: JsonResult<In>) => latest.current.onMessage?.(data, json);
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
      release();
    };
  }, [key, url]);

  const snapshot = useSyncExternalStore(client ? client.subscribe : idleSubscribe, client ? client.getSnapshot : idleSnapshot, idleSnapshot);
  const store = useMemo(() => client && lastMessage(client as unknown as SocketClient), [client]);
  const last = useSyncExternalStore(store ? store.subscribe : idleSubscribe, store ? store.getSnapshot : noMessage, noMessage);

  const actions = useMemo(
    () => ({
      send: client ? client.send.bind(client) : noClient,
      sendText: client ? client.sendText.bind(client) : noClient,
      sendJson: client ? client.sendJson.bind(client) : noClient,
      request: (message: Req, opts?: RequestOptions): PendingReply<Rep> => {
        const rpc = client && requesters.get(client);
        if (rpc) return rpc.request(message, opts) as PendingReply<Rep>;
        return noRequest(client ? 'useSocket has no requests option' : 'the socket does not exist yet (before mount, on the server, with url null or enabled false)');
      },
      close: (code?: number, reason?: string) => client?.close(code, reason),
      reconnect: () => client?.reconnect(),
    }),
    [client],
  );

  const json = last?.json;
  return {
    status: snapshot.status,
    snapshot,
    lastMessage: last?.data,
    lastJson: json?.ok ? (json.value as In) : undefined,
    jsonError: json && !json.ok ? json.error : undefined,
    jsonIssues: json && !json.ok ? json.issues : undefined,
    lastClose: snapshot.lastClose,
    ...actions,
    socket: client,
  };
}
