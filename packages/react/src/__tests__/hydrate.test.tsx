// @vitest-environment happy-dom
import { act } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from '@sockdoc/test-utils';
import type { WebSocketConstructor } from '@sockdoc/core';
import { useSocket } from '../index.js';
import { until } from './render.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

function App({ url }: { url: string }) {
  const { status } = useSocket(url, { WebSocket: WebSocket as unknown as WebSocketConstructor, reconnect: false });
  return <p id="s">{status}</p>;
}

describe('hydration', () => {
  it('should hydrate the server markup without mismatch and then connect', async () => {
    const url = server.url('/echo');
    const container = document.createElement('div');
    container.innerHTML = renderToString(<App url={url} />);
    expect(container.textContent).toBe('idle');
    const errors: unknown[] = [];
    let root: ReturnType<typeof hydrateRoot>;
    act(() => {
      root = hydrateRoot(container, <App url={url} />, { onRecoverableError: (e) => errors.push(e) });
    });
    await until(() => container.textContent === 'open');
    expect(errors).toEqual([]);
    expect(server.connections.get('/echo')).toBe(1);
    act(() => root.unmount());
  });
});
