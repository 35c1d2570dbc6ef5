import type { Diagnosis } from '@sockdoc/diagnose';
import { typeName, type CheckedMessage } from './checkOutgoing.js';
import type { DeliveryHook } from './DeliveryHook.js';
import { OptionError } from './errors/OptionError.js';
import { positiveOption } from './positiveOption.js';
import { internals, type SocketClient } from './SocketClient.js';
import { DEV } from './dev.js';

/**
 * What became of one message:
 * - `queued`: waiting for the socket to open (it can still be cancelled);
 * - `sent`: written to an open socket (final, except for a request, which waits for its reply);
 * - `replied`: a request's reply arrived;
 * - `expired`: its `expiresIn` (or a request's `timeout`) ran out; expired while queued, it never reached the wire;
 * - `cancelled`: `cancel()` or its `signal`; cancelled while queued, it never reached the wire;
 * - `dropped`: the queue dropped it to make room (`queue.overflow: 'drop-oldest'`);
 * - `failed`: the client stopped before it was sent, or a request's connection closed with it in flight (`diagnosis` says why).
 */
export type Fate = 'queued' | 'sent' | 'replied' | 'expired' | 'cancelled' | 'dropped' | 'failed';

/** Options of a send through `handles(socket)`. */
export interface SendOptions {
  /** Milliseconds from the call: a message still queued then expires and is never sent. */
  readonly expiresIn?: number;
  /** Aborting it cancels the message while it is still queued. */
  readonly signal?: AbortSignal;
}

/**
 * One message's fate, as it changes. Returned by the sends of `handles(socket)` and by `request()`;
 * every message ends with exactly one final fate.
 *
 * @example
 * const handle = handles(socket).send(JSON.stringify({ type: 'typing' }), { expiresIn: 3000 });
 * handle.subscribe(() => console.log(handle.fate)); // logs sent once open, or expired after 3 s
 * const takeBack = () => handle.cancel(); // true while it is still queued
 */
export interface MessageHandle {
  readonly fate: Fate;
  readonly kind: 'text' | 'binary';
  /** Its size in bytes (UTF-8 for text). */
  readonly bytes: number;
  /** With `failed`: the diagnosis of the close that ended it, when a close did (not after `close()`). */
  readonly diagnosis: Diagnosis | undefined;
  /** `true` once the fate is final. */
  readonly settled: boolean;
  /** Cancels the message if it is still queued: it is never sent. Returns whether it was. */
  cancel(): boolean;
  /** Calls `listener` after each change of fate. Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Resolves with the final fate. */
  readonly done: Promise<Fate>;
}

/** Sends that return a {@link MessageHandle}: `handles(socket)`. */
export interface Handles<Out = unknown> {
  /** As `socket.send`, returning the message's handle. Throws what `send` throws: nothing is sent. */
  send(data: string | ArrayBuffer | ArrayBufferView | Blob, options?: SendOptions): MessageHandle;
  /** As `socket.sendText`, returning the message's handle. */
  sendText(bytes: Uint8Array | ArrayBuffer, options?: SendOptions): MessageHandle;
  /** As `socket.sendJson`, returning the message's handle. */
  sendJson(value: Out, options?: SendOptions): MessageHandle;
}

/**
 * Sends through `socket` with a handle for each message: its fate as it changes, `cancel()` while
 * it is queued, and `expiresIn`. The messages share the socket's queue and order with plain
 * `send()`s. Apps that do not import it carry none of its code.
 *
 * @example
 * import { createSocket, handles } from '@sockdoc/browser';
 * const socket = createSocket(url);
 * const tracked = handles(socket);
 * const typing = tracked.send('{"type":"typing"}', { expiresIn: 3000 }); // worthless after 3 s
 * typing.subscribe(() => console.log(typing.fate)); // logs sent once open, or expired
 */
export function handles<Out, In>(socket: SocketClient<Out, In>): Handles<Out> {
  const send = (how: 'send' | 'sendText' | 'sendJson') => (value: unknown, options?: SendOptions) => track(socket, how, value, options);
  return { send: send('send'), sendText: send('sendText'), sendJson: send('sendJson') };
}

