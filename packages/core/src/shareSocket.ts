import type { SocketClient } from './SocketClient.js';

/** One hold on a shared client: `release()` once when done. */
export interface SharedSocket {
  readonly socket: SocketClient;
  /** Lets go of this hold (again is a no-op). When the last hold is released the client closes. */
  release(): void;
}

interface Entry {
  readonly socket: SocketClient;
  holds: number;
  closing: ReturnType<typeof setTimeout> | undefined;
}

const entries = new Map<string, Entry>();

/**
 * A client shared by everyone who asks with the same `key`: the first call creates it with
 * `create`, later ones get the same client, and it closes when the last hold is released. The
 * close waits for the next macrotask, so a hold released and taken again at once (React
 * StrictMode's double effects, a fast route change) keeps its one connection. Framework-free:
 * `useSocket` is built on it, and a Vue or Svelte wrapper can be too.
 *
 * @example
 * const { socket, release } = shareSocket('chat', () => createSocket(url, { autoConnect: false }));
 * socket.connect();
 * // ... later, when this part of the app is done with it:
 * release();
 */
export function shareSocket(key: string, create: () => SocketClient): SharedSocket {
  let entry = entries.get(key);
  if (!entry) {
    entry = { socket: create(), holds: 0, closing: undefined };
    entries.set(key, entry);
  }
  if (entry.closing !== undefined) {
    clearTimeout(entry.closing);
    entry.closing = undefined;
  }
  entry.holds++;
  const held = entry;
  let released = false;
  return {
    socket: held.socket,
    release() {
      if (released) return;
      released = true;
      if (--held.holds > 0) return;
      held.closing = setTimeout(() => {
        if (held.holds > 0 || entries.get(key) !== held) return;
        entries.delete(key);
        held.socket.close();
      }, 0);
    },
  };
}

/** How many shared clients are alive (tests, devtools). */
export const sharedSocketCount = (): number => entries.size;
