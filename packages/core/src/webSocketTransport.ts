import { OptionError } from './errors/OptionError.js';
import { DEV } from './dev.js';
import type { Runtime, Transport, TransportEvents, TransportSocket } from './Transport.js';
import type { IncomingData, WebSocketConstructor, WebSocketLike } from './types.js';

// Each listener takes the event its type carries; `any` is what WebSocketLike's listeners take (see there).
type Listener = [type: 'open' | 'message' | 'close' | 'error', fn: (e: any) => void];

/** Wraps a WHATWG socket: its fields as they are, its events reported until `detach()`. */
class WebSocketHandle implements TransportSocket {
  readonly #ws: WebSocketLike;
  readonly #listeners: Listener[];
  constructor(ws: WebSocketLike, events: TransportEvents) {
    this.#ws = ws;
    this.#listeners = [
      ['open', () => events.open()],
      ['message', (e: { data: IncomingData }) => events.message(e.data)],
      ['error', (e: { error?: { code?: unknown; message?: unknown }; message?: unknown }) => {
        // Browsers say nothing; ws (and Node's undici) give the cause on the event.
        const err = e.error;
        const code = typeof err?.code === 'string' ? err.code : undefined;
        const message = typeof err?.message === 'string' ? err.message : typeof e.message === 'string' ? e.message : undefined;
        events.error(err ?? e, code, message);
      }],
      ['close', (e: { code: number; reason: string; wasClean: boolean }) => events.close(e.code, e.reason, e.wasClean)],
    ];
    for (const [type, fn] of this.#listeners) ws.addEventListener(type, fn);
  }
  get readyState(): number {
    return this.#ws.readyState;
  }
  get protocol(): string {
    return this.#ws.protocol ?? '';
  }
  get extensions(): string {
    return this.#ws.extensions ?? '';
  }
  get bufferedAmount(): number {
    return this.#ws.bufferedAmount ?? 0;
  }
  send(data: string | ArrayBuffer | ArrayBufferView | Blob): void {
    this.#ws.send(data);
  }
  close(code?: number, reason?: string): void {
    if (code === undefined) this.#ws.close();
    else this.#ws.close(code, reason);
  }
  detach(): void {
    for (const [type, fn] of this.#listeners) this.#ws.removeEventListener(type, fn);
  }
}

/**
 * A transport over any WHATWG `WebSocket` constructor: browsers', `ws`'s, Deno's, Bun's.
 * `lookup` finds the constructor each time a socket opens, so a client can be created where
 * none exists yet (server-side rendering); where there is none, opening throws `OptionError`
 * SOCKDOC_INVALID_OPTION and the client stops with `create_failed`.
 *
 * @example
 * import { createSocket } from '@sockdoc/core';
 * import { webSocketTransport } from '@sockdoc/core/adapter';
 * const socket = createSocket(url, { transport: webSocketTransport('other', () => globalThis.WebSocket) });
 */
export function webSocketTransport(runtime: Runtime, lookup: () => WebSocketConstructor | undefined): Transport {
  return {
    runtime,
    open(url, protocols, binaryType, events) {
      const WS = lookup();
      if (typeof WS !== 'function') throw new OptionError('SOCKDOC_INVALID_OPTION', DEV ? 'No WebSocket in this environment (server-side rendering?). Create the socket in the browser, or pass { WebSocket }.' : '');
      const ws = new WS(url, protocols ? [...protocols] : undefined);
      ws.binaryType = binaryType;
      return new WebSocketHandle(ws, events);
    },
  };
}
