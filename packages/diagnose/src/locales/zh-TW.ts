import type { DiagnoseLocale, LocaleReference, LocaleText } from '../DiagnoseLocale.js';
import { withReference } from '../withReference.js';

// 事實來源：../shared/close-codes.md（RFC 6455、IANA、WHATWG、MDN 及各實作原始碼）。
// 術語見其 §9：端點、關閉訊框、關閉交握、子協定、擴充、指數退避、隨機抖動。
// 全形標點；1006、UTF-8、WebSocket 等協定記號保持 ASCII。

const kib = (n: number) => (n >= 1024 && n % 1024 === 0 ? `（${n / 1024} KiB）` : '');
const bytes = (n: number) => `${n.toLocaleString('en-US')} 位元組${kib(n)}`;
/** 句首的時間狀語：「就在關閉前，」「關閉前 5 毫秒，」；時間未知時為空。 */
const ago = (ms?: number) => (ms === undefined ? '' : ms < 10 ? '就在關閉前，' : ms < 1000 ? `關閉前 ${ms} 毫秒，` : `關閉前 ${(ms / 1000).toFixed(1)} 秒，`);
const q = (s?: string) => `「${s ?? ''}」`;
/** 口語裡的時間：850 毫秒、3.2 秒、12 分鐘。 */
const span = (ms = 0) => (ms < 1000 ? `${ms} 毫秒` : ms < 120_000 ? `${(ms / 1000).toFixed(1)} 秒` : `${Math.round(ms / 60_000)} 分鐘`);
const kind = (k?: 'text' | 'binary') => (k === 'binary' ? '二進位' : '文字');

