import { afterEach, describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose.js';
import { explain } from '../explain.js';
import { defineCodes, registerCodes } from '../registerCodes.js';
import { graphqlTransportWs } from '../packs/graphqlTransportWs.js';
import { zhCN } from '../locales/zh-CN.js';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

describe('application codes', () => {
  it('should say plainly that an unknown application code is unknown, show the reason, and not claim to be retryable', () => {
    const d = diagnose({ code: 4321, reason: 'room closed' }, { opened: true });
    expect(d.cause.id).toBe('application_defined');
    expect(d.cause.confidence).toBe('low');
    expect(d.cause.detail).toContain('room closed');
    expect(d.retry.retryable).toBe('unknown');
    expect(d.explanation.title).toBe('Application-defined (private use)');
  });

  it('should keep an auth-looking reason on an unknown code a hint, not a retry decision', () => {
    const d = diagnose({ code: 4001, reason: 'token expired' }, {});
    expect(d.cause.id).toBe('application_defined');
    expect(d.alternatives[0]).toMatchObject({ id: 'auth_rejected', confidence: 'low' });
    expect(d.retry.retryable).toBe('unknown');
  });

  it('should explain graphql-transport-ws codes when that subprotocol was negotiated', () => {
    const d = diagnose({ code: 4408, reason: 'Connection initialisation timeout' }, { protocol: 'graphql-transport-ws' }, { packs: [graphqlTransportWs] });
    expect(d.cause).toMatchObject({ id: 'pack_code', confidence: 'high' });
    expect(d.explanation).toMatchObject({ name: 'ConnectionInitialisationTimeout', pack: 'graphql-ws' });
    expect(d.retry).toMatchObject({ retryable: true, strategy: 'backoff' });
    expect(diagnose({ code: 4400 }, { protocol: 'graphql-transport-ws' }, { packs: [graphqlTransportWs] }).retry.retryable).toBe(false);
  });

  it('should not apply a pack bound to another subprotocol', () => {
    const d = diagnose({ code: 4408 }, { protocol: 'mqtt' }, { packs: [graphqlTransportWs] });
    expect(d.cause.id).toBe('application_defined');
  });

  it('should cover every graphql-ws code listed in the reference', () => {
    for (const code of [4400, 4401, 4403, 4406, 4408, 4409, 4429, 4499, 4500]) {
      const e = explain(code, { packs: [graphqlTransportWs], protocol: 'graphql-transport-ws', locale: zhCN });
      expect(e.pack, String(code)).toBe('graphql-ws');
      expect(e.title).toMatch(/[\u4e00-\u9fff]/);
      expect(e.fixes.length).toBeGreaterThan(0);
      expect(e.deadEnds.length).toBeGreaterThan(0);
    }
  });

  it('should use a registered app code with its own text and retry advice', () => {
    cleanups.push(
      registerCodes(
        defineCodes({
          id: 'chat',
          name: 'Chat server',
          codes: {
            4001: { name: 'Session expired', category: 'auth', retry: { retryable: true, strategy: 'after_reauth' }, text: { en: { title: 'Session expired', description: 'Log in again.' }, 'zh-CN': { title: '会话已过期', description: '请重新登录。' } } },
          },
        }),
      ),
    );
    const d = diagnose({ code: 4001 }, {}, { locale: zhCN });
    expect(d.cause.id).toBe('pack_code');
    expect(d.explanation.title).toBe('会话已过期');
    expect(d.retry.strategy).toBe('after_reauth');
  });

  it('should refuse app codes outside 3000-4999 with an error naming the code', () => {
    expect(() => defineCodes({ id: 'bad', name: 'bad', codes: { 1001: { name: 'x', retry: { retryable: false, strategy: 'no' }, text: { en: { title: 'x', description: 'x' } } } } })).toThrow(/3000-4999 .*1001/);
  });
});
