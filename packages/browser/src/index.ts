export { createSocket } from './createSocket.js';
export type { BrowserSocketOptions } from './createSocket.js';
export * from '@sockdoc/core';
