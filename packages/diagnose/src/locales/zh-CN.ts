import type { DiagnoseLocale, LocaleReference, LocaleText } from '../DiagnoseLocale.js';
import { withReference } from '../withReference.js';

// 事实来源：../shared/close-codes.md（RFC 6455、IANA、WHATWG、MDN 及各实现源码）。
// 术语见其 §9：端点、关闭帧、关闭握手、子协议、扩展、指数退避、随机抖动。
// 全角标点；1006、UTF-8、WebSocket 等协议记号保持 ASCII。

const kib = (n: number) => (n >= 1024 && n % 1024 === 0 ? `（${n / 1024} KiB）` : '');
const bytes = (n: number) => `${n.toLocaleString('en-US')} 字节${kib(n)}`;
/** 句首的时间状语：“就在关闭前，”“关闭前 5 毫秒，”；时间未知时为空。 */
const ago = (ms?: number) => (ms === undefined ? '' : ms < 10 ? '就在关闭前，' : ms < 1000 ? `关闭前 ${ms} 毫秒，` : `关闭前 ${(ms / 1000).toFixed(1)} 秒，`);
const q = (s?: string) => `“${s ?? ''}”`;
/** 口语里的时长：850 毫秒、3.2 秒、12 分钟。 */
const span = (ms = 0) => (ms < 1000 ? `${ms} 毫秒` : ms < 120_000 ? `${(ms / 1000).toFixed(1)} 秒` : `${Math.round(ms / 60_000)} 分钟`);
const kind = (k?: 'text' | 'binary') => (k === 'binary' ? '二进制' : '文本');

