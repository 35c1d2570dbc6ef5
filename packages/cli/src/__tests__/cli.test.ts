import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDyingServer, startHostileServer, startTestServer, type HostileServer, type TestServer } from '@sockdoc/test-utils';
import { run } from '../run.js';
import type { Output } from '../Output.js';
import type { ProbeReport } from '../commands/probe.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  // Wide enough that content checks do not depend on where lines wrap; the wrap test sets --width.
  const o: Output = { color: false, width: 10_000, out: (l) => out.push(l), err: (l) => err.push(l), progress: () => {} };
  const code = await run(argv, o);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('sockdoc explain / compare / diagnose', () => {
  it('should explain a code in English and, with --lang, in Chinese', async () => {
    const en = await cli('explain', '1007');
    expect(en.code).toBe(0);
    expect(en.out).toMatch(/^1007 Invalid frame payload data/);
    expect(en.out).toContain('Dead ends');
    const zh = await cli('explain', '1007', '--lang', 'zh-Hans-CN');
    expect(zh.out).toMatch(/^1007 无效的帧载荷数据/);
    expect(zh.out).toContain('无效的做法');
    // Traditional Chinese as written in Taiwan, for its tag and for any zh-Hant tag.
    for (const tag of ['zh-TW', 'zh-Hant', 'zh_TW.UTF-8']) {
      const tw = await cli('explain', '1007', '--lang', tag);
      expect(tw.out, tag).toMatch(/^1007 無效的訊框酬載資料/);
      expect(tw.out, tag).toContain('無效的做法');
    }
  });

  it('should keep each fact of the meta line whole, with one colon each, and list related codes with the locale separator', async () => {
    for (const [lang, sep] of [['en', ', '], ['zh-CN', '、'], ['zh-TW', '、']] as const) {
      const out = (await cli('explain', '1006', '--lang', lang, '--width', '80')).out.split('\n');
      // The meta line (line 2 on) holds four label-value pairs; none is split across lines.
      const meta = out.slice(1, out.indexOf(''));
      expect(meta.length, lang).toBeGreaterThan(1);
      for (const line of meta) for (const pair of line.split(' · ')) expect(pair.match(/[：:]/g)?.length, `${lang}: ${pair}`).toBe(1);
      const related = out.find((l) => /^(Related|相关|相關)/.test(l))!;
      expect(related, lang).toContain(`1001${sep}`);
    }
  });

  it('should wrap prose to 80 columns by display width, keeping hanging indents, and leave JSON alone', async () => {
    const { displayWidth } = await import('../wrapLines.js');
    for (const lang of ['en', 'zh-CN']) {
      const lines = (await cli('explain', '1006', '--lang', lang, '--width', '80')).out.split('\n');
      expect(Math.max(...lines.map(displayWidth)), lang).toBeLessThanOrEqual(80);
      // A numbered item that wraps continues under its text, not under its number.
      const i = lines.findIndex((l) => /^ {2}1\. /.test(l) && lines[lines.indexOf(l) + 1]?.startsWith('     '));
      expect(i, lang).toBeGreaterThan(-1);
    }
    const narrow = (await cli('explain', '1006', '--lang', 'zh-CN', '--width', '40')).out.split('\n');
    const over = narrow.filter((l) => displayWidth(l) > 40 && / /.test(l.trim()));
    expect(over).toEqual([]); // only a single unbreakable token may be wider
    expect(narrow.some((l) => /^[，。：；、）]/.test(l.trim()))).toBe(false); // no line starts with closing punctuation
    const json = (await cli('explain', '1006', '--json', '--width', '20')).out;
    expect(() => JSON.parse(json)).not.toThrow();
  });

  it('should print JSON with --json', async () => {
    const r = await cli('explain', '1012', '--json');
    expect(JSON.parse(r.out)).toMatchObject({ code: 1012, name: 'Service Restart', retry: { strategy: 'delay_5_30s' } });
  });

  it('should explain invalid codes and refuse what is not a number', async () => {
    expect((await cli('explain', '5000')).out).toContain('Not a valid close code');
    const bad = await cli('explain', 'abc');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('must be a number');
    expect(bad.err).toContain('Usage: sockdoc');
    expect(bad.err).not.toMatch(/\n\s+at /); // never a stack trace
  });

  it('should reject unknown commands and options with a usage error', async () => {
    expect((await cli('frobnicate')).code).toBe(2);
    const r = await cli('explain', '1000', '--bogus');
    expect(r.code).toBe(2);
    expect(r.err).toContain("Unknown option '--bogus'");
    expect((await cli()).code).toBe(2);
    expect((await cli('--help')).code).toBe(0);
  });

  it('should compare two codes as the 1003-vs-1007 page does', async () => {
    const r = await cli('compare', '1003', '1007');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Key differences');
    expect(r.out).toContain('Which to use when');
    expect(r.out).toContain('1007 where 1003 is correct');
    expect(r.out.split('\n')[0]).toBe('1003 Unsupported data vs 1007 Invalid frame payload data');
    // In Chinese: its own words and full-width brackets, no English 'vs' or half-width '(相同)'.
    const zh = await cli('compare', '1003', '1007', '--lang', 'zh-CN');
    expect(zh.out.split('\n')[0]).toBe('1003 不支持的数据类型 与 1007 无效的帧载荷数据');
    expect(zh.out).not.toMatch(/\bvs\b|\(相同\)/);
    expect(zh.out).toContain('（相同）');
  });

  it('should diagnose a recorded close from a saved evidence file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sockdoc-cli-'));
    const file = join(dir, 'evidence.json');
    const now = Date.now();
    writeFileSync(file, JSON.stringify({ opened: true, recentOutgoing: [{ kind: 'binary', bytes: 12, at: now - 2 }], timestamps: { closed: now } }));
    const r = await cli('diagnose', '--code', '1003', '--evidence', file, '--json');
    expect(JSON.parse(r.out).cause).toMatchObject({ id: 'binary_on_text_endpoint', confidence: 'high' });
    const text = await cli('diagnose', '--code', '1006', '--reason', 'x', '--not-clean', '--lang', 'zh-CN');
    expect(text.out).toContain('异常关闭');
    const missing = await cli('diagnose', '--code', '1006', '--evidence', join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('Cannot read --evidence');
  });
});

