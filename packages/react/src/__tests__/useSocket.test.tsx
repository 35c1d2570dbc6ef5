// @vitest-environment happy-dom
import { memo, StrictMode, useState } from 'react';
import { act } from 'react';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import WebSocket from 'ws';
import { sleep, startTestServer, type TestServer } from '@sockdoc/test-utils';
import { zhCN } from '@sockdoc/diagnose/locales/zh-CN';
import type { Diagnosis, WebSocketConstructor } from '@sockdoc/core';
import { sharedSocketCount } from '../../../core/src/shareSocket.js';
import { diagnose } from '@sockdoc/diagnose';
import { DiagnosisBanner, heartbeat, json, requester, typedJson, useFate, useSocket, type MessageHandle, type UseSocketOptions, type UseSocketResult } from '../index.js';
import { graphqlTransportWsMessages as gql, type GraphqlTransportWsClientMessage, type GraphqlTransportWsServerMessage } from '@sockdoc/diagnose/packs/graphql-ws';
import { render, until } from './render.js';

// happy-dom provides the DOM; the socket is a real `ws` client (injected) to a real server.
const WebSocketImpl = WebSocket as unknown as WebSocketConstructor;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

function Probe(props: { url: string | null; options?: UseSocketOptions; out: { current?: UseSocketResult } }) {
  const result = useSocket(props.url, { WebSocket: WebSocketImpl, reconnect: false, ...props.options });
  props.out.current = result;
  return <p data-status={result.status}>{result.status}</p>;
}

const count = (path: string) => server.connections.get(path) ?? 0;

