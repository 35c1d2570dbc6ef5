// What a user calls. Adapter authors' interface is on `@sockdoc/core/adapter`.
export { createSocket } from './createSocket.js';
export { SocketClient, IDLE_SNAPSHOT } from './SocketClient.js';
export { heartbeat } from './Heartbeat.js';
export { json } from './json.js';
export { typedJson } from './typedJson.js';
export { shareSocket } from './shareSocket.js';
export { lastMessage } from './lastMessage.js';
export { requester } from './requester.js';
export { handles } from './MessageHandle.js';
export { SockdocError, isSockdocError, ERROR_CODES } from './errors/SockdocError.js';
export { ContractError } from './errors/ContractError.js';
export { CloseArgumentError } from './errors/CloseArgumentError.js';
export { StateError } from './errors/StateError.js';
export { OptionError } from './errors/OptionError.js';
export { RequestError } from './errors/RequestError.js';

export type { SockdocErrorCode } from './errors/SockdocError.js';
export type { ContractRule, ContractDetail } from './errors/ContractError.js';
export type { ReconnectOptions, StopReason } from './reconnectPolicy.js';
export type { QueueOptions } from './OutgoingQueue.js';
export type { Fate, Handles, MessageHandle, SendOptions } from './MessageHandle.js';
export type { Heartbeat, HeartbeatOptions } from './Heartbeat.js';
export type { JsonCodec, JsonResult, SchemaIssue } from './json.js';
export type { JsonSchemas } from './typedJson.js';
export type { SharedSocket } from './shareSocket.js';
export type { LastMessage, LastMessageStore } from './lastMessage.js';
export type { Correlation, RequestOptions, Requester, PendingReply } from './requester.js';
export type {
  BackpressureOptions,
  Channel,
  ConnectionStatus,
  Dynamic,
  ReconnectPlan,
  RefreshResult,
  StopInfo,
  Timers,
  HandshakeResponse,
  IncomingData,
  RawClose,
  SendResult,
  SocketEvents,
  SocketOptions,
  SocketSnapshot,
  UnsentMessage,
  WebSocketConstructor,
} from './types.js';
export type { Diagnosis } from '@sockdoc/diagnose';
