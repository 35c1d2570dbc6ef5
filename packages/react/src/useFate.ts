'use client';
import { useCallback, useSyncExternalStore } from 'react';
import type { Fate, MessageHandle } from '@sockdoc/browser';

const noop = () => {};
const none = () => noop;

/**
 * The fate of one message (`queued`, `sent`, `replied`, `expired`, `cancelled`, `dropped`,
 * `failed`), re-rendering only when that message's fate changes: select the messages a component
 * shows, instead of re-rendering for every message the socket handles.
 *
 * @example
 * function Pending({ handle }: { handle: MessageHandle }) {
 *   const fate = useFate(handle);
 *   return fate === 'queued' ? <button onClick={() => handle.cancel()}>Cancel</button> : <span>{fate}</span>;
 * }
 */
export function useFate(handle: MessageHandle | undefined): Fate | undefined {
  const subscribe = useCallback((listener: () => void) => (handle ? handle.subscribe(listener) : noop), [handle]);
  const read = () => handle?.fate;
  return useSyncExternalStore(handle ? subscribe : none, read, read);
}
