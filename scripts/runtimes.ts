// The runtime conformance harness: the scenarios, the runtimes that run them, and what is
// recorded of each. scripts/runtimes.test.ts runs them in `npm test` and compares with the record;
// `pnpm runtimes:record` (this file with --record) writes the record, from which `pnpm docs:gen`
// renders the fidelity table of docs/guides/runtimes.md (and its Chinese twin).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { CHROMIUM_PATH, launchChromium, startTestServer, type TestServer } from '@sockdoc/test-utils';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const RECORD_FILE = join(root, 'scripts/runtimes/fidelity.json');
const PROBE = join(root, 'scripts/runtimes/probe.mjs');
const WORKER = join(root, 'scripts/runtimes/worker.mjs');
const PAGE = join(root, 'scripts/runtimes/page.mjs');

/** One scenario: where the client connects (on the test server), and what it is, in each docs language. */
export interface Scenario {
  readonly id: string;
  /** The URL on the test server; `closedPort` is a loopback port nothing listens on. */
  readonly path: (s: TestServer, closedPort: number) => string;
  readonly en: string;
  readonly zh: string;
}

export const SCENARIOS: readonly Scenario[] = [
  { id: 'text_only_binary', path: (s) => s.url('/text-only'), en: 'binary to a text-only endpoint (closes 1003)', zh: '向只收文本的端点发二进制（以 1003 关闭）' },
  { id: 'over_limit', path: (s) => s.url('/limited'), en: '2 KiB to a 1 KiB limit (closes 1009)', zh: '向 1 KiB 上限发 2 KiB（以 1009 关闭）' },
  { id: 'app_close', path: (s) => s.url('/close/4001?reason=session%20expired&after=50'), en: 'app close 4001 "session expired"', zh: '应用关闭 4001“session expired”' },
  { id: 'handshake_401', path: (s) => s.url('/reject/401'), en: 'handshake refused with 401', zh: '握手被 401 拒绝' },
  { id: 'server_restart', path: (s) => s.url('/close/1012?reason=restarting&after=50'), en: 'server restart (closes 1012)', zh: '服务器重启（以 1012 关闭）' },
  { id: 'tcp_drop', path: (s) => s.url('/drop?after=50'), en: 'TCP dropped after open', zh: '打开后 TCP 被断开' },
  { id: 'never_answered', path: (s) => s.url('/silent'), en: 'handshake never answered', zh: '握手始终没有应答' },
  { id: 'refused', path: (_, port) => `ws://127.0.0.1:${port}/`, en: 'nothing listening on the port', zh: '端口上没有服务' },
  { id: 'buffered', path: (s) => s.url('/blackhole'), en: 'Messages of 1 MiB sent to a server that reads nothing, until bufferedAmount rises (at most 32)', zh: '向不读取数据的服务器逐条发送 1 MiB 的消息，直到 bufferedAmount 上升（最多 32 条）' },
];

/** One runtime: how to start the probe in it, and which sockdoc entry it imports. */
export interface RuntimeTarget {
  readonly id: string;
  readonly label: string;
  /** The label in the Chinese docs. */
  readonly zh: string;
  readonly command: () => { readonly cmd: string; readonly args: readonly string[] };
  /** The built entry the probe imports (never the sources). */
  readonly entry: 'core' | 'node' | 'browser';
  /** workerd serves the probe as a Worker (worker.mjs bundled with the built core); Chromium opens it as a page (page.mjs with the built browser package). */
  readonly host?: 'workerd' | 'chromium';
}

const bin = (name: string) => join(root, 'node_modules/.bin', name);

