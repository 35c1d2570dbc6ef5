import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '@sockdoc/test-utils';
import { readRecord, recordOf, runProbe, RUNTIMES, SCENARIOS, unavailable } from './runtimes.js';

// The same scenarios in every runtime users deploy to that runs here, each with the built
// packages against a real local server: what the runtime's own WebSocket reports, and what
// sockdoc tells the user. The record (scripts/runtimes/fidelity.json, rendered into the docs'
// fidelity table) must say what each runtime does today: a runtime that changes fails this test
// until it is recorded again (`pnpm runtimes:record`). A runtime that cannot start fails it too.

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

describe('runtimes: conformance scenarios in Node 20 (ws, undici), Node 22 (undici), Deno, Bun, workerd and Chromium', () => {
  for (const target of RUNTIMES) {
    it.concurrent(`${target.label}: every close diagnosed, none misread, as recorded`, async () => {
      const why = unavailable(target);
      if (why) throw new Error(`${target.label} cannot start here: ${why}`);
      const out = await runProbe(target, server);
      const sd = out.sockdoc;
      // Every scenario ends in a diagnosed close, whatever the runtime reports (or fails to).
      for (const s of SCENARIOS) if (s.id !== 'buffered') expect(sd[s.id], s.id).toMatchObject({ closed: true });
      expect(sd['text_only_binary']).toMatchObject({ code: 1003, cause: 'binary_on_text_endpoint' });
      expect(sd['over_limit']).toMatchObject({ code: 1009, cause: 'message_too_big' });
      expect(sd['app_close']).toMatchObject({ code: 4001 });
      expect(sd['server_restart']).toMatchObject({ code: 1012, cause: 'service_restart' });
      // A refused handshake is never a clean close; where the runtime says the status, it is an auth failure.
      // (A browser hides it, and this server answers the status probe's plain GET with 426: the cause stays opaque.)
      expect(sd['handshake_401']!.cause).toMatch(/^handshake_(auth|failed|failed_opaque)$/);
      if (out.raw['handshake_401']!.errorMessage?.includes('401')) expect(sd['handshake_401']).toMatchObject({ cause: 'handshake_auth', retry: 'after_reauth' });
      // A dropped or refused connection is retried (Deno's code 0 would say "never retry").
      expect(sd['tcp_drop']).toMatchObject({ code: 1006, retry: 'backoff' });
      expect(sd['refused']).toMatchObject({ code: 1006, retry: 'backoff' });
      // A handshake never answered ends at connectTimeout (2 s), plus the grace for a runtime that never reports the close.
      expect(sd['never_answered']).toMatchObject({ code: 1006, cause: 'handshake_timeout' });
      expect(sd['never_answered']!.msToClose).toBeLessThan(2000 + 1000 + 1500);
      // sockdoc's bufferedAmount is the runtime's.
      expect(sd['buffered']!.bufferedAfterSend! > 0).toBe(out.raw['buffered']!.bufferedAfterSend! > 0);
      expect(recordOf(target, out).scenarios, `${target.label} no longer does what scripts/runtimes/fidelity.json says: run pnpm runtimes:record, then pnpm docs:gen`).toEqual(readRecord()[target.id]?.scenarios);
    }, 90_000);
  }
});