describe('sockdoc probe (real servers on loopback)', () => {
  const probe = async (path: string, ...flags: string[]) => {
    const r = await cli('probe', server.url(path), '--json', '--timeout', '3', ...flags);
    return { code: r.code, report: JSON.parse(r.out) as ProbeReport };
  };

  it('should report the handshake of a working endpoint', async () => {
    const { code, report } = await probe('/echo');
    expect(code).toBe(0);
    expect(report.handshake).toMatchObject({ ok: true, status: 101 });
    expect(report.probes).toEqual([]);
  });

  it('should recognise a text-only endpoint', async () => {
    const { report } = await probe('/text-only', '--active', '--max-bytes', '2048');
    expect(report.endpoint).toBe('text-only');
    const binary = report.probes.find((p) => p.name === 'binary')!;
    expect(binary).toMatchObject({ outcome: 'closed', close: { code: 1003 } });
    expect(binary.diagnosis?.cause.id).toBe('binary_on_text_endpoint');
    expect(report.probes.find((p) => p.name === 'invalid-utf8')).toMatchObject({ outcome: 'closed', close: { code: 1007 } });
  });

  it('should recognise a binary-only endpoint', async () => {
    const { report } = await probe('/binary-only', '--active', '--max-bytes', '2048');
    expect(report.endpoint).toBe('binary-only');
  });

  it('should find a size limit by bisection, within 20 connections', async () => {
    const before = server.upgrades.get('/limited') ?? 0;
    const { report } = await probe('/limited', '--find-limit', '--max-bytes', '4096');
    expect(report.endpoint).toBe('both');
    expect(report.sizeLimit).toMatchObject({ acceptedBytes: server.limit, refusedBytes: server.limit + 1 });
    expect(report.sizeLimit!.probes).toBeLessThanOrEqual(20);
    expect((server.upgrades.get('/limited') ?? 0) - before).toBeLessThanOrEqual(1 + 4 + 20);
  }, 30_000);

  it('should never claim a limit from connections that failed: a server that dies mid-search gives "unknown" and exit 1', async () => {
    // A size-limited ws server that stops listening after its 8th connection, as a crashed server would.
    const dying = await startDyingServer(1024, 8);
    const r = await cli('probe', dying.url, '--json', '--timeout', '2', '--find-limit', '--max-bytes', '65536');
    const report = JSON.parse(r.out) as ProbeReport;
    expect(report.sizeLimit).toMatchObject({ refusedBytes: null });
    // Cut off mid-search (1006) or refused outright: either way no limit is claimed.
    expect(report.sizeLimit!.unknown).toMatch(/failed|closed with 1006/);
    expect(r.code).toBe(1);
    const text = await cli('probe', dying.url, '--timeout', '1');
    expect(text.code).toBe(1); // nothing listens now
  }, 60_000);

  it('should report an auth-rejecting endpoint with its HTTP status and exit 1', async () => {
    const { code, report } = await probe('/auth', '--header', 'Authorization:Bearer wrong');
    expect(code).toBe(1);
    expect(report.handshake).toMatchObject({ ok: false, status: 401 });
    expect(report.handshake.diagnosis?.cause.id).toBe('handshake_auth');
    const ok = await probe('/auth', '--header', 'Authorization: Bearer good');
    expect(ok.code).toBe(0);
  });

  it('should measure an idle timeout', async () => {
    const { report } = await probe('/idle?ms=700', '--idle', '3');
    expect(report.idle?.closedAfterMs).toBeGreaterThanOrEqual(600);
    expect(report.idle?.closedAfterMs).toBeLessThan(2000);
    expect(report.idle?.diagnosis?.cause.id).toBe('server_idle_timeout');
  });

  it('should print a readable report without colour when not a TTY', async () => {
    const r = await cli('probe', server.url('/text-only'), '--active', '--max-bytes', '2048', '--timeout', '3');
    expect(r.out).toMatch(/Handshake\s+✓ 101/);
    expect(r.out).toMatch(/Endpoint\s+text-only/);
    expect(r.out).not.toContain('\x1b[');
  });

  it('should refuse a URL that is not a WebSocket URL', async () => {
    const r = await cli('probe', 'ftp://example.com');
    expect(r.code).toBe(2);
  });
});

