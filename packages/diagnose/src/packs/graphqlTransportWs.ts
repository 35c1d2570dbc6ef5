import type { ProtocolPack } from '../CodePack.js';
import { RETRY } from '../closeCodes.js';
import { graphqlTransportWsMessages, type GraphqlTransportWsClientMessage, type GraphqlTransportWsServerMessage } from './graphqlTransportWsMessages.js';

// Source: enisdenjo/graphql-ws 6.2.0, src/common.ts (CloseCode) and src/client.ts
// (shouldRetryConnectOrThrow), as summarized in ../shared/close-codes.md §6.1.
// Retry advice follows what the graphql-ws client itself does for each code.

const { no: NO, backoff: BACKOFF } = RETRY;

/**
 * Close codes of the `graphql-transport-ws` subprotocol (graphql-ws), and its messages
 * (`typedJson(graphqlTransportWs)` checks what the client sends and receives with them).
 *
 * @example
 * import { diagnose } from '@sockdoc/diagnose';
 * import { graphqlTransportWs } from '@sockdoc/diagnose/packs/graphql-ws';
 * diagnose({ code: 4408 }, { protocol: 'graphql-transport-ws' }, { packs: [graphqlTransportWs] }).cause.id; // 'pack_code'
 */
export const graphqlTransportWs: ProtocolPack<GraphqlTransportWsClientMessage, GraphqlTransportWsServerMessage> = {
  id: 'graphql-transport-ws',
  name: 'graphql-ws',
  subprotocol: 'graphql-transport-ws',
  messages: graphqlTransportWsMessages,
  codes: {
    4400: {
      // graphql-ws's server: parseMessage failed ("Invalid message received"), src/server.ts.
      name: 'BadRequest', retry: NO, category: 'protocol_error', sentBy: 'server', invalidMessage: true,
      text: {
        en: { title: 'Bad request', description: 'The server could not parse or validate a message ("Invalid message received").', fixes: ['Check the messages the client sends against the graphql-transport-ws protocol.'] },
        'zh-CN': { title: '错误的请求', description: '服务器无法解析或校验某条消息（“Invalid message received”）。', fixes: ['对照 graphql-transport-ws 协议检查客户端发送的消息。'] },
        'zh-TW': { title: '錯誤的請求', description: '伺服器無法解析或驗證某則訊息（「Invalid message received」）。', fixes: ['對照 graphql-transport-ws 協定檢查用戶端傳送的訊息。'] },
      },
    },
    4401: {
      name: 'Unauthorized', retry: NO, category: 'auth', sentBy: 'server',
      text: {
        en: { title: 'Unauthorized', description: 'A Subscribe message arrived before the server acknowledged the connection (ConnectionAck).', fixes: ['Wait for connection_ack before subscribing.'] },
        'zh-CN': { title: '未授权', description: '服务器确认连接（ConnectionAck）之前就收到了 Subscribe 消息。', fixes: ['收到 connection_ack 之后再订阅。'] },
        'zh-TW': { title: '未授權', description: '伺服器確認連線（ConnectionAck）之前就收到了 Subscribe 訊息。', fixes: ['收到 connection_ack 之後再訂閱。'] },
      },
    },
    4403: {
      name: 'Forbidden', retry: BACKOFF, category: 'forbidden', sentBy: 'server',
      text: {
        en: { title: 'Forbidden', description: 'The server\'s onConnect refused the connection (returned false).', fixes: ['Check the connection_init payload (credentials) the client sends.'] },
        'zh-CN': { title: '禁止访问', description: '服务器的 onConnect 拒绝了连接（返回了 false）。', fixes: ['检查客户端发送的 connection_init 载荷（凭据）。'] },
        'zh-TW': { title: '禁止存取', description: '伺服器的 onConnect 拒絕了連線（傳回了 false）。', fixes: ['檢查用戶端傳送的 connection_init 酬載（認證資訊）。'] },
      },
    },
    4406: {
      name: 'SubprotocolNotAcceptable', retry: NO, category: 'protocol_error', sentBy: 'server',
      text: {
        en: { title: 'Subprotocol not acceptable', description: 'The client did not negotiate graphql-transport-ws (it may speak the deprecated subscriptions-transport-ws protocol).', fixes: ['Use a client that speaks graphql-transport-ws, and pass it as the WebSocket subprotocol.'] },
        'zh-CN': { title: '子协议不可接受', description: '客户端没有协商 graphql-transport-ws（它可能使用的是已弃用的 subscriptions-transport-ws 协议）。', fixes: ['使用支持 graphql-transport-ws 的客户端，并把它作为 WebSocket 子协议传入。'] },
        'zh-TW': { title: '無法接受的子協定', description: '用戶端沒有協商 graphql-transport-ws（可能用的是已棄用的 subscriptions-transport-ws 協定）。', fixes: ['改用支援 graphql-transport-ws 的用戶端，並把它當作 WebSocket 子協定傳入。'] },
      },
    },
    4408: {
      name: 'ConnectionInitialisationTimeout', retry: BACKOFF, category: 'timeout', sentBy: 'server',
      text: {
        en: { title: 'Connection initialisation timeout', description: 'The client did not send connection_init in time (connectionInitWaitTimeout, 3 s by default).', fixes: ['Send connection_init right after the socket opens.'] },
        'zh-CN': { title: '连接初始化超时', description: '客户端没有及时发送 connection_init（connectionInitWaitTimeout，默认 3 秒）。', fixes: ['套接字打开后立即发送 connection_init。'] },
        'zh-TW': { title: '連線初始化逾時', description: '用戶端沒有及時傳送 connection_init（connectionInitWaitTimeout，預設 3 秒）。', fixes: ['通訊端開啟後立刻傳送 connection_init。'] },
      },
    },
    4409: {
      name: 'SubscriberAlreadyExists', retry: NO, category: 'protocol_error', sentBy: 'server',
      text: {
        en: { title: 'Subscriber already exists', description: 'The client reused the id of an active subscription.', fixes: ['Give every subscription a unique id.'] },
        'zh-CN': { title: '订阅者已存在', description: '客户端重复使用了一个仍在进行的订阅的 id。', fixes: ['为每个订阅分配唯一的 id。'] },
        'zh-TW': { title: '訂閱者已存在', description: '用戶端重複使用了一個仍在進行中的訂閱 id。', fixes: ['每個訂閱都給一個不重複的 id。'] },
      },
    },
    4429: {
      name: 'TooManyInitialisationRequests', retry: NO, category: 'protocol_error', sentBy: 'server',
      text: {
        en: { title: 'Too many initialisation requests', description: 'The client sent connection_init more than once.', fixes: ['Send connection_init once per connection.'] },
        'zh-CN': { title: '初始化请求过多', description: '客户端多次发送了 connection_init。', fixes: ['每个连接只发送一次 connection_init。'] },
        'zh-TW': { title: '初始化請求過多', description: '用戶端傳送了不只一次 connection_init。', fixes: ['每條連線只傳送一次 connection_init。'] },
      },
    },
    4499: {
      name: 'Terminated', retry: BACKOFF, category: 'application', sentBy: 'client',
      text: {
        en: { title: 'Terminated', description: 'The graphql-ws client called terminate(), usually because the socket seemed frozen.', fixes: ['Reconnect; look for what froze the connection.'] },
        'zh-CN': { title: '已终止', description: 'graphql-ws 客户端调用了 terminate()，通常是因为套接字看起来卡住了。', fixes: ['重连；排查导致连接卡住的原因。'] },
        'zh-TW': { title: '已終止', description: 'graphql-ws 用戶端呼叫了 terminate()，通常是因為通訊端看起來卡住了。', fixes: ['重新連線，並找出連線卡住的原因。'] },
      },
    },
    4500: {
      name: 'InternalServerError', retry: NO, category: 'server_error', sentBy: 'server',
      text: {
        en: { title: 'Internal server error', description: 'The server adapter caught an error ("Internal server error" in production).', fixes: ['Check the server logs.'] },
        'zh-CN': { title: '服务器内部错误', description: '服务器适配器捕获到错误（生产环境中原因为“Internal server error”）。', fixes: ['查看服务器日志。'] },
        'zh-TW': { title: '伺服器內部錯誤', description: '伺服器轉接器攔截到錯誤（正式環境中的原因是「Internal server error」）。', fixes: ['檢視伺服器記錄。'] },
      },
    },
    4004: {
      name: 'BadResponse', retry: NO, category: 'protocol_error', sentBy: 'client',
      text: {
        en: { title: 'Bad response', description: 'The client received a message it could not accept (e.g. "First message cannot be of type ...").', fixes: ['Check the server\'s graphql-transport-ws implementation.'] },
        'zh-CN': { title: '错误的响应', description: '客户端收到了无法接受的消息（例如“First message cannot be of type ...”）。', fixes: ['检查服务器的 graphql-transport-ws 实现。'] },
        'zh-TW': { title: '錯誤的回應', description: '用戶端收到了無法接受的訊息（例如「First message cannot be of type ...」）。', fixes: ['檢查伺服器的 graphql-transport-ws 實作。'] },
      },
    },
    4005: {
      name: 'InternalClientError', retry: NO, category: 'application', sentBy: 'client',
      text: {
        en: { title: 'Internal client error', description: 'The graphql-ws client hit an error of its own.', fixes: ['Check the client-side error that preceded the close.'] },
        'zh-CN': { title: '客户端内部错误', description: 'graphql-ws 客户端自身出错。', fixes: ['查看关闭之前客户端一侧的错误。'] },
        'zh-TW': { title: '用戶端內部錯誤', description: 'graphql-ws 用戶端本身出錯。', fixes: ['檢視關閉之前用戶端這一側的錯誤。'] },
      },
    },
    4504: {
      name: 'ConnectionAcknowledgementTimeout', retry: BACKOFF, category: 'timeout', sentBy: 'client',
      text: {
        en: { title: 'Connection acknowledgement timeout', description: 'The server did not answer connection_init with connection_ack in time.', fixes: ['Check the server\'s onConnect for slow work.'] },
        'zh-CN': { title: '连接确认超时', description: '服务器没有及时用 connection_ack 回应 connection_init。', fixes: ['检查服务器 onConnect 中耗时的操作。'] },
        'zh-TW': { title: '連線確認逾時', description: '伺服器沒有及時以 connection_ack 回應 connection_init。', fixes: ['檢查伺服器 onConnect 中耗時的操作。'] },
      },
    },
  },
};
export { graphqlTransportWsMessages } from './graphqlTransportWsMessages.js';
export type { GraphqlTransportWsClientMessage, GraphqlTransportWsServerMessage } from './graphqlTransportWsMessages.js';
export type { MessageSchema } from '../MessageSchema.js';