export const RUNTIMES: readonly RuntimeTarget[] = [
  { id: 'node-ws', label: 'Node, ws (@sockdoc/node)', zh: 'Node，ws（@sockdoc/node）', command: () => ({ cmd: process.execPath, args: [] }), entry: 'node' },
  // Node 20's own WebSocket (undici) is behind a flag; it is global from Node 22.
  { id: 'node-undici', label: 'Node 20, its own WebSocket (undici, behind --experimental-websocket), @sockdoc/core', zh: 'Node 20 自带的 WebSocket（undici，需加 --experimental-websocket），@sockdoc/core', command: () => ({ cmd: process.execPath, args: ['--experimental-websocket', '--no-warnings'] }), entry: 'core' },
  // Node 22 from the npm package `node`, held by packages/node22-testbed: its WebSocket is global.
  { id: 'node22-undici', label: 'Node 22, its global WebSocket (undici), @sockdoc/core', zh: 'Node 22 的全局 WebSocket（undici），@sockdoc/core', command: () => ({ cmd: join(root, 'packages/node22-testbed/node_modules/.bin/node'), args: ['--no-warnings'] }), entry: 'core' },
  { id: 'deno', label: 'Deno, @sockdoc/core', zh: 'Deno，@sockdoc/core', command: () => ({ cmd: bin('deno'), args: ['run', '--allow-all', '--quiet'] }), entry: 'core' },
  { id: 'bun', label: 'Bun, @sockdoc/core', zh: 'Bun，@sockdoc/core', command: () => ({ cmd: bin('bun'), args: [] }), entry: 'core' },
  { id: 'workerd', label: 'workerd (Cloudflare Workers), @sockdoc/core', zh: 'workerd（Cloudflare Workers），@sockdoc/core', command: () => ({ cmd: bin('workerd'), args: ['serve'] }), entry: 'core', host: 'workerd' },
  { id: 'chromium', label: 'Chromium, @sockdoc/browser', zh: 'Chromium，@sockdoc/browser', command: () => ({ cmd: CHROMIUM_PATH, args: [] }), entry: 'browser', host: 'chromium' },
];

/** What the probe prints for one scenario (see probe.mjs). */
interface RawReport {
  readonly events: readonly string[];
  readonly closeFired: boolean;
  readonly close?: { readonly code: number; readonly reason: string; readonly wasClean: boolean };
  readonly errorMessage?: string;
  readonly threw?: string;
  readonly bufferedAfterSend?: number;
}
interface SockdocReport {
  readonly closed?: boolean;
  readonly msToClose?: number;
  readonly code?: number;
  readonly cause?: string;
  readonly confidence?: string;
  readonly retry?: string;
  readonly evidence?: readonly string[];
  readonly summary?: string;
  readonly bufferedAfterSend?: number;
  readonly threw?: string;
}
export interface ProbeOutput {
  readonly runtime: { readonly name: string; readonly version: string };
  readonly raw: Readonly<Record<string, RawReport>>;
  readonly sockdoc: Readonly<Record<string, SockdocReport>>;
}

/** What is recorded of one scenario in one runtime: only what does not vary from run to run. */
export interface RecordedScenario {
  /** What the runtime's own WebSocket reported. */
  readonly runtime: {
    readonly events: string;
    /** `code reason (clean|not clean)`, or `no close within 3 s`. */
    readonly close: string;
    /** The error event's message, with ports and paths taken out. */
    readonly error?: string;
    readonly bufferedAmount?: 'zero' | 'non-zero';
  };
  /** What sockdoc told the user. */
  readonly sockdoc: {
    readonly close: string;
    readonly cause?: string;
    readonly retry?: string;
    /** Evidence that speaks of the runtime itself. */
    readonly runtimeEvidence?: readonly string[];
    readonly bufferedAmount?: 'zero' | 'non-zero';
  };
}
export interface RecordedRuntime {
  readonly label: string;
  readonly version: string;
  readonly scenarios: Readonly<Record<string, RecordedScenario>>;
}

