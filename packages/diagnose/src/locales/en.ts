import type { DiagnoseLocale, LocaleReference, LocaleText } from '../DiagnoseLocale.js';
import { withReference } from '../withReference.js';

// Facts: ../shared/close-codes.md (RFC 6455, IANA, WHATWG, MDN, implementations' source).
// No success rates or percentages: causes and fixes are ordered by likelihood only.

const kib = (n: number) => (n >= 1024 && n % 1024 === 0 ? ` (${n / 1024} KiB)` : '');
const bytes = (n: number) => `${n.toLocaleString('en-US')} bytes${kib(n)}`;
/** When, before the close, as a phrase: `just before the close`, `5 ms before the close`; '' when unknown. */
const ago = (ms?: number) => (ms === undefined ? '' : ms < 10 ? 'just before the close' : ms < 1000 ? `${ms} ms before the close` : `${(ms / 1000).toFixed(1)} s before the close`);
const q = (s?: string) => `"${s ?? ''}"`;
/** A span of time as a person says it: 850 ms, 3.2 s, 12 min. */
const span = (ms = 0) => (ms < 1000 ? `${ms} ms` : ms < 120_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 60_000)} min`);

const fingerprints = {
  spring_binary_unsupported: 'Spring TextWebSocketHandler refuses binary messages',
  spring_text_unsupported: 'Spring BinaryWebSocketHandler refuses text messages',
  pyws_keepalive: 'python-websockets keepalive timed out',
  idle_timeout: 'a server-side idle timeout (Tomcat, Jetty, uWebSockets)',
  uws_lifetime: 'uWebSockets maxLifetime rotation',
  heartbeat_timeout: 'a heartbeat timeout',
  invalid_utf8: 'invalid UTF-8 detected by the server',
  too_big: 'a message size limit',
  too_many_fragments: 'a limit on message fragments (ws 8.21+, undici)',
  auth: 'an authentication failure',
  forbidden: 'a permission refusal',
  rate_limit: 'a rate limit',
  duplicate_session: 'a duplicate session or login elsewhere',
  shutdown: 'a server or application shutdown',
  sockjs_go_away: 'a SockJS session close',
};
/** What a diagnosis renders in en: entry titles, descriptions, fixes and dead ends, causes, evidence, retry advice. The client loads only this. */
export const enText: LocaleText = {
  tag: 'en',
  name: 'English',
  entries: {
    '1000': {
      title: 'Normal closure',
      description: 'The purpose for which the connection was established has been fulfilled: one side ended the session on purpose and the closing handshake completed.',
      fixes: [
        'Nothing to fix if your code closed the socket.',
        'If the close was unexpected, read the reason and look for server logic that ends sessions (lifetime caps, duplicate-login kicks, idle policies that choose 1000).',
        'If the server rotates connections with 1000 and a reason like "please reconnect", reconnect when that reason is present.',
      ],
      deadEnds: [
        'Treating 1000 as an error and showing a failure to the user.',
        'Reconnecting in a tight loop against a server that deliberately ended the session.',
      ],
    },
    '1001': {
      title: 'Going away',
      description: 'An endpoint is leaving: a server going down or restarting, a browser navigating away from the page, or a server-side idle timeout.',
      fixes: [
        'Reconnect with exponential backoff and random jitter; deploys make every client reconnect at once.',
        'If the reason names an idle timeout, send heartbeats more often than that timeout or raise it on the server.',
        'On the server, drain gracefully before shutdown; 1012 is the more precise code for a restart.',
      ],
      deadEnds: [
        'Raising client-side timeouts: the server is the one idling out.',
        'Reconnecting without jitter, which turns a deploy into a reconnect storm.',
      ],
    },
    '1002': {
      title: 'Protocol error',
      description: 'An endpoint received something that breaks the WebSocket protocol (a malformed frame, a reserved close code, unexpected extension bits) and ended the connection.',
      fixes: [
        'Read the reason: undici, python-websockets, gorilla and Jetty name the rule that was broken (ws sends no reason).',
        'Use only 1000 or 3000-4999 in your own close() calls.',
        'Align compression settings on both ends, or turn permessage-deflate off to test.',
        'Upgrade the WebSocket library, or bypass the proxy to see whether it is the culprit.',
      ],
      deadEnds: [
        'Reconnecting: the same frames produce the same error.',
        'Enlarging buffers or timeouts.',
      ],
    },
    '1003': {
      title: 'Unsupported data',
      description: 'An endpoint received a type of data it cannot accept: a text-only endpoint received a binary message, or a binary-only endpoint received text.',
      fixes: [
        'Send the frame type the server expects: JSON.stringify(...) goes out as a text frame.',
        'Declare the channel as text or binary in sockdoc so a wrong frame type is refused before it is sent.',
        'If the server should accept both, change it (Spring: extend AbstractWebSocketHandler instead of TextWebSocketHandler or BinaryWebSocketHandler).',
      ],
      deadEnds: [
        'Reconnecting and resending: the same frame type gets the same close.',
        'Enlarging buffers or message size limits: the frame type is rejected regardless of its size.',
        'Changing timeouts.',
      ],
    },
    '1004': {
      title: 'Reserved',
      description: 'Reserved by RFC 6455; no meaning is defined. No endpoint may send it, and ws, undici, python-websockets, gorilla, coder, Jetty and uWebSockets treat a received 1004 as a protocol error.',
      fixes: [
        'Fix the peer that sent it: use 1000, 1001, 1008, 1011 or an application code in 4000-4999.',
      ],
      deadEnds: [
        'Looking for a documented meaning: there is none.',
        'Reconnecting: the peer will send it again.',
      ],
    },
    '1005': {
      title: 'No status received',
      description: 'A Close frame arrived but carried no status code. The runtime reports 1005 locally; it never appears on the wire.',
      fixes: [
        'If your code called close(), this is the expected echo; pass close(1000) if you want a code on both sides.',
        'For Socket.IO, read Socket.IO\'s own disconnect reason ("io server disconnect", "transport close", "ping timeout"), not the WebSocket code.',
        'Ask server authors to send explicit codes.',
      ],
      deadEnds: [
        'Treating 1005 as a network failure: the closing handshake completed.',
        'Reading event.reason: an empty Close frame has no reason either.',
      ],
    },
    '1006': {
      title: 'Abnormal closure',
      description: 'The connection closed without a Close frame being received. The runtime reports 1006 locally; it never appears on the wire, and the reason is always empty.',
      fixes: [
        'If the connection never opened, check the handshake: URL and path, credentials, TLS certificate, proxy Upgrade headers, Origin allow-list. Browsers show the HTTP status only in the DevTools console; Node clients expose it.',
        'In Node, read the error event that came before the close: its code (WS_ERR_*, ECONNREFUSED, ...) is the real diagnosis.',
        'If it happens after a fixed idle period, send heartbeats more often than the smallest idle timeout on the path, or raise proxy_read_timeout.',
        'Make servers close with 1001 or 1012 on shutdown instead of dropping sockets.',
      ],
      deadEnds: [
        'Reading event.reason or the browser error event: both are empty by specification.',
        'Retrying instantly and forever when the handshake is rejected: a 401 stays a 401.',
        'Enlarging client-side buffers.',
      ],
    },
    '1007': {
      title: 'Invalid frame payload data',
      description: 'An endpoint received a message whose data is not consistent with its type, typically a text frame whose payload is not valid UTF-8.',
      fixes: [
        'Send raw bytes as binary frames, or encode them (base64) before sending them as text.',
        'Validate UTF-8 before sending bytes as text; sockdoc refuses invalid UTF-8 and lone surrogates before they leave.',
        'If the client runs in a browser, suspect the server: send(string) always produces valid UTF-8, so ask the server what the 1007 means (read the reason).',
      ],
      deadEnds: [
        'Restarting the client or the server: the data is deterministic and fails again.',
        'Reconnecting and resending the same message.',
        'Enlarging buffers or size limits, or changing timeouts: UTF-8 validity does not depend on them.',
      ],
    },
    '1008': {
      title: 'Policy violation',
      description: 'An endpoint received a message that violates its policy. It is the generic code when no more specific one fits, or when the server wants to hide the details.',
      fixes: [
        'Read the reason; then refresh credentials and reconnect once with the new ones.',
        'Respect the server\'s rate limits: batch or throttle messages.',
        'Fix the offending message that was sent last.',
      ],
      deadEnds: [
        'Reconnecting with the same credentials or resending the same message.',
        'Enlarging buffers.',
      ],
    },
    '1009': {
      title: 'Message too big',
      description: 'An endpoint received a message too big for it to process.',
      fixes: [
        'Split the message into chunks under the server\'s limit, or compress it.',
        'Upload large data over HTTP and send a reference over the socket.',
        'Raise the server limit (ws maxPayload, python-websockets max_size, Tomcat DEFAULT_BUFFER_SIZE, Jetty setMaxTextMessageSize, coder SetReadLimit, Socket.IO maxHttpBufferSize).',
        'Set sockdoc\'s maxMessageBytes to the server\'s limit so oversize messages are refused before sending.',
      ],
      deadEnds: [
        'Reconnecting and resending the same message.',
        'Enlarging client-side buffers: the limit is on the receiving side.',
        'Raising proxy timeouts.',
      ],
    },
    '1010': {
      title: 'Mandatory extension missing',
      description: 'A client ended the connection because it expected the server to negotiate one or more extensions and the server did not. The reason should list them.',
      fixes: [
        'Enable the extension on every hop (server and proxies), or stop requiring it in the client.',
      ],
      deadEnds: [
        'Reconnecting: negotiation fails the same way.',
        'Changing message sizes or timeouts.',
      ],
    },
    '1011': {
      title: 'Internal error',
      description: 'The server met an unexpected condition that prevented it from fulfilling the request.',
      fixes: [
        'Check the server logs at the time of the close; if it follows one particular message every time, that message triggers a server bug.',
        'For "keepalive ping timeout": reduce latency or blocking, or raise ping_timeout on the server.',
        'Reconnect with backoff and a cap on attempts.',
      ],
      deadEnds: [
        'Changing the client for a server bug.',
        'Unbounded fast reconnects.',
        'Resending the message that triggers the exception.',
      ],
    },
    '1012': {
      title: 'Service restart',
      description: 'The server is terminating the connection because it is restarting.',
      fixes: [
        'Reconnect after a random delay of 5-30 s, as the guidance that registered the code recommends; the jitter keeps clients from reconnecting all at once.',
      ],
      deadEnds: [
        'Reconnecting immediately: the server may not be back yet, and all clients hit it together.',
        'Treating it as an error in your code.',
      ],
    },
    '1013': {
      title: 'Try again later',
      description: 'The server is terminating the connection because of a temporary condition, for example it is overloaded and shedding clients.',
      fixes: [
        'Back off for a long, jittered delay (at least 30 s) before reconnecting.',
        'Prefer another endpoint when several are available; the registering guidance says to reconnect to the same address only on user action.',
      ],
      deadEnds: [
        'Reconnecting immediately, which adds to the overload.',
      ],
    },
    '1014': {
      title: 'Bad gateway',
      description: 'The server was acting as a gateway or proxy and received an invalid response from the upstream server, like HTTP 502.',
      fixes: [
        'Reconnect with backoff; check the upstream service behind the gateway.',
      ],
      deadEnds: [
        'Changing the client\'s messages: the failure is between the gateway and its upstream.',
      ],
    },
    '1015': {
      title: 'TLS handshake failure',
      description: 'Reserved for reporting that the TLS handshake failed (for example the certificate could not be verified). It never appears on the wire, and browsers never report it: they report 1006.',
      fixes: [
        'Open the same https:// URL in a browser or run openssl s_client to see the certificate error.',
        'Fix the certificate chain on the server, or trust the right CA in Node (NODE_EXTRA_CA_CERTS).',
      ],
      deadEnds: [
        'Retrying: the certificate does not change between attempts.',
        'Disabling verification in production.',
      ],
    },
    '3000': {
      title: 'Unauthorized',
      description: 'Registered with IANA as the WebSocket counterpart of HTTP 401: the client must authenticate.',
      fixes: [
        'Obtain fresh credentials, then reconnect once with them.',
        'If the reason is "Go away!", treat it as a normal SockJS close.',
      ],
      deadEnds: [
        'Reconnecting with the same token.',
      ],
    },
    '3003': {
      title: 'Forbidden',
      description: 'Registered with IANA as the WebSocket counterpart of HTTP 403: the client is known but not allowed.',
      fixes: [
        'Grant the permission on the server, or stop requesting the resource.',
      ],
      deadEnds: [
        'Retrying, and refreshing a token that already identifies the user correctly.',
      ],
    },
    '3008': {
      title: 'Timeout',
      description: 'Registered with IANA as the WebSocket counterpart of HTTP 408: an endpoint took too long to respond to an application-level request.',
      fixes: [
        'Reconnect with backoff, and answer application requests sooner (avoid blocking the event loop).',
      ],
      deadEnds: [
        'Changing message sizes.',
      ],
    },
    range_0_999: {
      title: 'Not a close code (0-999)',
      description: 'RFC 6455 does not use 0-999. No endpoint may send these, and every implementation except Chromium\'s receive path rejects them as a protocol error.',
      fixes: [
        'Use 1000 or a code in 3000-4999 in close().',
      ],
      deadEnds: [
        'Looking up a meaning: none exists.',
      ],
    },
    range_protocol_unassigned: {
      title: 'Reserved for the protocol (unassigned)',
      description: 'Codes 1016-2999 are reserved for future versions of the protocol and for extensions; none is assigned. ws, undici, python-websockets, coder, Jetty and uWebSockets reject them as a protocol error.',
      fixes: [
        'Use 4000-4999 for application codes.',
      ],
      deadEnds: [
        'Searching for a standard meaning.',
      ],
    },
    range_registered_unassigned: {
      title: 'Registered range (library or framework code)',
      description: 'Codes 3000-3999 are registered with IANA by libraries, frameworks and applications; this one has no registration sockdoc knows of. The protocol does not define its meaning.',
      fixes: [
        'Register the meaning with sockdoc (registerCodes) once you know it, so diagnoses and retry decisions use it.',
      ],
      deadEnds: [
        'Assuming it is retryable, or that it means the same as an HTTP status.',
      ],
    },
    range_private: {
      title: 'Application-defined (private use)',
      description: 'Codes 4000-4999 are for private use: the application on the other end decides what they mean, and they cannot be registered.',
      fixes: [
        'Read the reason and the server\'s documentation.',
        'Register the code with sockdoc (registerCodes), or select a built-in pack such as graphql-transport-ws, so it is explained and retried correctly.',
      ],
      deadEnds: [
        'Assuming a meaning from another application: 4001 in one protocol is unrelated to 4001 in another.',
        'Retrying blindly: nothing says a retry can help.',
      ],
    },
    not_a_code: {
      title: 'Not a valid close code',
      description: 'Close codes are integers from 1000 to 4999. This value is outside every range of RFC 6455 (negative, not an integer, or 5000 and above).',
      fixes: [
        'Use 1000 or 3000-4999 when closing; check where the value came from.',
      ],
      deadEnds: [
        'Looking up a meaning: none exists.',
      ],
    },
  },
  causes: {
    own_close_echo: {
      title: 'Your client closed the connection',
      detail: (p) => `The client started the closing handshake${p.clientCode === undefined ? ' without a code' : ` with ${p.clientCode}`}, and ${p.code} is what the server echoed back.`,
      fixes: () => ['Nothing to fix: this is the expected result of calling close().'],
    },
    client_aborted: {
      title: 'Your client closed the socket before it opened',
      detail: () => 'close() was called while the handshake was still in progress; runtimes report that as 1006.',
      fixes: () => ['Nothing to fix if that was intended; otherwise wait for the open event before closing.'],
    },
    server_ended_session: {
      title: 'The server ended the session on purpose',
      detail: () => 'The server sent a normal closure without being asked to; it considers the session finished.',
      fixes: () => ['Read the reason and the server logic that ends sessions (logout, lifetime caps, duplicate-login kicks).', 'Reconnect only if your application needs a persistent connection and the server allows it.'],
    },
    lifetime_rotation: {
      title: 'The server rotates long-lived connections',
      detail: (p) => `The reason ${q(p.reason)} asks the client to reconnect (uWebSockets closes with 1000 "please reconnect" when maxLifetime expires).`,
      fixes: () => ['Reconnect after a short random delay; this is routine.'],
    },
    server_heartbeat_timeout: {
      title: 'A heartbeat timed out',
      detail: (p) => `The reason ${q(p.reason)} says a heartbeat was missed, so the connection was considered dead.`,
      fixes: () => ['Reconnect with backoff.', 'Check for a blocked event loop or throttled timers (background tabs) that delay heartbeats.'],
    },
    server_going_away: {
      title: 'The server is going away',
      detail: () => 'The server announced it is leaving, typically a shutdown or deploy.',
      fixes: () => ['Reconnect with backoff and jitter.', 'On the server, prefer 1012 for restarts and drain connections gracefully.'],
    },
    server_idle_timeout: {
      title: 'The server closed an idle connection',
      detail: (p) => (p.idleSeconds === undefined ? `The reason ${q(p.reason)} names an idle timeout.` : `Nothing was exchanged for ${p.idleSeconds} s and the server's reason ${q(p.reason)} names an idle timeout.`),
      fixes: () => ['Send heartbeats more often than the server\'s idle timeout (Jetty defaults to 30 s).', 'Or raise the idle timeout on the server.'],
    },
    protocol_error: {
      title: 'A peer broke the WebSocket protocol',
      detail: (p) => (p.reason ? `The server reported a protocol error: ${q(p.reason)}.` : 'The server reported a protocol error without saying which rule was broken (ws sends no reason).'),
      fixes: () => ['Check compression settings and any proxy between client and server.', 'Upgrade the WebSocket library on both ends.'],
    },
    client_sent_bad_close_code: {
      title: 'Your client closed with a code that may not be sent',
      detail: (p) => `The client closed with ${p.clientCode}, which is not allowed on the wire, so the server answered with a protocol error.`,
      fixes: () => ['Close with 1000 or a code in 3000-4999.'],
    },
    binary_on_text_endpoint: {
      title: 'A binary message reached a text-only endpoint',
      detail: (p) => `The last message the client sent was a binary frame${p.bytes === undefined ? '' : ` of ${bytes(p.bytes)}`}, and the server closed with ${p.code}${p.code === 1007 ? ' (some servers send 1007 where 1003 is correct)' : ''}.`,
      fixes: () => ['Send text frames: serialize with JSON.stringify, or decode bytes to a string first.', 'Declare channel: \'text\' in sockdoc so binary data is refused before it is sent.', 'If the server should accept binary, change its handler.'],
    },
    text_on_binary_endpoint: {
      title: 'A text message reached a binary-only endpoint',
      detail: (p) => `The last message the client sent was a text frame${p.bytes === undefined ? '' : ` of ${bytes(p.bytes)}`}, and the server only accepts binary data.`,
      fixes: () => ['Send binary frames (ArrayBuffer or a typed array) to this endpoint.', 'Declare channel: \'binary\' in sockdoc so strings are refused before they are sent.'],
    },
    unsupported_data: {
      title: 'The server could not accept the type of data sent',
      detail: () => 'The server rejected the frame type (text or binary) of a message, but the client has no record of which one.',
      fixes: () => ['Find out whether the endpoint expects text or binary, and declare that channel in sockdoc.'],
    },
    reserved_code: {
      title: 'The peer used a code no one may send',
      detail: (p) => `${p.code} is reserved or unassigned; a conforming peer never sends it.`,
      fixes: () => ['Fix the peer to use 1000, 1001, 1008, 1011 or a 4000-4999 application code.'],
    },
    closed_without_code: {
      title: 'The server closed without giving a code',
      detail: () => 'A Close frame arrived with no status code. Socket.IO / Engine.IO and ws.close() without arguments close this way; so does a uWebSockets server that rejected the client\'s code.',
      fixes: () => ['If the server uses Socket.IO, read its disconnect reason instead.', 'Ask the server to close with explicit codes.'],
    },
    handshake_auth: {
      title: 'Authentication failed at the handshake',
      detail: (p) => `The server answered the upgrade request with HTTP ${p.status}, so the connection never opened.`,
      fixes: (p) => [p.status === 403 ? 'Check that the account may use this endpoint; new credentials alone will not help for a 403.' : 'Send valid credentials: a fresh token in the query string, subprotocol or cookie (browsers cannot set custom headers).', 'Stop reconnecting until the credentials change: a 401 stays a 401.'],
    },
    handshake_not_found: {
      title: 'No WebSocket endpoint at this URL',
      detail: (p) => `The server answered the upgrade request with HTTP ${p.status ?? 404}.`,
      fixes: () => ['Check the path, port and scheme of the URL (ws:// vs wss://, a trailing slash, a /socket prefix).', 'Check that the proxy routes this path to the WebSocket server.'],
    },
    handshake_rejected: {
      title: 'The server refused the handshake',
      detail: (p) => `The server answered the upgrade request with HTTP ${p.status} instead of 101 Switching Protocols.`,
      fixes: (p) => [p.status === 426 || p.status === 400 ? 'Check that the request reaches the server as a WebSocket upgrade: proxies need proxy_http_version 1.1 and the Upgrade / Connection headers.' : 'Read the response body and server logs for why the upgrade was refused.', 'Check the Origin allow-list and any required subprotocol.'],
    },
    handshake_redirect: {
      title: 'The server redirected the handshake',
      detail: (p) => `The server answered the upgrade request with the redirect HTTP ${p.status}. WebSocket clients do not follow redirects (RFC 6455 §4.1 leaves it to the client, and browsers, ws and undici all fail), so retrying the same URL gets the same answer.`,
      fixes: () => ['Connect to the URL the redirect points to (its Location header, e.g. with curl -i).', 'Or make the server or proxy answer the WebSocket path itself: a redirect from ws:// to wss:// or from a path without a trailing slash is a common cause.'],
    },
    handshake_invalid: {
      title: 'The handshake response is not valid WebSocket',
      detail: (p) => `The server answered the upgrade, but its response breaks the WebSocket handshake${p.reason ? ` (${p.reason})` : ''}: something that is not a WebSocket server, or a proxy that rewrites the response, answered.`,
      fixes: () => ['Check that the URL reaches the WebSocket server itself, not an HTTP server or a proxy that answers 101 with the wrong headers.', 'Compare the Sec-WebSocket-Accept, Upgrade and Sec-WebSocket-Protocol headers of the response with RFC 6455 §4.2.2 (curl -i with the upgrade headers shows them).'],
    },
    handshake_unavailable: {
      title: 'The server or a proxy is unavailable',
      detail: (p) => `The upgrade request got HTTP ${p.status}: the server or a gateway in front of it is down or overloaded.`,
      fixes: () => ['Reconnect with backoff; check the server and the proxy health.'],
    },
    connection_refused: {
      title: 'Nothing is listening at that address',
      detail: (p) => `The TCP connection was refused (${p.errorCode ?? 'ECONNREFUSED'}): no server is listening on that host and port.`,
      fixes: () => ['Start the server, or fix the host and port in the URL.', 'Reconnect with backoff if the server is restarting.'],
    },
    dns_failure: {
      title: 'The host name could not be resolved',
      detail: (p) => `DNS lookup failed (${p.errorCode ?? 'ENOTFOUND'}).`,
      fixes: () => ['Check the host name in the URL for typos.', 'Check DNS and network access from this machine.'],
    },
    tls_failure: {
      title: 'The TLS handshake failed',
      detail: (p) => `The secure connection could not be established${p.errorCode ? ` (${p.errorCode})` : ''}: the certificate could not be verified or TLS settings do not match.`,
      fixes: () => ['Check the certificate: expiry, host name, intermediate certificates.', 'In Node, trust the right CA (NODE_EXTRA_CA_CERTS) rather than disabling verification.'],
    },
    handshake_timeout: {
      title: 'The server never answered the handshake',
      detail: () => 'The TCP connection opened but no answer to the upgrade request arrived in time.',
      fixes: () => ['Check that the URL points at a WebSocket server and not at something that accepts TCP and stays silent.', 'Check proxies that buffer the upgrade request.'],
    },
    handshake_failed_opaque: {
      title: 'The handshake failed, and the browser hides why',
      detail: () => 'The connection never opened. Browsers report every handshake failure as 1006 with no detail, by specification: a 401, a 404, a refused port, a DNS or TLS error all look the same to script.',
      fixes: () => [
        'Chromium (Chrome, Edge): the console line "WebSocket connection to \'<url>\' failed:" ends with the HTTP status ("Unexpected response code: 401": the server refused the upgrade) or a network error ("net::ERR_CONNECTION_REFUSED": nothing listens there; "net::ERR_NAME_NOT_RESOLVED": DNS; "net::ERR_CERT_…": TLS).',
        'Safari: "WebSocket connection to \'<url>\' failed: Unexpected response code: 401" names the status; "WebSocket network error: …" is a network or TLS failure.',
        'Firefox: "Firefox can’t establish a connection to the server at <url>" gives no status; the Network panel (filter: WS) shows the response and its status.',
        'Check URL, credentials (query, subprotocol or cookie), TLS certificate and the Origin allow-list.',
        'Run the same URL through sockdoc probe (CLI) to see the HTTP status and headers.',
      ],
    },
    handshake_failed: {
      title: 'The handshake failed before the connection opened',
      detail: (p) => `The connection never opened${p.reason || p.errorCode ? `; the runtime reported ${[p.errorCode, p.reason].filter(Boolean).join(': ')}` : ', and the runtime reported no detail'}.`,
      fixes: () => ['Run sockdoc probe on the same URL: it prints the HTTP status and headers of the handshake.', 'Check the URL, credentials, TLS certificate and any proxy between the client and the server.'],
    },
    offline: {
      title: 'The device is offline',
      detail: () => 'The browser reported it was offline when the connection closed.',
      fixes: () => ['Wait for the online event, then reconnect.'],
    },
    server_sent_invalid_utf8: {
      title: 'The server sent invalid UTF-8 in a text frame',
      detail: (p) => `Your client failed the connection itself (${p.errorCode}) because a text frame from the server was not valid UTF-8; the server saw 1007.`,
      fixes: () => ['Fix the server to send binary data as binary frames, or valid UTF-8 as text (gorilla/websocket and coder/websocket do not validate text they send).'],
    },
    incoming_too_big: {
      title: 'The server sent a message larger than your client accepts',
      detail: (p) => `Your client failed the connection itself (${p.errorCode}) because an incoming message exceeded its maxPayload; the server saw 1009.`,
      fixes: () => ['Raise the client\'s maxPayload, or make the server send smaller messages.'],
    },
    too_many_fragments: {
      title: 'Too many message fragments',
      detail: (p) => `The message was split into too many fragments${p.errorCode ? ` (${p.errorCode})` : ''}; recent ws and undici versions close with 1008 for this.`,
      fixes: () => ['Send fewer, larger fragments, or whole messages.'],
    },
    server_protocol_violation: {
      title: 'The server sent a frame that breaks the protocol',
      detail: (p) => `Your client failed the connection itself (${p.errorCode}${p.reason ? `: ${p.reason}` : ''}); the server saw the real code, the client reports 1006.`,
      fixes: () => ['Fix the server\'s framing, or the proxy that alters frames.', 'Upgrade the server\'s WebSocket library.'],
    },
    proxy_idle_timeout: {
      title: 'An idle timeout on the path closed the connection',
      detail: (p) => `Nothing was sent or received for ${p.idleSeconds} s, close to the ${p.proxyTimeoutSeconds} s idle timeout common on proxies (nginx proxy_read_timeout 60 s, Cloudflare about 100 s), which drop TCP without a Close frame.`,
      fixes: (p) => [`Send a heartbeat more often than every ${Math.max(1, Math.floor((p.proxyTimeoutSeconds ?? 60) / 2))} s; server-to-client pings are the most robust.`, 'Or raise the proxy\'s idle timeout (nginx proxy_read_timeout).'],
    },
    size_limit_dropped: {
      title: 'A large message likely hit a size limit that drops TCP',
      detail: (p) => `The client sent ${bytes(p.bytes ?? 0)} just before the connection dropped without a Close frame. Some servers (uWebSockets, 16 KiB by default) drop TCP instead of sending 1009.`,
      fixes: () => ['Send smaller messages, or raise the server\'s limit (uWebSockets maxPayloadLength).', 'Set maxMessageBytes in sockdoc to the server\'s limit.'],
    },
    suspended: {
      title: 'The page was hidden or the network changed',
      detail: () => 'The close came while the page was hidden or after the device went offline; mobile systems suspend or kill sockets in the background.',
      fixes: () => ['Reconnect when the page becomes visible again or the online event fires.'],
    },
    dead_connection: {
      title: 'The connection was dead, its heartbeat unanswered',
      detail: () => 'The client\'s heartbeat got no answer before its deadline, so the client closed the connection.',
      fixes: () => ['Reconnect with backoff.', 'If it happens often, look for proxies or networks that silently drop idle connections.'],
    },
    connection_dropped: {
      title: 'The connection dropped without a Close frame',
      detail: () => 'The connection had been open, then ended without a Close frame: a server crash or restart, a proxy, or a network loss.',
      fixes: () => ['Reconnect with backoff and jitter.', 'Make the server close with 1001 or 1012 when it shuts down.', 'If it repeats at a fixed interval, suspect an idle timeout and add heartbeats.'],
    },
    invalid_utf8_sent: {
      title: 'The client sent a text frame that was not valid UTF-8',
      detail: (p) => `A text frame${p.bytes === undefined ? '' : ` of ${bytes(p.bytes)}`} that was not valid UTF-8 left the client just before the close.`,
      fixes: () => ['Send raw bytes as binary frames, or encode them as base64 text.', 'Keep sockdoc\'s contract on: it refuses invalid UTF-8 before sending.'],
    },
    server_misused_1007: {
      title: 'The server probably uses 1007 for something else',
      detail: (p) => (p.reason ? `The client sent no invalid text, and the reason ${q(p.reason)} suggests the server uses 1007 for another purpose.` : 'The client has no record of sending invalid UTF-8; some servers use 1007 for auth failures or duplicate sessions.'),
      fixes: () => ['Read the reason and ask the server\'s authors what their 1007 means.', 'Servers should use 1008 or a 4000-4999 code for auth and session rules.'],
    },
    invalid_payload: {
      title: 'The server found data inconsistent with its message type',
      detail: () => 'Most often a text frame that is not valid UTF-8.',
      fixes: () => ['Send raw bytes as binary frames; validate UTF-8 before sending bytes as text.'],
    },
    auth_rejected: {
      title: 'Authentication failed or expired',
      detail: (p) => (p.reason ? `The server's reason ${q(p.reason)} points at authentication.` : 'The server closed with an authentication code.'),
      fixes: () => ['Refresh the credentials, then reconnect once with them.', 'Stop retrying if the new credentials are refused too.'],
    },
    forbidden: {
      title: 'Not permitted',
      detail: (p) => (p.reason ? `The server's reason ${q(p.reason)} says the client is not allowed.` : 'The client is authenticated but not allowed.'),
      fixes: () => ['Grant the permission on the server, or stop requesting the resource.'],
    },
    rate_limited: {
      title: 'Rate limited',
      detail: (p) => `The server's reason ${q(p.reason)} points at a rate limit.`,
      fixes: () => ['Batch or throttle messages, and wait before reconnecting.'],
    },
    duplicate_session: {
      title: 'Another session replaced this one',
      detail: (p) => `The server's reason ${q(p.reason)} points at a duplicate connection or login elsewhere.`,
      fixes: () => ['Make sure only one tab or device holds the session, or ask the server to allow several.', 'Do not reconnect automatically: it would kick the other session.'],
    },
    policy_violation: {
      title: 'The server\'s policy rejected something',
      detail: (p) => (p.reason ? `The server gave the reason ${q(p.reason)}.` : 'The server gave no details, which 1008 allows.'),
      fixes: () => ['Check the last message sent and the credentials in use.', 'Ask the server\'s authors which policy applies.'],
    },
    message_too_big: {
      title: 'The message was larger than the server accepts',
      detail: (p) =>
        p.bytes === undefined
          ? 'The client has no record of the size it sent; the server\'s limit is lower than a message it received.'
          : `The client sent ${bytes(p.bytes)} just before the close${p.limit === undefined ? '' : `, under its declared limit of ${bytes(p.limit)}: the server's real limit is lower`}.`,
      fixes: (p) => [
        'Split the message into chunks, compress it, or upload large data over HTTP.',
        p.limit === undefined ? 'Set maxMessageBytes in sockdoc to the server\'s limit so oversize messages are refused before sending.' : 'Lower maxMessageBytes to the server\'s real limit.',
        'Or raise the server\'s limit.',
      ],
    },
    missing_extension: {
      title: 'A required extension was not negotiated',
      detail: (p) => (p.reason ? `The reason lists: ${q(p.reason)}.` : 'The reason should list the missing extension.'),
      fixes: () => ['Enable the extension on every hop, or stop requiring it.'],
    },
    keepalive_timeout: {
      title: 'The server\'s keepalive ping timed out',
      detail: () => 'The reason "keepalive ping timeout" comes from python-websockets: pongs did not arrive in time. This is latency or a blocked event loop, not a server bug.',
      fixes: () => ['Reduce latency and long blocking work on the client.', 'Raise ping_timeout on the server if the network is slow.', 'Reconnect with backoff.'],
    },
    server_error_after_message: {
      title: 'A message triggered an error on the server',
      detail: (p) => `The server failed right after the client sent a ${p.bytes === undefined ? '' : `${bytes(p.bytes)} `}message.`,
      fixes: () => ['Check the server logs for the exception; the last message probably triggers it.', 'Do not resend the same message automatically.'],
    },
    server_error: {
      title: 'The server hit an internal error',
      detail: (p) => (p.reason ? `The server's reason: ${q(p.reason)}.` : 'The server gave no details.'),
      fixes: () => ['Check the server logs.', 'Reconnect with backoff and a cap.'],
    },
    service_restart: {
      title: 'The service is restarting',
      detail: () => 'A planned restart; the server will be back shortly.',
      fixes: () => ['Reconnect after a random delay of 5-30 s.'],
    },
    overloaded: {
      title: 'The server is overloaded',
      detail: () => 'The server is shedding clients for a while.',
      fixes: () => ['Wait at least 30 s with jitter, or use another endpoint.'],
    },
    bad_gateway: {
      title: 'A gateway could not reach its upstream',
      detail: () => 'The gateway in front of the WebSocket server got an invalid answer from it.',
      fixes: () => ['Reconnect with backoff; check the service behind the gateway.'],
    },
    sockjs_go_away: {
      title: 'SockJS closed the session',
      detail: () => 'SockJS uses 3000 "Go away!" for an ordinary session close, not for authentication.',
      fixes: () => ['Treat it as a normal close; reconnect if your application needs the session.'],
    },
    app_timeout: {
      title: 'An application-level request timed out',
      detail: () => 'The peer did not answer an application request in time.',
      fixes: () => ['Reconnect with backoff and answer application requests sooner.'],
    },
    pack_code: {
      title: 'A code defined by the application protocol',
      detail: (p) => `${p.code} is defined by ${p.packName}${p.protocol ? ` (subprotocol ${p.protocol})` : ''}: ${p.packTitle}.`,
      fixes: () => ['Follow the protocol\'s documentation for this code.'],
    },
    unchecked_message_refused: {
      title: 'A message the schema never checked',
      detail: (p) => `${p.code} (${p.packTitle}) says the server could not accept a message: most likely ${p.count === 1 ? 'the one' : `one of the ${(p.count ?? 0).toLocaleString('en-US')}`} sent without the send schema.`,
      fixes: () => ['Send the protocol\'s messages with sendJson, so that the send schema checks each one before it leaves.'],
    },
    schema_passed_refused: {
      title: 'The server refused a message the schema allows',
      detail: (p) => `Every message sent passed the send schema, yet ${p.code} (${p.packTitle}) says the server could not accept one: the server checks more than the schema (another version of ${p.packName}, or rules of its own).`,
      fixes: () => ['Find the refused message in the server\'s log; make the send schema as strict as the server.'],
    },
    application_defined: {
      title: 'An application-defined code sockdoc does not know',
      detail: (p) => (p.reason ? `The server's application chose ${p.code} with the reason ${q(p.reason)}.` : `The server's application chose ${p.code} and gave no reason.`),
      fixes: () => ['Read the server\'s documentation for this code.', 'Register it with sockdoc (registerCodes) so it is explained and retried correctly.'],
    },
    invalid_code_received: {
      title: 'The close code is not valid',
      detail: (p) => `${p.code} is outside 1000-4999.`,
      fixes: () => ['Fix the code that produced this value.'],
    },
    diagnosis_unavailable: {
      title: 'The diagnosis could not be loaded',
      detail: (p) => `sockdoc loads its diagnosis module when it connects, and the module was not there when this ${p.code} close arrived (its download failed or had not finished), so the close is reported without an explanation.`,
      fixes: () => [
        'Check that the @sockdoc/diagnose chunk can load: a Content-Security-Policy, a deploy that removed old chunks or a page started offline can block it.',
        'To bundle the diagnosis with the client instead, pass diagnose from @sockdoc/diagnose to createSocket.',
        'Look the code up meanwhile: npx @sockdoc/cli explain <code>.',
      ],
    },
  },
  evidence: {
    never_opened: () => 'The connection never opened: it closed before the handshake completed.',
    open_for: (p) => (p.seconds ? `The connection had been open for ${p.seconds} s.` : 'The connection had been open for less than a second.'),
    handshake_status: (p) => `The server answered the upgrade request with HTTP ${p.status}.`,
    retry_after: (p) => `The server asked the client to wait ${p.seconds} s before trying again (Retry-After).`,
    transport_error: (p) => `The transport reported ${p.errorCode ?? 'an error'}${p.message ? `: ${p.message}` : ''}.`,
    last_frame: (p) => `The last message sent was a ${p.kind} frame of ${bytes(p.bytes ?? 0)}${p.agoMs === undefined ? '' : `, ${ago(p.agoMs)}`}.`,
    last_frame_invalid_utf8: (p) => `A text frame of ${bytes(p.bytes ?? 0)} that was not valid UTF-8 was sent${p.agoMs === undefined ? '' : ` ${ago(p.agoMs)}`}.`,
    largest_frame: (p) => `The largest recent message was ${bytes(p.bytes ?? 0)}.`,
    declared_limit: (p) => `The client declared maxMessageBytes = ${bytes(p.limit ?? 0)}.`,
    idle_for: (p) => `Nothing was sent or received for ${p.seconds} s before the close${p.proxyTimeoutSeconds ? `, close to a common ${p.proxyTimeoutSeconds} s idle timeout` : ''}.`,
    reason_matches: (p) => `The reason ${q(p.reason)} matches a known server behaviour: ${p.fingerprint ? fingerprints[p.fingerprint] : ''}.`,
    reason_given: (p) => `The server's reason: ${q(p.reason)}.`,
    no_reason: () => 'The close carried no reason.',
    client_initiated: (p) => `The client started the close${p.clientCode === undefined ? ' without a code' : ` with ${p.clientCode}`}.`,
    offline: () => 'The browser was offline.',
    page_hidden: () => 'The page was hidden (background tab, locked screen or navigation).',
    browser_hides_handshake: () => 'In a browser, script cannot see why a handshake failed: the HTTP status is only in the DevTools console.',
    status_probe: (p) =>
      `${p.earlier ? 'At an earlier failure of this streak, a' : 'A'} plain HTTP request to the same URL got ${p.status}${
        p.status === 426 || p.status === 400 ? ': the endpoint exists and answers only WebSocket upgrades, so something specific to the upgrade was refused (credentials sent only with it, the Origin, a subprotocol)' : p.status !== undefined && p.status >= 200 && p.status < 300 ? ': a page answers at that path; check that it is the WebSocket endpoint' : ''
      }.`,
    status_probe_redirect: () => 'A plain HTTP request to the same URL was redirected; WebSocket handshakes do not follow redirects.',
    status_unknown: (p) =>
      p.why === 'cross_origin'
        ? 'The endpoint is on another origin, so sockdoc did not ask it for its status (statusProbe: \'cors\' asks when that server allows CORS).'
        : p.why === 'cors'
          ? 'A plain HTTP request to the endpoint failed: the server does not let this origin read its answer (CORS), or it could not be reached.'
          : p.why === 'unreachable'
            ? 'A plain HTTP request to the same address failed too: the server could not be reached.'
            : p.why === 'timeout'
              ? 'A plain HTTP request to the same URL got no answer in time.'
              : p.why === 'offline'
                ? 'The browser was offline, so sockdoc did not ask the endpoint for its status.'
                : 'The status probe is turned off (statusProbe: false), so the HTTP status is unknown.',
    credentials_expired: (p) => `The app said its credentials expired ${span(p.agoMs)} before the close.`,
    invalid_incoming: (p) => `The server sent ${p.count === 1 ? 'a message' : `${(p.count ?? 0).toLocaleString('en-US')} messages`} on this connection that the app's receive schema refused${p.paths?.length ? ` (at ${p.paths.join(', ')})` : ''}: the two sides may disagree on the protocol.`,
    sent_checked: (p) => `The send schema checked every message sent on this connection (${(p.count ?? 0).toLocaleString('en-US')}).`,
    sent_unchecked: (p) => `${p.count === 1 ? 'One message' : `${(p.count ?? 0).toLocaleString('en-US')} messages`} on this connection went out without the send schema (send() or sendText()).`,
    no_send_schema: () => 'No send schema checked the messages sent on this connection (typedJson records that it does).',
    runtime_misreports: (p) =>
      p.means !== undefined
        ? `${p.runtimeName}${p.version ? ` ${p.version}` : ''} reports ${p.code} where the WebSocket standard reports ${p.means}, as sockdoc's runtime tests recorded: read as ${p.means}.`
        : `${p.runtimeName}${p.version ? ` ${p.version}` : ''} is known to report other codes as ${p.code} (${p.url}): the server may have sent another code, so this diagnosis is less sure and gives no retry advice from it.`,
    close_not_reported: () => 'The runtime never reported this close: sockdoc ended the attempt a second after the runtime should have (after its error event or a timeout), as 1006, since no Close frame came.',
    browser_encodes_utf8: () => 'The client runs in a browser, where send(string) always produces valid UTF-8.',
    subprotocol_pack: (p) => `The negotiated subprotocol is ${p.protocol}, whose codes are described by ${p.packName}.`,
    heartbeat_missed: () => 'The client\'s heartbeat got no answer before its deadline.',
    connect_timeout: () => 'The client gave up waiting for the handshake to complete.',
    not_clean: () => 'wasClean is false: the TCP connection ended without a completed closing handshake.',
    no_frames_recorded: () => 'The client has no record of recent outgoing messages.',
    code_not_valid: (p) => `${p.code} is not a valid close code.`,
  },
  fingerprints,
  retry: {
    no: 'Do not reconnect automatically: the same attempt will fail the same way until something changes.',
    ended: 'Nothing to retry: the connection ended as intended. Open a new one when your application needs it.',
    backoff: 'Reconnect with exponential backoff and random jitter (first delay 0-5 s).',
    delay_5_30s: 'Reconnect after a random delay of 5-30 s.',
    slow_backoff: 'Reconnect slowly: wait at least 30 s with jitter, or use another endpoint.',
    after_reauth: 'Reconnect once, after obtaining new credentials.',
    policy: 'Depends on your application: reconnect if it needs a persistent connection.',
    retry_after: 'Reconnect after the delay the server asked for (Retry-After), not sooner.',
    unknown: 'Unknown: nothing says whether a retry can help.',
  },
  confidence: { high: 'high', medium: 'medium', low: 'low' },
  appCode: (code) => ({ title: `Application code ${code}`, description: `${code} was defined by an application.` }),
  summary: (p) => `${p.code} ${p.title}${p.cause ? `: ${p.cause}` : ''}. ${p.retry}`,
  fallbackNote: (requested, used) => (requested ? `No text for locale "${requested}"; using "${used}".` : `No language was given; using "${used}".`),
  formatBytes: bytes,
};