const fingerprints = {
  spring_binary_unsupported: 'Spring 的 TextWebSocketHandler 拒絕二進位訊息',
  spring_text_unsupported: 'Spring 的 BinaryWebSocketHandler 拒絕文字訊息',
  pyws_keepalive: 'python-websockets 的 keepalive ping 逾時',
  idle_timeout: '伺服器端閒置逾時（Tomcat、Jetty、uWebSockets）',
  uws_lifetime: 'uWebSockets 的 maxLifetime 連線輪換',
  heartbeat_timeout: '心跳逾時',
  invalid_utf8: '伺服器偵測到無效的 UTF-8',
  too_big: '訊息大小上限',
  too_many_fragments: '訊息分段數量上限（ws 8.21+、undici）',
  auth: '驗證失敗',
  forbidden: '權限不足',
  rate_limit: '速率限制',
  duplicate_session: '重複工作階段或在別處登入',
  shutdown: '伺服器或應用程式正在關閉',
  sockjs_go_away: 'SockJS 工作階段關閉',
};
/** What a diagnosis renders in zh-TW: entry titles, descriptions, fixes and dead ends, causes, evidence, retry advice. The client loads only this. */
export const zhTWText: LocaleText = {
  tag: 'zh-TW',
  name: '繁體中文',
  entries: {
    '1000': {
      title: '正常關閉',
      description: '建立連線的目的已經完成：一方有意結束工作階段，且關閉交握已正常完成。',
      fixes: [
        '如果是你的程式碼關閉了連線，則無需處理。',
        '如果關閉出乎意料，請檢視關閉原因，並檢查伺服器上結束工作階段的邏輯（連線時間上限、重複登入時踢除舊連線、選擇 1000 的閒置政策）。',
        '如果伺服器用 1000 加「please reconnect」之類的原因輪換連線，請在出現該原因時重新連線。',
      ],
      deadEnds: [
        '把 1000 當作錯誤並向使用者提示失敗。',
        '伺服器已有意結束工作階段，用戶端卻不停地立即重新連線。',
      ],
    },
    '1001': {
      title: '端點離開',
      description: '某個端點正在離開：伺服器下線或重新啟動、瀏覽器從離開頁面，或伺服器端閒置逾時。',
      fixes: [
        '使用指數退避加隨機抖動重新連線；部署時所有用戶端會同時重新連線。',
        '如果關閉原因提到閒置逾時，請讓心跳間隔短於該逾時，或在伺服器上調高逾時。',
        '在伺服器上，關閉前先讓現有連線平順結束；重新啟動時更準確的關閉碼是 1012。',
      ],
      deadEnds: [
        '調高用戶端的逾時：閒置逾時的是伺服器。',
        '不加隨機抖動地重新連線，讓一次部署變成重新連線風暴。',
      ],
    },
    '1002': {
      title: '協定錯誤',
      description: '某個端點收到了違反 WebSocket 協定的內容（格式錯誤的訊框、保留的關閉碼、意外的RSV 位元），因而終止連線。',
      fixes: [
        '檢視關閉原因：undici、python-websockets、gorilla 和 Jetty 會說明違反了哪條規則（ws 不傳送原因）。',
        '自己呼叫 close() 時只使用 1000 或 3000–4999。',
        '讓兩端的壓縮設定一致，或先關閉 permessage-deflate 進行排查。',
        '升級 WebSocket 函式庫，或繞過代理確認是否是它造成的。',
      ],
      deadEnds: [
        '重新連線：同樣的訊框會產生同樣的錯誤。',
        '加大緩衝區或逾時。',
      ],
    },
    '1003': {
      title: '不支援的資料型別',
      description: '某個端點收到了它無法接受的資料型別：僅支援文字的端點收到了二進位訊息，或僅支援二進位的端點收到了文字。',
      fixes: [
        '按伺服器期望的型別傳送訊框：JSON.stringify(...) 的結果會作為文字訊框傳送。',
        '在 sockdoc 中把通道宣告為 text 或 binary，錯誤型別的訊框會在傳送前被拒絕。',
        '如果伺服器應當兩種都接受，請修改伺服器（Spring：繼承 AbstractWebSocketHandler，而不是 TextWebSocketHandler 或 BinaryWebSocketHandler）。',
      ],
      deadEnds: [
        '重新連線後重送：同樣型別的訊框會得到同樣的關閉。',
        '加大緩衝區或訊息大小上限：訊框型別與大小無關，照樣會被拒絕。',
        '修改逾時設定。',
      ],
    },
    '1004': {
      title: '保留',
      description: 'RFC 6455 保留的關閉碼，沒有定義含義。任何端點都不得傳送；ws、undici、python-websockets、gorilla、coder、Jetty 和 uWebSockets 收到 1004 都會視為協定錯誤。',
      fixes: [
        '修正傳送它的一方：改用 1000、1001、1008、1011 或 4000–4999 的應用程式關閉碼。',
      ],
      deadEnds: [
        '查詢它的官方含義：並不存在。',
        '重新連線：對端還會再傳送它。',
      ],
    },
    '1005': {
      title: '未收到關閉碼',
      description: '收到了關閉訊框，但其中沒有關閉碼。執行環境在本地回報 1005，它永遠不會出現在關閉訊框中。',
      fixes: [
        '如果是你的程式碼呼叫了 close()，這是預期的回送；想讓兩端都有關閉碼，請呼叫 close(1000)。',
        '對於 Socket.IO，請檢視 Socket.IO 自己的斷開原因（「io server disconnect」「transport close」「ping timeout」），而不是 WebSocket 關閉碼。',
        '請伺服器作者傳送明確的關閉碼。',
      ],
      deadEnds: [
        '把 1005 當作網路故障：關閉交握其實已經完成。',
        '讀取 event.reason：空的關閉訊框也沒有關閉原因。',
      ],
    },
    '1006': {
      title: '異常關閉',
      description: '連線關閉時沒有收到關閉訊框。執行環境在本地回報 1006，它永遠不會出現在關閉訊框中，關閉原因也總是空的。',
      fixes: [
        '如果連線從未開啟，請檢查交握：URL 和路徑、認證資訊、TLS 憑證、代理的 Upgrade 請求標頭、Origin 白名單。瀏覽器只在 DevTools 主控台顯示 HTTP 狀態碼；Node 用戶端可以拿到它。',
        '在 Node 中，檢視關閉之前的 error 事件：其中的錯誤碼（WS_ERR_*、ECONNREFUSED 等）才是真正的診斷依據。',
        '如果總在固定的閒置時間後發生，請讓心跳間隔短於連線路徑上最小的閒置逾時，或調高 proxy_read_timeout。',
        '讓伺服器在關閉時傳送 1001 或 1012，而不是直接斷開通訊端。',
      ],
      deadEnds: [
        '讀取 event.reason 或瀏覽器的 error 事件：按照規範兩者都不含細節。',
        '交握被拒絕時立即無限重試：重試得到的還是 401。',
        '加大用戶端緩衝區。',
      ],
    },
    '1007': {
      title: '無效的訊框酬載資料',
      description: '某個端點收到的訊息資料與其訊息型別不一致，典型情況是文字訊框的酬載不是有效的 UTF-8。',
      fixes: [
        '原始位元組請用二進位訊框傳送，或先編碼（base64）再作為文字傳送。',
        '把位元組作為文字傳送之前先檢查 UTF-8；sockdoc 會在傳送前拒絕無效的 UTF-8 和落單的代理字元。',
        '如果用戶端執行在瀏覽器中，請懷疑伺服器：send(string) 總是產生有效的 UTF-8，請檢視關閉原因，詢問伺服器這個 1007 的含義。',
      ],
      deadEnds: [
        '重新啟動用戶端或伺服器：傳送的資料沒有變，還會再次失敗。',
        '重新連線後重送同一條訊息。',
        '加大緩衝區或大小上限、修改逾時：UTF-8 是否有效與這些無關。',
      ],
    },
    '1008': {
      title: '違反政策',
      description: '某個端點收到了違反其政策的訊息。這是沒有更具體的關閉碼可用、或伺服器想隱藏細節時使用的通用關閉碼。',
      fixes: [
        '檢視關閉原因；然後重新整理認證資訊，用新認證資訊重新連線一次。',
        '遵守伺服器的速率限制：合併或節流傳送的訊息。',
        '修正最後傳送的那條違規訊息。',
      ],
      deadEnds: [
        '用同樣的認證資訊重新連線，或重送同一條訊息。',
        '加大緩衝區。',
      ],
    },
    '1009': {
      title: '訊息過大',
      description: '某個端點收到的訊息過大，無法處理。',
      fixes: [
        '把訊息拆分成小於伺服器上限的區塊，或先壓縮。',
        '透過 HTTP 上傳大資料，只在通訊端上傳送參照。',
        '調高伺服器的上限（ws 的 maxPayload、python-websockets 的 max_size、Tomcat 的 DEFAULT_BUFFER_SIZE、Jetty 的 setMaxTextMessageSize、coder 的 SetReadLimit、Socket.IO 的 maxHttpBufferSize）。',
        '把 sockdoc 的 maxMessageBytes 設為伺服器的上限，超大訊息會在傳送前被拒絕。',
      ],
      deadEnds: [
        '重新連線後重送同一條訊息。',
        '加大用戶端緩衝區：上限在接收方。',
        '調高代理逾時。',
      ],
    },
    '1010': {
      title: '缺少必需的擴充',
      description: '用戶端期望伺服器協商一個或多個擴充，但伺服器沒有，因此用戶端終止連線。關閉原因中應列出所需的擴充。',
      fixes: [
        '在每一跳（伺服器和代理）上啟用該擴充，或讓用戶端不再強制要求它。',
      ],
      deadEnds: [
        '重新連線：協商仍會以同樣方式失敗。',
        '修改訊息大小或逾時。',
      ],
    },
    '1011': {
      title: '內部錯誤',
      description: '伺服器遇到意外情況，無法完成請求。',
      fixes: [
        '檢視關閉時刻的伺服器記錄；如果每次都緊跟某條特定訊息，就是這條訊息觸發了伺服器缺陷。',
        '對於「keepalive ping timeout」：降低延遲、減少阻塞，或在伺服器上調高 ping_timeout。',
        '使用退避策略重新連線，並限制次數。',
      ],
      deadEnds: [
        '為伺服器的缺陷修改用戶端。',
        '無限制地快速重新連線。',
        '重送觸發異常的那條訊息。',
      ],
    },
    '1012': {
      title: '服務重新啟動',
      description: '伺服器因為正在重新啟動而終止連線。',
      fixes: [
        '按照註冊該關閉碼時的建議，隨機等待 5–30 秒後重新連線；隨機抖動可以避免所有用戶端同時重新連線。',
      ],
      deadEnds: [
        '立即重新連線：伺服器可能還沒恢復，而且所有用戶端會一起湧上來。',
        '當作自己程式碼的錯誤處理。',
      ],
    },
    '1013': {
      title: '稍後重試',
      description: '伺服器因臨時狀況終止連線，例如過載時主動斷開一部分用戶端。',
      fixes: [
        '等待較長且帶隨機抖動的時間（至少 30 秒）後再重新連線。',
        '有多個端點時優先換一個；註冊該關閉碼時的建議是：只有在使用者操作時才重新連線同一位址。',
      ],
      deadEnds: [
        '立即重新連線，反而加重過載。',
      ],
    },
    '1014': {
      title: '閘道錯誤',
      description: '伺服器作為閘道或代理時，從上游伺服器收到了無效回應，類似 HTTP 502。',
      fixes: [
        '使用退避策略重新連線；檢查閘道後面的上游服務。',
      ],
      deadEnds: [
        '修改用戶端傳送的訊息：故障發生在閘道與其上游之間。',
      ],
    },
    '1015': {
      title: 'TLS 交握失敗',
      description: '保留用於回報 TLS 交握失敗（例如無法驗證伺服器憑證）。它永遠不會出現在關閉訊框中，瀏覽器也從不回報它，而是回報 1006。',
      fixes: [
        '在瀏覽器中開啟同一個 https:// 位址，或執行 openssl s_client，檢視憑證錯誤。',
        '在伺服器上修正憑證鏈，或在 Node 中信任正確的 CA（NODE_EXTRA_CA_CERTS）。',
      ],
      deadEnds: [
        '重試：兩次嘗試之間憑證不會變。',
        '在生產環境中關閉憑證檢查。',
      ],
    },
    '3000': {
      title: '未授權',
      description: '在 IANA 註冊，相當於 HTTP 401：用戶端必須先透過驗證。',
      fixes: [
        '取得新的認證資訊，然後用它重新連線一次。',
        '如果關閉原因是「Go away!」，按普通的 SockJS 關閉處理。',
      ],
      deadEnds: [
        '用同一個權杖重新連線。',
      ],
    },
    '3003': {
      title: '禁止存取',
      description: '在 IANA 註冊，相當於 HTTP 403：伺服器知道用戶端是誰，但不允許存取。',
      fixes: [
        '在伺服器上授予權限，或不再請求該資源。',
      ],
      deadEnds: [
        '重試；以及在權杖已正確標識使用者的情況下重新整理權杖。',
      ],
    },
    '3008': {
      title: '逾時',
      description: '在 IANA 註冊，相當於 HTTP 408：某個端點對應用層請求的回應時間過長。',
      fixes: [
        '使用退避策略重新連線，並更快地回應應用層請求（避免阻塞事件迴圈）。',
      ],
      deadEnds: [
        '修改訊息大小。',
      ],
    },
    range_0_999: {
      title: '不是關閉碼（0–999）',
      description: 'RFC 6455 不使用 0–999。任何端點都不得傳送，除 Chromium 的接收路徑外，所有實作都會視為協定錯誤。',
      fixes: [
        '在 close() 中使用 1000 或 3000–4999 的關閉碼。',
      ],
      deadEnds: [
        '查詢它的含義：並不存在。',
      ],
    },
    range_protocol_unassigned: {
      title: '協定保留（未分配）',
      description: '1016–2999 保留給協定的未來版本和擴充，目前都未分配。ws、undici、python-websockets、coder、Jetty 和 uWebSockets 收到它們都會視為協定錯誤。',
      fixes: [
        '應用程式關閉碼請使用 4000–4999。',
      ],
      deadEnds: [
        '查詢標準含義。',
      ],
    },
    range_registered_unassigned: {
      title: '註冊區間（函式庫或框架關閉碼）',
      description: '3000–3999 由函式庫、框架和應用程式在 IANA 註冊；sockdoc 不知道這個關閉碼的註冊資訊。協定本身不定義它的含義。',
      fixes: [
        '確認含義後在 sockdoc 中註冊它（registerCodes），診斷和重試決策就會使用它。',
      ],
      deadEnds: [
        '假定它可以重試，或假定它與某個 HTTP 狀態碼同義。',
      ],
    },
    range_private: {
      title: '應用程式自訂（私有）',
      description: '4000–4999 供私有使用：含義由另一端的應用程式決定，且不能註冊。',
      fixes: [
        '檢視關閉原因和伺服器的文件。',
        '在 sockdoc 中註冊該關閉碼（registerCodes），或選用內建的協定包（如 graphql-transport-ws），以便正確解釋和重試。',
      ],
      deadEnds: [
        '套用別的應用程式的含義：一個協定裡的 4001 與另一個協定裡的 4001 毫無關係。',
        '盲目重試：沒有任何依據表明重試有用。',
      ],
    },
    not_a_code: {
      title: '無效的關閉碼',
      description: '關閉碼是 1000 到 4999 之間的整數。這個值不在 RFC 6455 的任何區間內（負數、非整數，或大於等於 5000）。',
      fixes: [
        '關閉時使用 1000 或 3000–4999；檢查這個值的來源。',
      ],
      deadEnds: [
        '查詢它的含義：並不存在。',
      ],
    },
  },
  causes: {
    own_close_echo: {
      title: '是你的用戶端關閉了連線',
      detail: (p) => `用戶端${p.clientCode === undefined ? '不帶關閉碼' : `以 ${p.clientCode} `}發起了關閉交握，${p.code} 是伺服器回送的關閉碼。`,
      fixes: () => ['無需處理：這是呼叫 close() 的預期結果。'],
    },
    client_aborted: {
      title: '你的用戶端在連線開啟之前關閉了它',
      detail: () => '交握尚未完成時就呼叫了 close()；執行環境會把這種情況回報為 1006。',
      fixes: () => ['如果這是有意為之，則無需處理；否則請等到 open 事件之後再關閉。'],
    },
    server_ended_session: {
      title: '伺服器有意結束了工作階段',
      detail: () => '伺服器在用戶端沒有要求的情況下傳送了正常關閉；它認為工作階段已經結束。',
      fixes: () => ['檢視關閉原因，以及伺服器上結束工作階段的邏輯（登出、連線時間上限、重複登入時踢除舊連線）。', '只有在應用程式需要持久連線且伺服器允許時才重新連線。'],
    },
    lifetime_rotation: {
      title: '伺服器在輪換長連線',
      detail: (p) => `關閉原因${q(p.reason)}要求用戶端重新連線（uWebSockets 的 maxLifetime 到期時以 1000「please reconnect」關閉）。`,
      fixes: () => ['短暫隨機延遲後重新連線即可，這是例行操作。'],
    },
    server_heartbeat_timeout: {
      title: '心跳逾時',
      detail: (p) => `關閉原因${q(p.reason)}表明漏掉了心跳，連線被認為已失效。`,
      fixes: () => ['使用退避策略重新連線。', '檢查是否有阻塞的事件迴圈，或被節流的計時器（背景分頁）延誤了心跳。'],
    },
    server_going_away: {
      title: '伺服器正在離開',
      detail: () => '伺服器宣布自己要離開，通常是關機或部署。',
      fixes: () => ['使用退避加隨機抖動重新連線。', '在伺服器上，重新啟動時優先使用 1012，並讓現有連線平順結束。'],
    },
    server_idle_timeout: {
      title: '伺服器關閉了閒置連線',
      detail: (p) => (p.idleSeconds === undefined ? `關閉原因${q(p.reason)}提到了閒置逾時。` : `已有 ${p.idleSeconds} 秒沒有任何收發，伺服器的關閉原因${q(p.reason)}提到了閒置逾時。`),
      fixes: () => ['讓心跳間隔短於伺服器的閒置逾時（Jetty 預設 30 秒）。', '或在伺服器上調高閒置逾時。'],
    },
    protocol_error: {
      title: '一方違反了 WebSocket 協定',
      detail: (p) => (p.reason ? `伺服器回報了協定錯誤：${q(p.reason)}。` : '伺服器回報了協定錯誤，但沒有說明違反了哪條規則（ws 不傳送原因）。'),
      fixes: () => ['檢查壓縮設定，以及用戶端和伺服器之間的代理。', '升級兩端的 WebSocket 函式庫。'],
    },
    client_sent_bad_close_code: {
      title: '你的用戶端使用了不允許傳送的關閉碼',
      detail: (p) => `用戶端以 ${p.clientCode} 關閉，這個關閉碼不允許出現在關閉訊框中，所以伺服器以協定錯誤回應。`,
      fixes: () => ['使用 1000 或 3000–4999 的關閉碼。'],
    },
    binary_on_text_endpoint: {
      title: '二進位訊息送到了僅支援文字的端點',
      detail: (p) => `用戶端最後傳送的是${p.bytes === undefined ? '' : ` ${bytes(p.bytes)}的`}二進位訊框，伺服器隨後以 ${p.code} 關閉${p.code === 1007 ? '（有些伺服器在應當傳送 1003 時傳送 1007）' : ''}。`,
      fixes: () => ['傳送文字訊框：用 JSON.stringify 序列化，或先把位元組解碼成字串。', '在 sockdoc 中宣告 channel: \'text\'，二進位資料會在傳送前被拒絕。', '如果伺服器應當接受二進位，請修改它的處理常式。'],
    },
    text_on_binary_endpoint: {
      title: '文字訊息送到了僅支援二進位的端點',
      detail: (p) => `用戶端最後傳送的是${p.bytes === undefined ? '' : ` ${bytes(p.bytes)}的`}文字訊框，而伺服器只接受二進位資料。`,
      fixes: () => ['向這個端點傳送二進位訊框（ArrayBuffer 或型別化陣列）。', '在 sockdoc 中宣告 channel: \'binary\'，字串會在傳送前被拒絕。'],
    },
    unsupported_data: {
      title: '伺服器無法接受所傳送的資料型別',
      detail: () => '伺服器拒絕了某條訊息的訊框型別（文字或二進位），但用戶端沒有記錄是哪一種。',
      fixes: () => ['確認端點期望文字還是二進位，並在 sockdoc 中宣告對應的通道。'],
    },
    reserved_code: {
      title: '對端使用了任何人都不得傳送的關閉碼',
      detail: (p) => `${p.code} 是保留或未分配的關閉碼，符合規範的對端從不傳送它。`,
      fixes: () => ['修正對端，改用 1000、1001、1008、1011 或 4000–4999 的應用程式關閉碼。'],
    },
    closed_without_code: {
      title: '伺服器關閉時沒有給出關閉碼',
      detail: () => '收到的關閉訊框中沒有關閉碼。Socket.IO / Engine.IO 和不帶引數的 ws.close() 都會這樣關閉；拒絕了用戶端關閉碼的 uWebSockets 伺服器也一樣。',
      fixes: () => ['如果伺服器使用 Socket.IO，請改為檢視它的斷開原因。', '請伺服器使用明確的關閉碼。'],
    },
    handshake_auth: {
      title: '交握時驗證失敗',
      detail: (p) => `伺服器以 HTTP ${p.status} 回應了升級請求，所以連線從未開啟。`,
      fixes: (p) => [p.status === 403 ? '確認該帳號有權使用這個端點；對於 403，僅更換認證資訊沒有用。' : '傳送有效的認證資訊：把新權杖放在查詢引數、子協定或 Cookie 中（瀏覽器無法設定自訂請求標頭）。', '在認證資訊變化之前停止重新連線：認證資訊不變，重試得到的還是 401。'],
    },
    handshake_not_found: {
      title: '該 URL 上沒有 WebSocket 端點',
      detail: (p) => `伺服器以 HTTP ${p.status ?? 404} 回應了升級請求。`,
      fixes: () => ['檢查 URL 的路徑、連接埠和協定（ws:// 還是 wss://、末尾斜槓、/socket 字首）。', '檢查代理是否把這個路徑轉送到了 WebSocket 伺服器。'],
    },
    handshake_rejected: {
      title: '伺服器拒絕了交握',
      detail: (p) => `伺服器以 HTTP ${p.status} 回應了升級請求，而不是 101 Switching Protocols。`,
      fixes: (p) => [p.status === 426 || p.status === 400 ? '確認請求以 WebSocket 升級請求的形式到達伺服器：代理需要 proxy_http_version 1.1 以及 Upgrade / Connection 請求標頭。' : '檢視回應本文和伺服器記錄，瞭解升級被拒絕的原因。', '檢查 Origin 白名單和必需的子協定。'],
    },
    handshake_redirect: {
      title: '伺服器對交握做了重新導向',
      detail: (p) => `伺服器以重新導向 HTTP ${p.status} 回應了升級請求。WebSocket 用戶端不跟隨重新導向（RFC 6455 §4.1 把這交給用戶端決定，瀏覽器、ws 和 undici 都會失敗），所以重試同一個 URL 只會得到同樣的回應。`,
      fixes: () => ['改為連線重新導向指向的 URL（見回應的 Location 標頭，可用 curl -i 檢視）。', '或者讓伺服器或代理直接處理這個 WebSocket 路徑：從 ws:// 跳到 wss://、或給路徑補上結尾斜槓的重新導向是常見原因。'],
    },
    handshake_invalid: {
      title: '交握回應不符合 WebSocket 協定',
      detail: (p) => `伺服器回應了升級請求，但回應違反了 WebSocket 交握${p.reason ? `（${p.reason}）` : ''}：回應的不是 WebSocket 伺服器，或者有代理改寫了回應。`,
      fixes: () => ['確認 URL 到達的是 WebSocket 伺服器本身，而不是用錯誤回應標頭回應 101 的 HTTP 伺服器或代理。', '對照 RFC 6455 §4.2.2 檢查回應的 Sec-WebSocket-Accept、Upgrade 和 Sec-WebSocket-Protocol 標頭（帶上升級請求標頭執行 curl -i 即可看到）。'],
    },
    handshake_unavailable: {
      title: '伺服器或代理不可用',
      detail: (p) => `升級請求得到了 HTTP ${p.status}：伺服器或其前面的閘道當機或過載。`,
      fixes: () => ['使用退避策略重新連線；檢查伺服器和代理的健康狀況。'],
    },
    connection_refused: {
      title: '該位址上沒有服務在接聽',
      detail: (p) => `TCP 連線被拒絕（${p.errorCode ?? 'ECONNREFUSED'}）：該主機和連接埠上沒有伺服器在監聽。`,
      fixes: () => ['啟動伺服器，或修正 URL 中的主機和連接埠。', '如果伺服器正在重新啟動，使用退避策略重新連線。'],
    },
    dns_failure: {
      title: '無法解析主機名稱',
      detail: (p) => `DNS 解析失敗（${p.errorCode ?? 'ENOTFOUND'}）。`,
      fixes: () => ['檢查 URL 中的主機名稱是否拼錯。', '檢查這台機器的 DNS 和網路存取。'],
    },
    tls_failure: {
      title: 'TLS 交握失敗',
      detail: (p) => `無法建立安全連線${p.errorCode ? `（${p.errorCode}）` : ''}：憑證無法驗證，或 TLS 設定不相符。`,
      fixes: () => ['檢查憑證：有效期、主機名稱、中間憑證。', '在 Node 中信任正確的 CA（NODE_EXTRA_CA_CERTS），而不是關閉憑證檢查。'],
    },
    handshake_timeout: {
      title: '伺服器一直沒有回應交握',
      detail: () => 'TCP 連線已建立，但在規定時間內沒有收到對升級請求的回應。',
      fixes: () => ['確認 URL 指向的是 WebSocket 伺服器，而不是接受 TCP 連線卻不作回應的服務。', '檢查會緩衝升級請求的代理。'],
    },
    handshake_failed_opaque: {
      title: '交握失敗，而瀏覽器隱藏了原因',
      detail: () => '連線從未開啟。按照規範，瀏覽器把所有交握失敗都回報為不帶細節的 1006：401、404、連接埠被拒絕、DNS 或 TLS 錯誤，在網頁程式看來都一樣。',
      fixes: () => [
        'Chromium 系瀏覽器（Chrome、Edge）：主控台中「WebSocket connection to \'<url>\' failed:」這一行的末尾是 HTTP 狀態碼（「Unexpected response code: 401」表示伺服器拒絕了升級），或者網路錯誤（「net::ERR_CONNECTION_REFUSED」表示該位址上沒有服務在接聽，「net::ERR_NAME_NOT_RESOLVED」是 DNS 問題，「net::ERR_CERT_…」是 TLS 問題）。',
        'Safari：「WebSocket connection to \'<url>\' failed: Unexpected response code: 401」給出了狀態；「WebSocket network error: …」表示網路或 TLS 故障。',
        'Firefox：「Firefox can’t establish a connection to the server at <url>」不含狀態，要在網路面板（篩選 WS）裡檢視回應及其狀態。',
        '檢查 URL、認證資訊（查詢引數、子協定或 Cookie）、TLS 憑證和 Origin 白名單。',
        '用命令列工具的 sockdoc probe 存取同一個 URL，檢視 HTTP 狀態碼和回應標頭。',
      ],
    },
    handshake_failed: {
      title: '連線建立前交握失敗',
      detail: (p) => `連線從未開啟${p.reason || p.errorCode ? `；執行環境回報：${[p.errorCode, p.reason].filter(Boolean).join('：')}` : '，執行環境也沒有回報任何細節'}。`,
      fixes: () => ['對同一個 URL 執行 sockdoc probe：它會顯示交握的 HTTP 狀態碼和回應標頭。', '檢查 URL、認證資訊、TLS 憑證，以及用戶端與伺服器之間的代理。'],
    },
    offline: {
      title: '裝置處於離線狀態',
      detail: () => '連線關閉時瀏覽器回報處於離線狀態。',
      fixes: () => ['等待 online 事件後再重新連線。'],
    },
    server_sent_invalid_utf8: {
      title: '伺服器在文字訊框中傳送了無效的 UTF-8',
      detail: (p) => `伺服器發來的文字訊框不是有效的 UTF-8，你的用戶端因此主動斷開了連線（${p.errorCode}）；伺服器看到的是 1007。`,
      fixes: () => ['修正伺服器：二進位資料用二進位訊框傳送，文字訊框只傳送有效的 UTF-8（gorilla/websocket 和 coder/websocket 不檢查自己傳送的文字）。'],
    },
    incoming_too_big: {
      title: '伺服器發來的訊息超過了用戶端的接收上限',
      detail: (p) => `收到的訊息超過了用戶端的 maxPayload，你的用戶端因此主動斷開了連線（${p.errorCode}）；伺服器看到的是 1009。`,
      fixes: () => ['調高用戶端的 maxPayload，或讓伺服器傳送更小的訊息。'],
    },
    too_many_fragments: {
      title: '訊息分段過多',
      detail: (p) => `訊息被拆成了過多的分段${p.errorCode ? `（${p.errorCode}）` : ''}；較新版本的 ws 和 undici 會因此以 1008 關閉。`,
      fixes: () => ['傳送更少、更大的分段，或傳送完整的訊息。'],
    },
    server_protocol_violation: {
      title: '伺服器傳送了違反協定的訊框',
      detail: (p) => `你的用戶端主動斷開了連線（${p.errorCode}${p.reason ? `：${p.reason}` : ''}）；伺服器看到的是真正的關閉碼，用戶端回報的是 1006。`,
      fixes: () => ['修正伺服器的訊框格式，或篡改訊框的代理。', '升級伺服器的 WebSocket 函式庫。'],
    },
    proxy_idle_timeout: {
      title: '連線路徑上的閒置逾時關閉了連線',
      detail: (p) => `已有 ${p.idleSeconds} 秒沒有任何收發，接近代理常見的 ${p.proxyTimeoutSeconds} 秒閒置逾時（nginx 的 proxy_read_timeout 為 60 秒，Cloudflare 約 100 秒），代理會直接斷開 TCP 而不傳送關閉訊框。`,
      fixes: (p) => [`讓心跳間隔短於 ${Math.max(1, Math.floor((p.proxyTimeoutSeconds ?? 60) / 2))} 秒；由伺服器向用戶端傳送 ping 最為可靠。`, '或調高代理的閒置逾時（nginx 的 proxy_read_timeout）。'],
    },
    size_limit_dropped: {
      title: '大訊息可能觸發了會直接斷開 TCP 的大小上限',
      detail: (p) => `用戶端傳送了 ${bytes(p.bytes ?? 0)}的訊息，緊接著連線在沒有關閉訊框的情況下斷開。有些伺服器（uWebSockets，預設上限 16 KiB）會直接斷開 TCP，而不是傳送 1009。`,
      fixes: () => ['傳送更小的訊息，或調高伺服器的上限（uWebSockets 的 maxPayloadLength）。', '在 sockdoc 中把 maxMessageBytes 設為伺服器的上限。'],
    },
    suspended: {
      title: '頁面被隱藏或網路發生了變化',
      detail: () => '關閉發生在頁面隱藏期間或裝置離線之後；行動裝置的作業系統會在背景暫停或強行關閉通訊端。',
      fixes: () => ['在頁面重新可見或 online 事件觸發時重新連線。'],
    },
    dead_connection: {
      title: '連線已失效，心跳沒有得到回應',
      detail: () => '用戶端的心跳在截止時間前沒有得到回應，於是用戶端關閉了連線。',
      fixes: () => ['使用退避策略重新連線。', '如果經常發生，請排查會悄悄丟棄閒置連線的代理或網路。'],
    },
    connection_dropped: {
      title: '連線在沒有關閉訊框的情況下中斷',
      detail: () => '連線曾經開啟，之後在沒有關閉訊框的情況下結束：伺服器當掉或重新啟動、代理，或網路中斷。',
      fixes: () => ['使用退避加隨機抖動重新連線。', '讓伺服器在關閉時傳送 1001 或 1012。', '如果以固定間隔反覆出現，請懷疑閒置逾時並加上心跳。'],
    },
    invalid_utf8_sent: {
      title: '用戶端傳送了不是有效 UTF-8 的文字訊框',
      detail: (p) => `關閉前，用戶端發出了一個${p.bytes === undefined ? '' : ` ${bytes(p.bytes)}的`}文字訊框，其內容不是有效的 UTF-8。`,
      fixes: () => ['原始位元組請用二進位訊框傳送，或編碼成 base64 文字。', '保持 sockdoc 的傳送約定開啟：它會在傳送前拒絕無效的 UTF-8。'],
    },
    server_misused_1007: {
      title: '伺服器很可能把 1007 用於別的目的',
      detail: (p) => (p.reason ? `用戶端沒有傳送無效文字，而關閉原因${q(p.reason)}表明伺服器把 1007 用於別的目的。` : '用戶端沒有傳送無效 UTF-8 的記錄；有些伺服器用 1007 表示驗證失敗或重複工作階段。'),
      fixes: () => ['檢視關閉原因，並詢問伺服器作者他們的 1007 是什麼意思。', '伺服器應使用 1008 或 4000–4999 的關閉碼表示驗證和工作階段規則。'],
    },
    invalid_payload: {
      title: '伺服器發現資料與訊息型別不一致',
      detail: () => '最常見的是文字訊框不是有效的 UTF-8。',
      fixes: () => ['原始位元組請用二進位訊框傳送；把位元組作為文字傳送前先檢查 UTF-8。'],
    },
    auth_rejected: {
      title: '驗證失敗或已過期',
      detail: (p) => (p.reason ? `伺服器的關閉原因${q(p.reason)}指向驗證問題。` : '伺服器以驗證類關閉碼關閉了連線。'),
      fixes: () => ['重新整理認證資訊，然後用新認證資訊重新連線一次。', '如果新認證資訊也被拒絕，停止重試。'],
    },
    forbidden: {
      title: '沒有權限',
      detail: (p) => (p.reason ? `伺服器的關閉原因${q(p.reason)}表明用戶端沒有權限。` : '用戶端已透過驗證，但沒有權限。'),
      fixes: () => ['在伺服器上授予權限，或不再請求該資源。'],
    },
    rate_limited: {
      title: '被速率限制',
      detail: (p) => `伺服器的關閉原因${q(p.reason)}指向速率限制。`,
      fixes: () => ['合併或節流傳送的訊息，並在重新連線前等待一段時間。'],
    },
    duplicate_session: {
      title: '另一個工作階段取代了當前工作階段',
      detail: (p) => `伺服器的關閉原因${q(p.reason)}指向重複連線或在別處登入。`,
      fixes: () => ['確保只有一個分頁或裝置持有該工作階段，或請伺服器允許多個工作階段。', '不要自動重新連線：那會把另一個工作階段踢下線。'],
    },
    policy_violation: {
      title: '伺服器的政策拒絕了某些內容',
      detail: (p) => (p.reason ? `伺服器給出的原因：${q(p.reason)}。` : '伺服器沒有給出細節，1008 允許這樣做。'),
      fixes: () => ['檢查最後傳送的訊息和所用的認證資訊。', '詢問伺服器作者適用的是哪條政策。'],
    },
    message_too_big: {
      title: '訊息超過了伺服器的接收上限',
      detail: (p) =>
        p.bytes === undefined
          ? '用戶端沒有記錄傳送的大小；伺服器的上限低於它收到的某條訊息。'
          : `關閉前，用戶端傳送了 ${bytes(p.bytes)}的訊息${p.limit === undefined ? '' : `，低於它宣告的上限 ${bytes(p.limit)}：伺服器實際的上限更低`}。`,
      fixes: (p) => [
        '把訊息拆分成塊、先壓縮，或透過 HTTP 上傳大資料。',
        p.limit === undefined ? '在 sockdoc 中把 maxMessageBytes 設為伺服器的上限，超大訊息會在傳送前被拒絕。' : '把 maxMessageBytes 調低到伺服器實際的上限。',
        '或調高伺服器的上限。',
      ],
    },
    missing_extension: {
      title: '必需的擴充沒有協商成功',
      detail: (p) => (p.reason ? `關閉原因列出：${q(p.reason)}。` : '關閉原因中應列出缺少的擴充。'),
      fixes: () => ['在每一跳上啟用該擴充，或不再強制要求它。'],
    },
    keepalive_timeout: {
      title: '伺服器的 keepalive ping 逾時',
      detail: () => '關閉原因「keepalive ping timeout」來自 python-websockets：pong 沒有及時傳回。這是網路延遲或事件迴圈被阻塞，不是伺服器的缺陷。',
      fixes: () => ['降低延遲，減少用戶端上長時間的阻塞操作。', '如果網路較慢，在伺服器上調高 ping_timeout。', '使用退避策略重新連線。'],
    },
    server_error_after_message: {
      title: '一條訊息觸發了伺服器錯誤',
      detail: (p) => `用戶端剛傳送了一條${p.bytes === undefined ? '' : ` ${bytes(p.bytes)}的`}訊息，伺服器隨即出錯。`,
      fixes: () => ['檢視伺服器記錄中的異常；很可能是最後這條訊息觸發的。', '不要自動重送同一條訊息。'],
    },
    server_error: {
      title: '伺服器發生了內部錯誤',
      detail: (p) => (p.reason ? `伺服器給出的原因：${q(p.reason)}。` : '伺服器沒有給出細節。'),
      fixes: () => ['檢視伺服器記錄。', '使用退避策略重新連線，並限制次數。'],
    },
    service_restart: {
      title: '服務正在重新啟動',
      detail: () => '計畫內的重新啟動；伺服器很快就會恢復。',
      fixes: () => ['隨機等待 5–30 秒後重新連線。'],
    },
    overloaded: {
      title: '伺服器過載',
      detail: () => '伺服器暫時在斷開一部分用戶端。',
      fixes: () => ['至少等待 30 秒並加上隨機抖動，或改用另一個端點。'],
    },
    bad_gateway: {
      title: '閘道無法連線其上游',
      detail: () => 'WebSocket 伺服器前面的閘道從它那裡得到了無效回應。',
      fixes: () => ['使用退避策略重新連線；檢查閘道後面的服務。'],
    },
    sockjs_go_away: {
      title: 'SockJS 關閉了工作階段',
      detail: () => 'SockJS 用 3000「Go away!」表示普通的工作階段關閉，而不是驗證問題。',
      fixes: () => ['按正常關閉處理；如果應用程式需要該工作階段，就重新連線。'],
    },
    app_timeout: {
      title: '應用層請求逾時',
      detail: () => '對端沒有及時回應應用層請求。',
      fixes: () => ['使用退避策略重新連線，並更快地回應應用層請求。'],
    },
    pack_code: {
      title: '應用程式協定定義的關閉碼',
      detail: (p) => `${p.code} 由 ${p.packName}${p.protocol ? `（子協定 ${p.protocol}）` : ''}定義：${p.packTitle}。`,
      fixes: () => ['按照該協定對此關閉碼的文件處理。'],
    },
    unchecked_message_refused: {
      title: '有訊息沒有經過結構描述檢查',
      detail: (p) => `${p.code}（${p.packTitle}）表示伺服器無法接受某則訊息：${p.count === 1 ? '很可能就是沒有經過傳送結構描述檢查的那一則' : `很可能是沒有經過傳送結構描述檢查的 ${(p.count ?? 0).toLocaleString('en-US')} 則之一`}。`,
      fixes: () => ['協定訊息一律用 sendJson 傳送，讓傳送結構描述在送出前逐則檢查。'],
    },
    schema_passed_refused: {
      title: '伺服器拒絕了一則結構描述允許的訊息',
      detail: (p) => `傳送的訊息都通過了傳送結構描述檢查，但 ${p.code}（${p.packTitle}）表示伺服器無法接受其中一則：伺服器的檢查比結構描述更嚴格（${p.packName} 的版本不同，或伺服器有自己的規則）。`,
      fixes: () => ['在伺服器記錄中找出被拒絕的訊息，把傳送結構描述收緊到與伺服器一致。'],
    },
    application_defined: {
      title: 'sockdoc 不認識的應用程式自訂關閉碼',
      detail: (p) => (p.reason ? `伺服器應用程式選擇了 ${p.code}，關閉原因為${q(p.reason)}。` : `伺服器應用程式選擇了 ${p.code}，沒有給出原因。`),
      fixes: () => ['檢視伺服器關於這個關閉碼的文件。', '在 sockdoc 中註冊它（registerCodes），以便正確解釋和重試。'],
    },
    invalid_code_received: {
      title: '關閉碼無效',
      detail: (p) => `${p.code} 不在 1000–4999 之內。`,
      fixes: () => ['修正產生這個值的程式碼。'],
    },
    diagnosis_unavailable: {
      title: '診斷模組未能載入',
      detail: (p) => `sockdoc 在連線時載入診斷模組，這次 ${p.code} 關閉到來時它還不在（下載失敗或尚未完成），所以這次關閉沒有解釋。`,
      fixes: () => [
        '確認 @sockdoc/diagnose 的 chunk 檔能夠載入：內容安全政策（CSP）、刪除了舊 chunk 檔的部署、離線開啟的頁面都可能阻止它。',
        '如果想把診斷和用戶端打包在一起，把 @sockdoc/diagnose 的 diagnose 傳給 createSocket。',
        '同時可以先查詢這個關閉碼：npx @sockdoc/cli explain <關閉碼>。',
      ],
    },
  },
  evidence: {
    never_opened: () => '連線從未開啟：在交握完成之前就關閉了。',
    open_for: (p) => (p.seconds ? `連線已開啟 ${p.seconds} 秒。` : '連線開啟還不到 1 秒。'),
    handshake_status: (p) => `伺服器以 HTTP ${p.status} 回應了升級請求。`,
    retry_after: (p) => `伺服器要求用戶端等待 ${p.seconds} 秒後再試（Retry-After）。`,
    transport_error: (p) => `傳輸層回報了${p.errorCode ? ` ${p.errorCode}` : '錯誤'}${p.message ? `：${p.message}` : ''}。`,
    last_frame: (p) => `${ago(p.agoMs)}最後傳送的是 ${bytes(p.bytes ?? 0)}的${kind(p.kind)}訊框。`,
    last_frame_invalid_utf8: (p) => `${ago(p.agoMs)}傳送了一個 ${bytes(p.bytes ?? 0)}的文字訊框，其內容不是有效的 UTF-8。`,
    largest_frame: (p) => `最近傳送的最大訊息為 ${bytes(p.bytes ?? 0)}。`,
    declared_limit: (p) => `用戶端宣告的 maxMessageBytes 為 ${bytes(p.limit ?? 0)}。`,
    idle_for: (p) => `關閉前已有 ${p.seconds} 秒沒有任何收發${p.proxyTimeoutSeconds ? `，接近常見的 ${p.proxyTimeoutSeconds} 秒閒置逾時` : ''}。`,
    reason_matches: (p) => `關閉原因${q(p.reason)}符合一種已知的伺服器行為：${p.fingerprint ? fingerprints[p.fingerprint] : ''}。`,
    reason_given: (p) => `伺服器給出的關閉原因：${q(p.reason)}。`,
    no_reason: () => '關閉時沒有給出原因。',
    client_initiated: (p) => `用戶端${p.clientCode === undefined ? '不帶關閉碼' : `以 ${p.clientCode} `}發起了關閉。`,
    offline: () => '瀏覽器處於離線狀態。',
    page_hidden: () => '頁面處於隱藏狀態（背景分頁、螢幕鎖定或正在離開頁面）。',
    browser_hides_handshake: () => '在瀏覽器中，網頁程式無法得知交握失敗的原因：HTTP 狀態碼只顯示在 DevTools 主控台中。',
    status_probe: (p) =>
      `${p.earlier ? '在這一輪失敗中較早的一次，' : ''}對同一 URL 發出的普通 HTTP 請求得到了 ${p.status}${
        p.status === 426 || p.status === 400 ? '：該端點存在，但只接受 WebSocket 升級，所以被拒絕的是升級本身的某項內容（只隨升級請求傳送的認證資訊、Origin 或子協定）' : p.status !== undefined && p.status >= 200 && p.status < 300 ? '：這個路徑上有一個網頁在回應，請確認它就是 WebSocket 端點' : ''
      }。`,
    status_probe_redirect: () => '對同一 URL 發出的普通 HTTP 請求被重新導向了；WebSocket 交握不會跟隨重新導向。',
    status_unknown: (p) =>
      p.why === 'cross_origin'
        ? '該端點位於另一個來源，所以 sockdoc 沒有向它查詢狀態（伺服器允許 CORS 時，可以設定 statusProbe: \'cors\' 來查詢）。'
        : p.why === 'cors'
          ? '對該端點發出的普通 HTTP 請求失敗了：伺服器不允許這個來源讀取回應（CORS），或者無法連線到伺服器。'
          : p.why === 'unreachable'
            ? '對同一位址發出的普通 HTTP 請求也失敗了：無法連線到伺服器。'
            : p.why === 'timeout'
              ? '對同一 URL 發出的普通 HTTP 請求沒有及時得到回應。'
              : p.why === 'offline'
                ? '瀏覽器處於離線狀態，所以 sockdoc 沒有向端點查詢狀態。'
                : '狀態探查已關閉（statusProbe: false），因此 HTTP 狀態碼未知。',
    credentials_expired: (p) => `關閉前 ${span(p.agoMs)}，應用程式提供的認證資訊就已過期。`,
    invalid_incoming: (p) => `這條連線上，伺服器傳來的訊息中有 ${(p.count ?? 0).toLocaleString('en-US')} 則不符合應用程式的接收結構描述${p.paths?.length ? `（位置：${p.paths.join('、')}）` : ''}：雙方對協定的理解可能不一致。`,
    sent_checked: (p) => `這條連線上傳送的訊息都經過了傳送結構描述檢查（共 ${(p.count ?? 0).toLocaleString('en-US')} 則）。`,
    sent_unchecked: (p) => `這條連線上有 ${(p.count ?? 0).toLocaleString('en-US')} 則訊息沒有經過傳送結構描述檢查（用的是 send() 或 sendText()）。`,
    no_send_schema: () => '這條連線上傳送的訊息沒有經過任何傳送結構描述檢查（使用 typedJson 時會記錄檢查情況）。',
    runtime_misreports: (p) =>
      p.means !== undefined
        ? `${p.runtimeName}${p.version ? ` ${p.version}` : ''} 在 WebSocket 標準規定回報 ${p.means} 的情況下回報的是 ${p.code}（sockdoc 的執行環境測試記錄到了這個行為），因此按 ${p.means} 解讀。`
        : `已知 ${p.runtimeName}${p.version ? ` ${p.version}` : ''} 會把其他關閉碼回報為 ${p.code}（${p.url}）：伺服器傳送的可能是另一個關閉碼，所以這份診斷的可信度較低，也不據此給出重試建議。`,
    close_not_reported: () => '執行環境始終沒有回報這次關閉：在它本應回報之後（錯誤事件或逾時之後）一秒，sockdoc 自行結束了這次連線嘗試；由於沒有收到關閉訊框，關閉碼記為 1006。',
    browser_encodes_utf8: () => '用戶端執行在瀏覽器中，send(string) 總是產生有效的 UTF-8。',
    subprotocol_pack: (p) => `協商出的子協定是 ${p.protocol}，其關閉碼由 ${p.packName} 描述。`,
    heartbeat_missed: () => '用戶端的心跳在截止時間前沒有得到回應。',
    connect_timeout: () => '用戶端等待交握完成逾時，已放棄。',
    not_clean: () => 'wasClean 為 false：TCP 連線在關閉交握完成之前就結束了。',
    no_frames_recorded: () => '用戶端沒有最近傳送訊息的記錄。',
    code_not_valid: (p) => `${p.code} 不是有效的關閉碼。`,
  },
  fingerprints,
  retry: {
    no: '不要自動重新連線：在做出改動之前，同樣的嘗試會以同樣的方式失敗。',
    ended: '無需重試：連線已按預期結束。應用程式需要時再建立新連線。',
    backoff: '使用指數退避加隨機抖動重新連線（首次延遲 0–5 秒）。',
    delay_5_30s: '隨機等待 5–30 秒後重新連線。',
    slow_backoff: '慢速重新連線：至少等待 30 秒並加上隨機抖動，或改用另一個端點。',
    after_reauth: '取得新認證資訊後重新連線一次。',
    policy: '取決於你的應用程式：如果需要持久連線就重新連線。',
    retry_after: '按伺服器要求的時間（Retry-After）等待之後再重新連線，不要提前。',
    unknown: '未知：沒有依據表明重試是否有用。',
  },
  confidence: { high: '高', medium: '中', low: '低' },
  appCode: (code) => ({ title: `應用程式關閉碼 ${code}`, description: `${code} 由應用程式定義。` }),
  summary: (p) => `${p.code} ${p.title}${p.cause ? `：${p.cause}` : ''}。${p.retry}`,
  fallbackNote: (requested, used) => (requested ? `沒有「${requested}」的文字，改用「${used}」。` : `沒有指定語言，改用「${used}」。`),
  formatBytes: bytes,
};

