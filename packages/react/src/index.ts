export { useSocket } from './useSocket.js';
export { DiagnosisBanner } from './DiagnosisBanner.js';
export { heartbeat, json, typedJson, isSockdocError } from '@sockdoc/browser';
export type { UseSocketOptions, UseSocketResult } from './useSocket.js';
export type { DiagnosisBannerProps } from './DiagnosisBanner.js';
export type { Diagnosis } from '@sockdoc/diagnose';
export type { SocketSnapshot, SockdocError, IncomingData, HeartbeatOptions, JsonResult, SchemaIssue } from '@sockdoc/browser';
