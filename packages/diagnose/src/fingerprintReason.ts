import type { FingerprintId } from './causes.js';

// Known server reason strings, matched case-insensitively and in more than one language
// (Tomcat localizes its reasons). Order matters: the first match wins.
// Sources: ../shared/close-codes.md §3-§4 (Spring, python-websockets, Tomcat, Jetty, uWebSockets,
// ws, undici, Phoenix, SockJS) and §3 1007 (auth failures seen in Chinese Java code).
const PATTERNS: ReadonlyArray<readonly [FingerprintId, RegExp]> = [
  ['spring_binary_unsupported', /binary messages? (are )?not supported|不支持二进制/i],
  ['spring_text_unsupported', /text messages? (are )?not supported|不支持文本/i],
  ['pyws_keepalive', /keepalive ping timeout/i],
  ['too_many_fragments', /too many (message fragments|buffered chunks)/i],
  ['uws_lifetime', /please reconnect/i],
  ['heartbeat_timeout', /heart ?beat (timeout|timed out)|心跳超时/i],
  ['idle_timeout', /idle[ _-]?time ?out|timed out from inactivity|空闲超时|超时已过期/i],
  ['invalid_utf8', /utf-?8|无法解码|无效的字节序列/i],
  ['too_big', /too (big|large)|exceeds? (the )?(limit|maximum)|max(imum)? (payload|frame|message)|read limited|过大|太大|超过.*(限制|上限)/i],
  ['sockjs_go_away', /^go away!?$/i],
  ['rate_limit', /rate[ -]?limit|too many requests|throttl|限流|频率|请求过多/i],
  ['duplicate_session', /duplicate|already (connected|logged|exists|online)|is online|another (session|connection)|重复|异地登录|已在.*登录|被踢/i],
  ['forbidden', /forbidden|permission|not (allowed|permitted)|access denied|禁止|无权|没有权限|权限不足/i],
  ['auth', /unauthori[sz]ed|unauthenticated|authenticat|\bauth\b|token|jwt|credential|expired|login required|鉴权|认证|授权|未登录|令牌|过期/i],
  ['shutdown', /shutting down|shut down|going away|stopping|restart|服务.*(关闭|停止|重启)|正在停止/i],
];

/** The known server behaviour a reason string reveals, if any. */
export function fingerprintReason(reason: string): FingerprintId | undefined {
  if (!reason) return undefined;
  for (const [id, pattern] of PATTERNS) if (pattern.test(reason)) return id;
  return undefined;
}
