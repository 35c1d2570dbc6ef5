import { RETRY } from './closeCodes.js';
import type { RetryAdvice } from './types.js';

const { no, ended, backoff, restart, slow, reauth, policy, unknown } = RETRY;

/**
 * Stable identifiers of the causes `diagnose()` can name, with the retry advice that cause
 * implies. A cause's advice overrides the code's generic advice: a 1006 caused by a 401
 * handshake must not be retried like a 1006 caused by a dropped TCP connection.
 */
export const CAUSES = {
  own_close_echo: ended,
  client_aborted: ended,
  server_ended_session: ended,
  lifetime_rotation: backoff,
  server_heartbeat_timeout: backoff,
  server_going_away: backoff,
  server_idle_timeout: backoff,
  protocol_error: no,
  client_sent_bad_close_code: no,
  binary_on_text_endpoint: no,
  text_on_binary_endpoint: no,
  unsupported_data: no,
  reserved_code: no,
  closed_without_code: policy,
  handshake_auth: reauth,
  handshake_not_found: no,
  handshake_rejected: no,
  handshake_redirect: no,
  handshake_invalid: no,
  handshake_unavailable: backoff,
  connection_refused: backoff,
  dns_failure: no,
  tls_failure: no,
  handshake_timeout: backoff,
  handshake_failed_opaque: backoff,
  handshake_failed: backoff,
  offline: backoff,
  server_sent_invalid_utf8: no,
  incoming_too_big: no,
  too_many_fragments: no,
  server_protocol_violation: no,
  proxy_idle_timeout: backoff,
  size_limit_dropped: no,
  suspended: backoff,
  dead_connection: backoff,
  connection_dropped: backoff,
  invalid_utf8_sent: no,
  server_misused_1007: no,
  invalid_payload: no,
  auth_rejected: reauth,
  forbidden: no,
  rate_limited: slow,
  duplicate_session: no,
  policy_violation: no,
  message_too_big: no,
  missing_extension: no,
  keepalive_timeout: backoff,
  server_error_after_message: backoff,
  server_error: backoff,
  service_restart: restart,
  overloaded: slow,
  bad_gateway: backoff,
  sockjs_go_away: policy,
  app_timeout: backoff,
  pack_code: unknown,
  unchecked_message_refused: no,
  schema_passed_refused: no,
  application_defined: unknown,
  invalid_code_received: no,
  /** Produced by `diagnoseByCode()`, not by `diagnose()`: the evidence rules were not loaded at close time. Its retry advice is the code's own. */
  diagnosis_unavailable: backoff,
} as const satisfies Record<string, RetryAdvice>;

export type CauseId = keyof typeof CAUSES;

/**
 * Every cause id, for parity tests and docs.
 *
 * @example
 * CAUSE_IDS.includes(diagnose({ code: 1012 }).cause.id); // true
 */
export const CAUSE_IDS = Object.keys(CAUSES) as CauseId[];

/**
 * Parameters a cause's text may use. Every field is optional; locale functions must read
 * only the fields the matching rule sets (documented next to each rule in `rules.ts`).
 */
export interface CauseParams {
  readonly code: number;
  readonly reason?: string;
  readonly bytes?: number;
  readonly limit?: number;
  readonly idleSeconds?: number;
  readonly proxyTimeoutSeconds?: number;
  readonly status?: number;
  readonly errorCode?: string;
  readonly clientCode?: number;
  readonly protocol?: string;
  readonly packName?: string;
  readonly packTitle?: string;
  /** How many messages (`unchecked_message_refused`, `schema_passed_refused`). */
  readonly count?: number;
}

/** Stable identifiers of evidence sentences. */
export type EvidenceId =
  | 'never_opened'
  | 'open_for'
  | 'handshake_status'
  | 'retry_after'
  | 'transport_error'
  | 'last_frame'
  | 'last_frame_invalid_utf8'
  | 'largest_frame'
  | 'declared_limit'
  | 'idle_for'
  | 'reason_matches'
  | 'reason_given'
  | 'no_reason'
  | 'client_initiated'
  | 'offline'
  | 'page_hidden'
  | 'browser_hides_handshake'
  | 'status_probe'
  | 'status_probe_redirect'
  | 'status_unknown'
  | 'credentials_expired'
  | 'invalid_incoming'
  | 'runtime_misreports'
  | 'close_not_reported'
  | 'sent_checked'
  | 'sent_unchecked'
  | 'no_send_schema'
  | 'browser_encodes_utf8'
  | 'subprotocol_pack'
  | 'heartbeat_missed'
  | 'connect_timeout'
  | 'not_clean'
  | 'no_frames_recorded'
  | 'code_not_valid';

export interface EvidenceParams {
  readonly code?: number;
  readonly seconds?: number;
  readonly status?: number;
  readonly errorCode?: string;
  readonly message?: string;
  readonly kind?: 'text' | 'binary';
  readonly bytes?: number;
  readonly agoMs?: number;
  readonly limit?: number;
  readonly proxyTimeoutSeconds?: number;
  readonly fingerprint?: FingerprintId;
  readonly reason?: string;
  readonly clientCode?: number;
  /** Learned at an earlier failure of the same streak (`status_probe`). */
  readonly earlier?: boolean;
  /** Why the status is unknown (`status_unknown`): `StatusProbe['unknown']`. */
  readonly why?: 'cross_origin' | 'cors' | 'unreachable' | 'timeout' | 'offline' | 'off';
  readonly protocol?: string;
  readonly packName?: string;
  /** The runtime that misreports (`runtime_misreports`): its name, version, the code the standard would report, a public report. */
  readonly runtimeName?: string;
  readonly version?: string;
  readonly means?: number;
  readonly url?: string;
  /** How many (`invalid_incoming`, `sent_checked`, `sent_unchecked`). */
  readonly count?: number;
  /** Where, in a message (`invalid_incoming`): schema paths such as `$.text`. */
  readonly paths?: readonly string[];
}

/** Stable identifiers of known server behaviours recognised from reason strings. */
export type FingerprintId =
  | 'spring_binary_unsupported'
  | 'spring_text_unsupported'
  | 'pyws_keepalive'
  | 'idle_timeout'
  | 'uws_lifetime'
  | 'heartbeat_timeout'
  | 'invalid_utf8'
  | 'too_big'
  | 'too_many_fragments'
  | 'auth'
  | 'forbidden'
  | 'rate_limit'
  | 'duplicate_session'
  | 'shutdown'
  | 'sockjs_go_away';
