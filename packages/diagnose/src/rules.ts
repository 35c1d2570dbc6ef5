import { isSendableCloseCode, RETRY } from './closeCodes.js';
import { retryAfterMs } from './retryAfterMs.js';
import type { CauseId, CauseParams, EvidenceId, EvidenceParams, FingerprintId } from './causes.js';
import type { CodeDefinition, CodePack } from './CodePack.js';
import type { Confidence, DiagnoseContext, OutgoingFrame, RetryAdvice } from './types.js';

/** A frame counts as "just sent" when it left within this window before the close... */
const RECENT_MS = 5_000;
/** ...or after the last incoming message (nothing happened on the socket since). */

/** Below the smallest common default limit that drops TCP (uWebSockets maxPayloadLength, 16 KiB). */
const LARGE_MESSAGE_BYTES = 16 * 1024;

/**
 * Idle timeouts commonly found on the path, in seconds: load balancers "usually 30 seconds"
 * (python-websockets FAQ), nginx proxy_read_timeout and AWS ALB 60 s, Cloudflare about 100 s,
 * uWebSockets idleTimeout 120 s, AWS API Gateway 10 min (../shared/close-codes.md §4.16, §7.1).
 */
const IDLE_TIMEOUTS_S = [30, 60, 100, 120, 600] as const;

const TLS_ERROR = /^(CERT_|ERR_TLS_|ERR_SSL_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|EPROTO$|HOSTNAME_MISMATCH)/;

export interface EvidenceRef {
  readonly id: EvidenceId;
  readonly params: EvidenceParams;
}

export interface Candidate {
  readonly cause: CauseId;
  readonly confidence: Confidence;
  readonly params: CauseParams;
  readonly evidence: readonly EvidenceRef[];
  /** Overrides the cause's retry advice (a pack's code, a temporary DNS error). */
  readonly retry?: RetryAdvice;
}

/** The facts a rule reads, computed once per diagnosis. */
export interface Facts {
  readonly code: number;
  readonly reason: string;
  readonly wasClean: boolean | undefined;
  readonly ctx: DiagnoseContext;
  readonly opened: boolean | undefined;
  readonly closedAt: number | undefined;
  /** The most recent outgoing frame, if it was "just sent". */
  readonly justSent: OutgoingFrame | undefined;
  readonly justSentAgoMs: number | undefined;
  /** The largest frame sent in the recent window. */
  readonly largestRecent: OutgoingFrame | undefined;
  readonly invalidUtf8Recent: OutgoingFrame | undefined;
  readonly idleSeconds: number | undefined;
  readonly nearIdleTimeout: number | undefined;
  readonly fingerprint: FingerprintId | undefined;
  readonly pack: { readonly pack: CodePack; readonly def: CodeDefinition } | undefined;
}

export function gatherFacts(
  code: number,
  reason: string,
  wasClean: boolean | undefined,
  ctx: DiagnoseContext,
  fingerprint: FingerprintId | undefined,
  pack: Facts['pack'],
): Facts {
  const t = ctx.timestamps ?? {};
  const frames = ctx.recentOutgoing ?? [];
  const latest = Math.max(t.opened ?? -Infinity, t.lastMessageIn ?? -Infinity, t.lastMessageOut ?? -Infinity, frames.at(-1)?.at ?? -Infinity);
  const closedAt = t.closed ?? (Number.isFinite(latest) ? latest : undefined);
  const isRecent = (f: OutgoingFrame) =>
    closedAt === undefined || closedAt - f.at <= RECENT_MS || (t.lastMessageIn !== undefined && f.at >= t.lastMessageIn);
  const recent = frames.filter(isRecent);
  const last = frames.at(-1);
  const justSent = last && isRecent(last) ? last : undefined;
  const largestRecent = recent.reduce<OutgoingFrame | undefined>((a, f) => (!a || f.bytes > a.bytes ? f : a), undefined);
  const invalidUtf8Recent = [...recent].reverse().find((f) => f.kind === 'text' && f.utf8Valid === false);

  const activity = Math.max(t.opened ?? -Infinity, t.lastMessageIn ?? -Infinity, t.lastMessageOut ?? -Infinity, last?.at ?? -Infinity);
  const idleSeconds = closedAt !== undefined && Number.isFinite(activity) && ctx.opened !== false ? Math.round((closedAt - activity) / 1000) : undefined;
  const idleExact = closedAt !== undefined && Number.isFinite(activity) ? (closedAt - activity) / 1000 : undefined;
  const nearIdleTimeout = idleExact === undefined ? undefined : IDLE_TIMEOUTS_S.find((s) => idleExact >= s * 0.95 && idleExact <= s * 1.1 + 2);

  return {
    code,
    reason,
    wasClean,
    ctx,
    opened: ctx.opened,
    closedAt,
    justSent,
    justSentAgoMs: justSent && closedAt !== undefined ? Math.max(0, Math.round(closedAt - justSent.at)) : undefined,
    largestRecent,
    invalidUtf8Recent,
    idleSeconds,
    nearIdleTimeout,
    fingerprint,
    pack,
  };
}

