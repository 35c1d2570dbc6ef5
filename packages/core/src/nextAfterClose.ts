import type { Diagnosis } from '@sockdoc/diagnose';
import { defaultDelay, isAuthFailure, type ResolvedReconnect, type StopReason } from './reconnectPolicy.js';

/** The failure streak: consecutive attempts since the last connection that stayed open long enough. */
export interface Streak {
  /** Failed attempts in this streak. */
  readonly failures: number;
  /** Consecutive attempts that never opened. */
  readonly neverOpened: number;
  /** When the streak's first failure happened, on the client's clock. */
  readonly startedAt: number | undefined;
  /** Whether `refresh` already ran in this streak. */
  readonly refreshed: boolean;
  /** When each recent reconnect was decided (within `windowMs`): kept across stable connections, unlike the counts above. */
  readonly recent: readonly number[];
}

/** The longest wait a timer can take (2^31 - 1 ms, about 24.8 days); longer values fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export const NEW_STREAK: Streak = Object.freeze({ failures: 0, neverOpened: 0, startedAt: undefined, refreshed: false, recent: [] });

/** Everything the decision reads. Nothing else: no client fields, no global clock. */
export interface AfterCloseInput {
  /** Who ended the connection: `reopen` is the user's `reconnect()`, `user` their `close()`, `peer` the server or the network. */
  readonly by: 'reopen' | 'user' | 'peer';
  /** How the close was judged (absent when the URL could not be resolved). Only structured fields are read. */
  readonly diagnosis: Diagnosis | undefined;
  /** When the connection opened, on the client's clock (undefined if it never opened). */
  readonly openedAt: number | undefined;
  readonly streak: Streak;
  /** `reconnect` resolved, or undefined for `reconnect: false`. */
  readonly policy: ResolvedReconnect | undefined;
  /** Whether a `refresh` hook was given. */
  readonly canRefresh: boolean;
  /** The client's clock, now. */
  readonly now: number;
  readonly random: () => number;
}

/** What follows: stop for a reason, or attempt again after `delayMs` (first running `refresh` when `refresh` is set). */
export type Next =
  | { readonly stop: StopReason }
  | { readonly attempt: number; readonly delayMs: number; readonly refresh?: true };

/**
 * The decision after a close, as a table read top to bottom; the first row that matches wins
 * (docs/guides/reconnection.md states the same rules for users):
 *
 * | # | when | then |
 * |---|---|---|
 * | 1 | the user called `reconnect()` | attempt at once (attempt 0), streak unchanged |
 * | 2 | the user called `close()` | stop `closed_by_user` |
 * | 3 | `reconnect: false` | stop `reconnect_disabled` |
 * | - | (the connection was open for `stableAfterMs` or more) | (a new streak starts; then count this failure) |
 * | 3b | more than `maxReconnectsPerWindow` closes in the last `windowMs`, stable connections or not | stop `retry_budget` |
 * | 4 | an authentication failure, no `refresh` hook or already refreshed | stop `auth_failed` |
 * | 5 | an authentication failure | run `refresh`, then attempt at once |
 * | 6 | `shouldReconnect` says no, or (without it) the advice is not `retryable: true` | stop `not_retryable` |
 * | 7 | more than `maxAttempts` failures, or more than `maxAttemptsNeverOpened` that never opened | stop `max_attempts` |
 * | 8 | the streak began more than `maxElapsedMs` ago | stop `max_elapsed` |
 * | 9 | otherwise | attempt after `delay()` (when it returns a finite number) or the advised backoff |
 *
 * Pure: the same input gives the same output (with the same `random`).
 *
 * @example
 * const { next } = nextAfterClose({ by: 'peer', diagnosis, openedAt: undefined, streak: NEW_STREAK, policy, canRefresh: false, now: 0, random: Math.random });
 */
export function nextAfterClose(input: AfterCloseInput): { readonly next: Next; readonly streak: Streak } {
  const { by, diagnosis: d, policy, now } = input;
  let streak = input.streak;
  if (by === 'reopen') return { next: { attempt: 0, delayMs: 0 }, streak };
  if (by === 'user') return { next: { stop: 'closed_by_user' }, streak };
  if (!policy) return { next: { stop: 'reconnect_disabled' }, streak };

  const opened = input.openedAt !== undefined;
  // A stable connection starts a new streak; the reconnects of the window are not forgotten.
  const recent = [...streak.recent.filter((t) => now - t < policy.windowMs), now];
  if (opened && now - input.openedAt! >= policy.stableAfterMs) streak = NEW_STREAK;
  streak = { failures: streak.failures + 1, neverOpened: opened ? 0 : streak.neverOpened + 1, startedAt: streak.startedAt ?? now, refreshed: streak.refreshed, recent };
  const attempt = streak.failures;
  // Connections that open, live past stableAfterMs and die again would reset the counts (and run refresh) for ever.
  if (recent.length > policy.maxReconnectsPerWindow) return { next: { stop: 'retry_budget' }, streak };

  if (d && isAuthFailure(d)) {
    if (!input.canRefresh || streak.refreshed) return { next: { stop: 'auth_failed' }, streak };
    return { next: { attempt, delayMs: 0, refresh: true }, streak: { ...streak, refreshed: true } };
  }
  const retry = (d ? policy.shouldReconnect?.(d, attempt) : undefined) ?? (d ? d.retry.retryable === true : true);
  if (!retry) return { next: { stop: 'not_retryable' }, streak };
  if (attempt > policy.maxAttempts || streak.neverOpened > policy.maxAttemptsNeverOpened) return { next: { stop: 'max_attempts' }, streak };
  if (now - streak.startedAt! > policy.maxElapsedMs) return { next: { stop: 'max_elapsed' }, streak };
  // A `delay()` that returns something no timer can wait (NaN, Infinity, a string) gets the default delay.
  const own = policy.delay?.(d, attempt);
  const delayMs = typeof own === 'number' && Number.isFinite(own) ? Math.min(Math.max(0, own), MAX_TIMER_MS) : Math.min(defaultDelay(d, attempt, policy, input.random), MAX_TIMER_MS);
  // A server that asks for a longer wait than the streak has left: stop now rather than wait past the budget.
  if (d?.retry.strategy === 'retry_after' && now + delayMs - streak.startedAt! > policy.maxElapsedMs) return { next: { stop: 'max_elapsed' }, streak };
  return { next: { attempt, delayMs }, streak };
}
