import { positiveOption } from './positiveOption.js';
import type { Timers } from './types.js';

export interface HeartbeatOptions {
  /** Time between pings, ms. Default 25000. */
  readonly intervalMs?: number;
  /** How long to wait for a pong (or any message) after a ping, ms. Default 10000. */
  readonly timeoutMs?: number;
  /**
   * Browsers cannot send ping frames: the application-level ping message to send instead.
   * Required for a heartbeat in browsers; ignored where the runtime can send ping frames (Node).
   */
  readonly message?: string | (() => string);
  /** Recognises the reply to `message`; such replies are not emitted as `message` events. Any incoming message proves the connection alive. */
  readonly isPong?: (data: unknown) => boolean;
}

/** What a heartbeat needs from the connection it watches. */
export interface HeartbeatLink {
  readonly timers: Timers;
  /** Sends a ping frame, where the runtime can. */
  readonly ping: (() => void) | undefined;
  /** Sends the application-level ping message. */
  send(message: string): void;
  /** Nothing came back in time. */
  dead(): void;
}

/** A heartbeat running on one connection. */
export interface HeartbeatRun {
  /** Something arrived: the connection is alive. */
  alive(): void;
  /** Whether an incoming message is the reply to the ping message (not emitted as `message`). */
  isPong(data: unknown): boolean;
  stop(): void;
}

/** What `heartbeat()` returns: the value of the `heartbeat` option. */
export interface Heartbeat {
  /** Whether it has an application-level `message` (needed where the runtime cannot send ping frames). */
  readonly hasMessage: boolean;
  /** Starts it on a connection that just opened. */
  start(link: HeartbeatLink): HeartbeatRun;
}

/**
 * A heartbeat for the `heartbeat` option: a ping every `intervalMs`; when nothing comes back
 * within `timeoutMs` (a pong, or any message) the connection is closed and diagnosed as dead.
 * Node sends ping frames; browsers cannot, so give them `message` and `isPong`. Imported only
 * by apps that use it, so it costs nothing otherwise. Throws `OptionError` for invalid times.
 *
 * @example
 * import { createSocket, heartbeat } from '@sockdoc/browser';
 * createSocket(url, { heartbeat: heartbeat({ intervalMs: 25_000, message: '{"type":"ping"}', isPong: (d) => d === '{"type":"pong"}' }) });
 */
export function heartbeat(options: HeartbeatOptions = {}): Heartbeat {
  const intervalMs = positiveOption('heartbeat.intervalMs', options.intervalMs) ?? 25_000;
  const timeoutMs = positiveOption('heartbeat.timeoutMs', options.timeoutMs) ?? 10_000;
  const { message, isPong } = options;
  return { hasMessage: message !== undefined, start: (link) => new Beat(link, intervalMs, timeoutMs, message, isPong) };
}

class Beat implements HeartbeatRun {
  #interval: unknown;
  #deadline: unknown;
  #stopped = false;
  readonly #link: HeartbeatLink;
  readonly #ping: () => void;
  readonly #isPong: ((data: unknown) => boolean) | undefined;

  constructor(link: HeartbeatLink, readonly intervalMs: number, readonly timeoutMs: number, message: HeartbeatOptions['message'], isPong: HeartbeatOptions['isPong']) {
    this.#link = link;
    const frame = link.ping;
    // Ping frames where the runtime has them; the message (and its pong) only otherwise.
    this.#isPong = frame ? undefined : isPong;
    this.#ping = frame ?? (() => link.send(typeof message === 'function' ? message() : message!));
    this.#schedule();
  }

  alive(): void {
    if (this.#deadline !== undefined) {
      this.#link.timers.clearTimeout(this.#deadline);
      this.#deadline = undefined;
    }
  }

  isPong(data: unknown): boolean {
    return this.#isPong?.(data) === true;
  }

  stop(): void {
    this.#stopped = true;
    if (this.#interval !== undefined) this.#link.timers.clearTimeout(this.#interval);
    this.#interval = undefined;
    this.alive();
  }

  #schedule(): void {
    const timers = this.#link.timers;
    this.#interval = timers.setTimeout(() => {
      this.#interval = undefined;
      if (this.#stopped) return;
      this.#deadline ??= timers.setTimeout(() => {
        this.#deadline = undefined;
        if (!this.#stopped) this.#link.dead();
      }, this.timeoutMs);
      try {
        this.#ping();
      } catch {
        // a ping that cannot be sent is a dead connection too: the deadline will say so
      }
      this.#schedule();
    }, this.intervalMs);
  }
}