const c = (cause: CauseId, confidence: Confidence, params: CauseParams, evidence: EvidenceRef[], retry?: RetryAdvice): Candidate =>
  retry ? { cause, confidence, params, evidence, retry } : { cause, confidence, params, evidence };

function reasonEvidence(f: Facts): EvidenceRef[] {
  if (f.fingerprint) return [{ id: 'reason_matches', params: { reason: f.reason, fingerprint: f.fingerprint } }];
  return f.reason ? [{ id: 'reason_given', params: { reason: f.reason } }] : [{ id: 'no_reason', params: {} }];
}

function lastFrameEvidence(f: Facts): EvidenceRef[] {
  if (!f.justSent) return [];
  return [{ id: 'last_frame', params: { kind: f.justSent.kind, bytes: f.justSent.bytes, agoMs: f.justSentAgoMs } }];
}

/**
 * What the client's send schema says of the messages of this connection: how many went out
 * without it, else how many it checked; with frames recorded and no schema, that none checked them.
 */
function schemaEvidence(f: Facts): EvidenceRef[] {
  const sent = f.ctx.sendSchema;
  if (!sent) return f.ctx.recentOutgoing?.length ? [{ id: 'no_send_schema', params: {} }] : [];
  if (sent.unchecked > 0) return [{ id: 'sent_unchecked', params: { count: sent.unchecked } }];
  return sent.checked > 0 ? [{ id: 'sent_checked', params: { count: sent.checked } }] : [];
}

function idleEvidence(f: Facts): EvidenceRef {
  return { id: 'idle_for', params: { seconds: f.idleSeconds, proxyTimeoutSeconds: f.nearIdleTimeout } };
}

/**
 * The causes that fit this close, most likely first. Each rule names the evidence that
 * raised it. Order within a code follows ../shared/close-codes.md §7.1.
 */
