// @vitest-environment node
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { graphqlTransportWs, graphqlTransportWsMessages as gql, type GraphqlTransportWsClientMessage, type GraphqlTransportWsServerMessage } from '@sockdoc/diagnose/packs/graphql-ws';
import type { JsonResult } from '../json.js';
import { waitFor } from '@sockdoc/test-utils';
import { createSocket } from '../createSocket.js';
import { typedJson } from '../typedJson.js';

// The real graphql-ws server (6.x) in a process of its own, which closes with 4400 "Invalid message
// received" for a malformed message: with the pack's message schemas on, the client never sends one.
const SERVER = `
import { WebSocketServer } from 'ws';
import { buildSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
wss.on('listening', () => console.log('port ' + wss.address().port));
wss.on('connection', (ws) => ws.on('close', (code) => console.log('close ' + code)));
useServer({ schema: buildSchema('type Query { hello: String }'), roots: { query: { hello: () => 'world' } } }, wss);
`;
let server: ChildProcess;
let url: string;
const closes: number[] = [];
beforeAll(async () => {
  server = spawn(process.execPath, ['--input-type=module', '-e', SERVER], { cwd: join(dirname(fileURLToPath(import.meta.url)), '../..'), stdio: ['ignore', 'pipe', 'inherit'] });
  url = await new Promise<string>((resolve) => {
    server.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) {
        if (line.startsWith('port ')) resolve(`ws://127.0.0.1:${line.slice(5)}/graphql`);
        if (line.startsWith('close ')) closes.push(Number(line.slice(6)));
      }
    });
  });
});
afterAll(() => void server?.kill());

describe('graphql-transport-ws messages, checked before they leave', () => {
  it('should show the real server closing with 4400 for a malformed subscribe when nothing checks it', async () => {
    const socket = createSocket(url, { WebSocket, protocols: 'graphql-transport-ws', reconnect: false });
    const closed = new Promise<number>((r) => socket.once('close', (d) => r(d.code)));
    socket.on('open', () => {
      socket.send(JSON.stringify({ type: 'connection_init' }));
      socket.send(JSON.stringify({ type: 'subscribe', id: '', payload: { query: '{ hello }' } }));
    });
    expect(await closed).toBe(4400);
  });

  it('should refuse the malformed subscribe with the pack schema, keep the connection, and get the answer to a valid one', async () => {
    const socket = createSocket(url, { WebSocket, protocols: 'graphql-transport-ws', json: typedJson({ send: gql.client, receive: gql.server }), reconnect: false });
    const got: unknown[] = [];
    socket.on('message', (_data, decoded) => decoded?.ok && got.push(decoded.value));
    socket.sendJson({ type: 'connection_init' });
    expect(() => socket.sendJson({ type: 'subscribe', id: '', payload: { query: '{ hello }' } })).toThrow(expect.objectContaining({ code: 'SOCKDOC_SCHEMA_MISMATCH', detail: expect.objectContaining({ issues: [{ path: '$.id', message: '"id" must be a non-empty string' }] }) }));
    // @ts-expect-error: the types say so too: a subscribe needs a query
    expect(() => socket.sendJson({ type: 'subscribe', id: '1', payload: {} })).toThrow(expect.objectContaining({ detail: expect.objectContaining({ issues: [{ path: '$.payload.query', message: '"query" must be a string' }] }) }));
    await waitFor(() => got.some((m) => (m as { type: string }).type === 'connection_ack'), 3000);
    socket.sendJson({ type: 'subscribe', id: '1', payload: { query: '{ hello }' } });
    await waitFor(() => got.some((m) => (m as { type: string }).type === 'next'), 3000);
    expect(got).toContainEqual({ type: 'next', id: '1', payload: { data: { hello: 'world' } } });
    expect(socket.getSnapshot().status).toBe('open');
    const before = closes.length;
    socket.close(1000);
    await waitFor(() => closes.length > before, 3000);
    expect(closes.at(-1)).toBe(1000); // never a 4400
  });

  it('should speak the protocol from the pack alone: its subprotocol, its schemas, and a 4400 traced to the message sent without them', async () => {
    // No protocols option and no registerCodes: typedJson(pack) brings both.
    const socket = createSocket(url, { WebSocket, json: typedJson(graphqlTransportWs), reconnect: false });
    socket.sendJson({ type: 'connection_init' });
    expect(() => socket.sendJson({ type: 'complete', id: '' })).toThrow(expect.objectContaining({ code: 'SOCKDOC_SCHEMA_MISMATCH' }));
    await waitFor(() => socket.getSnapshot().status === 'open', 3000);
    expect(socket.getSnapshot().protocol).toBe('graphql-transport-ws');
    socket.sendJson({ type: 'ping' });
    // What the schema never saw: a subscribe without its id, sent as a string.
    socket.send(JSON.stringify({ type: 'subscribe', payload: { query: '{ hello }' } }));
    await waitFor(() => socket.getSnapshot().lastClose?.cause.id === 'unchecked_message_refused', 3000);
    const d = socket.getSnapshot().lastClose!;
    expect(d.code).toBe(4400);
    expect(d.explanation.title).toBe('Bad request');
    expect(d.cause.evidence.find((e) => e.id === 'sent_unchecked')?.params).toEqual({ count: 1 });
    expect(d.cause.detail).toBe('4400 (BadRequest) says the server could not accept a message: most likely the one sent without the send schema.');
    expect(d.retry.retryable).toBe(false);
  });

  it('should type the socket from the pack, and refuse a pack that knows no messages where the caller can catch it', () => {
    const socket = createSocket(url, { WebSocket, json: typedJson(graphqlTransportWs), autoConnect: false });
    expectTypeOf(socket.sendJson).parameter(0).toEqualTypeOf<GraphqlTransportWsClientMessage>();
    socket.on('message', (_data, decoded) => expectTypeOf(decoded).toEqualTypeOf<JsonResult<GraphqlTransportWsServerMessage> | undefined>());
    // @ts-expect-error: not a message of the protocol
    expect(() => socket.sendJson({ type: 'start', id: '1' })).toThrow(expect.objectContaining({ code: 'SOCKDOC_SCHEMA_MISMATCH' }));
    const { messages: _m, ...codesOnly } = graphqlTransportWs;
    // @ts-expect-error: a pack without messages has nothing to check with
    expect(() => typedJson(codesOnly)).toThrow(expect.objectContaining({ name: 'OptionError', code: 'SOCKDOC_INVALID_OPTION', message: expect.stringContaining('knows no messages') }));
  });
});

