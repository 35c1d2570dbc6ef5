export { useSocket } from './useSocket.js';
export { useFate } from './useFate.js';
export { DiagnosisBanner } from './DiagnosisBanner.js';
export { heartbeat, json, typedJson, isSockdocError, handles, requester } from '@sockdoc/browser';
export type { UseSocketOptions, UseSocketResult } from './useSocket.js';
export type { DiagnosisBannerProps } from './DiagnosisBanner.js';
export type { Diagnosis } from '@sockdoc/diagnose';
export type { SocketSnapshot, SockdocError, IncomingData, HeartbeatOptions, JsonResult, SchemaIssue, Fate, Handles, MessageHandle, SendOptions, SendResult, Correlation, RequestOptions, PendingReply, Requester } from '@sockdoc/browser';
