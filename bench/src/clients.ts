import WebSocket from 'ws';
import ReconnectingWebSocket from 'reconnecting-websocket';
import { WebSocket as PartySocket } from 'partysocket';
import { WebsocketBuilder } from 'websocket-ts';
import { createSocket } from '@sockdoc/node';

/** The same small interface over every client measured. */
export interface Client {
  send(data: string): void;
  buffered(): number;
  onMessage(cb: (data: string) => void): void;
  close(): Promise<void>;
}

export type Variant = 'ws' | 'sockdoc' | 'reconnecting-websocket' | 'partysocket' | 'websocket-ts';

const opened = (target: { addEventListener(t: 'open', l: () => void): void }) => new Promise<void>((r) => target.addEventListener('open', () => r()));

export async function connect(variant: Variant, url: string): Promise<Client> {
  switch (variant) {
    case 'ws': {
      const ws = new WebSocket(url);
      await new Promise<void>((r) => ws.once('open', () => r()));
      return {
        send: (d) => ws.send(d),
        buffered: () => ws.bufferedAmount,
        onMessage: (cb) => ws.on('message', (m) => cb(m.toString())),
        close: () => new Promise<void>((r) => (ws.once('close', () => r()), ws.close())),
      };
    }
    case 'sockdoc': {
      // The contract on: a text channel and a size limit, as a careful user would configure it.
      const s = createSocket(url, { channel: 'text', maxMessageBytes: 32 * 1024 * 1024, reconnect: false, queue: false });
      await new Promise<void>((r) => s.once('open', () => r()));
      return {
        send: (d) => void s.send(d),
        buffered: () => s.bufferedAmount,
        onMessage: (cb) => s.on('message', (m) => cb(String(m))),
        close: () => new Promise<void>((r) => (s.once('stopped', () => r()), s.close())),
      };
    }
    case 'reconnecting-websocket': {
      const rws = new ReconnectingWebSocket(url, [], { WebSocket, maxRetries: 0 });
      await opened(rws as never);
      return {
        send: (d) => rws.send(d),
        buffered: () => rws.bufferedAmount,
        onMessage: (cb) => rws.addEventListener('message', (e) => cb(String(e.data))),
        close: async () => rws.close(),
      };
    }
    case 'partysocket': {
      const ps = new PartySocket(url, [], { WebSocket, maxRetries: 0 });
      await opened(ps as never);
      return {
        send: (d) => ps.send(d),
        buffered: () => ps.bufferedAmount,
        onMessage: (cb) => ps.addEventListener('message', (e) => cb(String((e as MessageEvent).data))),
        close: async () => ps.close(),
      };
    }
    case 'websocket-ts': {
      // websocket-ts constructs the global WebSocket; Node 20 has none, so give it ws.
      (globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;
      let resolveOpen!: () => void;
      const open = new Promise<void>((r) => (resolveOpen = r));
      const handlers: Array<(d: string) => void> = [];
      const w = new WebsocketBuilder(url)
        .onOpen(() => resolveOpen())
        .onMessage((_i, e) => handlers.forEach((h) => h(String(e.data))))
        .build();
      await open;
      return {
        send: (d) => w.send(d),
        buffered: () => w.underlyingWebsocket?.bufferedAmount ?? 0,
        onMessage: (cb) => void handlers.push(cb),
        close: async () => w.close(),
      };
    }
  }
}
