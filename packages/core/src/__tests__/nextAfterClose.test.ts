import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseByCode, type Diagnosis } from '@sockdoc/diagnose';
import { NEW_STREAK, nextAfterClose, type AfterCloseInput } from '../nextAfterClose.js';
import { resolveReconnect } from '../reconnectPolicy.js';

// The decision table of nextAfterClose, row by row. Diagnoses are real ones from @sockdoc/diagnose.
const policy = resolveReconnect(true)!;
const dropped = diagnose({ code: 1006, wasClean: false }, { opened: true });
const refused401 = diagnose({ code: 1006, wasClean: false }, { runtime: 'node', opened: false, handshakeStatus: 401 });
const unsupported = diagnose({ code: 1003, wasClean: true }, { opened: true });
const restart = diagnose({ code: 1012, wasClean: true }, { opened: true });
const base: AfterCloseInput = { by: 'peer', diagnosis: dropped, openedAt: 0, streak: NEW_STREAK, policy, canRefresh: false, now: 1_000, random: () => 0.5 };
const decide = (patch: Partial<AfterCloseInput>) => nextAfterClose({ ...base, ...patch });

describe('nextAfterClose: the decision after a close', () => {
  it('row 1: reconnect() by the user attempts again at once and leaves the streak alone', () => {
    const streak = { ...NEW_STREAK, failures: 3 };
    expect(decide({ by: 'reopen', streak })).toEqual({ next: { attempt: 0, delayMs: 0 }, streak });
  });

  it('row 2: close() by the user stops, whatever the diagnosis says', () => {
    expect(decide({ by: 'user', diagnosis: restart }).next).toEqual({ stop: 'closed_by_user' });
  });

  it('row 3: reconnect: false stops with reconnect_disabled', () => {
    expect(decide({ policy: undefined }).next).toEqual({ stop: 'reconnect_disabled' });
  });

  it('rows 4-5: an authentication failure runs refresh once, then stops with auth_failed', () => {
    expect(decide({ diagnosis: refused401, openedAt: undefined }).next).toEqual({ stop: 'auth_failed' });
    const first = decide({ diagnosis: refused401, openedAt: undefined, canRefresh: true });
    expect(first.next).toEqual({ attempt: 1, delayMs: 0, refresh: true });
    expect(first.streak.refreshed).toBe(true);
    expect(decide({ diagnosis: refused401, openedAt: undefined, canRefresh: true, streak: first.streak }).next).toEqual({ stop: 'auth_failed' });
  });

  it('row 6: advice that is not retryable stops; shouldReconnect overrides the advice both ways', () => {
    expect(decide({ diagnosis: unsupported }).next).toEqual({ stop: 'not_retryable' });
    expect(decide({ diagnosis: diagnose({ code: 4321 }) }).next).toEqual({ stop: 'not_retryable' }); // retryable: 'unknown' is not a yes
    const yes = resolveReconnect({ shouldReconnect: () => true })!;
    expect(decide({ diagnosis: unsupported, policy: yes }).next).toMatchObject({ attempt: 1 });
    const no = resolveReconnect({ shouldReconnect: () => false })!;
    expect(decide({ policy: no }).next).toEqual({ stop: 'not_retryable' });
  });

  it('row 7: stops after maxAttempts failures, or maxAttemptsNeverOpened attempts that never opened', () => {
    let streak = NEW_STREAK;
    const seen: unknown[] = [];
    for (let i = 0; i < 6; i++) {
      const r = decide({ openedAt: undefined, streak });
      streak = r.streak;
      seen.push('stop' in r.next ? r.next.stop : r.next.attempt);
    }
    expect(seen).toEqual([1, 2, 3, 4, 'max_attempts', 'max_attempts']);
    streak = { ...NEW_STREAK, failures: policy.maxAttempts };
    expect(decide({ openedAt: 999, streak }).next).toEqual({ stop: 'max_attempts' });
  });

  it('row 8: stops when the streak began more than maxElapsedMs ago, on the one clock it is given', () => {
    const streak = { ...NEW_STREAK, failures: 1, startedAt: 0 };
    expect(decide({ openedAt: policy.maxElapsedMs - 1, streak, now: policy.maxElapsedMs }).next).toMatchObject({ attempt: 2 });
    expect(decide({ openedAt: policy.maxElapsedMs, streak, now: policy.maxElapsedMs + 1 }).next).toEqual({ stop: 'max_elapsed' });
  });

  it('row 9: retries after the advised delay: full-jitter backoff, 5-30 s for 1012, or the delay option', () => {
    expect(decide({ random: () => 0.5 }).next).toEqual({ attempt: 1, delayMs: 2_500 });
    expect(decide({ diagnosis: restart, random: () => 0 }).next).toEqual({ attempt: 1, delayMs: 5_000 });
    expect(decide({ policy: resolveReconnect({ delay: (_d, n) => n * 7 })! }).next).toEqual({ attempt: 1, delayMs: 7 });
    expect(decide({ diagnosis: undefined, openedAt: undefined }).next).toMatchObject({ attempt: 1 }); // the URL could not be resolved
  });

  it('starts a new streak after a connection that stayed open for stableAfterMs, not before', () => {
    const streak = { failures: 5, neverOpened: 0, startedAt: 0, refreshed: true, recent: [0] };
    expect(decide({ streak, openedAt: 0, now: policy.stableAfterMs }).streak).toEqual({ failures: 1, neverOpened: 0, startedAt: policy.stableAfterMs, refreshed: false, recent: [0, policy.stableAfterMs] });
    expect(decide({ streak, openedAt: 1, now: policy.stableAfterMs }).streak).toMatchObject({ failures: 6, refreshed: true, startedAt: 0 });
  });

  it('decides from structure alone: a close judged from its code gives the same answer whatever its text', () => {
    const en = diagnoseByCode({ code: 1012 });
    const relabelled: Diagnosis = { ...en, summary: 'x', cause: { ...en.cause, title: 'y', detail: 'z' }, retry: { ...en.retry, text: '' } };
    expect(decide({ diagnosis: relabelled, random: () => 0 })).toEqual(decide({ diagnosis: en, random: () => 0 }));
    expect(decide({ diagnosis: diagnoseByCode({ code: 1000 }) }).next).toEqual({ stop: 'not_retryable' });
  });

  it('row 3b: a server that kills every connection after it became stable is retried within a budget, then stopped with retry_budget', () => {
    // Open 6 s (past stableAfterMs), then dropped, again and again: each close resets the counts.
    let streak = NEW_STREAK;
    let now = 0;
    const stops: string[] = [];
    let reconnects = 0;
    for (let i = 0; i < 100 && stops.length === 0; i++) {
      const openedAt = now;
      now += 6_000;
      const { next, streak: s } = decide({ streak, openedAt, now });
      streak = s;
      if ('stop' in next) stops.push(next.stop);
      else {
        reconnects++;
        now += next.delayMs;
      }
    }
    expect(stops).toEqual(['retry_budget']);
    expect(reconnects).toBe(policy.maxReconnectsPerWindow);
    // Spread out beyond the window, the same closes go on being retried.
    const slow = decide({ streak: { ...NEW_STREAK, recent: Array.from({ length: 30 }, (_, k) => k * 1000) }, now: policy.windowMs + 40_000, openedAt: policy.windowMs });
    expect(slow.next).toMatchObject({ attempt: 1 });
    expect(slow.streak.recent).toHaveLength(1);
  });

  it('row 3b also bounds refresh: a server that accepts the new token and rejects it again later', () => {
    const refused4401 = diagnose({ code: 4401, reason: 'token expired', wasClean: true }, { opened: true });
    let streak = NEW_STREAK;
    let now = 0;
    let refreshes = 0;
    let stop: string | undefined;
    for (let i = 0; i < 100 && !stop; i++) {
      const { next, streak: s } = decide({ diagnosis: refused4401, canRefresh: true, streak, openedAt: now, now: now + 6_000 });
      now += 6_000;
      streak = s;
      if ('stop' in next) stop = next.stop;
      else if (next.refresh) refreshes++;
    }
    expect(stop).toBe('retry_budget');
    expect(refreshes).toBe(policy.maxReconnectsPerWindow);
  });
});
