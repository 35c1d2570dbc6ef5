// The message shapes of the graphql-transport-ws subprotocol, as graphql-ws 6 checks them
// (src/common.ts, validateMessage; PROTOCOL.md): what its server closes with 4400 "Invalid message
// received" for, checked on the client first. Standard Schema objects written out by hand, so that
// @sockdoc/diagnose stays free of any schema library (the spec lets its interface be copied).

import type { MessageSchema, MessageIssue } from '../MessageSchema.js';

type Payload = Readonly<Record<string, unknown>> | null;

/** What a graphql-transport-ws client sends. */
export type GraphqlTransportWsClientMessage =
  | { readonly type: 'connection_init'; readonly payload?: Payload }
  | { readonly type: 'ping'; readonly payload?: Payload }
  | { readonly type: 'pong'; readonly payload?: Payload }
  | {
      readonly type: 'subscribe';
      readonly id: string;
      readonly payload: { readonly query: string; readonly operationName?: string | null; readonly variables?: Payload; readonly extensions?: Payload };
    }
  | { readonly type: 'complete'; readonly id: string };

/** What a graphql-transport-ws server sends. */
export type GraphqlTransportWsServerMessage =
  | { readonly type: 'connection_ack'; readonly payload?: Payload }
  | { readonly type: 'ping'; readonly payload?: Payload }
  | { readonly type: 'pong'; readonly payload?: Payload }
  | { readonly type: 'next'; readonly id: string; readonly payload: Readonly<Record<string, unknown>> }
  | { readonly type: 'error'; readonly id: string; readonly payload: readonly unknown[] }
  | { readonly type: 'complete'; readonly id: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const optionalRecord = (v: unknown) => v === undefined || v === null || isRecord(v);

function schema<T>(check: (m: Record<string, unknown>, issue: (message: string, ...path: PropertyKey[]) => void) => void): MessageSchema<T> {
  return {
    '~standard': {
      version: 1,
      vendor: 'sockdoc',
      validate(value) {
        const issues: MessageIssue[] = [];
        if (!isRecord(value)) return { issues: [{ message: 'A message must be an object' }] };
        check(value, (message, ...path) => issues.push({ message, path }));
        return issues.length ? { issues } : { value: value as T };
      },
    },
  };
}

const id = (m: Record<string, unknown>, issue: (message: string, ...path: PropertyKey[]) => void) => {
  if (typeof m['id'] !== 'string' || m['id'] === '') issue('"id" must be a non-empty string', 'id');
};
const payload = (m: Record<string, unknown>, issue: (message: string, ...path: PropertyKey[]) => void) => {
  if (!optionalRecord(m['payload'])) issue('"payload" must be an object, null or absent', 'payload');
};

/**
 * The graphql-transport-ws messages as Standard Schemas, for `typedJson`: `client` is what the
 * client may send (graphql-ws's server closes with 4400 for anything else), `server` what its
 * server sends. With them, a malformed `subscribe` is refused before it leaves.
 *
 * @example
 * import { createSocket, typedJson } from '@sockdoc/node';
 * import { graphqlTransportWsMessages as gql } from '@sockdoc/diagnose/packs/graphql-ws';
 * const socket = createSocket(url, { protocols: 'graphql-transport-ws', json: typedJson({ send: gql.client, receive: gql.server }), autoConnect: false });
 * socket.sendJson({ type: 'subscribe', id: '', payload: { query: '{ hello }' } }); // throws ContractError SOCKDOC_SCHEMA_MISMATCH
 */
export const graphqlTransportWsMessages: {
  readonly client: MessageSchema<GraphqlTransportWsClientMessage>;
  readonly server: MessageSchema<GraphqlTransportWsServerMessage>;
} = {
  client: schema((m, issue) => {
    switch (m['type']) {
      case 'connection_init':
      case 'ping':
      case 'pong':
        return payload(m, issue);
      case 'subscribe': {
        id(m, issue);
        const p = m['payload'];
        if (!isRecord(p)) return issue('"payload" must be an object with a "query"', 'payload');
        if (typeof p['query'] !== 'string') issue('"query" must be a string', 'payload', 'query');
        if (p['operationName'] !== undefined && p['operationName'] !== null && typeof p['operationName'] !== 'string') issue('"operationName" must be a string, null or absent', 'payload', 'operationName');
        if (!optionalRecord(p['variables'])) issue('"variables" must be an object, null or absent', 'payload', 'variables');
        if (!optionalRecord(p['extensions'])) issue('"extensions" must be an object, null or absent', 'payload', 'extensions');
        return;
      }
      case 'complete':
        return id(m, issue);
      default:
        issue(`"type" must be one of connection_init, ping, pong, subscribe, complete`, 'type');
    }
  }),
  server: schema((m, issue) => {
    switch (m['type']) {
      case 'connection_ack':
      case 'ping':
      case 'pong':
        return payload(m, issue);
      case 'next':
        id(m, issue);
        if (!isRecord(m['payload'])) issue('"payload" must be an execution result (an object)', 'payload');
        return;
      case 'error':
        id(m, issue);
        if (!Array.isArray(m['payload']) || m['payload'].length === 0) issue('"payload" must be a non-empty array of GraphQL errors', 'payload');
        return;
      case 'complete':
        return id(m, issue);
      default:
        issue(`"type" must be one of connection_ack, ping, pong, next, error, complete`, 'type');
    }
  }),
};
