export { createSocket } from './createSocket.js';
export type { NodeSocketOptions } from './createSocket.js';
export * from '@sockdoc/core';
