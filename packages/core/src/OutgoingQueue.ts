import { isArrayBuffer, type CheckedMessage } from './checkOutgoing.js';
import { StateError } from './errors/StateError.js';
import type { UnsentMessage } from './types.js';
import { DEV } from './dev.js';

export interface QueueOptions {
  /** Default 100. */
  readonly maxMessages?: number;
  /** Default 1 MiB. */
  readonly maxBytes?: number;
  /** What to do when a message does not fit: `'refuse'` it (SOCKDOC_QUEUE_FULL, default) or `'drop-oldest'` (the `dropped` event names each). */
  readonly overflow?: 'refuse' | 'drop-oldest';
}

export const QUEUE_DEFAULTS = { maxMessages: 100, maxBytes: 1024 * 1024, overflow: 'refuse' } as const;

export const toUnsent = (m: CheckedMessage): UnsentMessage => ({ data: m.original ?? m.data, kind: m.kind, bytes: m.bytes });

/**
 * The checked bytes, copied: the caller may change or grow their buffer before the socket opens,
 * and what goes out must be what was checked. Strings and Blobs cannot change; they are kept as they are.
 */
function ownCopy(m: CheckedMessage): CheckedMessage {
  const d = m.data;
  if (typeof d === 'string' || !(ArrayBuffer.isView(d) || isArrayBuffer(d))) return m;
  const view = ArrayBuffer.isView(d) ? new Uint8Array(d.buffer, d.byteOffset, d.byteLength) : new Uint8Array(d as ArrayBuffer);
  return { ...m, data: view.slice(), original: m.original ?? d };
}

/** Messages accepted while the socket is not open, in order, within limits. */
export class OutgoingQueue {
  readonly maxMessages: number;
  readonly maxBytes: number;
  readonly overflow: 'refuse' | 'drop-oldest';
  #items: CheckedMessage[] = [];
  #bytes = 0;

  constructor(o: QueueOptions) {
    this.maxMessages = o.maxMessages ?? QUEUE_DEFAULTS.maxMessages;
    this.maxBytes = o.maxBytes ?? QUEUE_DEFAULTS.maxBytes;
    this.overflow = o.overflow ?? QUEUE_DEFAULTS.overflow;
  }

  get length(): number {
    return this.#items.length;
  }

  /** Adds `msg`; returns the messages dropped to make room (drop-oldest), or throws SOCKDOC_QUEUE_FULL (refuse). */
  push(msg: CheckedMessage): CheckedMessage[] {
    if (msg.bytes > this.maxBytes) {
      throw new StateError('SOCKDOC_QUEUE_FULL', DEV ? `Cannot queue a message of ${msg.bytes} bytes: it is larger than the whole queue (maxBytes ${this.maxBytes}). Nothing was queued.` : '');
    }
    const dropped: CheckedMessage[] = [];
    if (this.overflow === 'refuse') {
      if (this.#items.length + 1 > this.maxMessages || this.#bytes + msg.bytes > this.maxBytes) {
        throw new StateError('SOCKDOC_QUEUE_FULL', DEV ? `Cannot queue a message of ${msg.bytes} bytes: the queue holds ${this.#items.length} messages, ${this.#bytes} bytes (limits ${this.maxMessages} messages, ${this.maxBytes} bytes). Nothing was queued.` : '');
      }
    } else {
      while (this.#items.length + 1 > this.maxMessages || this.#bytes + msg.bytes > this.maxBytes) {
        const old = this.#items.shift()!;
        this.#bytes -= old.bytes;
        dropped.push(old);
      }
    }
    const own = ownCopy(msg);
    if (own.hook) own.hook.msg = own;
    this.#items.push(own);
    this.#bytes += msg.bytes;
    return dropped;
  }

  /** Takes out the first message `which` picks (cancelled or expired); false when none is queued. */
  remove(which: (m: CheckedMessage) => boolean): boolean {
    const i = this.#items.findIndex(which);
    if (i === -1) return false;
    this.#bytes -= this.#items[i]!.bytes;
    this.#items.splice(i, 1);
    return true;
  }

  /** Takes every message out, oldest first. */
  takeAll(): CheckedMessage[] {
    const items = this.#items;
    this.#items = [];
    this.#bytes = 0;
    return items;
  }

  /** Puts messages back at the front (they could not be written). */
  unshift(items: CheckedMessage[]): void {
    this.#items = [...items, ...this.#items];
    this.#bytes = this.#items.reduce((n, m) => n + m.bytes, 0);
  }
}