describe('useSocket', () => {
  it('should type sendJson and lastJson from typedJson schemas, and set jsonIssues for a message the receive schema refuses', async () => {
    type Out = GraphqlTransportWsClientMessage;
    type In = GraphqlTransportWsServerMessage;
    const out: { current?: UseSocketResult<Out, In> } = {};
    function Typed() {
      // The echo server sends each message back: a ping is a valid server message, a connection_init is not.
      const result = useSocket(server.url('/echo'), { WebSocket: WebSocketImpl, reconnect: false, json: typedJson({ send: gql.client, receive: gql.server }) });
      expectTypeOf(result.sendJson).parameter(0).toEqualTypeOf<Out>();
      expectTypeOf(result.lastJson).toEqualTypeOf<In | undefined>();
      out.current = result;
      return <p>{result.status}</p>;
    }
    const view = render(<Typed />);
    await until(() => out.current?.status === 'open');
    act(() => void out.current!.sendJson({ type: 'ping' }));
    await until(() => out.current!.lastJson?.type === 'ping');
    expect(out.current!.jsonIssues).toBeUndefined();
    act(() => void out.current!.sendJson({ type: 'connection_init' }));
    await until(() => out.current!.jsonIssues !== undefined);
    expect(out.current!.lastJson).toBeUndefined();
    expect(out.current!.jsonIssues).toEqual([{ path: '$.type', message: '"type" must be one of connection_ack, ping, pong, next, error, complete' }]);
    // @ts-expect-error: and a wrong message does not compile
    expect(() => out.current!.sendJson({ type: 'subscribe', id: '1' })).toThrow(expect.objectContaining({ code: 'SOCKDOC_SCHEMA_MISMATCH' }));
    view.unmount();
  });

  it('should connect after mount, exchange JSON, and surface a parse error instead of {}', async () => {
    const out: { current?: UseSocketResult } = {};
    const view = render(<Probe url={server.url('/echo')} options={{ json: json() }} out={out} />);
    expect(out.current!.status).not.toBe('open');
    await until(() => out.current!.status === 'open');
    act(() => void out.current!.sendJson({ hello: 'world' }));
    await until(() => out.current!.lastJson);
    expect(out.current!.lastJson).toEqual({ hello: 'world' });
    act(() => void out.current!.send('not json'));
    await until(() => out.current!.jsonError);
    expect(out.current!.jsonError).toBeInstanceOf(SyntaxError);
    expect(out.current!.lastMessage).toBe('not json');
    expect(out.current!.lastJson).toBeUndefined();
    view.unmount();
  });

  it('should throw the typed error, as the client does, when the contract refuses a message', async () => {
    const out: { current?: UseSocketResult } = {};
    const view = render(<Probe url={server.url('/echo')} out={out} />);
    await until(() => out.current!.status === 'open');
    expect(() => out.current!.send(new Uint8Array([1]))).toThrow(expect.objectContaining({ code: 'SOCKDOC_BINARY_ON_TEXT_CHANNEL', predictedClose: 1003 }));
    expect(out.current!.send('fine')).toBe('sent');
    expect(out.current!.status).toBe('open');
    view.unmount();
  });

  it('should open exactly one connection under StrictMode', async () => {
    const before = count('/echo');
    const tcpBefore = server.tcpConnections();
    let constructed = 0;
    const Counting = class extends (WebSocket as unknown as new (u: string, p?: string[]) => object) {
      constructor(u: string, p?: string[]) {
        super(u, p);
        constructed++;
      }
    } as unknown as WebSocketConstructor;
    const out: { current?: UseSocketResult } = {};
    const view = render(
      <StrictMode>
        <Probe url={server.url('/echo')} options={{ WebSocket: Counting }} out={out} />
      </StrictMode>,
    );
    await until(() => out.current!.status === 'open');
    await sleep(100);
    expect(constructed).toBe(1);
    expect(server.tcpConnections() - tcpBefore).toBe(1);
    expect(count('/echo') - before).toBe(1);
    view.unmount();
  });

  it('should stay disconnected with url null or enabled false, and connect when enabled', async () => {
    const before = count('/echo');
    const out: { current?: UseSocketResult } = {};
    const view = render(<Probe url={null} out={out} />);
    view.rerender(<Probe url={server.url('/echo')} options={{ enabled: false }} out={out} />);
    await sleep(100);
    expect(out.current!.status).toBe('idle');
    expect(count('/echo') - before).toBe(0);
    expect(() => out.current!.send('x')).toThrow(expect.objectContaining({ code: 'SOCKDOC_NOT_OPEN' }));
    view.rerender(<Probe url={server.url('/echo')} options={{ enabled: true }} out={out} />);
    await until(() => out.current!.status === 'open');
    expect(count('/echo') - before).toBe(1);
    view.unmount();
  });

  it('should reconnect when the URL changes, but not for a new inline callback', async () => {
    const out: { current?: UseSocketResult } = {};
    const messages: unknown[] = [];
    const before = count('/echo');
    const view = render(<Probe url={server.url('/echo')} options={{ onMessage: (m) => messages.push(m) }} out={out} />);
    await until(() => out.current!.status === 'open');
    for (let i = 0; i < 3; i++) view.rerender(<Probe url={server.url('/echo')} options={{ onMessage: (m) => messages.push(`v${i}:${String(m)}`) }} out={out} />);
    act(() => void out.current!.send('hi'));
    await until(() => messages.length === 1);
    expect(messages).toEqual(['v2:hi']); // the latest callback, same connection
    expect(count('/echo') - before).toBe(1);
    const first = out.current!.socket;
    view.rerender(<Probe url={server.url('/echo?room=2')} out={out} />);
    await until(() => out.current!.socket !== first && out.current!.status === 'open');
    expect(count('/echo') - before).toBe(2);
    await until(() => first!.getSnapshot().status === 'closed');
    view.unmount();
  });

  it('should share one connection between components with the same share key, until the last unmounts', async () => {
    const before = count('/echo');
    const a: { current?: UseSocketResult } = {};
    const b: { current?: UseSocketResult } = {};
    function Two({ showB }: { showB: boolean }) {
      return (
        <>
          <Probe url={server.url('/echo')} options={{ share: 'chat' }} out={a} />
          {showB ? <Probe url={server.url('/echo')} options={{ share: 'chat' }} out={b} /> : null}
        </>
      );
    }
    const view = render(<Two showB />);
    await until(() => a.current!.status === 'open' && b.current!.status === 'open');
    expect(a.current!.socket).toBe(b.current!.socket);
    expect(count('/echo') - before).toBe(1);
    act(() => void a.current!.send('to both'));
    await until(() => a.current!.lastMessage === 'to both' && b.current!.lastMessage === 'to both');
    view.rerender(<Two showB={false} />);
    await sleep(50);
    expect(a.current!.status).toBe('open');
    const socket = a.current!.socket!;
    view.unmount();
    await until(() => socket.getSnapshot().status === 'closed');
    expect(sharedSocketCount()).toBe(0);
  });

  it('should send one heartbeat for a shared connection', async () => {
    const before = server.sink.length;
    const hb = heartbeat({ intervalMs: 40, timeoutMs: 1000, message: 'hb', isPong: () => false });
    function Two() {
      return (
        <>
          <Probe url={server.url('/sink')} options={{ share: 'hb', heartbeat: hb }} out={{}} />
          <Probe url={server.url('/sink')} options={{ share: 'hb', heartbeat: hb }} out={{}} />
        </>
      );
    }
    const view = render(<Two />);
    await act(() => sleep(430)); // the connection opens and state changes meanwhile: inside act
    const pings = server.sink.slice(before).filter((m) => m === 'hb').length;
    view.unmount();
    expect(pings).toBeGreaterThanOrEqual(5);
    expect(pings).toBeLessThanOrEqual(11); // two heartbeats would send about 20
  });

  it('should diagnose closes in the browser language when a loaded locale covers it', async () => {
    Object.defineProperty(navigator, 'languages', { value: ['zh-CN', 'zh', 'en'], configurable: true });
    try {
      const closes: Diagnosis[] = [];
      const out: { current?: UseSocketResult } = {};
      const view = render(<Probe url={server.url('/close/1012')} options={{ locales: [zhCN], onDiagnosedClose: (d) => closes.push(d) }} out={out} />);
      await until(() => closes.length === 1);
      expect(closes[0]!.locale).toBe('zh-CN');
      expect(out.current!.lastClose?.explanation.title).toBe('服务重启');
      view.unmount();
    } finally {
      Object.defineProperty(navigator, 'languages', { value: ['en-US'], configurable: true });
    }
  });

  it('should render a diagnosis with the server reason as text, never as markup', async () => {
    const reason = '<img src=x onerror="window.pwned=1">';
    function Banner() {
      const { lastClose } = useSocket(server.url(`/close/4000?reason=${encodeURIComponent(reason)}`), { WebSocket: WebSocketImpl, reconnect: false });
      return <DiagnosisBanner diagnosis={lastClose} />;
    }
    const view = render(<Banner />);
    await until(() => view.container.querySelector('[role=alert]'));
    expect(view.container.querySelector('img')).toBeNull();
    expect(view.container.querySelector('[data-part=reason]')!.textContent).toBe(reason);
    expect(view.container.querySelector('[role=alert]')!.getAttribute('data-cause')).toBe('application_defined');
    expect((window as { pwned?: number }).pwned).toBeUndefined();
    view.unmount();
  });

  it('should show a close the app asked for as a status, not an alert, with no failure advice', async () => {
    const out: { current?: UseSocketResult } = {};
    function Closing() {
      const result = useSocket(server.url('/echo'), { WebSocket: WebSocketImpl, reconnect: false });
      out.current = result;
      return <DiagnosisBanner diagnosis={result.lastClose} />;
    }
    const view = render(<Closing />);
    await until(() => out.current!.status === 'open');
    act(() => out.current!.close(1000, 'bye'));
    await until(() => view.container.querySelector('[role=status]'));
    expect(view.container.querySelector('[role=alert]')).toBeNull();
    expect(view.container.querySelector('[data-part=retry]')!.textContent).toMatch(/^Nothing to retry/);
    expect(view.container.querySelector('[data-part=retry]')!.textContent).not.toMatch(/fail the same way/);
    view.unmount();
  });

  it('should label each part of the banner with the language it is really in, for a partial locale', () => {
    const ja = { tag: 'ja', name: '日本語', entries: { '1006': { title: '異常終了' } }, causes: { connection_dropped: { title: '接続が切れました' } } } as never;
    const d = diagnose({ code: 1006, wasClean: false }, { runtime: 'browser', opened: true }, { locale: ja });
    const view = render(<DiagnosisBanner diagnosis={d} />);
    const banner = view.container.querySelector('[role=alert]')!;
    expect(banner.getAttribute('lang')).toBe('ja');
    expect(banner.querySelector('strong')!.getAttribute('lang')).toBeNull(); // its own title: the banner's ja
    expect(banner.querySelector('[data-part=cause]')!.getAttribute('lang')).toBeNull();
    expect(banner.querySelector('[data-part=detail]')!.getAttribute('lang')).toBe('en');
    expect(banner.querySelector('[data-part=retry]')!.getAttribute('lang')).toBe('en');
    view.unmount();
  });

  it('should reconnect on demand and close for good', async () => {
    const out: { current?: UseSocketResult } = {};
    const before = count('/echo');
    const view = render(<Probe url={server.url('/echo')} out={out} />);
    await until(() => out.current!.status === 'open');
    act(() => out.current!.reconnect());
    await until(() => count('/echo') - before === 2 && out.current!.status === 'open');
    act(() => out.current!.close(1000, 'bye'));
    await until(() => out.current!.status === 'closed');
    expect(out.current!.snapshot.stopped?.reason).toBe('closed_by_user');
    view.unmount();
  });
});

