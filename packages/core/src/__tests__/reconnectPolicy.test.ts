import { describe, expect, it } from 'vitest';
import { diagnose } from '@sockdoc/diagnose';
import { defaultDelay, isAuthFailure, resolveReconnect } from '../reconnectPolicy.js';

const policy = resolveReconnect(true)!;
const seq = (...xs: number[]) => {
  let i = 0;
  return () => xs[i++ % xs.length]!;
};

describe('defaultDelay', () => {
  it('should start with a random delay in 0-5 s and double the cap each attempt (full jitter, RFC 6455 §7.2.3)', () => {
    const d = diagnose({ code: 1006 }, { opened: true });
    expect(defaultDelay(d, 1, policy, () => 0)).toBe(0);
    expect(defaultDelay(d, 1, policy, () => 0.999999)).toBe(5000);
    expect(defaultDelay(d, 2, policy, () => 0.999999)).toBe(10_000);
    expect(defaultDelay(d, 3, policy, () => 0.5)).toBe(10_000);
    expect(defaultDelay(d, 20, policy, () => 0.999999)).toBe(60_000);
  });

  it('should wait a random 5-30 s after 1012', () => {
    const d = diagnose({ code: 1012 }, {});
    expect(defaultDelay(d, 1, policy, () => 0)).toBe(5000);
    expect(defaultDelay(d, 1, policy, () => 0.999999)).toBe(30_000);
    expect(defaultDelay(d, 7, policy, () => 0.5)).toBe(17_500);
  });

  it('should back off at least 30 s, and longer each time, after 1013', () => {
    const d = diagnose({ code: 1013 }, {});
    expect(defaultDelay(d, 1, policy, () => 0)).toBe(30_000);
    expect(defaultDelay(d, 1, policy, () => 0.999999)).toBeLessThanOrEqual(60_000);
    expect(defaultDelay(d, 3, policy, () => 0.999999)).toBeGreaterThan(60_000);
  });

  it('should jitter: different random draws give different delays', () => {
    const d = diagnose({ code: 1006 }, { opened: true });
    const r = seq(0.1, 0.7, 0.3);
    expect(new Set([1, 2, 3].map(() => defaultDelay(d, 1, policy, r))).size).toBe(3);
  });
});

describe('isAuthFailure', () => {
  it.each([
    ['401 handshake', diagnose({ code: 1006 }, { opened: false, runtime: 'node', handshakeStatus: 401 }), true],
    ['403 handshake', diagnose({ code: 1006 }, { opened: false, runtime: 'node', handshakeStatus: 403 }), true],
    ['3000', diagnose({ code: 3000 }, {}), true],
    ['4401', diagnose({ code: 4401 }, {}), true],
    ['1008 with an auth reason', diagnose({ code: 1008, reason: 'token expired' }, {}), true],
    ['1008 rate limit', diagnose({ code: 1008, reason: 'rate limit' }, {}), false],
    ['1006 dropped', diagnose({ code: 1006 }, { opened: true }), false],
    ['404 handshake', diagnose({ code: 1006 }, { opened: false, runtime: 'node', handshakeStatus: 404 }), false],
  ])('should classify %s', (_name, d, expected) => {
    expect(isAuthFailure(d)).toBe(expected);
  });
});