export function findCandidates(f: Facts): Candidate[] {
  const { code, ctx } = f;
  const out: Candidate[] = [];
  const base: CauseParams = { code, ...(f.reason ? { reason: f.reason } : {}) };
  const why = reasonEvidence(f);

  if (!Number.isInteger(code) || code < 1000 || code > 4999) {
    out.push(c('invalid_code_received', 'high', base, [{ id: 'code_not_valid', params: { code } }]));
    return out;
  }

  if (ctx.heartbeatTimeout) {
    out.push(c('dead_connection', 'high', base, [{ id: 'heartbeat_missed', params: {} }]));
  }
  if (ctx.connectTimeout && ctx.opened !== true) {
    out.push(c('handshake_timeout', 'high', base, [{ id: 'connect_timeout', params: {} }, { id: 'never_opened', params: {} }]));
  }

  // The client started the close: what it sees is the server's echo (RFC 6455 §7.1.5 note).
  if (ctx.initiator === 'client') {
    const sent = ctx.clientClose?.code;
    const echo = code === sent || code === 1005 || (code === 1000 && sent === undefined);
    if (code === 1006 && ctx.opened === false) {
      // Closing a socket that is still connecting fails it: browsers and ws report 1006.
      out.push(c('client_aborted', 'high', base, [{ id: 'client_initiated', params: { clientCode: sent } }, { id: 'never_opened', params: {} }]));
    } else if (echo) {
      out.push(c('own_close_echo', 'high', { ...base, ...(sent === undefined ? {} : { clientCode: sent }) }, [{ id: 'client_initiated', params: { clientCode: sent } }]));
    } else if (code === 1002 && sent !== undefined && !isSendableCloseCode(sent)) {
      out.push(c('client_sent_bad_close_code', 'high', { ...base, clientCode: sent }, [{ id: 'client_initiated', params: { clientCode: sent } }]));
    }
  }

  switch (code) {
    case 1000:
      if (f.fingerprint === 'uws_lifetime') out.push(c('lifetime_rotation', 'high', base, why));
      else if (f.fingerprint === 'heartbeat_timeout') out.push(c('server_heartbeat_timeout', 'high', base, why));
      else if (f.fingerprint === 'duplicate_session') out.push(c('duplicate_session', 'medium', base, why));
      out.push(c('server_ended_session', ctx.initiator === 'server' ? 'high' : 'medium', base, why));
      break;
    case 1001:
      if (f.fingerprint === 'idle_timeout') {
        out.push(c('server_idle_timeout', 'high', { ...base, ...(f.idleSeconds === undefined ? {} : { idleSeconds: f.idleSeconds }) }, f.idleSeconds === undefined ? why : [...why, idleEvidence(f)]));
      } else if (f.nearIdleTimeout === 30) {
        out.push(c('server_idle_timeout', 'medium', { ...base, idleSeconds: f.idleSeconds }, [idleEvidence(f), ...why]));
      }
      out.push(c('server_going_away', f.fingerprint === 'shutdown' ? 'high' : 'medium', base, why));
      break;
    case 1002:
      out.push(c('protocol_error', 'medium', base, why));
      break;
    case 1003:
      if (f.fingerprint === 'spring_binary_unsupported') out.push(c('binary_on_text_endpoint', 'high', frameParams(base, f), [...why, ...lastFrameEvidence(f)]));
      else if (f.fingerprint === 'spring_text_unsupported') out.push(c('text_on_binary_endpoint', 'high', frameParams(base, f), [...why, ...lastFrameEvidence(f)]));
      if (f.justSent?.kind === 'binary') out.push(c('binary_on_text_endpoint', 'high', frameParams(base, f), [...lastFrameEvidence(f), ...why]));
      else if (f.justSent?.kind === 'text') out.push(c('text_on_binary_endpoint', ctx.channel === 'text' ? 'low' : 'medium', frameParams(base, f), [...lastFrameEvidence(f), ...why]));
      out.push(c('unsupported_data', 'low', base, [...why, { id: 'no_frames_recorded', params: {} }]));
      break;
    case 1004:
      out.push(c('reserved_code', 'high', base, why));
      break;
    case 1005:
      out.push(c('closed_without_code', f.wasClean === false ? 'medium' : 'high', base, why));
      break;
    case 1006:
      out.push(...abnormal(f, base));
      break;
    case 1007: {
      const inv = f.invalidUtf8Recent;
      if (inv) {
        out.push(c('invalid_utf8_sent', 'high', { ...base, bytes: inv.bytes }, [{ id: 'last_frame_invalid_utf8', params: { bytes: inv.bytes, agoMs: f.closedAt === undefined ? undefined : Math.round(f.closedAt - inv.at) } }, ...why]));
      }
      if (f.justSent?.kind === 'binary') out.push(c('binary_on_text_endpoint', 'high', frameParams(base, f), [...lastFrameEvidence(f), ...why]));
      if (!inv && (f.fingerprint === 'auth' || f.fingerprint === 'duplicate_session' || f.fingerprint === 'forbidden')) {
        out.push(c('server_misused_1007', 'high', base, why));
      }
      if (!inv && ctx.runtime === 'browser') out.push(c('server_misused_1007', 'medium', base, [{ id: 'browser_encodes_utf8', params: {} }, ...why]));
      out.push(c('invalid_payload', inv ? 'low' : 'medium', base, [...why, ...lastFrameEvidence(f)]));
      break;
    }
    case 1008:
      if (f.fingerprint === 'too_many_fragments') out.push(c('too_many_fragments', 'high', base, why));
      else if (f.fingerprint === 'auth') out.push(c('auth_rejected', 'high', base, why));
      else if (f.fingerprint === 'forbidden') out.push(c('forbidden', 'high', base, why));
      else if (f.fingerprint === 'rate_limit') out.push(c('rate_limited', 'high', base, why));
      else if (f.fingerprint === 'duplicate_session') out.push(c('duplicate_session', 'high', base, why));
      else if (f.fingerprint === 'too_big') out.push(c('message_too_big', 'medium', sizeParams(base, f), why));
      out.push(c('policy_violation', f.reason ? 'medium' : 'low', base, [...why, ...lastFrameEvidence(f), ...(ctx.sendSchema ? schemaEvidence(f) : [])]));
      break;
    case 1009: {
      const big = f.largestRecent;
      if (big) {
        const ev: EvidenceRef[] = [{ id: 'largest_frame', params: { bytes: big.bytes } }];
        if (ctx.maxMessageBytes !== undefined) ev.push({ id: 'declared_limit', params: { limit: ctx.maxMessageBytes } });
        out.push(c('message_too_big', 'high', sizeParams(base, f), [...ev, ...why]));
      } else {
        out.push(c('message_too_big', 'medium', sizeParams(base, f), [{ id: 'no_frames_recorded', params: {} }, ...why]));
      }
      break;
    }
    case 1010:
      out.push(c('missing_extension', 'high', base, why));
      break;
    case 1011:
      if (f.fingerprint === 'pyws_keepalive') out.push(c('keepalive_timeout', 'high', base, why));
      if (f.justSent) out.push(c('server_error_after_message', 'medium', { ...base, bytes: f.justSent.bytes }, [...lastFrameEvidence(f), ...why]));
      out.push(c('server_error', 'medium', base, why));
      break;
    // Codes only a server sends, with one meaning each: a reason that goes with the code makes
    // it certain; the bare code is the server's word alone.
    case 1012:
      out.push(c('service_restart', f.reason ? 'high' : 'medium', base, why));
      break;
    case 1013:
      out.push(c('overloaded', f.reason ? 'high' : 'medium', base, why));
      break;
    case 1014:
      out.push(c('bad_gateway', f.reason ? 'high' : 'medium', base, why));
      break;
    case 1015:
      out.push(c('tls_failure', 'high', base, why));
      break;
    case 3000:
      if (f.fingerprint === 'sockjs_go_away') out.push(c('sockjs_go_away', 'high', base, why));
      out.push(c('auth_rejected', 'high', base, why));
      break;
    case 3003:
      out.push(c('forbidden', 'high', base, why));
      break;
    case 3008:
      out.push(c('app_timeout', 'high', base, why));
      break;
    default:
      if (code < 3000) {
        out.push(c('reserved_code', 'high', base, why));
      } else if (f.pack) {
        const { pack, def } = f.pack;
        const params: CauseParams = { ...base, packName: pack.name, packTitle: def.name, ...(ctx.protocol ? { protocol: ctx.protocol } : {}) };
        const ev: EvidenceRef[] = ctx.protocol ? [{ id: 'subprotocol_pack', params: { protocol: ctx.protocol, packName: pack.name } }] : [];
        // A code the server closes with for a bad message: what the send schema checked narrows it down.
        const schema = def.invalidMessage ? schemaEvidence(f) : [];
        const sent = ctx.sendSchema;
        if (def.invalidMessage && sent) {
          if (sent.unchecked > 0) out.push(c('unchecked_message_refused', 'medium', { ...params, count: sent.unchecked }, [...schema, ...why], def.retry));
          else if (sent.checked > 0) out.push(c('schema_passed_refused', 'medium', { ...params, count: sent.checked }, [...schema, ...why], def.retry));
        }
        out.push(c('pack_code', ctx.protocol === pack.subprotocol || !pack.subprotocol ? 'high' : 'medium', params, [...ev, ...schema, ...why], def.retry));
      } else {
        out.push(c('application_defined', 'low', base, why));
        // A recognisable reason is a hint, never a claim about retrying an unknown code.
        if (f.fingerprint === 'auth') out.push(c('auth_rejected', 'low', base, why, RETRY.unknown));
      }
  }
  return out;
}