/** Reference-only text in zh-TW: when each code occurs, how to tell codes apart, when to use them, labels. For `explain`, `compare`, the CLI and the docs. */
export const zhTWReference: LocaleReference = {
  tag: 'zh-TW',
  entries: {
    '1000': {
      causes: [
        '用戶端自己呼叫了 close() 或 close(1000)，這是伺服器回送的關閉碼。',
        '伺服器有意結束工作階段：使用者登出、任務完成、所有訂閱結束，或因重複登入被踢下線。',
        '伺服器定期輪換長連線（uWebSockets 的 maxLifetime 到期時以 1000「please reconnect」關閉）。',
      ],
      distinguish: [
        '與 1005 的區別：1000 表示關閉訊框帶有關閉碼；1005 表示關閉訊框沒有關閉碼（不帶引數呼叫 close()）。',
        '與 1001 的區別：1000 表示任務已完成；1001 表示某個端點要離開（關機、離開頁面、閒置逾時）。',
        '如果用戶端剛剛呼叫過 close()，你看到的 1000 是伺服器回送的你自己的關閉碼。',
      ],
      useWhen: '工作階段按計劃結束、對端不應視為失敗時，傳送 1000。',
    },
    '1001': {
      causes: [
        '伺服器正在關閉或重新部署（python-websockets 的 server.close() 預設使用 1001）。',
        '伺服器端閒置逾時：Tomcat 的「The WebSocket session [...] idle timeout expired」、Jetty 的「Connection Idle Timeout」（預設 30 秒）。',
        '伺服器廣播強制斷開（Phoenix 傳送 1001，以便 phoenix.js 重新連線）。',
        '從伺服器一側看：使用者離開頁面或關閉了分頁（文件被卸載時瀏覽器傳送 1001）。',
      ],
      distinguish: [
        '與 1006 的區別：1001 來自關閉訊框，說明伺服器主動離開；1006 說明根本沒有收到關閉訊框。',
        '與 1012 的區別：1012 明確表示服務正在重新啟動，並給出重試時間視窗。',
        '距離上一條訊息的閒置時間接近 30 秒（Jetty 預設值）且原因含「idle」，說明是閒置逾時而不是關機。',
      ],
      useWhen: '端點要離開（關機、離開頁面）時傳送 1001；如果是用戶端應稍後再連的重新啟動，優先使用 1012。',
    },
    '1002': {
      causes: [
        '用戶端傳送了不允許出現在關閉訊框中的關閉碼（1004、1005、1006、1015、1016–2999、≥ 5000），接收方以 1002 回應。',
        '自行實作或嵌入式的 WebSocket 函式庫訊框格式有誤（用戶端訊框未加遮罩、分段錯誤）。',
        'permessage-deflate 協商不一致：未協商該擴充卻設定了 RSV1 位元。',
        '代理或中間裝置改寫或插入了位元組。',
        '向 gorilla/websocket 對端傳送 1014，它會拒絕（「bad close code 1014」）。',
      ],
      distinguish: [
        '與 1007 的區別：1002 關乎訊框格式和協定規則；1007 關乎酬載與訊息型別不符（文字中有無效的 UTF-8）。',
        '伺服器在文字訊框中傳送無效的 UTF-8 時，Chrome 向伺服器傳送的是 1002（不是 1007），頁面本身看到的是 1006。',
      ],
      useWhen: '對端違反 RFC 6455 的訊框格式規則時，傳送 1002。',
    },
    '1003': {
      causes: [
        '用戶端向只處理文字的伺服器傳送了二進位訊框（ArrayBuffer、Blob、型別化陣列；在 Node 中 ws.send(Buffer) 預設就是二進位）。',
        '用戶端向僅支援二進位的端點傳送了文字訊框（Spring BinaryWebSocketHandler：「Text messages not supported」）。',
        '用戶端向 JSON 端點傳送了 MessagePack 或 Protocol Buffers。',
      ],
      distinguish: [
        '與 1007 的區別：1003 關乎訊框的型別（文字還是二進位）；1007 關乎文字訊框的內容（無效的 UTF-8）。有些伺服器在應當傳送 1003 時傳送 1007，所以請檢查最後傳送的是什麼。',
        'Spring 的關閉原因「Binary messages not supported」和「Text messages not supported」可以準確判定為 1003。',
      ],
      useWhen: '對端傳送了端點不處理的訊框型別（文字或二進位）時，傳送 1003。',
    },
    '1004': {
      causes: [
        '對端有缺陷，或手寫程式碼把 1004 當作自訂關閉碼。',
      ],
      distinguish: [
        '按 1002 處理：對端違反了哪些關閉碼可以傳送的規則。',
      ],
      useWhen: '永遠不要傳送 1004。',
    },
    '1005': {
      causes: [
        '用戶端不帶引數呼叫了 close()，伺服器回送了空的關閉訊框（此時瀏覽器和 ws 都不傳送關閉碼）。',
        '伺服器關閉時沒有給出關閉碼：Socket.IO / Engine.IO 就是這樣關閉傳輸層的，不帶引數的 ws.close() 也一樣。',
        'uWebSockets 伺服器拒絕了用戶端的關閉碼（它拒絕 1012–1014 以及全部 3000–3999），並以空的關閉訊框回應。',
      ],
      distinguish: [
        '與 1000 的區別：兩者通常都是乾淨關閉；1000 帶有關閉碼，1005 沒有。',
        '與 1006 的區別：1005 表示收到了關閉訊框（wasClean 通常為 true）；1006 表示沒有收到。',
      ],
      useWhen: '永遠不要傳送 1005：它只用於回報關閉訊框中沒有關閉碼。',
    },
    '1006': {
      causes: [
        '交握失敗：在瀏覽器中，按照規範，任何失敗（DNS、連線被拒絕、TLS、任何非 101 的 HTTP 狀態碼，如 401、403、404、502）都會變成 1006。',
        '本地一方因為伺服器傳送了無效內容而主動斷開了連線（ws 和瀏覽器向伺服器傳送 1002/1007/1009，在本地回報 1006）。',
        'TCP 連線中斷：伺服器當掉或重新啟動時沒有傳送關閉訊框、代理閒置逾時（nginx 60 秒、Cloudflare 約 100 秒）、遇到錯誤直接斷開 TCP 的伺服器（uWebSockets 對超大訊息和無效 UTF-8 都這樣處理）。',
        '裝置休眠、行動裝置上的頁面切到背景，或網路發生切換。',
      ],
      distinguish: [
        'open 事件是否觸發過，可以區分交握問題和連線中途斷開。',
        '與 1001、1012 的區別：它們來自關閉訊框；1006 表示什麼都沒有收到。',
        '偵測到錯誤的一方通常在本地回報 1006，而對端看到的是真正的關閉碼（1002、1007、1009）。',
      ],
      useWhen: '永遠不要傳送 1006：它只用於回報沒有收到關閉訊框。',
    },
    '1007': {
      causes: [
        '把不是有效 UTF-8 的位元組當作文字訊框傳送：原始二進位、Latin-1 文字，或被拆分到不同分段中的多位元組字元（Node 中 ws.send(buffer, { binary: false }) 會照做）。',
        '伺服器把 1007 挪作他用：公開的 Java 程式碼中有人用 CloseCodes.NOT_CONSISTENT 表示驗證失敗（「驗證失敗」）和重複工作階段。',
        '有些伺服器在僅支援文字的端點收到二進位訊框後，傳送 1007 而不是正確的 1003。',
        '壓縮資料損壞，或中間裝置篡改了酬載。',
      ],
      distinguish: [
        '與 1003 的區別：1007 關乎文字訊框的內容；1003 關乎訊框的型別。請檢查最後傳送的是文字訊框還是二進位訊框。',
        'python-websockets 會在關閉原因中給出位元組位置（「invalid start byte at position 0」）；ws 不傳送原因。',
        '伺服器傳送無效 UTF-8 時，Chrome 向伺服器回報 1002、向頁面回報 1006，從不回報 1007。',
      ],
      useWhen: '文字訊息不是有效的 UTF-8（或酬載與宣告的型別矛盾）時傳送 1007；驗證或重複工作階段請使用 1008 或 4xxx 關閉碼。',
    },
    '1008': {
      causes: [
        '權杖在連線建立後過期或被吊銷。',
        '使用者沒有執行該訊息所請求操作的權限。',
        '速率限制：每秒傳送的訊息過多。',
        '訊息違反了格式或商業規則，或觸發了重複連線政策。',
        '分段過多過小：ws 8.21+（「Too many buffered chunks」）和 undici（「Too many message fragments」）會以 1008 關閉。',
      ],
      distinguish: [
        '與 1003、1009 的區別：它們準確指出了問題（訊框型別、大小）；1008 是通用的備用關閉碼。',
        '與 3000/3003 的區別：這兩個已註冊的驗證關閉碼表達同樣的意思，但更精確。',
      ],
      useWhen: '政策類失敗（驗證過期、權限、速率限制）且沒有更具體的關閉碼時，傳送 1008。',
    },
    '1009': {
      causes: [
        '訊息超過了伺服器的上限：大型 JSON、base64 編碼的圖片或檔案、批次酬載。',
        '伺服器的上限比預想的低；各實作的預設值相差三個數量級：Tomcat 文字緩衝區 8 KiB、uWebSockets 16 KiB、coder/websocket 32 KiB、Jetty 和 Netty 64 KiB、Socket.IO 1 MB、python-websockets 1 MiB、ws 100 MiB。',
        '壓縮後的訊框雖小，解壓後的大小卻超過了上限。',
      ],
      distinguish: [
        '與 1006 的區別：uWebSockets 等伺服器遇到超大訊息時直接斷開 TCP 而不傳送 1009，所以剛發完大訊息就出現 1006，可能是同一個問題。',
        '把最後一條訊息的大小與上面的上限對比；python-websockets 和 coder/websocket 會把上限寫在關閉原因裡。',
      ],
      useWhen: '收到的訊息超過端點能處理的大小時，傳送 1009。',
    },
    '1010': {
      causes: [
        '非瀏覽器用戶端要求 permessage-deflate，而伺服器或代理去掉了 Sec-WebSocket-Extensions。',
      ],
      distinguish: [
        '只有用戶端會傳送 1010，而瀏覽器發不了（close() 只允許 1000 和 3000–4999）；它主要出現在伺服器記錄中。',
      ],
      useWhen: '必需的擴充沒有協商成功時，由用戶端傳送 1010；伺服器應直接讓交握失敗。',
    },
    '1011': {
      causes: [
        '伺服器處理常式中有未處理的例外（Spring 以 1011 關閉且不帶原因；Jetty 把例外資訊放進關閉原因）。',
        '伺服器依賴的服務出錯（資料庫、上游服務）。',
        'python-websockets 的 keepalive 機制：1011「keepalive ping timeout」表示 pong 沒有及時傳回（網路延遲或事件迴圈被阻塞），並不是伺服器的缺陷。',
      ],
      distinguish: [
        '與 1006 的區別：1011 來自關閉訊框；在 keepalive 逾時的情況下，對端往往收不到它，看到的是 1006。',
        'graphql-ws 把 1011 視為致命錯誤、不再重試；多數用戶端會退避重試。',
      ],
      useWhen: '伺服器遇到意外錯誤時傳送 1011；過載請用 1013，重新啟動請用 1012。',
    },
    '1012': {
      causes: [
        '計畫內的重新啟動或部署（Phoenix 在關閉時逐一結束連線，會傳送 1012）。',
      ],
      distinguish: [
        '與 1001 的區別：1012 明確表示服務正在重新啟動，並給出重試時間視窗。',
        'uWebSockets 會把收到的 1012 視為無效；用戶端向 uWS 傳送它，會收到 1005。',
      ],
      useWhen: '服務重新啟動、用戶端應在短暫的隨機延遲後回來時，傳送 1012。',
    },
    '1013': {
      causes: [
        '伺服器過載或主動降載。',
        '用戶端被速率限制（Bun 的文件稱 1013 表示「伺服器太忙或用戶端被速率限制」）。',
      ],
      distinguish: [
        '與 1012 的區別：1012 是重新啟動，稍等即可；1013 是過載，需要等更久。',
        '與 1011 的區別：1011 是錯誤；1013 是容量問題。',
      ],
      useWhen: '伺服器暫時過載、用戶端應當退避時，傳送 1013。',
    },
    '1014': {
      causes: [
        '終結 WebSocket 的閘道無法連線或無法理解其上游服務。',
      ],
      distinguish: [
        '與 1011 的區別：1014 指向閘道後面的上游，1011 指向伺服器本身。',
        'gorilla/websocket 和 uWebSockets 會把收到的 1014 視為無效。',
      ],
      useWhen: '閘道的上游傳回無效回應時，由閘道傳送 1014。',
    },
    '1015': {
      causes: [
        '憑證過期或自簽、主機名稱不相符、缺少中間憑證。',
        'TLS 版本或加密套件不相符。',
        '企業代理攔截了 TLS 流量。',
      ],
      distinguish: [
        '瀏覽器把 TLS 失敗顯示為 1006；Node 用戶端在關閉之前會給出 TLS 錯誤碼（如 CERT_HAS_EXPIRED）。',
        '伺服器在關閉訊框中傳送 1015 會導致 Chrome 判定連線失敗。',
      ],
      useWhen: '永遠不要傳送 1015：它只在本地回報 TLS 失敗。',
    },
    '3000': {
      causes: [
        '認證資訊缺失、無效或已過期。',
        'SockJS 用 3000「Go away!」表示普通的工作階段關閉，所以來自 SockJS 伺服器的 3000 與驗證無關。',
      ],
      distinguish: [
        '與 3003 的區別：3000 是「你是誰？」，3003 是「你沒有權限」。',
        '與 1008 的區別：伺服器也常用通用的政策關閉碼 1008 表達同樣的意思。',
      ],
      useWhen: '用戶端必須先（重新）驗證身分才能繼續時，傳送 3000。',
    },
    '3003': {
      causes: [
        '該帳號沒有存取此資源或頻道的權限。',
      ],
      distinguish: [
        '與 3000 的區別：收到 3000 後換新認證資訊有用，收到 3003 後沒用。',
      ],
      useWhen: '用戶端已透過驗證但沒有權限時，傳送 3003。',
    },
    '3008': {
      causes: [
        '用戶端沒有及時回應應用層請求（登入、心跳）。',
        '網路緩慢或主執行緒被阻塞，延誤了回應。',
      ],
      distinguish: [
        '與 1001 閒置逾時的區別：3008 關乎一個沒有得到回應的請求，而不是長時間靜默。',
      ],
      useWhen: '對端沒有及時回應應用層請求時，傳送 3008。',
    },
    range_0_999: {
      causes: [
        '對端有缺陷，或把不是關閉碼的值（HTTP 狀態碼、列舉索引）傳給了 close()。',
      ],
      distinguish: [
        '接收方會以 1002 回應，所以另一方通常看到 1002 或 1006。',
      ],
      useWhen: '永遠不要傳送小於 1000 的關閉碼。',
    },
    range_protocol_unassigned: {
      causes: [
        '對端把未分配的關閉碼當作自訂關閉碼，而不是使用 4000–4999。',
        'SockJS 在自己的封包格式中使用 2010「Another connection still open」，它不是 WebSocket 關閉碼。',
      ],
      distinguish: [
        '按 1002 處理：對端違反了哪些關閉碼可以傳送的規則。',
      ],
      useWhen: '除非已發布的擴充分配了該關閉碼，否則不要傳送 1016–2999。',
    },
    range_registered_unassigned: {
      causes: [
        '某個函式庫或框架定義了它；請檢視關閉原因和該函式庫的文件。',
      ],
      distinguish: [
        'uWebSockets 拒絕收到的所有 3000–3999 關閉碼；用戶端用它們關閉 uWS 連線時會收到 1005。',
      ],
      useWhen: '函式庫和框架在 IANA 註冊 3000–3999 的關閉碼。',
    },
    range_private: {
      causes: [
        '伺服器應用程式出於自己的原因關閉了連線；關閉原因通常會說明。',
      ],
      distinguish: [
        '協商出的子協定說明是哪個應用程式協定定義了該關閉碼。',
      ],
      useWhen: '應用程式使用 4000–4999 表示自己的關閉原因，並為其用戶端提供文件。',
    },
    not_a_code: {
      causes: [
        '傳入或記錄了不是關閉碼的值（HTTP 狀態碼、錯誤編號、解析錯誤）。',
      ],
      distinguish: [
        '除 Chromium 的接收路徑外，所有已查閱的實作都會把收到的 5000 及以上的關閉碼視為協定錯誤。',
      ],
      useWhen: '永遠不要傳送 1000–4999 以外的值。',
    },
  },
  sender: {
    either: '用戶端或伺服器',
    server: '伺服器',
    client: '用戶端',
    local: '無（由執行環境在本地回報）',
    nobody: '無（不得傳送）',
  },
  range: {
    invalid: '不是關閉碼',
    protocol: '1000–2999，由協定定義',
    registered: '3000–3999，在 IANA 註冊',
    private: '4000–4999，私有使用',
  },
  category: {
    normal: '正常',
    going_away: '端點離開',
    protocol_error: '協定錯誤',
    unsupported_data: '不支援的資料型別',
    reserved: '保留',
    no_status: '無關閉碼',
    abnormal: '異常關閉',
    invalid_payload: '無效酬載',
    policy: '政策',
    too_big: '訊息過大',
    extension: '擴充',
    server_error: '伺服器錯誤',
    restart: '重新啟動',
    overload: '過載',
    gateway: '閘道',
    tls: 'TLS',
    auth: '驗證',
    forbidden: '權限',
    timeout: '逾時',
    application: '應用程式自訂',
    invalid: '無效',
    unknown: '未知',
  },
  labels: {
    code: '關閉碼',
    name: '官方名稱',
    description: '描述',
    whenItOccurs: '何時出現',
    howToFix: '如何修正',
    deadEnds: '無效的做法',
    distinguish: '如何區分',
    useWhen: '何時傳送',
    related: '相關關閉碼',
    retry: '重試',
    links: '參考資料',
    onWire: '可出現在關閉訊框中',
    sentBy: '傳送方',
    range: '區間',
    category: '類別',
    yes: '是',
    no: '否',
    cause: '可能的原因',
    evidence: '依據',
    confidence: '可信度',
    reason: '關閉原因',
    keyDifferences: '主要區別',
    same: '相同',
    listSeparator: '、',
    colon: '：',
    openParen: '（',
    closeParen: '）',
    versus: ' 與 ',
    whichToUseWhen: '何時使用哪個',
    allCodes: '全部關閉碼',
    generatedNote: '由 @sockdoc/diagnose 目錄產生，請勿手動編輯。',
  },
  aspects: {
    meaning: '含義',
    occurs: '何時出現',
    fix: '首選修正',
    onWire: '出現在關閉訊框中',
    sentBy: '傳送方',
    retry: '重試',
    category: '類別',
  },
};


/**
 * Traditional Chinese as written in Taiwan (繁體中文) for the whole catalogue and every diagnosis sentence.
 *
 * @example
 * import { explain } from '@sockdoc/diagnose';
 * import { zhTW } from '@sockdoc/diagnose/locales/zh-TW';
 * explain(1006, { locale: zhTW }).title; // '異常關閉'
 */
export const zhTW: DiagnoseLocale = /* @__PURE__ */ withReference(zhTWText, zhTWReference);

