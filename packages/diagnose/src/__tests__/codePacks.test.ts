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

describe('a close for a bad message, weighed against what the send schema checked', () => {
  const ctx = { protocol: 'graphql-transport-ws', recentOutgoing: [{ kind: 'text' as const, bytes: 40, at: 1_000 }], timestamps: { closed: 1_010 } };
  const gqlCode = (extra: object, locale?: typeof zhCN) => diagnose({ code: 4400, reason: 'Invalid message received' }, { ...ctx, ...extra }, { packs: [graphqlTransportWs], ...(locale ? { locale } : {}) });

  it('should name the messages that went out without the schema as the likely cause', () => {
    const d = gqlCode({ sendSchema: { checked: 3, unchecked: 2 } });
    expect(d.cause.id).toBe('unchecked_message_refused');
    expect(d.cause.confidence).toBe('medium');
    expect(d.cause.evidence.map((e) => e.id)).toContain('sent_unchecked');
    expect(d.cause.detail).toBe('4400 (BadRequest) says the server could not accept a message: most likely one of the 2 sent without the send schema.');
    expect(gqlCode({ sendSchema: { checked: 0, unchecked: 1 } }, zhCN).cause.detail).toBe('4400（BadRequest）表示服务器无法接受某条消息：很可能就是没有经过发送模式检查的那一条。');
    expect(d.alternatives.map((a) => a.id)).toContain('pack_code');
    expect(d.retry.retryable).toBe(false);
  });

  it('should say the server checks more than the schema when every message passed it', () => {
    const d = gqlCode({ sendSchema: { checked: 4, unchecked: 0 } });
    expect(d.cause.id).toBe('schema_passed_refused');
    expect(d.cause.evidence.find((e) => e.id === 'sent_checked')?.params).toEqual({ count: 4 });
    expect(gqlCode({ sendSchema: { checked: 4, unchecked: 0 } }, zhCN).cause.detail).toBe('发送的消息都通过了发送模式检查，但 4400（BadRequest）表示服务器无法接受其中一条：服务器的检查比模式更严（graphql-ws 的版本不同，或服务器有自己的规则）。');
  });

  it('should say that nothing checked the messages when the client had no send schema, and claim nothing without a record of sends', () => {
    const d = gqlCode({});
    expect(d.cause.id).toBe('pack_code');
    expect(d.cause.evidence.map((e) => e.id)).toContain('no_send_schema');
    const bare = diagnose({ code: 4400 }, { protocol: 'graphql-transport-ws' }, { packs: [graphqlTransportWs] });
    expect(bare.cause.evidence.map((e) => e.id)).not.toContain('no_send_schema');
  });

  it('should leave codes that are not about a bad message alone (4409 is a reused id, which no schema sees)', () => {
    const d = diagnose({ code: 4409 }, { ...ctx, sendSchema: { checked: 0, unchecked: 5 } }, { packs: [graphqlTransportWs] });
    expect(d.cause.id).toBe('pack_code');
    expect(d.cause.evidence.map((e) => e.id)).not.toContain('sent_unchecked');
  });

  it('should add what the schema checked to a 1008, and drop a sendSchema of the wrong shape', () => {
    const d = diagnose({ code: 1008 }, { ...ctx, sendSchema: { checked: 0, unchecked: 1 } });
    expect(d.cause.id).toBe('policy_violation');
    expect(d.cause.evidence.map((e) => e.id)).toContain('sent_unchecked');
    const garbage = diagnose({ code: 4400 }, { ...ctx, sendSchema: 'yes' } as never, { packs: [graphqlTransportWs] });
    expect(garbage.cause.id).toBe('pack_code');
  });
});