const RUNTIME_EVIDENCE = new Set(['runtime_misreports', 'close_not_reported']);
const amount = (n: number | undefined) => (n === undefined ? undefined : n > 0 ? ('non-zero' as const) : ('zero' as const));
const scrub = (m: string) => m.replace(/ws:\/\/127\.0\.0\.1:\d+\/\S*?(?=['\s]|$)/g, 'ws://127.0.0.1:<port>/…').replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:<port>');

/** The stable part of a probe's output. */
export function normalize(id: string, out: ProbeOutput): RecordedScenario {
  const r = out.raw[id]!;
  const s = out.sockdoc[id]!;
  const runtimeClose = r.threw ? `threw ${r.threw}` : id === 'buffered' ? '(not waited for)' : r.close ? `${r.close.code}${r.close.reason ? ` "${r.close.reason}"` : ''} (${r.close.wasClean ? 'clean' : 'not clean'})` : 'no close within 3 s';
  const ev = s.evidence?.filter((e) => RUNTIME_EVIDENCE.has(e)) ?? [];
  return {
    runtime: {
      events: r.events.join(', ') || 'none',
      close: runtimeClose,
      ...(r.errorMessage ? { error: scrub(r.errorMessage) } : {}),
      ...(id === 'buffered' ? { bufferedAmount: amount(r.bufferedAfterSend) } : {}),
    },
    sockdoc: {
      close: s.threw ? `threw ${s.threw}` : id === 'buffered' ? '(not waited for)' : s.closed ? String(s.code) : 'no diagnosed close',
      ...(s.cause ? { cause: s.cause } : {}),
      ...(s.retry ? { retry: s.retry } : {}),
      ...(ev.length ? { runtimeEvidence: ev } : {}),
      ...(id === 'buffered' ? { bufferedAmount: amount(s.bufferedAfterSend) } : {}),
    },
  };
}

/** Why a runtime cannot start here, or undefined when it can. */
export function unavailable(target: RuntimeTarget): string | undefined {
  const { cmd } = target.command();
  return cmd === process.execPath || existsSync(cmd) ? undefined : `${cmd} is not installed (pnpm install puts it there)`;
}

/** Runs every scenario in one runtime against `server`; bounded (60 s). */
export async function runProbe(target: RuntimeTarget, server: TestServer): Promise<ProbeOutput> {
  if (target.host === 'workerd') return runWorker(target, server);
  if (target.host === 'chromium') return runPage(server);
  const entry = pathToFileURL(join(root, `packages/${target.entry}/dist/index.js`)).href;
  // ws as @sockdoc/node itself resolves it (pnpm isolates packages).
  const ws = target.entry === 'node' ? pathToFileURL(createRequire(join(root, 'packages/node/package.json')).resolve('ws')).href : undefined;
  const config = { sockdoc: entry, ...(ws ? { ws } : {}), scenarios: await scenarioUrls(server) };
  const { cmd, args } = target.command();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, [...args, PROBE, JSON.stringify(config)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' } });
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(line) as ProbeOutput);
      } catch {
        reject(new Error(`${target.label}: the probe exited with ${code} without its report.\n${err.slice(-2000)}${out.slice(-2000)}`));
      }
    });
  });
}

/** Each scenario's URL (a fresh closed port for `refused`: browsers refuse some well-known ports outright). */
const scenarioUrls = async (server: TestServer) => {
  const closed = await freePort();
  return Object.fromEntries(SCENARIOS.map((s) => [s.id, s.path(server, closed)]));
};

/** Chromium: the probe as a page from the test server, with the built @sockdoc/browser. */
async function runPage(server: TestServer): Promise<ProbeOutput> {
  const bundle = await build({ entryPoints: [PAGE], bundle: true, write: false, format: 'iife', platform: 'browser', conditions: ['production'], charset: 'utf8', logLevel: 'error' });
  server.serve('/runtimes', '<!doctype html><meta charset="utf-8"><title>sockdoc runtimes</title><script src="/runtimes.js"></script>');
  server.serve('/runtimes.js', bundle.outputFiles[0]!.text, 'text/javascript; charset=utf-8');
  const version = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().replace(/^Chromium\s+/, '').split(' ')[0]!;
  const chromium = await launchChromium();
  try {
    const page = await chromium.context.newPage();
    await page.goto(server.httpUrl('/runtimes'));
    const scenarios = await scenarioUrls(server);
    return (await page.evaluate(([s, v]) => (window as unknown as { runProbe: (s: unknown, v: string) => Promise<ProbeOutput> }).runProbe(s, v), [scenarios, version] as const)) as ProbeOutput;
  } finally {
    await chromium.close();
  }
}

