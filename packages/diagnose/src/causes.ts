import type { RetryAdvice } from './types.js';

/**
 * Stable identifiers of the causes `diagnose()` can name, with the retry advice that cause
 * implies. A cause's advice overrides the code's generic advice: a 1006 caused by a 401
 * handshake must not be retried like a 1006 caused by a dropped TCP connection.
 */
export const CAUSES = {
  own_close_echo: { retryable: false, strategy: 'no' },
  client_aborted: { retryable: false, strategy: 'no' },
  server_ended_session: { retryable: false, strategy: 'no' },
  lifetime_rotation: { retryable: true, strategy: 'backoff', delayMs: [0, 5000] },
  server_heartbeat_timeout: { retryable: true, strategy: 'backoff', delayMs: [0, 5000] },
  server_going_away: { retryable: true, strategy: 'backoff', delayMs: [0, 5000] },
  server_idle_timeout: { retryable: true, strategy: 'backoff', delayMs: [0, 5000] },
  protocol_error: { retryable: false, strategy: 'no' },
  client_sent_bad_close_code: { retryable: false, strategy: 'no' },
  binary_on_text_endpoint: { retryable: false, strategy: 'no' },
  text_on_binary_endpoint: { retryable: false, strategy: 'no' },
  unsupported_data: { retryable: false, strategy: 'no' },
  reserved_code: { retryable: false, strategy: 'no' },
  closed_without_code: { retryable: true, strategy: 'policy', delayMs: [0, 5000] },
  handshake_auth: { retryable: true, strategy: 'after_reauth' },
  handshake_not_found: { retryable: false, strategy: 'no' },
  handshake_rejected: { retryable: false, strategy: 'no' },
  handshake_unavailable: { retryable: true, strategy: 'backoff', delayMs: [0, 5000] },
  connection_refused: { retryable: true, strategy: 'backoff', delayMs: [0, 5000] },
  dns_failure: { retryable: false, strategy: 'no' },
  tls_failure: { retryable: false, strategy: 'no' },
  handshake_timeout: { retryable: true, strategy: 'backoff', delayMs: [0, 5000] },
  handshake_failed_opaque: { retryable: true, strategy: 'backoff', delayMs: [0, 5000] },
  offline: { retryable: true, strategy: 'backoff', delayMs: [0, 5000] },
  server_sent_invalid_utf8: { retryable: false, strategy: 'no' },
  incoming_too_big: { retryable: false, strategy: 'no' },
  too_many_fragments: { retryable: false, strategy: 'no' },
  server_protocol_violation: { retryable: false, strategy: 'no' },
  proxy_idle_timeout: { retryable: true, strategy: 'backoff', delayMs: [0, 5000] },
  size_limit_dropped: { retryable: false, strategy: 'no' },
  suspended: { retryable: true, strategy: 'backoff', delayMs: [0, 5000] },
  dead_connection: { retryable: true, strategy: 'backoff', delayMs: [0, 5000] },
  connection_dropped: { retryable: true, strategy: 'backoff', delayMs: [0, 5000] },
  invalid_utf8_sent: { retryable: false, strategy: 'no' },
  server_misused_1007: { retryable: false, strategy: 'no' },
  invalid_payload: { retryable: false, strategy: 'no' },
  auth_rejected: { retryable: true, strategy: 'after_reauth' },
  forbidden: { retryable: false, strategy: 'no' },
  rate_limited: { retryable: true, strategy: 'slow_backoff', delayMs: [30000, 120000] },
  duplicate_session: { retryable: false, strategy: 'no' },
  policy_violation: { retryable: false, strategy: 'no' },
  message_too_big: { retryable: false, strategy: 'no' },
  missing_extension: { retryable: false, strategy: 'no' },
  keepalive_timeout: { retryable: true, strategy: 'backoff', delayMs: [0, 5000] },
  server_error_after_message: { retryable: true, strategy: 'backoff', delayMs: [0, 5000] },
  server_error: { retryable: true, strategy: 'backoff', delayMs: [0, 5000] },
  service_restart: { retryable: true, strategy: 'delay_5_30s', delayMs: [5000, 30000] },
  overloaded: { retryable: true, strategy: 'slow_backoff', delayMs: [30000, 120000] },
  bad_gateway: { retryable: true, strategy: 'backoff', delayMs: [0, 5000] },
  sockjs_go_away: { retryable: true, strategy: 'policy', delayMs: [0, 5000] },
  app_timeout: { retryable: true, strategy: 'backoff', delayMs: [0, 5000] },
  pack_code: { retryable: 'unknown', strategy: 'unknown' },
  application_defined: { retryable: 'unknown', strategy: 'unknown' },
  invalid_code_received: { retryable: false, strategy: 'no' },
  /** Produced by @sockdoc/core, not by `diagnose()`: the lazily loaded diagnosis module was not there at close time. */
  diagnosis_unavailable: { retryable: true, strategy: 'backoff', delayMs: [0, 5000] },
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
}

/** Stable identifiers of evidence sentences. */
export type EvidenceId =
  | 'never_opened'
  | 'open_for'
  | 'handshake_status'
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
  readonly protocol?: string;
  readonly packName?: string;
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
