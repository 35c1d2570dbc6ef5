import type { JsonResult } from './json.js';
import type { SocketClient } from './SocketClient.js';
import type { IncomingData } from './types.js';

/** The latest message of a client, and its JSON when the client has the `json` option. */
export interface LastMessage {
  readonly data: IncomingData;
  /** The `message` event's decoded JSON (undefined without the `json` option). */
  readonly json: JsonResult | undefined;
}

/** A store of one client's latest message, for `useSyncExternalStore` and other subscribers. */
export interface LastMessageStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): LastMessage | undefined;
}

const stores = new WeakMap<SocketClient, LastMessageStore>();

/**
 * The store of `socket`'s latest message: one per client however many ask (so a message shared
 * by ten components is kept, and decoded, once). It listens only while it has subscribers, and
 * starts empty; a message that arrived before the first subscriber is not kept.
 *
 * @example
 * const store = lastMessage(socket);
 * const stop = store.subscribe(() => console.log(store.getSnapshot()?.data));
 */
export function lastMessage(socket: SocketClient): LastMessageStore {
  let store = stores.get(socket);
  if (store) return store;
  let last: LastMessage | undefined;
  const listeners = new Set<() => void>();
  const onMessage = (data: IncomingData, json?: JsonResult) => {
    last = { data, json };
    for (const l of listeners) l();
  };
  store = {
    subscribe(listener) {
      if (listeners.size === 0) socket.on('message', onMessage);
      listeners.add(listener);
      return () => {
        if (listeners.delete(listener) && listeners.size === 0) socket.off('message', onMessage);
      };
    },
    getSnapshot: () => last,
  };
  stores.set(socket, store);
  return store;
}
