// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { graphqlTransportWsMessages as gql } from '@sockdoc/diagnose/packs/graphql-ws';
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
});