/** Reference-only text in en: when each code occurs, how to tell codes apart, when to use them, labels. For `explain`, `compare`, the CLI and the docs. */
export const enReference: LocaleReference = {
  tag: 'en',
  entries: {
    '1000': {
      causes: [
        'The client itself called close() or close(1000) and this is the server\'s echo.',
        'The server ended the session on purpose: logout, job finished, all subscriptions completed, or a duplicate login was kicked.',
        'The server rotates long-lived connections (uWebSockets maxLifetime closes with 1000 "please reconnect").',
      ],
      distinguish: [
        'Versus 1005: 1000 means the Close frame carried a code; 1005 means it carried none (close() without arguments).',
        'Versus 1001: 1000 says the work is done; 1001 says an endpoint is leaving (shutdown, navigation, idle timeout).',
        'If your client called close() just before, the 1000 you see is the server echoing your own code.',
      ],
      useWhen: 'Send 1000 when the session ended as planned and the peer should not treat it as a failure.',
    },
    '1001': {
      causes: [
        'The server is shutting down or being redeployed (python-websockets server.close() uses 1001 by default).',
        'A server-side idle timeout: Tomcat "The WebSocket session [...] idle timeout expired", Jetty "Connection Idle Timeout" (30 s by default).',
        'A forced disconnect broadcast (Phoenix sends 1001 so phoenix.js reconnects).',
        'Seen by a server: the user navigated away or closed the tab (browsers send 1001 when a document goes away).',
      ],
      distinguish: [
        'Versus 1006: a 1001 arrived in a Close frame, so the server chose to leave; a 1006 means no Close frame arrived at all.',
        'Versus 1012: 1012 says explicitly that the service is restarting and gives a retry window.',
        'Idle time since the last message close to 30 s (Jetty default) with an "idle" reason points at an idle timeout, not a shutdown.',
      ],
      useWhen: 'Send 1001 when the endpoint is going away (shutdown, navigation); prefer 1012 for a restart the client should wait out.',
    },
    '1002': {
      causes: [
        'The client sent a close code that may not go on the wire (1004, 1005, 1006, 1015, 1016-2999, >= 5000); receivers answer with 1002.',
        'A hand-rolled or embedded WebSocket implementation builds frames incorrectly (unmasked client frames, bad fragmentation).',
        'permessage-deflate disagreement: RSV1 set without the extension negotiated.',
        'A proxy or middlebox that rewrites or injects bytes into the stream.',
        'Sending 1014 to a gorilla/websocket peer, which rejects it ("bad close code 1014").',
      ],
      distinguish: [
        'Versus 1007: 1002 is about framing and protocol rules; 1007 is about a payload that does not match its type (invalid UTF-8 in text).',
        'Chrome sends 1002 (not 1007) when a server sends invalid UTF-8 in a text frame; the page itself sees 1006.',
      ],
      useWhen: 'Send 1002 when a peer violates the framing rules of RFC 6455.',
    },
    '1003': {
      causes: [
        'The client sent a binary frame (ArrayBuffer, Blob, typed array; in Node, ws.send(Buffer) is binary by default) to a server that only handles text.',
        'The client sent a text frame to a binary-only endpoint (Spring BinaryWebSocketHandler: "Text messages not supported").',
        'The client sent MessagePack or Protocol Buffers to a JSON endpoint.',
      ],
      distinguish: [
        'Versus 1007: 1003 is about the kind of frame (text vs binary); 1007 is about the content of a text frame (invalid UTF-8). Some servers send 1007 where 1003 is correct, so check what you sent last.',
        'Spring\'s reasons "Binary messages not supported" and "Text messages not supported" identify 1003 exactly.',
      ],
      useWhen: 'Send 1003 when the peer sent a frame type (text or binary) the endpoint does not handle.',
    },
    '1004': {
      causes: [
        'A peer with a bug, or hand-written code that picked 1004 as a custom code.',
      ],
      distinguish: [
        'Handle it like 1002: a peer broke the rules about which codes may be sent.',
      ],
      useWhen: 'Never send 1004.',
    },
    '1005': {
      causes: [
        'The client called close() without arguments and the server echoed an empty Close frame (browsers and ws send no code then).',
        'The server closed without a code: Socket.IO / Engine.IO close the transport this way, as does ws.close() with no arguments.',
        'A uWebSockets server rejected the client\'s close code (it rejects 1012-1014 and all 3000-3999) and answered with an empty Close frame.',
      ],
      distinguish: [
        'Versus 1000: both are usually clean closes; 1000 carried a code, 1005 did not.',
        'Versus 1006: 1005 means a Close frame arrived (wasClean is usually true); 1006 means none arrived.',
      ],
      useWhen: 'Never send 1005: it only reports that a Close frame had no code.',
    },
    '1006': {
      causes: [
        'The handshake failed: in browsers every failure (DNS, refused, TLS, any non-101 HTTP status such as 401, 403, 404, 502) becomes 1006, by specification.',
        'The local side failed the connection itself because the server sent something invalid (ws and browsers send 1002/1007/1009 to the server and report 1006 locally).',
        'The TCP connection was lost: server crash or restart without a Close frame, a proxy idle timeout (nginx 60 s, Cloudflare about 100 s), a server that drops TCP on errors (uWebSockets does this for oversize messages and invalid UTF-8).',
        'The device slept, the tab was backgrounded on mobile, or the network changed.',
      ],
      distinguish: [
        'Whether open ever fired splits handshake problems from dropped connections.',
        'Versus 1001 and 1012: those arrive in a Close frame; 1006 means nothing arrived.',
        'The side that detects an error usually reports 1006 locally, while its peer sees the real code (1002, 1007, 1009).',
      ],
      useWhen: 'Never send 1006: it only reports that no Close frame arrived.',
    },
    '1007': {
      causes: [
        'Bytes were sent as a text frame without being valid UTF-8: raw binary, Latin-1 text, or a multi-byte character split across fragments (ws.send(buffer, { binary: false }) in Node does this on request).',
        'The server misuses 1007 for something else: public Java code uses CloseCodes.NOT_CONSISTENT for auth failures ("鉴权失败") and duplicate sessions.',
        'Some servers send 1007 where 1003 is correct, after receiving a binary frame on a text-only endpoint.',
        'Compression corruption or a middlebox altering payloads.',
      ],
      distinguish: [
        'Versus 1003: 1007 is about the content of a text frame; 1003 is about the frame type. Check whether the last frame you sent was text or binary.',
        'python-websockets gives the byte position in the reason ("invalid start byte at position 0"); ws sends no reason.',
        'Chrome reports invalid UTF-8 from a server with 1002 to the server and 1006 to the page, never 1007.',
      ],
      useWhen: 'Send 1007 when a text message is not valid UTF-8 (or a payload contradicts its declared type); use 1008 or a 4xxx code for auth or duplicate sessions.',
    },
    '1008': {
      causes: [
        'The token expired or was revoked after the connection opened.',
        'The user lacks permission for what the message asked.',
        'Rate limiting: too many messages per second.',
        'A message broke a schema or business rule, or a duplicate-connection policy applied.',
        'Too many small fragments: ws 8.21+ ("Too many buffered chunks") and undici ("Too many message fragments") close with 1008.',
      ],
      distinguish: [
        'Versus 1003 and 1009: those name the problem exactly (frame type, size); 1008 is the catch-all.',
        'Versus 3000/3003: registered auth codes say the same thing more precisely.',
      ],
      useWhen: 'Send 1008 for policy failures (auth expiry, permissions, rate limits) when no more specific code applies.',
    },
    '1009': {
      causes: [
        'A message over the server\'s limit: large JSON, base64 images or files, batched payloads.',
        'The server\'s limit is lower than assumed; defaults differ by three orders of magnitude: Tomcat 8 KiB text buffer, uWebSockets 16 KiB, coder/websocket 32 KiB, Jetty and Netty 64 KiB, Socket.IO 1 MB, python-websockets 1 MiB, ws 100 MiB.',
        'The decompressed size exceeds the limit even though the compressed frame was small.',
      ],
      distinguish: [
        'Versus 1006: servers such as uWebSockets drop TCP on oversize messages instead of sending 1009, so a 1006 right after a large message can be the same problem.',
        'Compare the size of the last message with the limits above; python-websockets and coder/websocket put the limit in the reason.',
      ],
      useWhen: 'Send 1009 when a received message exceeds the size the endpoint can process.',
    },
    '1010': {
      causes: [
        'A non-browser client requires permessage-deflate and the server, or a proxy, stripped Sec-WebSocket-Extensions.',
      ],
      distinguish: [
        'Only clients send 1010, and browsers cannot (close() allows only 1000 and 3000-4999); it is mostly seen in server logs.',
      ],
      useWhen: 'A client sends 1010 when a required extension was not negotiated; servers fail the handshake instead.',
    },
    '1011': {
      causes: [
        'An unhandled exception in the server\'s handler (Spring closes with 1011 and no reason; Jetty puts the exception message in the reason).',
        'A failing dependency behind the server (database, upstream service).',
        'python-websockets\' keepalive: 1011 "keepalive ping timeout" means pongs did not come back in time (latency or a blocked event loop), not a server bug.',
      ],
      distinguish: [
        'Versus 1006: a 1011 arrived in a Close frame; for keepalive timeouts the peer often never receives it and sees 1006.',
        'graphql-ws treats 1011 as fatal and does not retry; most clients retry with backoff.',
      ],
      useWhen: 'Send 1011 when the server hit an unexpected error; prefer 1013 for overload and 1012 for restarts.',
    },
    '1012': {
      causes: [
        'A planned restart or deploy (Phoenix sends 1012 when it drains sockets at shutdown).',
      ],
      distinguish: [
        'Versus 1001: 1012 says explicitly that the service is restarting and comes with a retry window.',
        'uWebSockets rejects a received 1012 as invalid; a client that sends it to uWS gets 1005 back.',
      ],
      useWhen: 'Send 1012 when the service restarts and clients should come back after a short random delay.',
    },
    '1013': {
      causes: [
        'Server overload or load shedding.',
        'The client is rate-limited (Bun documents 1013 as "the server is too busy or the client is rate-limited").',
      ],
      distinguish: [
        'Versus 1012: 1012 is a restart with a short wait; 1013 is overload and needs a longer one.',
        'Versus 1011: 1011 is an error; 1013 is capacity.',
      ],
      useWhen: 'Send 1013 when the server is temporarily overloaded and clients should back off.',
    },
    '1014': {
      causes: [
        'A WebSocket-terminating gateway could not reach or understand its upstream.',
      ],
      distinguish: [
        'Versus 1011: 1014 points at the upstream behind a gateway, 1011 at the server itself.',
        'gorilla/websocket and uWebSockets reject a received 1014 as invalid.',
      ],
      useWhen: 'A gateway sends 1014 when its upstream answered invalidly.',
    },
    '1015': {
      causes: [
        'Expired or self-signed certificate, hostname mismatch, missing intermediate certificate.',
        'TLS version or cipher mismatch.',
        'An intercepting corporate proxy.',
      ],
      distinguish: [
        'Browsers show TLS failures as 1006; a Node client shows a TLS error code (e.g. CERT_HAS_EXPIRED) before the close.',
        'A server that sends 1015 in a Close frame makes Chrome fail the connection.',
      ],
      useWhen: 'Never send 1015: it only reports a TLS failure locally.',
    },
    '3000': {
      causes: [
        'Missing, invalid or expired credentials.',
        'SockJS uses 3000 "Go away!" for an ordinary session close, so from a SockJS server it is not about auth.',
      ],
      distinguish: [
        'Versus 3003: 3000 means "who are you?", 3003 means "you may not".',
        'Versus 1008: 1008 is the generic policy code servers often use for the same thing.',
      ],
      useWhen: 'Send 3000 when the client must authenticate (or re-authenticate) before continuing.',
    },
    '3003': {
      causes: [
        'The account lacks permission for this resource or channel.',
      ],
      distinguish: [
        'Versus 3000: new credentials help after 3000, not after 3003.',
      ],
      useWhen: 'Send 3003 when the client is authenticated but not permitted.',
    },
    '3008': {
      causes: [
        'The client did not answer an application-level request (login, heartbeat) in time.',
        'A slow network or a blocked main thread delayed the answer.',
      ],
      distinguish: [
        'Versus 1001 idle timeouts: 3008 is about an unanswered request, not silence.',
      ],
      useWhen: 'Send 3008 when the peer did not answer an application-level request in time.',
    },
    range_0_999: {
      causes: [
        'A bug in the peer, or a value that was not a close code (an HTTP status, an enum index) passed to close().',
      ],
      distinguish: [
        'A receiver answers with 1002, so the other side usually sees 1002 or 1006.',
      ],
      useWhen: 'Never send a code below 1000.',
    },
    range_protocol_unassigned: {
      causes: [
        'A peer picked an unassigned code as a custom code instead of using 4000-4999.',
        'SockJS uses 2010 "Another connection still open" inside its own framing, not as a WebSocket close code.',
      ],
      distinguish: [
        'Treat it like 1002: the peer broke the rule about which codes may be sent.',
      ],
      useWhen: 'Do not send 1016-2999 unless a published extension assigns the code.',
    },
    range_registered_unassigned: {
      causes: [
        'A library or framework defines it; read the reason and that library\'s documentation.',
      ],
      distinguish: [
        'uWebSockets rejects every received 3000-3999 code; a client closing with one against uWS gets 1005 back.',
      ],
      useWhen: 'Libraries and frameworks register codes in 3000-3999 with IANA.',
    },
    range_private: {
      causes: [
        'The server\'s application closed the connection for a reason of its own; the reason string usually says which.',
      ],
      distinguish: [
        'The negotiated subprotocol tells which application protocol defines the code.',
      ],
      useWhen: 'Applications use 4000-4999 for their own close reasons, documented for their clients.',
    },
    not_a_code: {
      causes: [
        'A value that is not a close code was passed or recorded (an HTTP status, an error number, a parsing mistake).',
      ],
      distinguish: [
        'Every implementation read rejects received codes of 5000 and above as a protocol error, except Chromium\'s receive path.',
      ],
      useWhen: 'Never send a value outside 1000-4999.',
    },
  },
  sender: {
    either: 'client or server',
    server: 'server',
    client: 'client',
    local: 'nobody (reported locally by the runtime)',
    nobody: 'nobody (must not be sent)',
  },
  range: {
    invalid: 'not a close code',
    protocol: '1000-2999, defined by the protocol',
    registered: '3000-3999, registered with IANA',
    private: '4000-4999, private use',
  },
  category: {
    normal: 'normal',
    going_away: 'going away',
    protocol_error: 'protocol error',
    unsupported_data: 'unsupported data',
    reserved: 'reserved',
    no_status: 'no status',
    abnormal: 'abnormal closure',
    invalid_payload: 'invalid payload',
    policy: 'policy',
    too_big: 'too big',
    extension: 'extension',
    server_error: 'server error',
    restart: 'restart',
    overload: 'overload',
    gateway: 'gateway',
    tls: 'TLS',
    auth: 'authentication',
    forbidden: 'permission',
    timeout: 'timeout',
    application: 'application-defined',
    invalid: 'invalid',
    unknown: 'unknown',
  },
  labels: {
    code: 'Code',
    name: 'Official name',
    description: 'Description',
    whenItOccurs: 'When it occurs',
    howToFix: 'How to fix',
    deadEnds: 'Dead ends',
    distinguish: 'How to tell it apart',
    useWhen: 'When to send it',
    related: 'Related codes',
    retry: 'Retry',
    links: 'Sources',
    onWire: 'Can appear in a Close frame',
    sentBy: 'Sent by',
    range: 'Range',
    category: 'Category',
    yes: 'yes',
    no: 'no',
    cause: 'Likely cause',
    evidence: 'Evidence',
    confidence: 'Confidence',
    reason: 'Reason',
    keyDifferences: 'Key differences',
    same: 'same',
    listSeparator: ', ',
    colon: ': ',
    openParen: ' (',
    closeParen: ')',
    versus: ' vs ',
    whichToUseWhen: 'Which to use when',
    allCodes: 'All close codes',
    generatedNote: 'Generated from the @sockdoc/diagnose catalogue; do not edit by hand.',
  },
  aspects: {
    meaning: 'Meaning',
    occurs: 'When it occurs',
    fix: 'First fix',
    onWire: 'In a Close frame',
    sentBy: 'Sent by',
    retry: 'Retry',
    category: 'Category',
  },
};


/**
 * English text for the whole catalogue and every diagnosis sentence. The default locale.
 *
 * @example
 * import { explain, en } from '@sockdoc/diagnose';
 * explain(1006, { locale: en }).title; // 'Abnormal closure'
 */
export const en: DiagnoseLocale = /* @__PURE__ */ withReference(enText, enReference);