describe('useSocket: requests and fates', () => {
  type Msg = { id?: string; type: string; n?: number };
  const correlation = { tag: (m: Msg, id: string): Msg => ({ ...m, id }), match: (m: Msg) => m.id };

  it('should send requests and resolve their replies, and show a fate that re-renders only its own component', async () => {
    const out: { current?: UseSocketResult<unknown, unknown, Msg, Msg> } = {};
    const renders = { count: 0 };
    const Fate = memo(function Fate({ handle }: { handle: MessageHandle | undefined }) {
      renders.count++;
      return <i data-fate={useFate(handle) ?? 'none'} />;
    });
    function Requests({ watched }: { watched?: MessageHandle }) {
      // The echo server sends each request back with its id: that is its reply.
      const result = useSocket(server.url('/echo'), { WebSocket: WebSocketImpl, reconnect: false, json: json(), requests: (s) => requester(s, correlation) });
      expectTypeOf(result.request).parameter(0).toEqualTypeOf<Msg>();
      out.current = result;
      return <Fate handle={watched} />;
    }
    const view = render(<Requests />);
    // Before the socket opens, a request queues; its handle says so.
    await until(() => out.current?.socket);
    let watched: MessageHandle | undefined;
    let reply: Promise<Msg> | undefined;
    act(() => {
      const r = out.current!.request({ type: 'get', n: 1 });
      watched = r.handle;
      reply = r;
    });
    view.rerender(<Requests watched={watched} />);
    const fateAttr = () => view.container.querySelector('i')!.getAttribute('data-fate');
    await expect(reply).resolves.toEqual({ type: 'get', n: 1, id: '1' });
    await until(() => fateAttr() === 'replied');
    const before = renders.count;
    // Fifty other messages, each with a fate of its own, do not re-render the watched one's component.
    await act(async () => {
      await Promise.all(Array.from({ length: 50 }, (_, n) => out.current!.request({ type: 'other', n })));
    });
    expect(renders.count).toBe(before);
    view.unmount();
  });

  it('should reject request without a requests option, and before mount, with a typed error', async () => {
    const out: { current?: UseSocketResult } = {};
    const view = render(<Probe url={server.url('/echo')} options={{ json: json() }} out={out} />);
    await until(() => out.current?.socket);
    await expect(out.current!.request({ type: 'x' })).rejects.toMatchObject({ code: 'SOCKDOC_NOT_OPEN', message: expect.stringContaining('no requests option') });
    view.unmount();
    const none: { current?: UseSocketResult } = {};
    const idle = render(<Probe url={null} out={none} />);
    await expect(none.current!.request({ type: 'x' })).rejects.toMatchObject({ code: 'SOCKDOC_NOT_OPEN' });
    idle.unmount();
  });
});

describe('useState sanity (no stray connections after the suite)', () => {
  it('should leave no shared client alive', async () => {
    await sleep(20);
    expect(sharedSocketCount()).toBe(0);
    void useState;
  });
});
