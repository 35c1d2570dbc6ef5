import type { Diagnosis } from '@sockdoc/diagnose';
import { typeName } from './checkOutgoing.js';
import { DEV } from './dev.js';
import { OptionError } from './errors/OptionError.js';
import { positiveOption } from './positiveOption.js';

/** Why the client stopped for good. */
export type StopReason =
  | 'closed_by_user'
  | 'not_retryable'
  | 'auth_failed'
  | 'max_attempts'
  | 'max_elapsed'
  | 'retry_budget'
  | 'reconnect_disabled'
  | 'invalid_url'
  | 'invalid_protocols'
  | 'create_failed';

export interface ReconnectOptions {
  /** Consecutive attempts before giving up, for connections that had opened. Default 10. */
  readonly maxAttempts?: number;
  /** Consecutive attempts that never opened before giving up (handshake problems rarely fix themselves). Default 4. */
  readonly maxAttemptsNeverOpened?: number;
  /** Give up when the first failure of the current streak is this old. Default 10 minutes. */
  readonly maxElapsedMs?: number;
  /** Cap of the first delay; later caps double (RFC 6455 §7.2.3: first delay random in 0-5 s). Default 5000. */
  readonly initialDelayMs?: number;
  /** Largest backoff cap. Default 60000. */
  readonly maxDelayMs?: number;
  /** A connection open this long resets the attempt counts. Default 5000. */
  readonly stableAfterMs?: number;
  /** Most reconnects in any `windowMs`, counted across stable connections too (a server that kills every connection after 6 s). Default 20. */
  readonly maxReconnectsPerWindow?: number;
  /** The window of `maxReconnectsPerWindow`. Default 10 minutes. */
  readonly windowMs?: number;
  /** Overrides the decision: return true to reconnect, false to stop, undefined for the default. */
  readonly shouldReconnect?: (diagnosis: Diagnosis, attempt: number) => boolean | undefined;
  /** Overrides the delay before attempt `attempt` (1-based). */
  readonly delay?: (diagnosis: Diagnosis | undefined, attempt: number) => number;
}

export interface ResolvedReconnect {
  readonly maxAttempts: number;
  readonly maxAttemptsNeverOpened: number;
  readonly maxElapsedMs: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  readonly stableAfterMs: number;
  readonly maxReconnectsPerWindow: number;
  readonly windowMs: number;
  readonly shouldReconnect: ReconnectOptions['shouldReconnect'];
  readonly delay: ReconnectOptions['delay'];
}

/** The documented defaults (docs/guides/reconnection.md). */
const RECONNECT_DEFAULTS = {
  maxAttempts: 10,
  maxAttemptsNeverOpened: 4,
  maxElapsedMs: 10 * 60_000,
  initialDelayMs: 5_000,
  maxDelayMs: 60_000,
  stableAfterMs: 5_000,
  maxReconnectsPerWindow: 20,
  windowMs: 10 * 60_000,
} as const;

const DEFAULT_POLICY: ResolvedReconnect = Object.freeze({ ...RECONNECT_DEFAULTS, shouldReconnect: undefined, delay: undefined });

/**
 * The reconnect options with defaults filled in. Throws `OptionError` for a number that is not
 * a finite, non-negative number (`NaN` from an unset `Number(process.env.X)` included) and for
 * `shouldReconnect` or `delay` that are not functions: an unbounded policy is refused, not run.
 */
export function resolveReconnect(o: boolean | ReconnectOptions | undefined): ResolvedReconnect | undefined {
  if (o === false) return undefined;
  if (o === true || o === undefined) return DEFAULT_POLICY;
  if (typeof o !== 'object' || o === null) throw new OptionError('SOCKDOC_INVALID_OPTION', DEV ? `Option reconnect must be a boolean or an object (got ${typeName(o)}).` : '');
  const out: Record<string, unknown> = { ...RECONNECT_DEFAULTS };
  for (const k of Object.keys(RECONNECT_DEFAULTS) as Array<keyof typeof RECONNECT_DEFAULTS>) {
    const v = positiveOption(`reconnect.${k}`, o[k], true);
    if (v !== undefined) out[k] = v;
  }
  for (const k of ['shouldReconnect', 'delay'] as const) {
    if (o[k] !== undefined && typeof o[k] !== 'function') throw new OptionError('SOCKDOC_INVALID_OPTION', DEV ? `Option reconnect.${k} must be a function (got ${typeName(o[k])}).` : '');
  }
  return { ...(out as typeof RECONNECT_DEFAULTS), shouldReconnect: o.shouldReconnect, delay: o.delay };
}

/**
 * Whether a close is an authentication failure that new credentials could fix: a handshake
 * refused with 401/403/407 (Node), 3000, 1008 with an auth reason, a code registered with
 * category `auth` (e.g. an app's 4401), or an unregistered 4401 (the common HTTP-401-plus-4000 convention).
 */
export function isAuthFailure(d: Diagnosis): boolean {
  return d.cause.id === 'handshake_auth' || d.cause.id === 'auth_rejected' || d.explanation.category === 'auth' || d.code === 4401;
}

/**
 * The delay before reconnect attempt `attempt` (1-based), with full jitter:
 * - `delay_5_30s` (1012): random in 5-30 s, as the code's registration recommends;
 * - `retry_after` (a 429 or 503 with `Retry-After`): the server's delay plus up to 1 s of jitter;
 * - `slow_backoff` (1013, rate limits): random between the advised minimum and a cap that doubles, at least 30 s;
 * - otherwise truncated binary exponential backoff: random in [0, min(maxDelay, initial * 2^(attempt-1))].
 */
export function defaultDelay(d: Diagnosis | undefined, attempt: number, o: ResolvedReconnect, random: () => number): number {
  const n = Math.max(1, attempt);
  const advice = d?.retry;
  if (advice?.strategy === 'delay_5_30s') {
    const [min, max] = advice.delayMs ?? [5_000, 30_000];
    return Math.round(min + random() * (max - min));
  }
  if (advice?.strategy === 'retry_after') {
    // What the server asked for, and up to a second more so that refused clients do not return in step.
    return Math.round((advice.delayMs?.[0] ?? 0) + random() * 1000);
  }
  if (advice?.strategy === 'slow_backoff') {
    const min = advice.delayMs?.[0] ?? 30_000;
    const cap = Math.min(Math.max(o.maxDelayMs, min * 4), min * 2 ** (n - 1) * 2);
    return Math.round(min + random() * (cap - min));
  }
  const cap = Math.min(o.maxDelayMs, o.initialDelayMs * 2 ** (n - 1));
  return Math.round(random() * cap);
}