/** A free loopback port, for workerd's HTTP socket. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** workerd: the probe as a Worker with outbound access to loopback, asked once over HTTP. */
async function runWorker(target: RuntimeTarget, server: TestServer): Promise<ProbeOutput> {
  const dir = mkdtempSync(join(tmpdir(), 'sockdoc-workerd-'));
  const { cmd, args } = target.command();
  try {
    // The built @sockdoc/core and the scenarios in one module, as a Workers bundler would make it.
    await build({ entryPoints: [WORKER], bundle: true, format: 'esm', platform: 'neutral', mainFields: ['module', 'main'], conditions: ['workerd', 'worker', 'browser', 'production'], outfile: join(dir, 'worker.js'), logLevel: 'error' });
    const port = await freePort();
    writeFileSync(
      join(dir, 'config.capnp'),
      [
        'using Workerd = import "/workerd/workerd.capnp";',
        'const config :Workerd.Config = (',
        '  services = [(name = "main", worker = .probe), (name = "loopback", network = (allow = ["public", "private", "local"]))],',
        `  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],`,
        ');',
        'const probe :Workerd.Worker = (modules = [(name = "worker", esModule = embed "worker.js")], compatibilityDate = "2026-11-01", globalOutbound = "loopback");',
        '',
      ].join('\n'),
    );
    const child = spawn(cmd, [...args, join(dir, 'config.capnp')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    try {
      const version = (JSON.parse(readFileSync(join(root, 'node_modules/workerd/package.json'), 'utf8')) as { version: string }).version;
      const config = JSON.stringify({ version, scenarios: await scenarioUrls(server) });
      // workerd listens within a second or two: until then a request is refused (10 s at most).
      let res: Response | undefined;
      for (let i = 0; !res; i++) {
        res = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: config, signal: AbortSignal.timeout(60_000) }).catch((e: { cause?: { code?: string } }) => {
          if (e.cause?.code !== 'ECONNREFUSED' || i >= 50 || child.exitCode !== null) throw new Error(`${target.label}: no report (${String(e)}).\n${err.slice(-2000)}`);
          return new Promise<undefined>((r) => setTimeout(r, 200));
        });
      }
      if (!res.ok) throw new Error(`${target.label}: the worker answered ${res.status}: ${(await res.text()).slice(0, 500)}\n${err.slice(-2000)}`);
      return (await res.json()) as ProbeOutput;
    } finally {
      child.kill('SIGKILL');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function readRecord(): Record<string, RecordedRuntime> {
  return JSON.parse(readFileSync(RECORD_FILE, 'utf8')) as Record<string, RecordedRuntime>;
}

/** Versions as the record states them: the runtime's own, for the table. */
export function recordOf(target: RuntimeTarget, out: ProbeOutput): RecordedRuntime {
  return { label: target.label, version: out.runtime.version, scenarios: Object.fromEntries(SCENARIOS.map((s) => [s.id, normalize(s.id, out)])) };
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--record')) {
  const server = await startTestServer();
  const record: Record<string, RecordedRuntime> = {};
  try {
    for (const target of RUNTIMES) {
      const why = unavailable(target);
      if (why) throw new Error(`${target.label}: ${why}`);
      record[target.id] = recordOf(target, await runProbe(target, server));
      console.log(`recorded ${target.label}`);
    }
  } finally {
    await server.close();
  }
  writeFileSync(RECORD_FILE, `${JSON.stringify(record, null, 2)}\n`);
  console.log(`wrote ${RECORD_FILE.slice(root.length + 1)}; run pnpm docs:gen to render the table`);
}
