export { createSocket } from './createSocket.js';
export type { NodeSocketOptions } from './createSocket.js';
export type { WsClientOptions } from './nodeTransport.js';
export * from '@sockdoc/core';
