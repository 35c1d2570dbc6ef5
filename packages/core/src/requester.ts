import { EventEmitter } from 'eventemitter3';
import type { Diagnosis } from '@sockdoc/diagnose';
import { DEV } from './dev.js';
import { OptionError } from './errors/OptionError.js';
import { RequestError } from './errors/RequestError.js';
import type { SocketClient } from './SocketClient.js';
import { track, type Fate, type MessageHandle, type Tracked } from './MessageHandle.js';
import type { Timers } from './types.js';

/** How the app's protocol correlates a reply with its request: declared once, for any JSON protocol. */
export interface Correlation<Req, Rep, Out = Req> {
  /** The message with the request's id put on it (`{ ...message, id }`): what `sendJson` sends. */
  readonly tag: (message: Req, id: string) => Out;
  /** The id an incoming message replies to, or `undefined` when it is not a reply. */
  readonly match: (message: Rep) => string | undefined;
}

export interface RequestOptions {
  /**
   * Milliseconds to wait for the reply, from the call (queued time included). Default 10,000; 0
   * waits for ever. A request still queued when it runs out is taken out of the queue: never sent.
   */
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
  request(message: Out, options?: RequestOptions): PendingReply<In>;
  /** How many requests wait for their reply. */
  readonly pending: number;
  /** Fails every pending request (SOCKDOC_REQUEST_CLOSED) and stops listening to the socket. */
  dispose(): void;
}

/**
 * A request's reply, and the handle of its message: its fate goes `queued`, `sent`, then `replied`
 * or how it ended. `handle` is undefined when nothing was sent (the socket refused the message, or
 * the signal was already aborted): the promise rejects with why.
 */
export type PendingReply<Rep> = Promise<Rep> & { readonly handle: MessageHandle | undefined };

interface Pending {
  readonly id: string;
  handle: Tracked;
  readonly idempotent: boolean;
  resent: boolean;
  settle(error: RequestError | undefined, fate: Fate, reply?: unknown): void;
}

const DEFAULT_TIMEOUT = 10_000;
const GLOBAL_TIMERS: Timers = { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>) };

/**
 * Requests with replies over a socket with the `json` option, for any JSON protocol: `correlation`
 * says how an id goes on a request and how a reply names it. Each request settles exactly once,
 * no pending request survives the client's `close()`, a request that times out or is aborted while
 * still queued is never sent, and a request in flight when its connection drops is never sent
 * twice unless it is marked `idempotent`. Apps that do not import it carry none of it.
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
  const pending = new Map<string, Pending>();
  const emitter = new EventEmitter<{ unmatched: [message: Rep, id: string] }>() as Requester<Req, Rep>;
  let next = 0;

  const fail = (p: Pending, code: 'SOCKDOC_REQUEST_CLOSED' | 'SOCKDOC_REQUEST_DROPPED', fate: Fate, why: string, diagnosis?: Diagnosis) =>
    p.settle(new RequestError(code, DEV ? `Request ${p.id} ${why}${diagnosis ? `: ${diagnosis.summary}` : ''}.` : '', p.id, diagnosis), fate);

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
    if (p) p.settle(undefined, 'replied', value);
    // Late (after a timeout), twice, or never asked: said, not dropped.
    else emitter.emit('unmatched', value, String(id));
  };
  const onClose = (diagnosis: Diagnosis) => {
    for (const p of [...pending.values()]) {
      if (p.handle.fate !== 'sent') continue; // still queued: it goes out on the next connection
      if (p.idempotent && !p.resent) {
        p.resent = true;
        try {
          p.handle.resend();
          continue;
        } catch {
          // the client is closed: fail it below
        }
      }
      fail(p, 'SOCKDOC_REQUEST_CLOSED', 'failed', 'was in flight when the connection closed, so the server may or may not have run it', diagnosis);
    }
  };
  const onStopped = (info: { reason: string; diagnosis: Diagnosis | undefined }) => {
    for (const p of [...pending.values()]) fail(p, 'SOCKDOC_REQUEST_CLOSED', 'failed', `ended: the client stopped (${info.reason})`, info.diagnosis);
  };
  // What the requester listens to, removed as a whole by dispose().
  const listeners = { message: onMessage, close: onClose, stopped: onStopped };
  for (const [event, fn] of Object.entries(listeners)) socket.on(event as 'close', fn as never);

  emitter.request = (message, { timeout = DEFAULT_TIMEOUT, signal, idempotent = false } = {}) => {
    let handle: Tracked | undefined;
    const reply = new Promise<Rep>((resolve, reject) => {
      if (signal?.aborted) return reject(new RequestError('SOCKDOC_REQUEST_ABORTED', DEV ? 'The request was aborted before it was sent. Nothing was sent.' : '', ''));
      const id = String(++next);
      let timer: unknown;
      let unwatch: (() => void) | undefined;
      // The signal, or handle.cancel() (only possible while queued): either way never sent, unless it went out already.
      const onAbort = () => {
        const how = p.handle.fate === 'cancelled' ? 'cancelled (handle.cancel())' : 'aborted (signal)';
        p.settle(new RequestError('SOCKDOC_REQUEST_ABORTED', DEV ? `Request ${id} was ${how}${p.handle.fate === 'sent' ? '' : ' before it was sent'}.` : '', id), 'cancelled');
      };
      const p: Pending = {
        id,
        handle: undefined as unknown as Tracked, // set by track() before the message can go out
        idempotent,
        resent: false,
        settle(error, fate, value) {
          if (!pending.delete(id)) return; // exactly once
          if (timer !== undefined) timers.clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          unwatch?.();
          this.handle.end(fate, error?.diagnosis);
          if (error) reject(error);
          else resolve(value as Rep);
        },
      };
      try {
        // Pending before it is written: a transport may hand the reply over during the write itself.
        handle = track(socket, 'sendJson', correlation.tag(message, id), {}, true, (t) => {
          p.handle = t;
          pending.set(id, p);
        });
      } catch (err) {
        pending.delete(id);
        return reject(err); // refused: nothing was sent, nothing pends
      }
      if (!pending.has(id)) return; // already settled (replied during the write)
      // What happens to it while queued: the queue dropped it, the client stopped first, or the app
      // cancelled it through its handle.
      unwatch = handle.subscribe(() => {
        const fate = p.handle.fate;
        if (fate === 'dropped') fail(p, 'SOCKDOC_REQUEST_DROPPED', fate, 'was dropped from the queue to make room (queue.overflow)');
        else if (fate === 'failed') fail(p, 'SOCKDOC_REQUEST_CLOSED', fate, 'was never sent: the client closed', p.handle.diagnosis);
        else if (fate === 'cancelled') onAbort();
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      if (timeout > 0) {
        timer = timers.setTimeout(() => {
          const queued = p.handle.fate === 'queued';
          p.settle(new RequestError('SOCKDOC_REQUEST_TIMEOUT', DEV ? `Request ${id} got no reply within ${timeout} ms${queued ? '; it was still queued and was not sent' : ''}.` : '', id), 'expired');
        }, timeout);
      }
    });
    return Object.assign(reply, { handle });
  };
  Object.defineProperty(emitter, 'pending', { get: () => pending.size });
  emitter.dispose = () => {
    for (const [event, fn] of Object.entries(listeners)) socket.off(event as 'close', fn as never);
    for (const p of [...pending.values()]) fail(p, 'SOCKDOC_REQUEST_CLOSED', 'cancelled', 'ended: the requester was disposed');
  };
  return emitter;
}
