export { createSocket } from './createSocket.js';
export type { BrowserSocketOptions } from './createSocket.js';
export type { StatusProbeMode } from './probingTransport.js';
export * from '@sockdoc/core';
