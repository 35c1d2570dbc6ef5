// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '@sockdoc/test-utils';
import { useSocket } from '../index.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

function App({ url }: { url: string }) {
  const { status, send } = useSocket(url);
  let refused = '';
  try {
    send('during render on the server');
  } catch (e) {
    refused = (e as { code: string }).code;
  }
  return (
    <p>
      {status} {refused}
    </p>
  );
}

describe('useSocket on the server', () => {
  it('should render without window or WebSocket, open nothing, and not throw', () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    const html = renderToString(<App url={server.url('/echo')} />);
    expect(html).toContain('idle');
    expect(html).toContain('SOCKDOC_NOT_OPEN');
    expect(server.upgrades.get('/echo') ?? 0).toBe(0);
  });
});