/** What ws says of a 101 response that breaks the handshake (lib/websocket.js). */
const HANDSHAKE_INVALID = /Invalid Sec-WebSocket-Accept|Missing Sec-WebSocket-Accept|Invalid Upgrade header|Server sent (?:a|an invalid|no) subprotocol|Server sent a Sec-WebSocket-Extensions|Invalid Sec-WebSocket-Extensions|Server indicated an extension that was not requested/i;

/**
 * The status of a refused handshake where the runtime puts it only in its error message, as
 * recorded by sockdoc's runtime tests: Deno 2.9 "failed to connect to WebSocket: Invalid status
 * code: 401", Bun 1.4 "failed: Expected 101 status code: 401", workerd "expected server to reply
 * with HTTP status code 101 (switching protocols), but received 401 instead".
 */
function statusInMessage(message: string | undefined): number | undefined {
  const m = message && (/(?:Invalid status code|Expected 101 status code): ([1-5]\d\d)\b/.exec(message) ?? /status code 101 \(switching protocols\), but received ([1-5]\d\d) instead/.exec(message));
  return m ? Number(m[1]) : undefined;
}

function abnormal(f: Facts, base: CauseParams): Candidate[] {
  const { ctx } = f;
  const out: Candidate[] = [];
  const err = ctx.transportError?.code;
  const errEv: EvidenceRef[] = ctx.transportError ? [{ id: 'transport_error', params: { errorCode: err, message: ctx.transportError.message } }] : [];

  if (f.opened !== true) {
    const never: EvidenceRef = { id: 'never_opened', params: {} };
    const status = ctx.handshakeStatus ?? statusInMessage(ctx.transportError?.message);
    if (status !== undefined) {
      const ev: EvidenceRef[] = [never, { id: 'handshake_status', params: { status } }];
      const p = { ...base, status };
      if (status === 401 || status === 403 || status === 407) out.push(c('handshake_auth', 'high', p, ev, status === 403 ? RETRY.no : undefined));
      else if (status === 404 || status === 410) out.push(c('handshake_not_found', 'high', p, ev));
      else if (status === 502 || status === 503 || status === 504 || status === 429) {
        // The server said when to come back: that wait, not a backoff of a few seconds.
        const wait = retryAfterMs(ctx.retryAfter, f.closedAt ?? Date.now());
        if ((status === 429 || status === 503) && wait !== undefined && wait >= 0) {
          const seconds = Math.round(wait / 1000);
          out.push(c('handshake_unavailable', 'high', p, [...ev, { id: 'retry_after', params: { seconds } }], { retryable: true, strategy: 'retry_after', delayMs: [wait, wait] }));
        } else out.push(c('handshake_unavailable', 'high', p, ev));
      }
      else if (status >= 300 && status < 400) out.push(c('handshake_redirect', 'high', p, ev));
      // A 2xx other than 101: a plain HTTP resource answered, not a WebSocket endpoint.
      else if (status >= 200 && status < 300) out.push(c('handshake_invalid', 'high', { ...base, status, reason: `HTTP ${status}` }, ev));
      // A 500 is the server failing on this request, as 1011 is after open: it may pass, so bounded
      // backoff (1 + maxAttemptsNeverOpened handshakes). Other refusals repeat the same way.
      else out.push(c('handshake_rejected', 'high', p, ev, status === 500 ? RETRY.backoff : undefined));
    }
    // A browser hides the status; a plain request to the same URL (the status probe) may show it.
    const probe = ctx.statusProbe;
    const probeEv: EvidenceRef[] = [];
    if (status === undefined && probe?.status !== undefined) {
      const s = probe.status;
      const ev: EvidenceRef[] = [never, { id: 'status_probe', params: { status: s, ...(probe.earlier ? { earlier: true } : {}) } }];
      const p = { ...base, status: s };
      // Auth in front of the endpoint (a gateway, a proxy, cookie middleware) answers a plain GET as it answered the
      // upgrade; a subprotocol the handshake carried (a token, say) cannot ride along, which makes the 401 less certain.
      if (s === 401 || s === 403 || s === 407) out.push(c('handshake_auth', ctx.protocolsRequested ? 'medium' : 'high', p, ev, s === 403 ? RETRY.no : undefined));
      else if (s === 404 || s === 410) out.push(c('handshake_not_found', 'high', p, ev));
      else if (s === 429 || s === 502 || s === 503 || s === 504) out.push(c('handshake_unavailable', 'high', p, ev));
      else if (s === 500) out.push(c('handshake_rejected', 'medium', p, ev, RETRY.backoff));
      // 426, 400, 200...: the endpoint answers plain HTTP, so it exists; what refused the upgrade is hidden.
      else probeEv.push(ev[1]!);
    } else if (probe?.redirected) out.push(c('handshake_redirect', 'medium', base, [never, { id: 'status_probe_redirect', params: {} }]));
    else if (probe?.unknown) probeEv.push({ id: 'status_unknown', params: { why: probe.unknown } });
    // The app said its credentials had expired by the time the handshake failed.
    const expiredAt = ctx.credentialsExpireAt;
    const closedAt = f.closedAt ?? Date.now();
    if (expiredAt !== undefined && expiredAt <= closedAt) {
      const ev: EvidenceRef = { id: 'credentials_expired', params: { agoMs: closedAt - expiredAt } };
      const i = out.findIndex((x) => x.cause === 'handshake_auth');
      if (i !== -1) out[i] = { ...out[i]!, evidence: [...out[i]!.evidence, ev] };
      else out.push(c('handshake_auth', 'medium', base, [never, ev]));
    }
    // ws checks the 101 response itself (RFC 6455 §4.2.2) and says what was wrong with it.
    const invalid = ctx.transportError?.message;
    if (invalid && HANDSHAKE_INVALID.test(invalid)) out.push(c('handshake_invalid', 'high', { ...base, reason: invalid }, [never, ...errEv]));
    // Node's HTTP parser could not read the response at all: not HTTP (another protocol on that
    // port), or headers over its limit (HPE_HEADER_OVERFLOW, 16 KiB by default).
    else if (err?.startsWith('HPE_')) out.push(c('handshake_invalid', 'high', { ...base, errorCode: err, reason: invalid ? `${err}: ${invalid}` : err }, [never, ...errEv]));
    if (err === 'ECONNREFUSED') out.push(c('connection_refused', 'high', { ...base, errorCode: err }, [never, ...errEv]));
    else if (err === 'ENOTFOUND' || err === 'EAI_AGAIN' || err === 'EAI_FAIL' || err === 'EAI_NONAME') {
      out.push(c('dns_failure', 'high', { ...base, errorCode: err }, [never, ...errEv], err === 'EAI_AGAIN' ? RETRY.backoff : undefined));
    } else if (err && TLS_ERROR.test(err)) out.push(c('tls_failure', 'high', { ...base, errorCode: err }, [never, ...errEv]));
    else if (err === 'ETIMEDOUT' || err === 'ECONNRESET' || /handshake has timed out/i.test(ctx.transportError?.message ?? '')) {
      out.push(c('handshake_timeout', 'medium', { ...base, errorCode: err ?? '' }, [never, ...errEv]));
    }
    if (ctx.online === false) out.push(c('offline', 'high', base, [never, { id: 'offline', params: {} }]));
    if (f.opened === false) {
      out.push(
        ctx.runtime === 'browser'
          ? c('handshake_failed_opaque', out.length ? 'low' : 'high', base, [never, { id: 'browser_hides_handshake', params: {} }, ...probeEv])
          : c('handshake_failed', out.length ? 'low' : 'medium', { ...base, ...(err ? { errorCode: err } : {}), ...(ctx.transportError?.message ? { reason: ctx.transportError.message } : {}) }, [never, ...errEv]),
      );
      return out;
    }
  }

  // The connection had opened (or nobody recorded whether it had).
  if (err?.startsWith('WS_ERR_')) {
    const p = { ...base, errorCode: err, ...(ctx.transportError?.message ? { reason: ctx.transportError.message } : {}) };
    if (err === 'WS_ERR_INVALID_UTF8') out.push(c('server_sent_invalid_utf8', 'high', p, errEv));
    else if (err === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' || err === 'WS_ERR_UNSUPPORTED_DATA_PAYLOAD_LENGTH') out.push(c('incoming_too_big', 'high', p, errEv));
    else if (err === 'WS_ERR_TOO_MANY_BUFFERED_PARTS') out.push(c('too_many_fragments', 'high', p, errEv));
    else out.push(c('server_protocol_violation', 'high', p, errEv));
  }
  if (ctx.online === false) out.push(c('offline', 'high', base, [{ id: 'offline', params: {} }]));
  else if (ctx.visibility === 'hidden' || (ctx.wentOfflineAt !== undefined && f.closedAt !== undefined && f.closedAt - ctx.wentOfflineAt < 60_000)) {
    out.push(c('suspended', 'medium', base, [ctx.visibility === 'hidden' ? { id: 'page_hidden', params: {} } : { id: 'offline', params: {} }]));
  }
  if (f.justSent && f.justSent.bytes >= LARGE_MESSAGE_BYTES) {
    out.push(c('size_limit_dropped', 'medium', { ...base, bytes: f.justSent.bytes }, [...lastFrameEvidence(f), ...notClean(f)]));
  }
  if (f.nearIdleTimeout !== undefined && f.idleSeconds !== undefined) {
    out.push(c('proxy_idle_timeout', 'medium', { ...base, idleSeconds: f.idleSeconds, proxyTimeoutSeconds: f.nearIdleTimeout }, [idleEvidence(f)]));
  }
  const openFor = ctx.timestamps?.opened !== undefined && f.closedAt !== undefined ? Math.round((f.closedAt - ctx.timestamps.opened) / 1000) : undefined;
  out.push(c('connection_dropped', 'low', base, [...(openFor === undefined ? [] : [{ id: 'open_for' as const, params: { seconds: openFor } }]), ...notClean(f)]));
  return out;
}

/** "wasClean is false" only when the runtime said so. */
function notClean(f: Facts): EvidenceRef[] {
  return f.wasClean === false ? [{ id: 'not_clean', params: {} }] : [];
}

function frameParams(base: CauseParams, f: Facts): CauseParams {
  return f.justSent ? { ...base, bytes: f.justSent.bytes } : base;
}

function sizeParams(base: CauseParams, f: Facts): CauseParams {
  return {
    ...base,
    ...(f.largestRecent ? { bytes: f.largestRecent.bytes } : {}),
    ...(f.ctx.maxMessageBytes !== undefined && f.largestRecent && f.largestRecent.bytes <= f.ctx.maxMessageBytes ? { limit: f.ctx.maxMessageBytes } : {}),
  };
}
