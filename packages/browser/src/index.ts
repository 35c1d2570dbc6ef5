export { createSocket } from './createSocket.js';
export { browserAdapter } from './browserAdapter.js';
export type { BrowserSocketOptions } from './createSocket.js';
export * from '@sockdoc/core';
