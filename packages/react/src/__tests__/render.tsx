import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Renders into a fresh container; `rerender` and `unmount` go through act(). */
export function render(ui: ReactNode): { container: HTMLDivElement; rerender(ui: ReactNode): void; unmount(): void } {
  const container = document.createElement('div');
  document.body.appendChild(container);
  let root: Root;
  act(() => {
    root = createRoot(container);
    root.render(ui);
  });
  return {
    container,
    rerender: (next) => act(() => root.render(next)),
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

/** Waits (outside act) until `fn` returns a truthy value, flushing React updates. */
export async function until<T>(fn: () => T | undefined | false, timeout = 5000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    let v: T | undefined | false;
    await act(async () => {
      await new Promise((r) => setTimeout(r, 5));
    });
    v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('until: timed out');
  }
}