const fingerprints = {
  spring_binary_unsupported: 'Spring 的 TextWebSocketHandler 拒绝二进制消息',
  spring_text_unsupported: 'Spring 的 BinaryWebSocketHandler 拒绝文本消息',
  pyws_keepalive: 'python-websockets 的保活 ping 超时',
  idle_timeout: '服务器端空闲超时（Tomcat、Jetty、uWebSockets）',
  uws_lifetime: 'uWebSockets 的 maxLifetime 连接轮换',
  heartbeat_timeout: '心跳超时',
  invalid_utf8: '服务器检测到无效的 UTF-8',
  too_big: '消息大小上限',
  too_many_fragments: '消息分片数量上限（ws 8.21+、undici）',
  auth: '鉴权失败',
  forbidden: '权限不足',
  rate_limit: '限流',
  duplicate_session: '重复会话或在别处登录',
  shutdown: '服务器或应用正在关闭',
  sockjs_go_away: 'SockJS 会话关闭',
};
/** What a diagnosis renders in zh-CN: entry titles, descriptions, fixes and dead ends, causes, evidence, retry advice. The client loads only this. */
export const zhCNText: LocaleText = {
  tag: 'zh-CN',
  name: '简体中文',
  entries: {
    '1000': {
      title: '正常关闭',
      description: '建立连接的目的已经完成：一方有意结束会话，且关闭握手已正常完成。',
      fixes: [
        '如果是你的代码关闭了连接，则无需处理。',
        '如果关闭出乎意料，请查看关闭原因，并检查服务器上结束会话的逻辑（连接时长上限、重复登录踢人、选择 1000 的空闲策略）。',
        '如果服务器用 1000 加“please reconnect”之类的原因轮换连接，请在出现该原因时重连。',
      ],
      deadEnds: [
        '把 1000 当作错误并向用户提示失败。',
        '服务器已有意结束会话，客户端却不停地立即重连。',
      ],
    },
    '1001': {
      title: '端点离开',
      description: '某个端点正在离开：服务器下线或重启、浏览器从页面跳转离开，或服务器端空闲超时。',
      fixes: [
        '使用指数退避加随机抖动重连；部署时所有客户端会同时重连。',
        '如果关闭原因提到空闲超时，请让心跳间隔短于该超时，或在服务器上调大超时。',
        '在服务器上，关闭前先平滑排空连接；重启时更准确的关闭码是 1012。',
      ],
      deadEnds: [
        '调大客户端的超时：空闲超时的是服务器。',
        '不加随机抖动地重连，让一次部署变成重连风暴。',
      ],
    },
    '1002': {
      title: '协议错误',
      description: '某个端点收到了违反 WebSocket 协议的内容（格式错误的帧、保留的关闭码、意外的扩展位），因而终止连接。',
      fixes: [
        '查看关闭原因：undici、python-websockets、gorilla 和 Jetty 会说明违反了哪条规则（ws 不发送原因）。',
        '自己调用 close() 时只使用 1000 或 3000–4999。',
        '让两端的压缩设置一致，或先关闭 permessage-deflate 进行排查。',
        '升级 WebSocket 库，或绕过代理确认是否是它造成的。',
      ],
      deadEnds: [
        '重连：同样的帧会产生同样的错误。',
        '调大缓冲区或超时。',
      ],
    },
    '1003': {
      title: '不支持的数据类型',
      description: '某个端点收到了它无法接受的数据类型：仅支持文本的端点收到了二进制消息，或仅支持二进制的端点收到了文本。',
      fixes: [
        '按服务器期望的类型发送帧：JSON.stringify(...) 的结果会作为文本帧发送。',
        '在 sockdoc 中把通道声明为 text 或 binary，错误类型的帧会在发送前被拒绝。',
        '如果服务器应当两种都接受，请修改服务器（Spring：继承 AbstractWebSocketHandler，而不是 TextWebSocketHandler 或 BinaryWebSocketHandler）。',
      ],
      deadEnds: [
        '重连后重发：同样类型的帧会得到同样的关闭。',
        '调大缓冲区或消息大小上限：帧类型与大小无关，照样会被拒绝。',
        '修改超时设置。',
      ],
    },
    '1004': {
      title: '保留',
      description: 'RFC 6455 保留的关闭码，没有定义含义。任何端点都不得发送；ws、undici、python-websockets、gorilla、coder、Jetty 和 uWebSockets 收到 1004 都会视为协议错误。',
      fixes: [
        '修正发送它的一方：改用 1000、1001、1008、1011 或 4000–4999 的应用关闭码。',
      ],
      deadEnds: [
        '查找它的官方含义：并不存在。',
        '重连：对端还会再发送它。',
      ],
    },
    '1005': {
      title: '未收到关闭码',
      description: '收到了关闭帧，但其中没有关闭码。运行时在本地报告 1005，它永远不会出现在关闭帧中。',
      fixes: [
        '如果是你的代码调用了 close()，这是预期的回送；想让两端都有关闭码，请调用 close(1000)。',
        '对于 Socket.IO，请查看 Socket.IO 自己的断开原因（“io server disconnect”“transport close”“ping timeout”），而不是 WebSocket 关闭码。',
        '请服务器作者发送明确的关闭码。',
      ],
      deadEnds: [
        '把 1005 当作网络故障：关闭握手其实已经完成。',
        '读取 event.reason：空的关闭帧也没有关闭原因。',
      ],
    },
    '1006': {
      title: '异常关闭',
      description: '连接关闭时没有收到关闭帧。运行时在本地报告 1006，它永远不会出现在关闭帧中，关闭原因也总是空的。',
      fixes: [
        '如果连接从未打开，请检查握手：URL 和路径、凭据、TLS 证书、代理的 Upgrade 请求头、Origin 白名单。浏览器只在 DevTools 控制台显示 HTTP 状态码；Node 客户端可以拿到它。',
        '在 Node 中，查看关闭之前的 error 事件：其中的错误码（WS_ERR_*、ECONNREFUSED 等）才是真正的诊断依据。',
        '如果总在固定的空闲时间后发生，请让心跳间隔短于链路上最小的空闲超时，或调大 proxy_read_timeout。',
        '让服务器在关闭时发送 1001 或 1012，而不是直接断开套接字。',
      ],
      deadEnds: [
        '读取 event.reason 或浏览器的 error 事件：按照规范两者都不含细节。',
        '握手被拒绝时立即无限重试：重试得到的还是 401。',
        '调大客户端缓冲区。',
      ],
    },
    '1007': {
      title: '无效的帧载荷数据',
      description: '某个端点收到的消息数据与其消息类型不一致，典型情况是文本帧的载荷不是有效的 UTF-8。',
      fixes: [
        '原始字节请用二进制帧发送，或先编码（base64）再作为文本发送。',
        '把字节作为文本发送之前先校验 UTF-8；sockdoc 会在发送前拒绝无效的 UTF-8 和孤立代理项。',
        '如果客户端运行在浏览器中，请怀疑服务器：send(string) 总是产生有效的 UTF-8，请查看关闭原因，询问服务器这个 1007 的含义。',
      ],
      deadEnds: [
        '重启客户端或服务器：发送的数据没有变，还会再次失败。',
        '重连后重发同一条消息。',
        '调大缓冲区或大小上限、修改超时：UTF-8 是否有效与这些无关。',
      ],
    },
    '1008': {
      title: '违反策略',
      description: '某个端点收到了违反其策略的消息。这是没有更具体的关闭码可用、或服务器想隐藏细节时使用的通用关闭码。',
      fixes: [
        '查看关闭原因；然后刷新凭据，用新凭据重连一次。',
        '遵守服务器的限流：合并或节流发送的消息。',
        '修正最后发送的那条违规消息。',
      ],
      deadEnds: [
        '用同样的凭据重连，或重发同一条消息。',
        '调大缓冲区。',
      ],
    },
    '1009': {
      title: '消息过大',
      description: '某个端点收到的消息过大，无法处理。',
      fixes: [
        '把消息拆分成小于服务器上限的块，或先压缩。',
        '通过 HTTP 上传大数据，只在套接字上发送引用。',
        '调大服务器的上限（ws 的 maxPayload、python-websockets 的 max_size、Tomcat 的 DEFAULT_BUFFER_SIZE、Jetty 的 setMaxTextMessageSize、coder 的 SetReadLimit、Socket.IO 的 maxHttpBufferSize）。',
        '把 sockdoc 的 maxMessageBytes 设为服务器的上限，超大消息会在发送前被拒绝。',
      ],
      deadEnds: [
        '重连后重发同一条消息。',
        '调大客户端缓冲区：上限在接收方。',
        '调大代理超时。',
      ],
    },
    '1010': {
      title: '缺少必需的扩展',
      description: '客户端期望服务器协商一个或多个扩展，但服务器没有，因此客户端终止连接。关闭原因中应列出所需的扩展。',
      fixes: [
        '在每一跳（服务器和代理）上启用该扩展，或让客户端不再强制要求它。',
      ],
      deadEnds: [
        '重连：协商仍会以同样方式失败。',
        '修改消息大小或超时。',
      ],
    },
    '1011': {
      title: '内部错误',
      description: '服务器遇到意外情况，无法完成请求。',
      fixes: [
        '查看关闭时刻的服务器日志；如果每次都紧跟某条特定消息，就是这条消息触发了服务器缺陷。',
        '对于“keepalive ping timeout”：降低延迟、减少阻塞，或在服务器上调大 ping_timeout。',
        '使用退避策略重连，并限制次数。',
      ],
      deadEnds: [
        '为服务器的缺陷修改客户端。',
        '无限制地快速重连。',
        '重发触发异常的那条消息。',
      ],
    },
    '1012': {
      title: '服务重启',
      description: '服务器因为正在重启而终止连接。',
      fixes: [
        '按照注册该关闭码时的建议，随机等待 5–30 秒后重连；随机抖动可以避免所有客户端同时重连。',
      ],
      deadEnds: [
        '立即重连：服务器可能还没恢复，而且所有客户端会一起涌上来。',
        '当作自己代码的错误处理。',
      ],
    },
    '1013': {
      title: '稍后重试',
      description: '服务器因临时状况终止连接，例如过载时主动断开一部分客户端。',
      fixes: [
        '等待较长且带随机抖动的时间（至少 30 秒）后再重连。',
        '有多个端点时优先换一个；注册该关闭码时的建议是：只有在用户操作时才重连同一地址。',
      ],
      deadEnds: [
        '立即重连，反而加重过载。',
      ],
    },
    '1014': {
      title: '网关错误',
      description: '服务器作为网关或代理时，从上游服务器收到了无效响应，类似 HTTP 502。',
      fixes: [
        '使用退避策略重连；检查网关后面的上游服务。',
      ],
      deadEnds: [
        '修改客户端发送的消息：故障发生在网关与其上游之间。',
      ],
    },
    '1015': {
      title: 'TLS 握手失败',
      description: '保留用于报告 TLS 握手失败（例如无法验证服务器证书）。它永远不会出现在关闭帧中，浏览器也从不报告它，而是报告 1006。',
      fixes: [
        '在浏览器中打开同一个 https:// 地址，或运行 openssl s_client，查看证书错误。',
        '在服务器上修正证书链，或在 Node 中信任正确的 CA（NODE_EXTRA_CA_CERTS）。',
      ],
      deadEnds: [
        '重试：两次尝试之间证书不会变。',
        '在生产环境中关闭证书校验。',
      ],
    },
    '3000': {
      title: '未授权',
      description: '在 IANA 注册，相当于 HTTP 401：客户端必须先通过鉴权。',
      fixes: [
        '获取新的凭据，然后用它重连一次。',
        '如果关闭原因是“Go away!”，按普通的 SockJS 关闭处理。',
      ],
      deadEnds: [
        '用同一个令牌重连。',
      ],
    },
    '3003': {
      title: '禁止访问',
      description: '在 IANA 注册，相当于 HTTP 403：服务器知道客户端是谁，但不允许访问。',
      fixes: [
        '在服务器上授予权限，或不再请求该资源。',
      ],
      deadEnds: [
        '重试；以及在令牌已正确标识用户的情况下刷新令牌。',
      ],
    },
    '3008': {
      title: '超时',
      description: '在 IANA 注册，相当于 HTTP 408：某个端点对应用层请求的响应时间过长。',
      fixes: [
        '使用退避策略重连，并更快地回应应用层请求（避免阻塞事件循环）。',
      ],
      deadEnds: [
        '修改消息大小。',
      ],
    },
    range_0_999: {
      title: '不是关闭码（0–999）',
      description: 'RFC 6455 不使用 0–999。任何端点都不得发送，除 Chromium 的接收路径外，所有实现都会视为协议错误。',
      fixes: [
        '在 close() 中使用 1000 或 3000–4999 的关闭码。',
      ],
      deadEnds: [
        '查找它的含义：并不存在。',
      ],
    },
    range_protocol_unassigned: {
      title: '协议保留（未分配）',
      description: '1016–2999 保留给协议的未来版本和扩展，目前都未分配。ws、undici、python-websockets、coder、Jetty 和 uWebSockets 收到它们都会视为协议错误。',
      fixes: [
        '应用关闭码请使用 4000–4999。',
      ],
      deadEnds: [
        '查找标准含义。',
      ],
    },
    range_registered_unassigned: {
      title: '注册区间（库或框架关闭码）',
      description: '3000–3999 由库、框架和应用在 IANA 注册；sockdoc 不知道这个关闭码的注册信息。协议本身不定义它的含义。',
      fixes: [
        '弄清含义后在 sockdoc 中注册它（registerCodes），诊断和重试决策就会使用它。',
      ],
      deadEnds: [
        '假定它可以重试，或假定它与某个 HTTP 状态码同义。',
      ],
    },
    range_private: {
      title: '应用自定义（私有）',
      description: '4000–4999 供私有使用：含义由另一端的应用决定，且不能注册。',
      fixes: [
        '查看关闭原因和服务器的文档。',
        '在 sockdoc 中注册该关闭码（registerCodes），或选用内置的协议包（如 graphql-transport-ws），以便正确解释和重试。',
      ],
      deadEnds: [
        '套用别的应用的含义：一个协议里的 4001 与另一个协议里的 4001 毫无关系。',
        '盲目重试：没有任何依据表明重试有用。',
      ],
    },
    not_a_code: {
      title: '无效的关闭码',
      description: '关闭码是 1000 到 4999 之间的整数。这个值不在 RFC 6455 的任何区间内（负数、非整数，或大于等于 5000）。',
      fixes: [
        '关闭时使用 1000 或 3000–4999；检查这个值的来源。',
      ],
      deadEnds: [
        '查找它的含义：并不存在。',
      ],
    },
  },
  causes: {
    own_close_echo: {
      title: '是你的客户端关闭了连接',
      detail: (p) => `客户端${p.clientCode === undefined ? '不带关闭码' : `以 ${p.clientCode} `}发起了关闭握手，${p.code} 是服务器回送的关闭码。`,
      fixes: () => ['无需处理：这是调用 close() 的预期结果。'],
    },
    client_aborted: {
      title: '你的客户端在连接打开之前关闭了它',
      detail: () => '握手尚未完成时就调用了 close()；运行时会把这种情况报告为 1006。',
      fixes: () => ['如果这是有意为之，则无需处理；否则请等到 open 事件之后再关闭。'],
    },
    server_ended_session: {
      title: '服务器有意结束了会话',
      detail: () => '服务器在客户端没有要求的情况下发送了正常关闭；它认为会话已经结束。',
      fixes: () => ['查看关闭原因，以及服务器上结束会话的逻辑（登出、连接时长上限、重复登录踢人）。', '只有在应用需要持久连接且服务器允许时才重连。'],
    },
    lifetime_rotation: {
      title: '服务器在轮换长连接',
      detail: (p) => `关闭原因${q(p.reason)}要求客户端重连（uWebSockets 的 maxLifetime 到期时以 1000“please reconnect”关闭）。`,
      fixes: () => ['短暂随机延迟后重连即可，这是例行操作。'],
    },
    server_heartbeat_timeout: {
      title: '心跳超时',
      detail: (p) => `关闭原因${q(p.reason)}表明漏掉了心跳，服务器判定连接已失效。`,
      fixes: () => ['使用退避策略重连。', '检查是否有阻塞的事件循环，或被节流的定时器（后台标签页）延误了心跳。'],
    },
    server_going_away: {
      title: '服务器正在离开',
      detail: () => '服务器宣布自己要离开，通常是关机或部署。',
      fixes: () => ['使用退避加随机抖动重连。', '在服务器上，重启时优先使用 1012，并平滑排空连接。'],
    },
    server_idle_timeout: {
      title: '服务器关闭了空闲连接',
      detail: (p) => (p.idleSeconds === undefined ? `关闭原因${q(p.reason)}提到了空闲超时。` : `已有 ${p.idleSeconds} 秒没有任何收发，服务器的关闭原因${q(p.reason)}提到了空闲超时。`),
      fixes: () => ['让心跳间隔短于服务器的空闲超时（Jetty 默认 30 秒）。', '或在服务器上调大空闲超时。'],
    },
    protocol_error: {
      title: '一方违反了 WebSocket 协议',
      detail: (p) => (p.reason ? `服务器报告了协议错误：${q(p.reason)}。` : '服务器报告了协议错误，但没有说明违反了哪条规则（ws 不发送原因）。'),
      fixes: () => ['检查压缩设置，以及客户端和服务器之间的代理。', '升级两端的 WebSocket 库。'],
    },
    client_sent_bad_close_code: {
      title: '你的客户端使用了不允许发送的关闭码',
      detail: (p) => `客户端以 ${p.clientCode} 关闭，这个关闭码不允许出现在关闭帧中，所以服务器以协议错误回应。`,
      fixes: () => ['使用 1000 或 3000–4999 的关闭码。'],
    },
    binary_on_text_endpoint: {
      title: '二进制消息发到了仅支持文本的端点',
      detail: (p) => `客户端最后发送的是${p.bytes === undefined ? '' : ` ${bytes(p.bytes)}的`}二进制帧，服务器随后以 ${p.code} 关闭${p.code === 1007 ? '（有些服务器在应当发送 1003 时发送 1007）' : ''}。`,
      fixes: () => ['发送文本帧：用 JSON.stringify 序列化，或先把字节解码成字符串。', '在 sockdoc 中声明 channel: \'text\'，二进制数据会在发送前被拒绝。', '如果服务器应当接受二进制，请修改它的处理程序。'],
    },
    text_on_binary_endpoint: {
      title: '文本消息发到了仅支持二进制的端点',
      detail: (p) => `客户端最后发送的是${p.bytes === undefined ? '' : ` ${bytes(p.bytes)}的`}文本帧，而服务器只接受二进制数据。`,
      fixes: () => ['向这个端点发送二进制帧（ArrayBuffer 或类型化数组）。', '在 sockdoc 中声明 channel: \'binary\'，字符串会在发送前被拒绝。'],
    },
    unsupported_data: {
      title: '服务器无法接受所发送的数据类型',
      detail: () => '服务器拒绝了某条消息的帧类型（文本或二进制），但客户端没有记录是哪一种。',
      fixes: () => ['弄清端点期望文本还是二进制，并在 sockdoc 中声明对应的通道。'],
    },
    reserved_code: {
      title: '对端使用了任何人都不得发送的关闭码',
      detail: (p) => `${p.code} 是保留或未分配的关闭码，符合规范的对端从不发送它。`,
      fixes: () => ['修正对端，改用 1000、1001、1008、1011 或 4000–4999 的应用关闭码。'],
    },
    closed_without_code: {
      title: '服务器关闭时没有给出关闭码',
      detail: () => '收到的关闭帧中没有关闭码。Socket.IO / Engine.IO 和不带参数的 ws.close() 都会这样关闭；拒绝了客户端关闭码的 uWebSockets 服务器也一样。',
      fixes: () => ['如果服务器使用 Socket.IO，请改为查看它的断开原因。', '请服务器使用明确的关闭码。'],
    },
    handshake_auth: {
      title: '握手时鉴权失败',
      detail: (p) => `服务器以 HTTP ${p.status} 回应了升级请求，所以连接从未打开。`,
      fixes: (p) => [p.status === 403 ? '确认该账号有权使用这个端点；遇到 403 时，只换凭据没有用。' : '发送有效的凭据：把新令牌放在查询参数、子协议或 Cookie 中（浏览器无法设置自定义请求头）。', '在凭据变化之前停止重连：凭据不变，重试得到的还是 401。'],
    },
    handshake_not_found: {
      title: '该 URL 上没有 WebSocket 端点',
      detail: (p) => `服务器以 HTTP ${p.status ?? 404} 回应了升级请求。`,
      fixes: () => ['检查 URL 的路径、端口和协议（ws:// 还是 wss://、末尾斜杠、/socket 前缀）。', '检查代理是否把这个路径转发到了 WebSocket 服务器。'],
    },
    handshake_rejected: {
      title: '服务器拒绝了握手',
      detail: (p) => `服务器以 HTTP ${p.status} 回应了升级请求，而不是 101 Switching Protocols。`,
      fixes: (p) => [p.status === 426 || p.status === 400 ? '确认请求以 WebSocket 升级请求的形式到达服务器：代理需要 proxy_http_version 1.1 以及 Upgrade / Connection 请求头。' : '查看响应体和服务器日志，了解升级被拒绝的原因。', '检查 Origin 白名单和必需的子协议。'],
    },
    handshake_redirect: {
      title: '服务器对握手做了重定向',
      detail: (p) => `服务器以重定向 HTTP ${p.status} 回应了升级请求。WebSocket 客户端不跟随重定向（RFC 6455 §4.1 把这交给客户端决定，浏览器、ws 和 undici 都会失败），所以重试同一个 URL 只会得到同样的回应。`,
      fixes: () => ['改为连接重定向指向的 URL（见响应的 Location 头，可用 curl -i 查看）。', '或者让服务器或代理直接处理这个 WebSocket 路径：从 ws:// 跳到 wss://、或给路径补上结尾斜杠的重定向是常见原因。'],
    },
    handshake_invalid: {
      title: '握手响应不符合 WebSocket 协议',
      detail: (p) => `服务器回应了升级请求，但响应违反了 WebSocket 握手${p.reason ? `（${p.reason}）` : ''}：回应的不是 WebSocket 服务器，或者有代理改写了响应。`,
      fixes: () => ['确认 URL 到达的是 WebSocket 服务器本身，而不是用错误响应头回应 101 的 HTTP 服务器或代理。', '对照 RFC 6455 §4.2.2 检查响应的 Sec-WebSocket-Accept、Upgrade 和 Sec-WebSocket-Protocol 头（带上升级请求头执行 curl -i 即可看到）。'],
    },
    handshake_unavailable: {
      title: '服务器或代理不可用',
      detail: (p) => `升级请求得到了 HTTP ${p.status}：服务器或其前面的网关宕机或过载。`,
      fixes: () => ['使用退避策略重连；检查服务器和代理的健康状况。'],
    },
    connection_refused: {
      title: '该地址上没有服务在监听',
      detail: (p) => `TCP 连接被拒绝（${p.errorCode ?? 'ECONNREFUSED'}）：该主机和端口上没有服务器在监听。`,
      fixes: () => ['启动服务器，或修正 URL 中的主机和端口。', '如果服务器正在重启，使用退避策略重连。'],
    },
    dns_failure: {
      title: '无法解析主机名',
      detail: (p) => `DNS 解析失败（${p.errorCode ?? 'ENOTFOUND'}）。`,
      fixes: () => ['检查 URL 中的主机名是否拼错。', '检查这台机器的 DNS 和网络访问。'],
    },
    tls_failure: {
      title: 'TLS 握手失败',
      detail: (p) => `无法建立安全连接${p.errorCode ? `（${p.errorCode}）` : ''}：证书无法验证，或 TLS 设置不匹配。`,
      fixes: () => ['检查证书：有效期、主机名、中间证书。', '在 Node 中信任正确的 CA（NODE_EXTRA_CA_CERTS），而不是关闭证书校验。'],
    },
    handshake_timeout: {
      title: '服务器一直没有回应握手',
      detail: () => 'TCP 连接已建立，但在规定时间内没有收到对升级请求的回应。',
      fixes: () => ['确认 URL 指向的是 WebSocket 服务器，而不是接受 TCP 连接却不作回应的服务。', '检查会缓冲升级请求的代理。'],
    },
    handshake_failed_opaque: {
      title: '握手失败，而浏览器隐藏了原因',
      detail: () => '连接从未打开。按照规范，浏览器把所有握手失败都报告为不带细节的 1006：401、404、端口被拒绝、DNS 或 TLS 错误，在脚本看来都一样。',
      fixes: () => [
        'Chromium 系浏览器（Chrome、Edge）：控制台中“WebSocket connection to \'<url>\' failed:”这一行的末尾是 HTTP 状态码（“Unexpected response code: 401”表示服务器拒绝了升级），或者网络错误（“net::ERR_CONNECTION_REFUSED”表示该地址上没有服务在监听，“net::ERR_NAME_NOT_RESOLVED”是 DNS 问题，“net::ERR_CERT_…”是 TLS 问题）。',
        'Safari：“WebSocket connection to \'<url>\' failed: Unexpected response code: 401”给出了状态；“WebSocket network error: …”表示网络或 TLS 故障。',
        'Firefox：“Firefox can’t establish a connection to the server at <url>”不含状态，要在网络面板（筛选 WS）里查看响应及其状态。',
        '检查 URL、凭据（查询参数、子协议或 Cookie）、TLS 证书和 Origin 白名单。',
        '用命令行工具的 sockdoc probe 访问同一个 URL，查看 HTTP 状态码和响应头。',
      ],
    },
    handshake_failed: {
      title: '连接建立前握手失败',
      detail: (p) => `连接从未打开${p.reason || p.errorCode ? `；运行时报告：${[p.errorCode, p.reason].filter(Boolean).join('：')}` : '，运行时也没有报告任何细节'}。`,
      fixes: () => ['对同一个 URL 执行 sockdoc probe：它会打印握手的 HTTP 状态码和响应头。', '检查 URL、凭据、TLS 证书，以及客户端与服务器之间的代理。'],
    },
    offline: {
      title: '设备处于离线状态',
      detail: () => '连接关闭时浏览器报告处于离线状态。',
      fixes: () => ['等待 online 事件后再重连。'],
    },
    server_sent_invalid_utf8: {
      title: '服务器在文本帧中发送了无效的 UTF-8',
      detail: (p) => `服务器发来的文本帧不是有效的 UTF-8，你的客户端因此主动断开了连接（${p.errorCode}）；服务器看到的是 1007。`,
      fixes: () => ['修正服务器：二进制数据用二进制帧发送，文本帧只发送有效的 UTF-8（gorilla/websocket 和 coder/websocket 不校验自己发送的文本）。'],
    },
    incoming_too_big: {
      title: '服务器发来的消息超过了客户端的接收上限',
      detail: (p) => `收到的消息超过了客户端的 maxPayload，你的客户端因此主动断开了连接（${p.errorCode}）；服务器看到的是 1009。`,
      fixes: () => ['调大客户端的 maxPayload，或让服务器发送更小的消息。'],
    },
    too_many_fragments: {
      title: '消息分片过多',
      detail: (p) => `消息被拆成了过多的分片${p.errorCode ? `（${p.errorCode}）` : ''}；较新版本的 ws 和 undici 会因此以 1008 关闭。`,
      fixes: () => ['发送更少、更大的分片，或发送完整的消息。'],
    },
    server_protocol_violation: {
      title: '服务器发送了违反协议的帧',
      detail: (p) => `你的客户端主动断开了连接（${p.errorCode}${p.reason ? `：${p.reason}` : ''}）；服务器看到的是真正的关闭码，客户端报告的是 1006。`,
      fixes: () => ['修正服务器的帧格式，或篡改帧的代理。', '升级服务器的 WebSocket 库。'],
    },
    proxy_idle_timeout: {
      title: '链路上的空闲超时关闭了连接',
      detail: (p) => `已有 ${p.idleSeconds} 秒没有任何收发，接近代理常见的 ${p.proxyTimeoutSeconds} 秒空闲超时（nginx 的 proxy_read_timeout 为 60 秒，Cloudflare 约 100 秒），代理会直接断开 TCP 而不发送关闭帧。`,
      fixes: (p) => [`让心跳间隔短于 ${Math.max(1, Math.floor((p.proxyTimeoutSeconds ?? 60) / 2))} 秒；由服务器向客户端发送 ping 最为可靠。`, '或调大代理的空闲超时（nginx 的 proxy_read_timeout）。'],
    },
    size_limit_dropped: {
      title: '大消息可能触发了会直接断开 TCP 的大小上限',
      detail: (p) => `客户端发送了 ${bytes(p.bytes ?? 0)}的消息，紧接着连接在没有关闭帧的情况下断开。有些服务器（uWebSockets，默认上限 16 KiB）会直接断开 TCP，而不是发送 1009。`,
      fixes: () => ['发送更小的消息，或调大服务器的上限（uWebSockets 的 maxPayloadLength）。', '在 sockdoc 中把 maxMessageBytes 设为服务器的上限。'],
    },
    suspended: {
      title: '页面被隐藏或网络发生了变化',
      detail: () => '关闭发生在页面隐藏期间或设备离线之后；手机系统会在后台挂起或强行关闭套接字。',
      fixes: () => ['在页面重新可见或 online 事件触发时重连。'],
    },
    dead_connection: {
      title: '连接已失效，心跳没有得到回应',
      detail: () => '客户端的心跳在截止时间前没有得到回应，于是客户端关闭了连接。',
      fixes: () => ['使用退避策略重连。', '如果经常发生，请排查会悄悄丢弃空闲连接的代理或网络。'],
    },
    connection_dropped: {
      title: '连接在没有关闭帧的情况下中断',
      detail: () => '连接曾经打开，之后在没有关闭帧的情况下结束：服务器崩溃或重启、代理，或网络中断。',
      fixes: () => ['使用退避加随机抖动重连。', '让服务器在关闭时发送 1001 或 1012。', '如果以固定间隔反复出现，请怀疑空闲超时并加上心跳。'],
    },
    invalid_utf8_sent: {
      title: '客户端发送了不是有效 UTF-8 的文本帧',
      detail: (p) => `关闭前，客户端发出了一个${p.bytes === undefined ? '' : ` ${bytes(p.bytes)}的`}文本帧，其内容不是有效的 UTF-8。`,
      fixes: () => ['原始字节请用二进制帧发送，或编码成 base64 文本。', '保持 sockdoc 的发送约定开启：它会在发送前拒绝无效的 UTF-8。'],
    },
    server_misused_1007: {
      title: '服务器很可能把 1007 用于别的目的',
      detail: (p) => (p.reason ? `客户端没有发送无效文本，而关闭原因${q(p.reason)}表明服务器把 1007 用于别的目的。` : '客户端没有发送无效 UTF-8 的记录；有些服务器用 1007 表示鉴权失败或重复会话。'),
      fixes: () => ['查看关闭原因，并询问服务器作者他们的 1007 是什么意思。', '服务器应使用 1008 或 4000–4999 的关闭码表示鉴权和会话规则。'],
    },
    invalid_payload: {
      title: '服务器发现数据与消息类型不一致',
      detail: () => '最常见的是文本帧不是有效的 UTF-8。',
      fixes: () => ['原始字节请用二进制帧发送；把字节作为文本发送前先校验 UTF-8。'],
    },
    auth_rejected: {
      title: '鉴权失败或已过期',
      detail: (p) => (p.reason ? `服务器的关闭原因${q(p.reason)}指向鉴权问题。` : '服务器以鉴权类关闭码关闭了连接。'),
      fixes: () => ['刷新凭据，然后用新凭据重连一次。', '如果新凭据也被拒绝，停止重试。'],
    },
    forbidden: {
      title: '没有权限',
      detail: (p) => (p.reason ? `服务器的关闭原因${q(p.reason)}表明客户端没有权限。` : '客户端已通过鉴权，但没有权限。'),
      fixes: () => ['在服务器上授予权限，或不再请求该资源。'],
    },
    rate_limited: {
      title: '被限流',
      detail: (p) => `服务器的关闭原因${q(p.reason)}指向限流。`,
      fixes: () => ['合并或节流发送的消息，并在重连前等待一段时间。'],
    },
    duplicate_session: {
      title: '另一个会话取代了当前会话',
      detail: (p) => `服务器的关闭原因${q(p.reason)}指向重复连接或在别处登录。`,
      fixes: () => ['确保只有一个标签页或设备持有该会话，或请服务器允许多个会话。', '不要自动重连：那会把另一个会话踢下线。'],
    },
    policy_violation: {
      title: '服务器的策略拒绝了某些内容',
      detail: (p) => (p.reason ? `服务器给出的原因：${q(p.reason)}。` : '服务器没有给出细节，1008 允许这样做。'),
      fixes: () => ['检查最后发送的消息和所用的凭据。', '询问服务器作者适用的是哪条策略。'],
    },
    message_too_big: {
      title: '消息超过了服务器的接收上限',
      detail: (p) =>
        p.bytes === undefined
          ? '客户端没有记录发送的大小；服务器的上限低于它收到的某条消息。'
          : `关闭前，客户端发送了 ${bytes(p.bytes)}的消息${p.limit === undefined ? '' : `，低于它声明的上限 ${bytes(p.limit)}：服务器实际的上限更低`}。`,
      fixes: (p) => [
        '把消息拆分成块、先压缩，或通过 HTTP 上传大数据。',
        p.limit === undefined ? '在 sockdoc 中把 maxMessageBytes 设为服务器的上限，超大消息会在发送前被拒绝。' : '把 maxMessageBytes 调低到服务器实际的上限。',
        '或调大服务器的上限。',
      ],
    },
    missing_extension: {
      title: '必需的扩展没有协商成功',
      detail: (p) => (p.reason ? `关闭原因列出：${q(p.reason)}。` : '关闭原因中应列出缺少的扩展。'),
      fixes: () => ['在每一跳上启用该扩展，或不再强制要求它。'],
    },
    keepalive_timeout: {
      title: '服务器的保活 ping 超时',
      detail: () => '关闭原因“keepalive ping timeout”来自 python-websockets：pong 没有及时返回。这是网络延迟或事件循环被阻塞，不是服务器的缺陷。',
      fixes: () => ['降低延迟，减少客户端上长时间的阻塞操作。', '如果网络较慢，在服务器上调大 ping_timeout。', '使用退避策略重连。'],
    },
    server_error_after_message: {
      title: '一条消息触发了服务器错误',
      detail: (p) => `客户端刚发送了一条${p.bytes === undefined ? '' : ` ${bytes(p.bytes)}的`}消息，服务器随即出错。`,
      fixes: () => ['查看服务器日志中的异常；很可能是最后这条消息触发的。', '不要自动重发同一条消息。'],
    },
    server_error: {
      title: '服务器发生了内部错误',
      detail: (p) => (p.reason ? `服务器给出的原因：${q(p.reason)}。` : '服务器没有给出细节。'),
      fixes: () => ['查看服务器日志。', '使用退避策略重连，并限制次数。'],
    },
    service_restart: {
      title: '服务正在重启',
      detail: () => '计划内的重启；服务器很快就会恢复。',
      fixes: () => ['随机等待 5–30 秒后重连。'],
    },
    overloaded: {
      title: '服务器过载',
      detail: () => '服务器暂时在断开一部分客户端。',
      fixes: () => ['至少等待 30 秒并加上随机抖动，或改用另一个端点。'],
    },
    bad_gateway: {
      title: '网关无法连接其上游',
      detail: () => 'WebSocket 服务器前面的网关从它那里得到了无效响应。',
      fixes: () => ['使用退避策略重连；检查网关后面的服务。'],
    },
    sockjs_go_away: {
      title: 'SockJS 关闭了会话',
      detail: () => 'SockJS 用 3000“Go away!”表示普通的会话关闭，而不是鉴权问题。',
      fixes: () => ['按正常关闭处理；如果应用需要该会话，就重连。'],
    },
    app_timeout: {
      title: '应用层请求超时',
      detail: () => '对端没有及时回应应用层请求。',
      fixes: () => ['使用退避策略重连，并更快地回应应用层请求。'],
    },
    pack_code: {
      title: '应用协议定义的关闭码',
      detail: (p) => `${p.code} 由 ${p.packName}${p.protocol ? `（子协议 ${p.protocol}）` : ''}定义：${p.packTitle}。`,
      fixes: () => ['按照该协议对此关闭码的文档处理。'],
    },
    unchecked_message_refused: {
      title: '有消息没有经过模式检查',
      detail: (p) => `${p.code}（${p.packTitle}）表示服务器无法接受某条消息：${p.count === 1 ? '很可能就是没有经过发送模式检查的那一条' : `很可能是没有经过发送模式检查的 ${(p.count ?? 0).toLocaleString('en-US')} 条之一`}。`,
      fixes: () => ['协议消息一律用 sendJson 发送，让发送模式在发出前逐条检查。'],
    },
    schema_passed_refused: {
      title: '服务器拒绝了一条模式允许的消息',
      detail: (p) => `发送的消息都通过了发送模式检查，但 ${p.code}（${p.packTitle}）表示服务器无法接受其中一条：服务器的检查比模式更严（${p.packName} 的版本不同，或服务器有自己的规则）。`,
      fixes: () => ['在服务器日志中找到被拒绝的消息，把发送模式收紧到与服务器一致。'],
    },
    application_defined: {
      title: 'sockdoc 不认识的应用自定义关闭码',
      detail: (p) => (p.reason ? `服务器应用选择了 ${p.code}，关闭原因为${q(p.reason)}。` : `服务器应用选择了 ${p.code}，没有给出原因。`),
      fixes: () => ['查看服务器关于这个关闭码的文档。', '在 sockdoc 中注册它（registerCodes），以便正确解释和重试。'],
    },
    invalid_code_received: {
      title: '关闭码无效',
      detail: (p) => `${p.code} 不在 1000–4999 之内。`,
      fixes: () => ['修正产生这个值的代码。'],
    },
    diagnosis_unavailable: {
      title: '诊断模块未能加载',
      detail: (p) => `sockdoc 在连接时加载诊断模块，这次 ${p.code} 关闭到来时它还不在（下载失败或尚未完成），所以这次关闭没有解释。`,
      fixes: () => [
        '确认 @sockdoc/diagnose 的代码块能够加载：内容安全策略、删除了旧代码块的部署、离线打开的页面都可能阻止它。',
        '如果想把诊断和客户端打包在一起，把 @sockdoc/diagnose 的 diagnose 传给 createSocket。',
        '同时可以先查询这个关闭码：npx @sockdoc/cli explain <关闭码>。',
      ],
    },
  },
  evidence: {
    never_opened: () => '连接从未打开：在握手完成之前就关闭了。',
    open_for: (p) => (p.seconds ? `连接已打开 ${p.seconds} 秒。` : '连接打开还不到 1 秒。'),
    handshake_status: (p) => `服务器以 HTTP ${p.status} 回应了升级请求。`,
    retry_after: (p) => `服务器要求客户端等待 ${p.seconds} 秒后再试（Retry-After）。`,
    transport_error: (p) => `传输层报告了${p.errorCode ? ` ${p.errorCode}` : '错误'}${p.message ? `：${p.message}` : ''}。`,
    last_frame: (p) => `${ago(p.agoMs)}最后发送的是 ${bytes(p.bytes ?? 0)}的${kind(p.kind)}帧。`,
    last_frame_invalid_utf8: (p) => `${ago(p.agoMs)}发送了一个 ${bytes(p.bytes ?? 0)}的文本帧，其内容不是有效的 UTF-8。`,
    largest_frame: (p) => `最近发送的最大消息为 ${bytes(p.bytes ?? 0)}。`,
    declared_limit: (p) => `客户端声明的 maxMessageBytes 为 ${bytes(p.limit ?? 0)}。`,
    idle_for: (p) => `关闭前已有 ${p.seconds} 秒没有任何收发${p.proxyTimeoutSeconds ? `，接近常见的 ${p.proxyTimeoutSeconds} 秒空闲超时` : ''}。`,
    reason_matches: (p) => `关闭原因${q(p.reason)}符合一种已知的服务器行为：${p.fingerprint ? fingerprints[p.fingerprint] : ''}。`,
    reason_given: (p) => `服务器给出的关闭原因：${q(p.reason)}。`,
    no_reason: () => '关闭时没有给出原因。',
    client_initiated: (p) => `客户端${p.clientCode === undefined ? '不带关闭码' : `以 ${p.clientCode} `}发起了关闭。`,
    offline: () => '浏览器处于离线状态。',
    page_hidden: () => '页面处于隐藏状态（后台标签页、锁屏或页面跳转）。',
    browser_hides_handshake: () => '在浏览器中，脚本无法得知握手失败的原因：HTTP 状态码只显示在 DevTools 控制台中。',
    status_probe: (p) =>
      `${p.earlier ? '在这一轮失败中较早的一次，' : ''}对同一 URL 发出的普通 HTTP 请求得到了 ${p.status}${
        p.status === 426 || p.status === 400 ? '：该端点存在，但只接受 WebSocket 升级，所以被拒绝的是升级本身的某项内容（只随升级请求发送的凭据、Origin 或子协议）' : p.status !== undefined && p.status >= 200 && p.status < 300 ? '：这个路径上有一个网页在响应，请确认它就是 WebSocket 端点' : ''
      }。`,
    status_probe_redirect: () => '对同一 URL 发出的普通 HTTP 请求被重定向了；WebSocket 握手不会跟随重定向。',
    status_unknown: (p) =>
      p.why === 'cross_origin'
        ? '该端点位于另一个源，所以 sockdoc 没有向它查询状态（服务器允许 CORS 时，可以设置 statusProbe: \'cors\' 来查询）。'
        : p.why === 'cors'
          ? '对该端点发出的普通 HTTP 请求失败了：服务器不允许这个源读取响应（CORS），或者无法连接到服务器。'
          : p.why === 'unreachable'
            ? '对同一地址发出的普通 HTTP 请求也失败了：无法连接到服务器。'
            : p.why === 'timeout'
              ? '对同一 URL 发出的普通 HTTP 请求没有及时得到响应。'
              : p.why === 'offline'
                ? '浏览器处于离线状态，所以 sockdoc 没有向端点查询状态。'
                : '状态探测已关闭（statusProbe: false），因此 HTTP 状态码未知。',
    credentials_expired: (p) => `关闭前 ${span(p.agoMs)}，应用提供的凭据就已过期。`,
    invalid_incoming: (p) => `这条连接上，服务器发来的消息中有 ${(p.count ?? 0).toLocaleString('en-US')} 条不符合应用的接收模式${p.paths?.length ? `（位置：${p.paths.join('、')}）` : ''}：双方对协议的理解可能不一致。`,
    sent_checked: (p) => `这条连接上发送的消息都经过了发送模式检查（共 ${(p.count ?? 0).toLocaleString('en-US')} 条）。`,
    sent_unchecked: (p) => `这条连接上有 ${(p.count ?? 0).toLocaleString('en-US')} 条消息没有经过发送模式检查（用的是 send() 或 sendText()）。`,
    no_send_schema: () => '这条连接上发送的消息没有经过任何发送模式检查（使用 typedJson 时会记录检查情况）。',
    runtime_misreports: (p) =>
      p.means !== undefined
        ? `${p.runtimeName}${p.version ? ` ${p.version}` : ''} 在 WebSocket 标准规定报告 ${p.means} 的情况下报告的是 ${p.code}（sockdoc 的运行时测试记录到了这一行为），因此按 ${p.means} 解读。`
        : `已知 ${p.runtimeName}${p.version ? ` ${p.version}` : ''} 会把其他关闭码报告为 ${p.code}（${p.url}）：服务器发送的可能是另一个关闭码，所以这份诊断的置信度较低，也不据此给出重试建议。`,
    close_not_reported: () => '运行时始终没有报告这次关闭：在它本应报告之后（错误事件或超时之后）一秒，sockdoc 自行结束了这次连接尝试；由于没有收到关闭帧，关闭码记为 1006。',
    browser_encodes_utf8: () => '客户端运行在浏览器中，send(string) 总是产生有效的 UTF-8。',
    subprotocol_pack: (p) => `协商出的子协议是 ${p.protocol}，其关闭码由 ${p.packName} 描述。`,
    heartbeat_missed: () => '客户端的心跳在截止时间前没有得到回应。',
    connect_timeout: () => '客户端等待握手完成超时，已放弃。',
    not_clean: () => 'wasClean 为 false：TCP 连接在关闭握手完成之前就结束了。',
    no_frames_recorded: () => '客户端没有最近发送消息的记录。',
    code_not_valid: (p) => `${p.code} 不是有效的关闭码。`,
  },
  fingerprints,
  retry: {
    no: '不要自动重连：在做出改动之前，同样的尝试会以同样的方式失败。',
    ended: '无需重试：连接已按预期结束。应用需要时再建立新连接。',
    backoff: '使用指数退避加随机抖动重连（首次延迟 0–5 秒）。',
    delay_5_30s: '随机等待 5–30 秒后重连。',
    slow_backoff: '慢速重连：至少等待 30 秒并加上随机抖动，或改用另一个端点。',
    after_reauth: '获取新凭据后重连一次。',
    policy: '取决于你的应用：如果需要持久连接就重连。',
    retry_after: '按服务器要求的时间（Retry-After）等待之后再重连，不要提前。',
    unknown: '未知：没有依据表明重试是否有用。',
  },
  confidence: { high: '高', medium: '中', low: '低' },
  appCode: (code) => ({ title: `应用关闭码 ${code}`, description: `${code} 由应用定义。` }),
  summary: (p) => `${p.code} ${p.title}${p.cause ? `：${p.cause}` : ''}。${p.retry}`,
  fallbackNote: (requested, used) => (requested ? `没有“${requested}”的文本，改用“${used}”。` : `没有指定语言，改用“${used}”。`),
  formatBytes: bytes,
};