describe('the built sockdoc binary', () => {
  const bin = join(dirname(fileURLToPath(import.meta.url)), '../../dist/bin.js');
  it('should run from dist with a shebang, honour NO_COLOR and exit with the documented codes', () => {
    expect(existsSync(bin), 'packages/cli/dist/bin.js (run the build first)').toBe(true);
    const ok = spawnSync(process.execPath, [bin, 'explain', '1006'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^1006 Abnormal closure/);
    const bad = spawnSync(process.execPath, [bin, 'explain'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('explain takes one close code');
  });

  it('should print its version, read the POSIX locale, and note a language it has no text for', async () => {
    const { version } = JSON.parse(readFileSync(join(dirname(bin), '../package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) expect(spawnSync(process.execPath, [bin, flag], { encoding: 'utf8' }).stdout.trim()).toBe(version);
    const env = (extra: Record<string, string>) => ({ ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(LC_|LANG|SOCKDOC_LANG)/.test(k))), NO_COLOR: '1', ...extra });
    const zh = spawnSync(process.execPath, [bin, 'explain', '1000'], { encoding: 'utf8', env: env({ LANG: 'zh_CN.UTF-8' }) });
    expect(zh.stdout).toMatch(/^1000 正常关闭/);
    const all = spawnSync(process.execPath, [bin, 'explain', '1000'], { encoding: 'utf8', env: env({ LANG: 'zh_CN.UTF-8', LC_ALL: 'C' }) });
    expect(all.stdout).toMatch(/^1000 Normal closure/); // LC_ALL wins over LANG
    const fr = spawnSync(process.execPath, [bin, 'explain', '1000', '--lang', 'fr'], { encoding: 'utf8', env: env({}) });
    expect(fr.status).toBe(0);
    expect(fr.stderr.trim().split('\n')).toEqual(['sockdoc: No text for locale "fr"; using "en".']);
    expect(fr.stdout).toMatch(/^1000 Normal closure/);
    // The system's own locale falls back quietly.
    expect(spawnSync(process.execPath, [bin, 'explain', '1000'], { encoding: 'utf8', env: env({ LANG: 'fr_FR.UTF-8' }) }).stderr).toBe('');
  });
});

describe('hostile input never reaches the terminal raw', () => {
  const HOSTILE = '\x1b]0;pwned\x07\x1b[2J\u202eevil\u200b\u2060\udb40\udc41\r';
  const raw = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e\u200b\u2060]|\udb40/;

  it('should print a server’s close reason sanitized in probe', async () => {
    const r = await cli('probe', server.url(`/close/1011?after=50&reason=${encodeURIComponent(HOSTILE)}`), '--timeout', '3', '--idle', '2');
    expect(r.out).toContain('closed 1011');
    expect(r.out).toContain('pwned');
    expect(r.out).not.toMatch(raw);
  });

  it('should sanitize evidence strings, refuse endless files and name every field of the wrong type', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sockdoc-cli-'));
    const file = join(dir, 'evidence.json');
    writeFileSync(file, JSON.stringify({ runtime: 'node', opened: false, transportError: { code: 'ECONNREFUSED\x1b]52;c;aGk=\x07', message: `connect ${HOSTILE}` } }));
    const r = await cli('diagnose', '--code', '1006', '--not-clean', '--evidence', file);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(raw);
    // Fields of the wrong type: a usage error naming each, never a diagnosis from half the evidence.
    const shapes: Array<[unknown, string[]]> = [
      [{ recentOutgoing: [null, 1, { kind: 'text' }] }, ['recentOutgoing[0] must be a frame with kind and bytes (got null)', 'recentOutgoing[1] must be a frame with kind and bytes (got number)', 'recentOutgoing[2] must be a frame with kind and bytes (got object)']],
      [{ recentOutgoing: { length: 3 } }, ['recentOutgoing must be an array of frames ({ kind, bytes, at }) (got object)']],
      [{ clientClose: 'x', transportError: [1], opened: 'yes' }, ['opened must be true or false (got string)', 'transportError must be an object (got array)', 'clientClose must be an object (got string)']],
      [{ timestamps: { closed: 'soon' }, runtime: 'deno\x1b]0;x\x07' }, ['runtime must be one of', 'timestamps.closed must be a finite number (got string)']],
    ];
    for (const [garbage, said] of shapes) {
      writeFileSync(file, JSON.stringify(garbage));
      const r = await cli('diagnose', '--code', '1000', '--evidence', file);
      expect(r.code).toBe(2);
      for (const line of said) expect(r.err).toContain(line);
      expect(r.err).not.toMatch(/\bat .*\.(?:ts|js):\d+/); // no stack trace
    }
    // Fields this version does not know: reported on stderr, the diagnosis still made.
    writeFileSync(file, JSON.stringify({ opened: false, runtime: 'node', futureField: 1 }));
    const unknown = await cli('diagnose', '--code', '1006', '--not-clean', '--evidence', file);
    expect(unknown.code).toBe(0);
    expect(unknown.err).toContain('ignoring evidence fields this version does not know: futureField');
    const endless = await cli('diagnose', '--code', '1006', '--evidence', '/dev/zero');
    expect(endless.code).toBe(2);
    expect(endless.err).toMatch(/larger than 1,048,576 bytes/);
  });

  it('should strip what a terminal would act on from every line, keeping its own colours', async () => {
    const { terminalSafe } = await import('../Output.js');
    expect(terminalSafe(`\x1b[1mbold\x1b[22m ${HOSTILE}`)).toBe('\x1b[1mbold\x1b[22m ]0;pwned[2Jevil');
  });
});

describe('sockdoc probe against a hostile server', () => {
  let hostile: HostileServer;
  beforeAll(async () => {
    hostile = await startHostileServer();
  });
  afterAll(() => hostile.close());
  const unsafe = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u200b-\u200f\u2060]/;

  it('should report each misbehaviour with a documented exit code, in bounded time, with no stack trace and nothing raw', async () => {
    const rows: string[] = [];
    const cases: Array<[path: string, exit: number, says: RegExp]> = [
      ['/garbage', 1, /HPE_INVALID_CONSTANT/],
      ['/http10', 1, /200/],
      ['/huge-headers', 1, /HPE_HEADER_OVERFLOW/],
      ['/slow-headers', 1, /never answered|timed out/i],
      ['/huge-frame', 0, /WS_ERR_UNSUPPORTED_DATA_PAYLOAD_LENGTH|larger than/],
      ['/masked', 0, /breaks the protocol/],
      ['/close-code/1005', 0, /breaks the protocol/],
      [`/close-reason-bytes?hex=${Buffer.from('\x1b]0;pwned\x07\u202eevil').toString('hex')}`, 0, /closed 4000/],
      ['/flood?n=20000', 0, /closed 1000/],
    ];
    for (const [path, exit, says] of cases) {
      const t0 = Date.now();
      const r = await cli('probe', hostile.url(path), '--timeout', '1', '--idle', '1');
      const ms = Date.now() - t0;
      rows.push(`${path.slice(0, 32).padEnd(32)} exit ${r.code} in ${ms} ms`);
      expect({ path, code: r.code }).toEqual({ path, code: exit });
      expect(`${r.out}\n${r.err}`).toMatch(says);
      expect(`${r.out}\n${r.err}`).not.toMatch(unsafe);
      expect(r.err).not.toMatch(/\bat .*\.(?:ts|js):\d+/);
      expect(ms).toBeLessThan(5000);
    }
    console.log(`probe against a hostile server:\n  ${rows.join('\n  ')}`);
  }, 60_000);
});

