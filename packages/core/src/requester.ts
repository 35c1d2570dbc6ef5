import { EventEmitter } from 'eventemitter3';
import type { Diagnosis } from '@sockdoc/diagnose';
import { DEV } from './dev.js';
import { OptionError } from './errors/OptionError.js';
import { RequestError } from './errors/RequestError.js';
import type { SocketClient } from './SocketClient.js';
import type { Timers, UnsentMessage } from './types.js';

/** How the app's protocol correlates a reply with its request: declared once, for any JSON protocol. */
export interface Correlation<Req, Rep, Out = Req> {
  /** The message with the request's id put on it (`{ ...message, id }`): what `sendJson` sends. */
  readonly tag: (message: Req, id: string) => Out;
  /**
   * The id an incoming message replies to, or `undefined` when it is not a reply. It must find the
   * id on the app's own tagged requests too (as in JSON-RPC and graphql-ws, where both carry the
   * same `id`): that is how a queued request is recognised when it is flushed, dropped or handed back.
   */
  readonly match: (message: Rep) => string | undefined;
}

export interface RequestOptions {
  /** Milliseconds to wait for the reply, from the call (queued time included). Default 10,000; 0 waits for ever. */
  readonly timeout?: number;
  /** Aborting it rejects the request with SOCKDOC_REQUEST_ABORTED. */
  readonly signal?: AbortSignal;
  /**
   * Safe to run twice. A request in flight when its connection closes is failed, since the server
   * may have run it; one marked idempotent is sent once more on the next connection instead.
   */
  readonly idempotent?: boolean;
}

/** Requests over one socket. Replies that match no pending request are reported with `unmatched`. */
export interface Requester<Out, In> extends EventEmitter<{ unmatched: [message: In, id: string] }> {
  /**
   * Sends `message` with an id put on it and resolves with the reply, exactly once: with the
   * reply, or a `RequestError` for a timeout, an abort, a close with the request in flight (with
   * the close's diagnosis), the client stopping, or the queue dropping it. A message the socket
   * refuses (the contract, a full queue) rejects with that error, and nothing is sent.
   */
  request(message: Out, options?: RequestOptions): Promise<In>;
  /** How many requests wait for their reply. */
  readonly pending: number;
  /** Fails every pending request (SOCKDOC_REQUEST_CLOSED) and stops listening to the socket. */
  dispose(): void;
}

interface Pending<Out, Rep> {
  readonly id: string;
  /** The message as sent, with its id. */
  readonly tagged: Out;
  /** Written to a socket of the current connection (else still in the client's queue). */
  inFlight: boolean;
  readonly idempotent: boolean;
  resent: boolean;
  settle(error: RequestError | undefined, reply?: Rep): void;
}

const DEFAULT_TIMEOUT = 10_000;
const GLOBAL_TIMERS: Timers = { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>) };

/**
 * Requests with replies over a socket with the `json` option, for any JSON protocol: `correlation`
 * says how an id goes on a request and how a reply names it. Each request settles exactly once,
 * no pending request survives the client's `close()`, and a request in flight when its connection
 * drops is never sent twice unless it is marked `idempotent`. Apps that do not import it carry none of it.
 *
 * @example
 * import { createSocket, json, requester } from '@sockdoc/browser';
 * type Msg = { id?: string; type: string; userId?: number };
 * const socket = createSocket(url, { json: json() });
 * const rpc = requester(socket, { tag: (m: Msg, id: string) => ({ ...m, id }), match: (m: Msg) => m.id });
 * const user = await rpc.request({ type: 'getUser', userId: 7 }, { timeout: 5000 });
 */
