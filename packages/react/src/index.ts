export { useSocket } from './useSocket.js';
export { DiagnosisBanner } from './DiagnosisBanner.js';
export { heartbeat } from '@sockdoc/browser';
export type { UseSocketOptions, UseSocketResult, SendResult, JsonError } from './useSocket.js';
export type { DiagnosisBannerProps } from './DiagnosisBanner.js';
export type { Diagnosis } from '@sockdoc/diagnose';
export type { SocketSnapshot, SockdocError, IncomingData, HeartbeatOptions } from '@sockdoc/core';
