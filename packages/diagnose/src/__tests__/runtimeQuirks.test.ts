import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose.js';
import { zhCN } from '../locales/zh-CN.js';
import { RUNTIME_QUIRKS } from '../runtimeQuirks.js';

// What runtimes misreport (recorded by scripts/runtimes.test.ts, or cited), and how a diagnosis reads it.
describe('runtime fidelity', () => {
  it("should read Deno's 0 as the 1006 the standard reports, say so, and advise a retry, not 'never'", () => {
    const d = diagnose({ code: 0, reason: '', wasClean: false }, { runtime: 'deno', runtimeVersion: '2.9.6', opened: true, timestamps: { opened: 1_000, closed: 9_000 } });
    expect(d.code).toBe(1006);
    expect(d.cause.id).toBe('connection_dropped');
    expect(d.retry.strategy).toBe('backoff');
    const ev = d.cause.evidence[0]!;
    expect(ev.id).toBe('runtime_misreports');
    expect(ev.text).toBe("Deno 2.9.6 reports 0 where the WebSocket standard reports 1006, as sockdoc's runtime tests recorded: read as 1006.");
    expect(diagnose({ code: 0, wasClean: false }, { runtime: 'deno', runtimeVersion: '2.9.6' }, { locale: zhCN }).cause.evidence[0]!.text).toBe('Deno 2.9.6 在 WebSocket 标准规定报告 1006 的情况下报告的是 0（sockdoc 的运行时测试记录到了这一行为），因此按 1006 解读。');
    // Elsewhere a 0 is what it is: not a close code.
    expect(diagnose({ code: 0, wasClean: false }, { runtime: 'node' }).cause.id).toBe('invalid_code_received');
  });

  it('should doubt a code a runtime is known to invent: lower confidence, no retry advice from it, and the public report named', () => {
    const plain = diagnose({ code: 1001, reason: 'going away' }, { runtime: 'browser' });
    const rn = diagnose({ code: 1001, reason: 'going away' }, { runtime: 'react-native' });
    expect(rn.code).toBe(1001);
    expect(plain.cause.confidence).toBe('high');
    expect(rn.cause.confidence).toBe('medium');
    expect(rn.retry.strategy).toBe('unknown');
    expect(rn.cause.evidence[0]!.text).toContain('React Native is known to report other codes as 1001 (https://github.com/facebook/react-native/issues/31326)');
  });

  it('should say when the runtime never reported the close', () => {
    const d = diagnose({ code: 1006, wasClean: false }, { runtime: 'node', webSocket: 'undici', opened: false, closeNotReported: true, transportError: { message: 'Received network error or non-101 status code.' } });
    expect(d.cause.evidence.map((e) => e.id)).toContain('close_not_reported');
  });

  it("should read a refused handshake's status from Deno's, Bun's and workerd's error messages, as recorded", () => {
    for (const message of [
      'NetworkError: failed to connect to WebSocket: Invalid status code: 401',
      "WebSocket connection to 'ws://127.0.0.1:1/x' failed: Expected 101 status code: 401",
      'Uncaught TypeError: Failed to establish the WebSocket connection: expected server to reply with HTTP status code 101 (switching protocols), but received 401 instead.',
    ]) {
      const d = diagnose({ code: 1006, wasClean: false }, { opened: false, transportError: { message } });
      expect(d.cause.id, message).toBe('handshake_auth');
      expect(d.cause.evidence.find((e) => e.id === 'handshake_status')?.params).toEqual({ status: 401 });
    }
  });

  it('should back every quirk with a recording or a public report', () => {
    for (const q of RUNTIME_QUIRKS) expect('cited' in q.source ? q.source.cited : q.source.recorded.length).toBeTruthy();
  });
});
