// `@sockdoc/core/adapter`: the interface a runtime plugs into the client, for adapter authors.
// Apps never need it: `@sockdoc/browser` and `@sockdoc/node` pass theirs.
export { webSocketTransport } from './webSocketTransport.js';
export { detectRuntime } from './runtimeTransport.js';
export type { Environment, EnvironmentPatch, EnvironmentSink, Headers, Runtime, Transport, TransportEvents, TransportSocket, Utf8 } from './Transport.js';
export type { HeartbeatLink, HeartbeatRun } from './Heartbeat.js';
export type { WebSocketLike } from './types.js';
export type { StatusProbe } from '@sockdoc/diagnose';
