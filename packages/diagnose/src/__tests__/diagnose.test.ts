import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose.js';
import { zhCN } from '../locales/zh-CN.js';
import type { DiagnoseContext, OutgoingFrame } from '../types.js';

const T = 1_700_000_000_000;
const sent = (kind: OutgoingFrame['kind'], bytes: number, agoMs = 5, utf8Valid?: boolean): OutgoingFrame => ({ kind, bytes, at: T - agoMs, ...(utf8Valid === undefined ? {} : { utf8Valid }) });
const open = (extra: Partial<DiagnoseContext> = {}): DiagnoseContext => ({ runtime: 'node', opened: true, timestamps: { created: T - 10_000, opened: T - 9_000, closed: T }, ...extra });
const never = (extra: Partial<DiagnoseContext> = {}): DiagnoseContext => ({ runtime: 'node', opened: false, timestamps: { created: T - 100, closed: T }, ...extra });

describe('diagnose', () => {
  it.each([
    ['1003 right after a binary frame', { code: 1003 }, open({ recentOutgoing: [sent('text', 20, 3000), sent('binary', 12)] }), 'binary_on_text_endpoint', 'high'],
    ['1007 right after a binary frame (server uses 1007 for 1003)', { code: 1007 }, open({ recentOutgoing: [sent('binary', 12)] }), 'binary_on_text_endpoint', 'high'],
    ['1007 after invalid UTF-8 sent as text', { code: 1007 }, open({ recentOutgoing: [sent('text', 4, 10, false)] }), 'invalid_utf8_sent', 'high'],
    ['1003 with Spring reason and no recorded frames', { code: 1003, reason: 'Binary messages not supported' }, open(), 'binary_on_text_endpoint', 'high'],
    ['1003 with Spring text reason', { code: 1003, reason: 'Text messages not supported' }, open(), 'text_on_binary_endpoint', 'high'],
    ['1009 after a large message', { code: 1009 }, open({ recentOutgoing: [sent('text', 70_000)], maxMessageBytes: 1_048_576 }), 'message_too_big', 'high'],
    ['1009 with no record of sizes', { code: 1009 }, open(), 'message_too_big', 'medium'],
    ['1006 never opened, HTTP 401', { code: 1006, wasClean: false }, never({ handshakeStatus: 401 }), 'handshake_auth', 'high'],
    ['1006 never opened, HTTP 403', { code: 1006, wasClean: false }, never({ handshakeStatus: 403 }), 'handshake_auth', 'high'],
    ['1006 never opened, HTTP 404', { code: 1006, wasClean: false }, never({ handshakeStatus: 404 }), 'handshake_not_found', 'high'],
    ['1006 never opened, HTTP 503', { code: 1006, wasClean: false }, never({ handshakeStatus: 503 }), 'handshake_unavailable', 'high'],
    ['1006 never opened, HTTP 426', { code: 1006, wasClean: false }, never({ handshakeStatus: 426 }), 'handshake_rejected', 'high'],
    ['1006 never opened, HTTP 200 (a page, not WebSocket)', { code: 1006, wasClean: false }, never({ handshakeStatus: 200 }), 'handshake_invalid', 'high'],
    ['1006 never opened, Node parser error (not HTTP)', { code: 1006, wasClean: false }, never({ transportError: { code: 'HPE_INVALID_CONSTANT', message: 'Parse Error' } }), 'handshake_invalid', 'high'],
    ['1006 never opened in Node with nothing more specific', { code: 1006, wasClean: false }, never({ transportError: { message: 'socket hang up' } }), 'handshake_failed', 'medium'],
    ['browser, the status probe got 401', { code: 1006, wasClean: false }, never({ runtime: 'browser', statusProbe: { status: 401 } }), 'handshake_auth', 'high'],
    ['browser, the probe got 401 but the handshake carried subprotocols', { code: 1006, wasClean: false }, never({ runtime: 'browser', statusProbe: { status: 401 }, protocolsRequested: true }), 'handshake_auth', 'medium'],
    ['browser, the probe got 404 at an earlier failure', { code: 1006, wasClean: false }, never({ runtime: 'browser', statusProbe: { status: 404, earlier: true } }), 'handshake_not_found', 'high'],
    ['browser, the probe got 502', { code: 1006, wasClean: false }, never({ runtime: 'browser', statusProbe: { status: 502 } }), 'handshake_unavailable', 'high'],
    ['browser, the probe was redirected', { code: 1006, wasClean: false }, never({ runtime: 'browser', statusProbe: { redirected: true } }), 'handshake_redirect', 'medium'],
    ['browser, the probe got 426: the endpoint exists', { code: 1006, wasClean: false }, never({ runtime: 'browser', statusProbe: { status: 426 } }), 'handshake_failed_opaque', 'high'],
    ['browser, cross-origin: no probe', { code: 1006, wasClean: false }, never({ runtime: 'browser', statusProbe: { unknown: 'cross_origin' } }), 'handshake_failed_opaque', 'high'],
    ['credentials the app said had expired', { code: 1006, wasClean: false }, never({ runtime: 'browser', credentialsExpireAt: T - 5000 }), 'handshake_auth', 'medium'],
    ['credentials that expire later say nothing', { code: 1006, wasClean: false }, never({ runtime: 'browser', credentialsExpireAt: T + 5000 }), 'handshake_failed_opaque', 'high'],
    ['1006 never opened, refused', { code: 1006, wasClean: false }, never({ transportError: { code: 'ECONNREFUSED' } }), 'connection_refused', 'high'],
    ['1006 never opened, DNS', { code: 1006, wasClean: false }, never({ transportError: { code: 'ENOTFOUND' } }), 'dns_failure', 'high'],
    ['1006 never opened, TLS', { code: 1006, wasClean: false }, never({ transportError: { code: 'CERT_HAS_EXPIRED' } }), 'tls_failure', 'high'],
    ['1006 never opened, self-signed', { code: 1006, wasClean: false }, never({ transportError: { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' } }), 'tls_failure', 'high'],
    ['1006 never opened in a browser', { code: 1006, wasClean: false }, never({ runtime: 'browser' }), 'handshake_failed_opaque', 'high'],
    ['1006 never opened while offline', { code: 1006, wasClean: false }, never({ runtime: 'browser', online: false }), 'offline', 'high'],
    ['1006 client gave up on the handshake', { code: 1006, wasClean: false }, never({ connectTimeout: true }), 'handshake_timeout', 'high'],
    ['1006 after ws failed on invalid UTF-8 from the server', { code: 1006, wasClean: false }, open({ transportError: { code: 'WS_ERR_INVALID_UTF8', message: 'Invalid WebSocket frame: invalid UTF-8 sequence' } }), 'server_sent_invalid_utf8', 'high'],
    ['1006 after ws failed on an oversize incoming message', { code: 1006, wasClean: false }, open({ transportError: { code: 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' } }), 'incoming_too_big', 'high'],
    ['1006 after ws failed on an invalid close code', { code: 1006, wasClean: false }, open({ transportError: { code: 'WS_ERR_INVALID_CLOSE_CODE' } }), 'server_protocol_violation', 'high'],
    ['1006 after 61 s idle (nginx 60 s)', { code: 1006, wasClean: false }, open({ timestamps: { opened: T - 300_000, lastMessageIn: T - 61_000, lastMessageOut: T - 70_000, closed: T } }), 'proxy_idle_timeout', 'medium'],
    ['1006 after 101 s idle (Cloudflare 100 s)', { code: 1006, wasClean: false }, open({ timestamps: { opened: T - 101_500, closed: T } }), 'proxy_idle_timeout', 'medium'],
    ['1006 right after a 20 KiB message', { code: 1006, wasClean: false }, open({ recentOutgoing: [sent('binary', 20_480)] }), 'size_limit_dropped', 'medium'],
    ['1006 while offline after open', { code: 1006, wasClean: false }, open({ runtime: 'browser', online: false }), 'offline', 'high'],
    ['1006 with the page hidden', { code: 1006, wasClean: false }, open({ runtime: 'browser', visibility: 'hidden' }), 'suspended', 'medium'],
    ['1006 with no other evidence', { code: 1006, wasClean: false }, open(), 'connection_dropped', 'low'],
    ['1006 after a missed heartbeat', { code: 1006, wasClean: false }, open({ heartbeatTimeout: true }), 'dead_connection', 'high'],
    ['1011 keepalive ping timeout', { code: 1011, reason: 'keepalive ping timeout' }, open(), 'keepalive_timeout', 'high'],
    ['1011 right after a message', { code: 1011 }, open({ recentOutgoing: [sent('text', 100)] }), 'server_error_after_message', 'medium'],
    ['1012 restart, bare code', { code: 1012 }, open(), 'service_restart', 'medium'],
    ['1012 restart with its reason', { code: 1012, reason: 'Service restart' }, open(), 'service_restart', 'high'],
    ['1013 overload, bare code', { code: 1013 }, open(), 'overloaded', 'medium'],
    ['1000 echo of the client\'s own close', { code: 1000, wasClean: true }, open({ initiator: 'client', clientClose: { code: 1000 } }), 'own_close_echo', 'high'],
    ['1005 echo of close() without a code', { code: 1005, wasClean: true }, open({ initiator: 'client', clientClose: {} }), 'own_close_echo', 'high'],
    ['1006 after the client closed while connecting', { code: 1006, wasClean: false }, never({ initiator: 'client', clientClose: {} }), 'client_aborted', 'high'],
    ['1005 from the server', { code: 1005, wasClean: true }, open({ initiator: 'server' }), 'closed_without_code', 'high'],
    ['1000 from the server', { code: 1000, wasClean: true }, open({ initiator: 'server' }), 'server_ended_session', 'high'],
    ['1000 "please reconnect" (uWS maxLifetime)', { code: 1000, reason: 'please reconnect' }, open({ initiator: 'server' }), 'lifetime_rotation', 'high'],
    ['1001 Tomcat idle timeout', { code: 1001, reason: 'The WebSocket session [12] idle timeout expired' }, open(), 'server_idle_timeout', 'high'],
    ['1001 Tomcat idle timeout in Chinese', { code: 1001, reason: 'WebSocket会话[12]超时已过期' }, open(), 'server_idle_timeout', 'high'],
    ['1001 Jetty idle timeout', { code: 1001, reason: 'Connection Idle Timeout' }, open(), 'server_idle_timeout', 'high'],
    ['1001 shutdown', { code: 1001, reason: 'Container being shut down' }, open(), 'server_going_away', 'high'],
    ['1002 after the client closed with a reserved code', { code: 1002 }, open({ initiator: 'client', clientClose: { code: 1004 } }), 'client_sent_bad_close_code', 'high'],
    ['1008 token expired', { code: 1008, reason: 'Token expired' }, open(), 'auth_rejected', 'high'],
    ['1008 auth failure in Chinese', { code: 1008, reason: '鉴权失败' }, open(), 'auth_rejected', 'high'],
    ['1008 rate limit', { code: 1008, reason: 'RATE LIMIT exceeded' }, open(), 'rate_limited', 'high'],
    ['1008 too many fragments (ws 8.21+)', { code: 1008, reason: 'Too many message fragments' }, open(), 'too_many_fragments', 'high'],
    ['1007 used for auth by a Java server', { code: 1007, reason: '鉴权失败' }, open({ runtime: 'browser' }), 'server_misused_1007', 'high'],
    ['1007 in a browser with no invalid frame recorded', { code: 1007 }, open({ runtime: 'browser', recentOutgoing: [sent('text', 10, 5, true)] }), 'server_misused_1007', 'medium'],
    ['3000 SockJS "Go away!"', { code: 3000, reason: 'Go away!' }, open(), 'sockjs_go_away', 'high'],
    ['3000 unauthorized', { code: 3000 }, open(), 'auth_rejected', 'high'],
    ['1016-2999 received', { code: 2010 }, open(), 'reserved_code', 'high'],
  ] as const)('should name the cause of %s', (_name, close, ctx, cause, confidence) => {
    const d = diagnose(close, ctx);
    expect(d.cause.id).toBe(cause);
    expect(d.cause.confidence).toBe(confidence);
    expect(d.cause.evidence.length).toBeGreaterThan(0);
    expect(d.cause.fixes.length).toBeGreaterThan(0);
  });

  it('should name the size and the declared limit for a 1009', () => {
    const d = diagnose({ code: 1009 }, open({ recentOutgoing: [sent('text', 70_000)], maxMessageBytes: 1_048_576 }));
    expect(d.cause.detail).toContain('70,000 bytes');
    expect(d.cause.detail).toContain('1,048,576 bytes');
    expect(d.cause.evidence.map((e) => e.id)).toEqual(['largest_frame', 'declared_limit', 'no_reason']);
  });

  it('should not retry a 401 blindly and not at all after a 403', () => {
    expect(diagnose({ code: 1006 }, never({ handshakeStatus: 401 })).retry.strategy).toBe('after_reauth');
    expect(diagnose({ code: 1006 }, never({ handshakeStatus: 403 })).retry).toMatchObject({ retryable: false, strategy: 'no' });
  });

  it('should give 1012 a random 5-30 s delay and 1013 a slow backoff', () => {
    expect(diagnose({ code: 1012 }, open()).retry).toMatchObject({ retryable: true, delayMs: [5000, 30000] });
    expect(diagnose({ code: 1013 }, open()).retry.strategy).toBe('slow_backoff');
  });

  it('should read normal and self-initiated closes as what they are, not as failures', () => {
    const rows = [
      diagnose({ code: 1000, wasClean: true }),
      diagnose({ code: 1000, wasClean: true }, open({ initiator: 'server' })),
      diagnose({ code: 1000, reason: 'bye', wasClean: true }, open({ initiator: 'client', clientClose: { code: 1000, reason: 'bye' } })),
      diagnose({ code: 1005, wasClean: true }, open({ initiator: 'client', clientClose: {} })),
      diagnose({ code: 1000, wasClean: true }, open({ initiator: 'client', clientClose: { code: 1000 } }), { locale: zhCN }),
    ];
    for (const d of rows) {
      expect(d.retry).toMatchObject({ retryable: false, strategy: 'ended' });
      expect(d.summary).not.toMatch(/fail the same way|同样的方式失败/);
    }
    expect(rows[4]!.retry.text).toBe('无需重试：连接已按预期结束。应用需要时再建立新连接。');
  });

  it('should not be certain of a server-only code from the bare code', () => {
    for (const code of [1012, 1013, 1014]) {
      expect(diagnose({ code }, open()).cause.confidence, `${code} bare`).toBe('medium');
      expect(diagnose({ code, reason: 'Service restart' }, open()).cause.confidence, `${code} with a reason`).toBe('high');
    }
  });

  it('should say the browser cannot see why a handshake failed', () => {
    const d = diagnose({ code: 1006, wasClean: false }, never({ runtime: 'browser' }));
    expect(d.cause.evidence.map((e) => e.id)).toContain('browser_hides_handshake');
    // The console line to look for, per engine.
    expect(d.cause.fixes.slice(0, 3).join('\n')).toMatch(/^Chromium.*WebSocket connection to.*\nSafari.*Unexpected response code.*\nFirefox.*can’t establish a connection/s);
  });

  it('should keep the raw code and wasClean exactly as received', () => {
    const d = diagnose({ code: 1006, reason: '', wasClean: false }, open());
    expect(d).toMatchObject({ code: 1006, wasClean: false, reason: '' });
    expect(diagnose({ code: 1000 }, {}).wasClean).toBeUndefined();
  });

  it('should list other fitting causes as alternatives', () => {
    const d = diagnose({ code: 1006 }, open({ runtime: 'browser', visibility: 'hidden', timestamps: { opened: T - 300_000, lastMessageIn: T - 61_000, closed: T } }));
    expect(d.cause.id).toBe('suspended');
    expect(d.alternatives.map((a) => a.id)).toEqual(['proxy_idle_timeout', 'connection_dropped']);
  });

  it('should diagnose in Chinese with Chinese evidence', () => {
    const d = diagnose({ code: 1003 }, open({ recentOutgoing: [sent('binary', 12, 40)] }), { locale: zhCN });
    expect(d.locale).toBe('zh-CN');
    expect(d.cause.title).toBe('二进制消息发到了仅支持文本的端点');
    expect(d.cause.evidence[0]!.text).toBe('关闭前 40 毫秒，最后发送的是 12 字节的二进制帧。');
    expect(d.summary).toMatch(/^1003 不支持的数据类型：/);
  });

  it('should never throw, whatever the input', () => {
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const values = [undefined, null, 0, -1, 1.5, Number.NaN, 'x', {}, [], true, 1006, 1e30];
    for (let i = 0; i < 2000; i++) {
      const close = { code: pick([...values, 1000 + Math.floor(rnd() * 4000)]), reason: pick([undefined, '', 'a'.repeat(Math.floor(rnd() * 500)), '\u0000\ud800x', 42]), wasClean: pick([true, false, undefined, 'yes']) };
      const ctx = { opened: pick([true, false, undefined, 'no']), runtime: pick(['browser', 'node', 7]), recentOutgoing: pick([undefined, [], [sent('binary', Math.floor(rnd() * 1e6))], [{ kind: 'weird', bytes: -1, at: Number.NaN }], 'frames', { length: 2 }, [null], [1, 'x']]), timestamps: pick([undefined, {}, { closed: T }, { opened: T - 61_000, closed: T }]), handshakeStatus: pick([undefined, 401, 999, -5]), transportError: pick([undefined, {}, { code: 'WS_ERR_X' }, { code: 'ENOTFOUND' }, 'x', [1], { code: 5, message: {} }]), initiator: pick(['client', 'server', undefined]), clientClose: pick([undefined, {}, { code: 4000 }, 'x', { reason: 7 }]), protocol: pick([undefined, 'graphql-transport-ws', 9]) };
      const d = diagnose(close as never, ctx as never, { locale: pick([undefined, 'zh', 'fr', '!!', zhCN]) as never });
      expect(d.cause.title.length).toBeGreaterThan(0);
    }
    expect(diagnose(null as never, null as never).cause.id).toBe('invalid_code_received');
  });

  it('should show a transport error’s text sanitized: a server or a file cannot put control characters in evidence', () => {
    const d = diagnose({ code: 1006, wasClean: false }, { runtime: 'node', opened: false, transportError: { code: 'ECONNRESET', message: 'reset\x1b]52;c;aGk=\x07\u202e by peer' } });
    const text = [d.cause.detail, ...d.cause.evidence.map((e) => e.text), ...d.alternatives.flatMap((a) => a.evidence.map((e) => e.text))].join(' ');
    expect(text).toContain('reset');
    expect(text).not.toMatch(/[\x00-\x1f\u202e]/);
  });
});

describe('Retry-After parsing', () => {
  it('should read delay-seconds and HTTP-dates, and ignore what is neither', async () => {
    const { retryAfterMs: retryAfter } = await import('../retryAfterMs.js');
    const now = Date.parse('Tue, 01 Dec 2026 12:00:00 GMT');
    expect(retryAfter('120', now)).toBe(120_000);
    expect(retryAfter('Tue, 01 Dec 2026 12:01:30 GMT', now)).toBe(90_000);
    expect(retryAfter('Tue, 01 Dec 2026 11:00:00 GMT', now)).toBe(0);
    for (const bad of [undefined, '', 'soon', '-5', '1.5']) expect(retryAfter(bad, now)).toBeUndefined();
  });
});
