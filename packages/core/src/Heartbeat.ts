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

export const HEARTBEAT_DEFAULTS = { intervalMs: 25_000, timeoutMs: 10_000 } as const;

/**
 * Sends a ping every `intervalMs` and calls `onDead` when nothing comes back within `timeoutMs`.
 * Anything received (`alive()`) counts as an answer.
 */
export class Heartbeat {
  #interval: unknown;
  #deadline: unknown;
  #stopped = true;

  constructor(
    private readonly timers: Timers,
    private readonly intervalMs: number,
    private readonly timeoutMs: number,
    private readonly ping: () => void,
    private readonly onDead: () => void,
  ) {}

  start(): void {
    this.#stopped = false;
    this.#schedule();
  }

  alive(): void {
    if (this.#deadline !== undefined) {
      this.timers.clearTimeout(this.#deadline);
      this.#deadline = undefined;
    }
  }

  stop(): void {
    this.#stopped = true;
    if (this.#interval !== undefined) this.timers.clearTimeout(this.#interval);
    this.alive();
    this.#interval = undefined;
  }

  #schedule(): void {
    this.#interval = this.timers.setTimeout(() => {
      this.#interval = undefined;
      if (this.#stopped) return;
      if (this.#deadline === undefined) {
        this.#deadline = this.timers.setTimeout(() => {
          this.#deadline = undefined;
          if (!this.#stopped) this.onDead();
        }, this.timeoutMs);
      }
      try {
        this.ping();
      } catch {
        // a ping that cannot be sent is a dead connection too: the deadline will say so
      }
      this.#schedule();
    }, this.intervalMs);
  }
}
