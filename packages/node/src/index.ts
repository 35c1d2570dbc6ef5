export { createSocket } from './createSocket.js';
export { nodeAdapter } from './nodeAdapter.js';
export type { NodeSocketOptions } from './createSocket.js';
export type { NodeAdapterOptions } from './nodeAdapter.js';
export * from '@sockdoc/core';