/** Sends one message with a handle (`requester` uses it for its requests, `awaitsReply` set). */
export function track(socket: SocketClient<any, any>, how: 'send' | 'sendText' | 'sendJson', value: unknown, options: SendOptions = {}, awaitsReply = false, created?: (t: Tracked) => void): Tracked {
  if (typeof options !== 'object' || options === null) throw new OptionError('SOCKDOC_INVALID_OPTION', DEV ? `send options must be an object such as { expiresIn: 5000 } (got ${typeName(options)}).` : '');
  const expiresIn = positiveOption('expiresIn', options.expiresIn);
  const signal = options.signal;
  if (signal !== undefined && typeof (signal as AbortSignal | null)?.addEventListener !== 'function') {
    throw new OptionError('SOCKDOC_INVALID_OPTION', DEV ? `Option signal must be an AbortSignal (got ${typeName(signal)}).` : '');
  }
  const msg = internals.check(socket, how, value);
  const t = new Tracked(socket, msg, awaitsReply);
  if (signal?.aborted) {
    t.fate = 'cancelled'; // nothing sent
    return t;
  }
  if (expiresIn !== undefined) t.expiresAt = internals.now(socket) + expiresIn;
  msg.hook = t;
  created?.(t);
  internals.deliver(socket, msg);
  if (t.fate === 'queued') t.watch(expiresIn, signal);
  return t;
}

/** The handle of one message, and the hook the client tells its fate (internal: users see {@link MessageHandle}). */
export class Tracked implements MessageHandle, DeliveryHook {
  fate: Fate = 'queued';
  diagnosis: Diagnosis | undefined;
  msg: CheckedMessage;
  expiresAt = 0;
  /** Set by `request()`: `sent` is not final until the reply. */
  readonly awaitsReply: boolean;
  readonly #socket: SocketClient<any, any>;
  #timer: unknown;
  #signal: AbortSignal | undefined;
  #onAbort: (() => void) | undefined;
  #listeners: (() => void)[] | undefined;
  #done: Promise<Fate> | undefined;
  #resolve: ((f: Fate) => void) | undefined;

  constructor(socket: SocketClient<any, any>, msg: CheckedMessage, awaitsReply: boolean) {
    this.#socket = socket;
    this.msg = msg;
    this.awaitsReply = awaitsReply;
  }

  get kind(): 'text' | 'binary' {
    return this.msg.kind;
  }

  get bytes(): number {
    return this.msg.bytes;
  }

  get settled(): boolean {
    return this.fate !== 'queued' && (this.fate !== 'sent' || !this.awaitsReply);
  }

  get done(): Promise<Fate> {
    return (this.#done ??= this.settled ? Promise.resolve(this.fate) : new Promise((r) => (this.#resolve = r)));
  }

  /** Watches the expiry and the signal while queued. */
  watch(expiresIn: number | undefined, signal: AbortSignal | undefined): void {
    if (expiresIn !== undefined && this.#timer === undefined) {
      this.#timer = internals.timers(this.#socket).setTimeout(() => {
        this.#timer = undefined;
        this.end('expired');
      }, expiresIn);
    }
    if (signal && !this.#signal) {
      this.#signal = signal;
      signal.addEventListener('abort', (this.#onAbort = () => this.cancel()), { once: true });
    }
  }

  cancel(): boolean {
    if (this.fate !== 'queued') return false;
    this.end('cancelled');
    return true;
  }

  /** Ends it with `fate`: taken out of the queue first if it is still there, so it is never sent. */
  end(fate: Fate, diagnosis?: Diagnosis): void {
    if (this.fate === 'queued') internals.withdraw(this.#socket, this);
    this.moved(fate, diagnosis);
  }

  /** The one resend of an idempotent request whose connection closed with it in flight. Throws what sending throws. */
  resend(): void {
    internals.deliver(this.#socket, this.msg);
  }

  subscribe(listener: () => void): () => void {
    (this.#listeners ??= []).push(listener);
    return () => {
      const i = this.#listeners?.indexOf(listener) ?? -1;
      if (i !== -1) this.#listeners!.splice(i, 1);
    };
  }

  /** Moves to `fate`; a final fate is never left (a request's `sent` is not final: its one resend goes back to `queued`). */
  moved(fate: Fate, diagnosis?: Diagnosis): void {
    if (this.fate === fate || this.settled) return;
    this.fate = fate;
    if (diagnosis) this.diagnosis = diagnosis;
    if (fate !== 'queued') this.#unwatch();
    if (this.settled) this.#resolve?.(fate);
    const listeners = this.#listeners;
    if (!listeners) return;
    for (const l of [...listeners]) {
      try {
        l();
      } catch (err) {
        // A listener's bug is reported where the app listens for errors; the fate stands.
        this.#socket.emit('error', err);
      }
    }
  }

  #unwatch(): void {
    if (this.#timer !== undefined) internals.timers(this.#socket).clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#onAbort) this.#signal?.removeEventListener('abort', this.#onAbort);
    this.#onAbort = undefined;
  }
}
