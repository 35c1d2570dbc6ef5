import type { SocketClient } from '@sockdoc/core';

interface Entry {
  readonly client: SocketClient;
  refs: number;
  closeTimer: ReturnType<typeof setTimeout> | undefined;
}

const entries = new Map<string, Entry>();

/**
 * Reference-counted clients. Releasing the last reference closes the client on the next
 * macrotask, so a component that unmounts and mounts again at once (React StrictMode in
 * development, a fast route change) keeps its one connection instead of opening two.
 */
export function acquire(key: string, create: () => SocketClient): SocketClient {
  let entry = entries.get(key);
  if (!entry) {
    entry = { client: create(), refs: 0, closeTimer: undefined };
    entries.set(key, entry);
  }
  if (entry.closeTimer !== undefined) {
    clearTimeout(entry.closeTimer);
    entry.closeTimer = undefined;
  }
  entry.refs++;
  return entry.client;
}

export function release(key: string): void {
  const entry = entries.get(key);
  if (!entry || --entry.refs > 0) return;
  entry.closeTimer = setTimeout(() => {
    if (entry.refs > 0 || entries.get(key) !== entry) return;
    entries.delete(key);
    entry.client.close();
  }, 0);
}

/** Live shared clients, for tests and devtools. */
export function registrySize(): number {
  return entries.size;
}
