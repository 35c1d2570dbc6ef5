export { createSocket } from './createSocket.js';
export { SocketClient, IDLE_SNAPSHOT } from './SocketClient.js';
export { SockdocError, isSockdocError, ERROR_CODES } from './errors/SockdocError.js';
export { ContractError } from './errors/ContractError.js';
export { CloseArgumentError } from './errors/CloseArgumentError.js';
export { StateError } from './errors/StateError.js';
export { OptionError } from './errors/OptionError.js';
export { toJson } from './toJson.js';
export { defaultDelay, isAuthFailure, RECONNECT_DEFAULTS } from './reconnectPolicy.js';
export { QUEUE_DEFAULTS } from './OutgoingQueue.js';
export { HEARTBEAT_DEFAULTS } from './Heartbeat.js';
export { findLoneSurrogate, firstInvalidUtf8, isUtf8, utf8ByteLength, MAX_CLOSE_REASON_BYTES } from './validation.js';
export { isSendableCloseCode } from '@sockdoc/diagnose/codes';

export type { SockdocErrorCode } from './errors/SockdocError.js';
export type { ContractRule, ContractDetail } from './errors/ContractError.js';
export type { ReconnectOptions, StopReason } from './reconnectPolicy.js';
export type { QueueOptions } from './OutgoingQueue.js';
export type { HeartbeatOptions } from './Heartbeat.js';
export type {
  Channel,
  ConnectionStatus,
  Dynamic,
  ReconnectPlan,
  RefreshResult,
  StopInfo,
  Timers,
  EvidenceSink,
  EnvironmentSink,
  HandshakeResponse,
  IncomingData,
  RawClose,
  RuntimeAdapter,
  SocketEvents,
  SocketListeners,
  SocketOptions,
  SocketSnapshot,
  UnsentMessage,
  WebSocketConstructor,
  WebSocketLike,
} from './types.js';
export type { Diagnosis } from '@sockdoc/diagnose';