/** Reference-only text in zh-CN: when each code occurs, how to tell codes apart, when to use them, labels. For `explain`, `compare`, the CLI and the docs. */
export const zhCNReference: LocaleReference = {
  tag: 'zh-CN',
  entries: {
    '1000': {
      causes: [
        '客户端自己调用了 close() 或 close(1000)，这是服务器回送的关闭码。',
        '服务器有意结束会话：用户登出、任务完成、所有订阅结束，或因重复登录被踢下线。',
        '服务器定期轮换长连接（uWebSockets 的 maxLifetime 到期时以 1000“please reconnect”关闭）。',
      ],
      distinguish: [
        '与 1005 的区别：1000 表示关闭帧带有关闭码；1005 表示关闭帧没有关闭码（不带参数调用 close()）。',
        '与 1001 的区别：1000 表示任务已完成；1001 表示某个端点要离开（关机、页面跳转、空闲超时）。',
        '如果客户端刚刚调用过 close()，你看到的 1000 是服务器回送的你自己的关闭码。',
      ],
      useWhen: '会话按计划结束、对端不应视为失败时，发送 1000。',
    },
    '1001': {
      causes: [
        '服务器正在关闭或重新部署（python-websockets 的 server.close() 默认使用 1001）。',
        '服务器端空闲超时：Tomcat 的“The WebSocket session [...] idle timeout expired”、Jetty 的“Connection Idle Timeout”（默认 30 秒）。',
        '服务器广播强制断开（Phoenix 发送 1001，以便 phoenix.js 重连）。',
        '从服务器一侧看：用户跳转离开或关闭了标签页（文档被卸载时浏览器发送 1001）。',
      ],
      distinguish: [
        '与 1006 的区别：1001 来自关闭帧，说明服务器主动离开；1006 说明根本没有收到关闭帧。',
        '与 1012 的区别：1012 明确表示服务正在重启，并给出重试时间窗口。',
        '距离上一条消息的空闲时间接近 30 秒（Jetty 默认值）且原因含“idle”，说明是空闲超时而不是关机。',
      ],
      useWhen: '端点要离开（关机、页面跳转）时发送 1001；如果是客户端应稍后再连的重启，优先使用 1012。',
    },
    '1002': {
      causes: [
        '客户端发送了不允许出现在关闭帧中的关闭码（1004、1005、1006、1015、1016–2999、≥ 5000），接收方以 1002 回应。',
        '自行实现或嵌入式的 WebSocket 库帧格式有误（客户端帧未加掩码、分片错误）。',
        'permessage-deflate 协商不一致：未协商该扩展却设置了 RSV1 位。',
        '代理或中间设备改写或插入了字节。',
        '向 gorilla/websocket 对端发送 1014，它会拒绝（“bad close code 1014”）。',
      ],
      distinguish: [
        '与 1007 的区别：1002 关乎帧格式和协议规则；1007 关乎载荷与消息类型不符（文本中有无效的 UTF-8）。',
        '服务器在文本帧中发送无效的 UTF-8 时，Chrome 向服务器发送的是 1002（不是 1007），页面本身看到的是 1006。',
      ],
      useWhen: '对端违反 RFC 6455 的帧格式规则时，发送 1002。',
    },
    '1003': {
      causes: [
        '客户端向只处理文本的服务器发送了二进制帧（ArrayBuffer、Blob、类型化数组；在 Node 中 ws.send(Buffer) 默认就是二进制）。',
        '客户端向仅支持二进制的端点发送了文本帧（Spring BinaryWebSocketHandler：“Text messages not supported”）。',
        '客户端向 JSON 端点发送了 MessagePack 或 Protocol Buffers。',
      ],
      distinguish: [
        '与 1007 的区别：1003 关乎帧的类型（文本还是二进制）；1007 关乎文本帧的内容（无效的 UTF-8）。有些服务器在应当发送 1003 时发送 1007，所以请检查最后发送的是什么。',
        'Spring 的关闭原因“Binary messages not supported”和“Text messages not supported”可以准确判定为 1003。',
      ],
      useWhen: '对端发送了端点不处理的帧类型（文本或二进制）时，发送 1003。',
    },
    '1004': {
      causes: [
        '对端有缺陷，或手写代码把 1004 当作自定义关闭码。',
      ],
      distinguish: [
        '按 1002 处理：对端违反了哪些关闭码可以发送的规则。',
      ],
      useWhen: '永远不要发送 1004。',
    },
    '1005': {
      causes: [
        '客户端不带参数调用了 close()，服务器回送了空的关闭帧（此时浏览器和 ws 都不发送关闭码）。',
        '服务器关闭时没有给出关闭码：Socket.IO / Engine.IO 就是这样关闭传输层的，不带参数的 ws.close() 也一样。',
        'uWebSockets 服务器拒绝了客户端的关闭码（它拒绝 1012–1014 以及全部 3000–3999），并以空的关闭帧回应。',
      ],
      distinguish: [
        '与 1000 的区别：两者通常都是干净关闭；1000 带有关闭码，1005 没有。',
        '与 1006 的区别：1005 表示收到了关闭帧（wasClean 通常为 true）；1006 表示没有收到。',
      ],
      useWhen: '永远不要发送 1005：它只用于报告关闭帧中没有关闭码。',
    },
    '1006': {
      causes: [
        '握手失败：在浏览器中，按照规范，任何失败（DNS、连接被拒绝、TLS、任何非 101 的 HTTP 状态码，如 401、403、404、502）都会变成 1006。',
        '本地一方因为服务器发送了无效内容而主动断开了连接（ws 和浏览器向服务器发送 1002/1007/1009，在本地报告 1006）。',
        'TCP 连接中断：服务器崩溃或重启时没有发送关闭帧、代理空闲超时（nginx 60 秒、Cloudflare 约 100 秒）、遇到错误直接断开 TCP 的服务器（uWebSockets 对超大消息和无效 UTF-8 都这样处理）。',
        '设备休眠、移动端页面切到后台，或网络发生切换。',
      ],
      distinguish: [
        'open 事件是否触发过，可以区分握手问题和连接中途断开。',
        '与 1001、1012 的区别：它们来自关闭帧；1006 表示什么都没有收到。',
        '检测到错误的一方通常在本地报告 1006，而对端看到的是真正的关闭码（1002、1007、1009）。',
      ],
      useWhen: '永远不要发送 1006：它只用于报告没有收到关闭帧。',
    },
    '1007': {
      causes: [
        '把不是有效 UTF-8 的字节当作文本帧发送：原始二进制、Latin-1 文本，或被拆分到不同分片中的多字节字符（Node 中 ws.send(buffer, { binary: false }) 会照做）。',
        '服务器把 1007 挪作他用：公开的 Java 代码中有人用 CloseCodes.NOT_CONSISTENT 表示鉴权失败（“鉴权失败”）和重复会话。',
        '有些服务器在仅支持文本的端点收到二进制帧后，发送 1007 而不是正确的 1003。',
        '压缩数据损坏，或中间设备篡改了载荷。',
      ],
      distinguish: [
        '与 1003 的区别：1007 关乎文本帧的内容；1003 关乎帧的类型。请检查最后发送的是文本帧还是二进制帧。',
        'python-websockets 会在关闭原因中给出字节位置（“invalid start byte at position 0”）；ws 不发送原因。',
        '服务器发送无效 UTF-8 时，Chrome 向服务器报告 1002、向页面报告 1006，从不报告 1007。',
      ],
      useWhen: '文本消息不是有效的 UTF-8（或载荷与声明的类型矛盾）时发送 1007；鉴权或重复会话请使用 1008 或 4xxx 关闭码。',
    },
    '1008': {
      causes: [
        '令牌在连接建立后过期或被吊销。',
        '用户没有执行该消息所请求操作的权限。',
        '限流：每秒发送的消息过多。',
        '消息违反了格式或业务规则，或触发了重复连接策略。',
        '分片过多过小：ws 8.21+（“Too many buffered chunks”）和 undici（“Too many message fragments”）会以 1008 关闭。',
      ],
      distinguish: [
        '与 1003、1009 的区别：它们准确指出了问题（帧类型、大小）；1008 是兜底的关闭码。',
        '与 3000/3003 的区别：这两个已注册的鉴权关闭码表达同样的意思，但更精确。',
      ],
      useWhen: '策略类失败（鉴权过期、权限、限流）且没有更具体的关闭码时，发送 1008。',
    },
    '1009': {
      causes: [
        '消息超过了服务器的上限：大型 JSON、base64 编码的图片或文件、批量载荷。',
        '服务器的上限比预想的低；各实现的默认值相差三个数量级：Tomcat 文本缓冲区 8 KiB、uWebSockets 16 KiB、coder/websocket 32 KiB、Jetty 和 Netty 64 KiB、Socket.IO 1 MB、python-websockets 1 MiB、ws 100 MiB。',
        '压缩后的帧虽小，解压后的大小却超过了上限。',
      ],
      distinguish: [
        '与 1006 的区别：uWebSockets 等服务器遇到超大消息时直接断开 TCP 而不发送 1009，所以刚发完大消息就出现 1006，可能是同一个问题。',
        '把最后一条消息的大小与上面的上限对比；python-websockets 和 coder/websocket 会把上限写在关闭原因里。',
      ],
      useWhen: '收到的消息超过端点能处理的大小时，发送 1009。',
    },
    '1010': {
      causes: [
        '非浏览器客户端要求 permessage-deflate，而服务器或代理去掉了 Sec-WebSocket-Extensions。',
      ],
      distinguish: [
        '只有客户端会发送 1010，而浏览器发不了（close() 只允许 1000 和 3000–4999）；它主要出现在服务器日志中。',
      ],
      useWhen: '必需的扩展没有协商成功时，由客户端发送 1010；服务器应直接让握手失败。',
    },
    '1011': {
      causes: [
        '服务器处理程序中有未处理的异常（Spring 以 1011 关闭且不带原因；Jetty 把异常信息放进关闭原因）。',
        '服务器依赖的服务出错（数据库、上游服务）。',
        'python-websockets 的保活机制：1011“keepalive ping timeout”表示 pong 没有及时返回（网络延迟或事件循环被阻塞），并不是服务器的缺陷。',
      ],
      distinguish: [
        '与 1006 的区别：1011 来自关闭帧；在保活超时的情况下，对端往往收不到它，看到的是 1006。',
        'graphql-ws 把 1011 视为致命错误、不再重试；多数客户端会退避重试。',
      ],
      useWhen: '服务器遇到意外错误时发送 1011；过载请用 1013，重启请用 1012。',
    },
    '1012': {
      causes: [
        '计划内的重启或部署（Phoenix 在关闭时排空连接会发送 1012）。',
      ],
      distinguish: [
        '与 1001 的区别：1012 明确表示服务正在重启，并给出重试时间窗口。',
        'uWebSockets 会把收到的 1012 视为无效；客户端向 uWS 发送它，会收到 1005。',
      ],
      useWhen: '服务重启、客户端应在短暂的随机延迟后回来时，发送 1012。',
    },
    '1013': {
      causes: [
        '服务器过载或主动降载。',
        '客户端被限流（Bun 的文档称 1013 表示“服务器太忙或客户端被限流”）。',
      ],
      distinguish: [
        '与 1012 的区别：1012 是重启，稍等即可；1013 是过载，需要等更久。',
        '与 1011 的区别：1011 是错误；1013 是容量问题。',
      ],
      useWhen: '服务器暂时过载、客户端应当退避时，发送 1013。',
    },
    '1014': {
      causes: [
        '终结 WebSocket 的网关无法连接或无法理解其上游服务。',
      ],
      distinguish: [
        '与 1011 的区别：1014 指向网关后面的上游，1011 指向服务器本身。',
        'gorilla/websocket 和 uWebSockets 会把收到的 1014 视为无效。',
      ],
      useWhen: '网关的上游返回无效响应时，由网关发送 1014。',
    },
    '1015': {
      causes: [
        '证书过期或自签名、主机名不匹配、缺少中间证书。',
        'TLS 版本或加密套件不匹配。',
        '企业代理拦截了 TLS 流量。',
      ],
      distinguish: [
        '浏览器把 TLS 失败显示为 1006；Node 客户端在关闭之前会给出 TLS 错误码（如 CERT_HAS_EXPIRED）。',
        '服务器在关闭帧中发送 1015 会导致 Chrome 判定连接失败。',
      ],
      useWhen: '永远不要发送 1015：它只在本地报告 TLS 失败。',
    },
    '3000': {
      causes: [
        '凭据缺失、无效或已过期。',
        'SockJS 用 3000“Go away!”表示普通的会话关闭，所以来自 SockJS 服务器的 3000 与鉴权无关。',
      ],
      distinguish: [
        '与 3003 的区别：3000 是“你是谁？”，3003 是“你没有权限”。',
        '与 1008 的区别：服务器也常用通用的策略关闭码 1008 表达同样的意思。',
      ],
      useWhen: '客户端必须先（重新）验证身份才能继续时，发送 3000。',
    },
    '3003': {
      causes: [
        '该账号没有访问此资源或频道的权限。',
      ],
      distinguish: [
        '与 3000 的区别：收到 3000 后换新凭据有用，收到 3003 后没用。',
      ],
      useWhen: '客户端已通过鉴权但没有权限时，发送 3003。',
    },
    '3008': {
      causes: [
        '客户端没有及时回应应用层请求（登录、心跳）。',
        '网络缓慢或主线程被阻塞，延误了回应。',
      ],
      distinguish: [
        '与 1001 空闲超时的区别：3008 关乎一个没有得到回应的请求，而不是长时间静默。',
      ],
      useWhen: '对端没有及时回应应用层请求时，发送 3008。',
    },
    range_0_999: {
      causes: [
        '对端有缺陷，或把不是关闭码的值（HTTP 状态码、枚举下标）传给了 close()。',
      ],
      distinguish: [
        '接收方会以 1002 回应，所以另一方通常看到 1002 或 1006。',
      ],
      useWhen: '永远不要发送小于 1000 的关闭码。',
    },
    range_protocol_unassigned: {
      causes: [
        '对端把未分配的关闭码当作自定义关闭码，而不是使用 4000–4999。',
        'SockJS 在自己的分帧中使用 2010“Another connection still open”，它不是 WebSocket 关闭码。',
      ],
      distinguish: [
        '按 1002 处理：对端违反了哪些关闭码可以发送的规则。',
      ],
      useWhen: '除非已发布的扩展分配了该关闭码，否则不要发送 1016–2999。',
    },
    range_registered_unassigned: {
      causes: [
        '某个库或框架定义了它；请查看关闭原因和该库的文档。',
      ],
      distinguish: [
        'uWebSockets 拒绝收到的所有 3000–3999 关闭码；客户端用它们关闭 uWS 连接时会收到 1005。',
      ],
      useWhen: '库和框架在 IANA 注册 3000–3999 的关闭码。',
    },
    range_private: {
      causes: [
        '服务器应用出于自己的原因关闭了连接；关闭原因通常会说明。',
      ],
      distinguish: [
        '协商出的子协议说明是哪个应用协议定义了该关闭码。',
      ],
      useWhen: '应用使用 4000–4999 表示自己的关闭原因，并为其客户端提供文档。',
    },
    not_a_code: {
      causes: [
        '传入或记录了不是关闭码的值（HTTP 状态码、错误编号、解析错误）。',
      ],
      distinguish: [
        '除 Chromium 的接收路径外，所有已查阅的实现都会把收到的 5000 及以上的关闭码视为协议错误。',
      ],
      useWhen: '永远不要发送 1000–4999 以外的值。',
    },
  },
  sender: {
    either: '客户端或服务器',
    server: '服务器',
    client: '客户端',
    local: '无（由运行时在本地报告）',
    nobody: '无（不得发送）',
  },
  range: {
    invalid: '不是关闭码',
    protocol: '1000–2999，由协议定义',
    registered: '3000–3999，在 IANA 注册',
    private: '4000–4999，私有使用',
  },
  category: {
    normal: '正常',
    going_away: '端点离开',
    protocol_error: '协议错误',
    unsupported_data: '不支持的数据类型',
    reserved: '保留',
    no_status: '无关闭码',
    abnormal: '异常关闭',
    invalid_payload: '无效载荷',
    policy: '策略',
    too_big: '消息过大',
    extension: '扩展',
    server_error: '服务器错误',
    restart: '重启',
    overload: '过载',
    gateway: '网关',
    tls: 'TLS',
    auth: '鉴权',
    forbidden: '权限',
    timeout: '超时',
    application: '应用自定义',
    invalid: '无效',
    unknown: '未知',
  },
  labels: {
    code: '关闭码',
    name: '官方名称',
    description: '描述',
    whenItOccurs: '何时出现',
    howToFix: '如何修复',
    deadEnds: '无效的做法',
    distinguish: '如何区分',
    useWhen: '何时发送',
    related: '相关关闭码',
    retry: '重试',
    links: '参考资料',
    onWire: '可出现在关闭帧中',
    sentBy: '发送方',
    range: '区间',
    category: '类别',
    yes: '是',
    no: '否',
    cause: '可能的原因',
    evidence: '依据',
    confidence: '置信度',
    reason: '关闭原因',
    keyDifferences: '主要区别',
    same: '相同',
    listSeparator: '、',
    colon: '：',
    openParen: '（',
    closeParen: '）',
    versus: ' 与 ',
    whichToUseWhen: '何时使用哪个',
    allCodes: '全部关闭码',
    generatedNote: '由 @sockdoc/diagnose 目录生成，请勿手工编辑。',
  },
  aspects: {
    meaning: '含义',
    occurs: '何时出现',
    fix: '首选修复',
    onWire: '出现在关闭帧中',
    sentBy: '发送方',
    retry: '重试',
    category: '类别',
  },
};


/**
 * Simplified Chinese text (简体中文) for the whole catalogue and every diagnosis sentence.
 *
 * @example
 * import { explain } from '@sockdoc/diagnose';
 * import { zhCN } from '@sockdoc/diagnose/locales/zh-CN';
 * explain(1006, { locale: zhCN }).title; // '异常关闭'
 */
export const zhCN: DiagnoseLocale = /* @__PURE__ */ withReference(zhCNText, zhCNReference);