export function requester<Req, Rep extends In, Out = unknown, In = unknown>(socket: SocketClient<Out, In>, correlation: Correlation<Req, Rep, Out>, options: { readonly timers?: Timers } = {}): Requester<Req, Rep> {
  if (typeof correlation?.tag !== 'function' || typeof correlation.match !== 'function') {
    throw new OptionError('SOCKDOC_INVALID_OPTION', DEV ? 'requester needs { tag(message, id), match(message) }: how an id goes on a request, and how a reply names it.' : '');
  }
  const timers = options.timers ?? GLOBAL_TIMERS;
  const pending = new Map<string, Pending<Out, Rep>>();
  const emitter = new EventEmitter<{ unmatched: [message: Rep, id: string] }>() as Requester<Req, Rep>;
  let next = 0;

  /** The id of one of our requests in a message the client flushed, dropped or handed back. */
  const idIn = (m: UnsentMessage): string | undefined => {
    if (typeof m.data !== 'string') return undefined;
    try {
      const id = correlation.match(JSON.parse(m.data) as Rep);
      return id === undefined ? undefined : String(id);
    } catch {
      return undefined;
    }
  };
  const ours = (m: UnsentMessage) => {
    const id = idIn(m);
    return id === undefined ? undefined : pending.get(id);
  };
  const fail = (p: Pending<Out, Rep>, code: 'SOCKDOC_REQUEST_CLOSED' | 'SOCKDOC_REQUEST_DROPPED', why: string, diagnosis?: Diagnosis) =>
    p.settle(new RequestError(code, DEV ? `Request ${p.id} ${why}${diagnosis ? `: ${diagnosis.summary}` : ''}.` : '', p.id, diagnosis));

  const onMessage = (_data: unknown, decoded?: { ok: boolean; value?: unknown }) => {
    if (!decoded?.ok) return;
    const value = decoded.value as Rep;
    let id: string | undefined;
    try {
      id = correlation.match(value);
    } catch {
      return;
    }
    if (id === undefined) return;
    const p = pending.get(String(id));
    if (p) p.settle(undefined, value);
    // Late (after a timeout), twice, or never asked: said, not dropped.
    else emitter.emit('unmatched', value, String(id));
  };
  const onFlushed = (messages: readonly UnsentMessage[]) => {
    for (const m of messages) {
      const p = ours(m);
      if (p) p.inFlight = true;
    }
  };
  const onClose = (diagnosis: Diagnosis) => {
    for (const p of [...pending.values()]) {
      if (!p.inFlight) continue; // still queued: it goes out on the next connection
      p.inFlight = false;
      if (p.idempotent && !p.resent) {
        p.resent = true;
        try {
          if (socket.sendJson(p.tagged) === 'sent') p.inFlight = true;
          continue;
        } catch {
          // the client is closed: fail it below
        }
      }
      fail(p, 'SOCKDOC_REQUEST_CLOSED', 'was in flight when the connection closed, so the server may or may not have run it', diagnosis);
    }
  };
  const onDropped = (m: UnsentMessage) => {
    const p = ours(m);
    if (p) fail(p, 'SOCKDOC_REQUEST_DROPPED', 'was dropped from the queue to make room (queue.overflow)');
  };
  const onUnsent = (messages: readonly UnsentMessage[]) => {
    for (const m of messages) {
      const p = ours(m);
      if (p) fail(p, 'SOCKDOC_REQUEST_CLOSED', 'was never sent: the client closed');
    }
  };
  const onStopped = (info: { reason: string; diagnosis: Diagnosis | undefined }) => {
    for (const p of [...pending.values()]) fail(p, 'SOCKDOC_REQUEST_CLOSED', `ended: the client stopped (${info.reason})`, info.diagnosis);
  };
  // What the requester listens to, removed as a whole by dispose().
  const listeners = { message: onMessage, flushed: onFlushed, close: onClose, dropped: onDropped, unsent: onUnsent, stopped: onStopped };
  for (const [event, fn] of Object.entries(listeners)) socket.on(event as 'close', fn as never);

  emitter.request = (message, { timeout = DEFAULT_TIMEOUT, signal, idempotent = false } = {}) =>
    new Promise<Rep>((resolve, reject) => {
      if (signal?.aborted) return reject(new RequestError('SOCKDOC_REQUEST_ABORTED', DEV ? 'The request was aborted before it was sent. Nothing was sent.' : '', ''));
      const id = String(++next);
      let timer: unknown;
      const onAbort = () => p.settle(new RequestError('SOCKDOC_REQUEST_ABORTED', DEV ? `Request ${id} was aborted (signal).` : '', id));
      const p: Pending<Out, Rep> = {
        id,
        tagged: correlation.tag(message, id),
        inFlight: false,
        idempotent,
        resent: false,
        settle(error, reply) {
          if (!pending.delete(id)) return; // exactly once
          if (timer !== undefined) timers.clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          if (error) reject(error);
          else resolve(reply as Rep);
        },
      };
      let result: 'sent' | 'queued';
      try {
        result = socket.sendJson(p.tagged);
      } catch (err) {
        return reject(err); // refused: nothing was sent, nothing pends
      }
      p.inFlight = result === 'sent';
      pending.set(id, p);
      signal?.addEventListener('abort', onAbort, { once: true });
      if (timeout > 0) timer = timers.setTimeout(() => p.settle(new RequestError('SOCKDOC_REQUEST_TIMEOUT', DEV ? `Request ${id} got no reply within ${timeout} ms.` : '', id)), timeout);
    });
  Object.defineProperty(emitter, 'pending', { get: () => pending.size });
  emitter.dispose = () => {
    for (const [event, fn] of Object.entries(listeners)) socket.off(event as 'close', fn as never);
    for (const p of [...pending.values()]) fail(p, 'SOCKDOC_REQUEST_CLOSED', 'ended: the requester was disposed');
  };
  return emitter;
}
