// pnpm bench: sockdoc against raw `ws` measured in the same run (alternating, several rounds,
// medians, ratios), the peers as reference. Prints a Markdown table and writes bench/results.{md,json}
// and docs/performance.md. Loopback only; every loop is bounded.
import { fork, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isUtf8 } from 'node:buffer';
import type { Transport, TransportSocket } from '@sockdoc/core/adapter';
import { createSocket, handles, json, requester, typedJson } from '@sockdoc/core';
import * as v from 'valibot';
import * as z from 'zod';
import { diagnose } from '@sockdoc/diagnose';
import { connect, type Variant } from './clients.js';
import { browserThroughput } from './browser.js';

const here = dirname(fileURLToPath(import.meta.url));
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
const QUICK = process.env['BENCH_QUICK'] === '1';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const yieldNow = () => new Promise<void>((r) => setImmediate(r));

interface Row {
  readonly group: string;
  readonly case: string;
  readonly metric: string;
  readonly values: Record<string, number>;
  /** Per variant: value relative to raw ws (higher is better for throughput, so ws / x for costs). */
  readonly ratio: Record<string, number>;
  readonly target?: string;
}
const rows: Row[] = [];

async function startSink(): Promise<{ url: (p: string) => string; stop(): void }> {
  const child = fork(join(here, 'sink.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /PORT (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
  });
  return { url: (p) => `ws://127.0.0.1:${port}${p}`, stop: () => child.kill() };
}

/** Messages per second from the first send until the sink confirms it has all of them. */
async function throughput(variant: Variant, url: string, msg: string, n: number): Promise<number> {
  const c = await connect(variant, url);
  const done = new Promise<void>((r) => c.onMessage((m) => m === 'ok' && r()));
  c.send(`#${n}`);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    c.send(msg);
    if ((i & 255) === 255 && c.buffered() > 8 << 20) while (c.buffered() > 1 << 20) await yieldNow();
  }
  await done;
  const ms = performance.now() - t0;
  await c.close();
  return (n * 1000) / ms;
}

async function throughputSuite(sink: { url: (p: string) => string }): Promise<void> {
  const cases: Array<[string, string, number]> = [
    ['64 B ASCII', 'a'.repeat(64), QUICK ? 20_000 : 200_000],
    ['64 B CJK', `${'汉'.repeat(21)}a`, QUICK ? 20_000 : 200_000],
    ['16 KiB ASCII', 'a'.repeat(16 * 1024), QUICK ? 2_000 : 20_000],
    ['16 KiB CJK', `${'汉'.repeat(5461)}a`, QUICK ? 2_000 : 20_000],
  ];
  const variants: Variant[] = ['ws', 'sockdoc', 'reconnecting-websocket', 'partysocket', 'websocket-ts'];
  for (const [name, msg, n] of cases) {
    if (Buffer.byteLength(msg) !== (name.startsWith('64') ? 64 : 16384)) throw new Error(`bad message size for ${name}`);
    const samples: Record<string, number[]> = Object.fromEntries(variants.map((v) => [v, []]));
    for (let r = 0; r < ROUNDS; r++) {
      // Alternate: rotate the order every round so no variant always runs first or last.
      for (let k = 0; k < variants.length; k++) {
        const v = variants[(k + r) % variants.length]!;
        samples[v]!.push(await throughput(v, sink.url('/sink'), msg, n));
      }
      process.stdout.write('.');
    }
    const values = Object.fromEntries(variants.map((v) => [v, median(samples[v]!)]));
    rows.push({
      group: 'Throughput to a ws sink in another process (messages/s, median)',
      case: `${name} × ${fmt(n)}`,
      metric: 'msg/s',
      values,
      ratio: Object.fromEntries(variants.map((v) => [v, values[v]! / values['ws']!])),
      target: name.startsWith('64') ? 'sockdoc ≥ 0.97' : 'sockdoc ≥ 0.95',
    });
  }
}

async function latencySuite(sink: { url: (p: string) => string }): Promise<void> {
  const variants: Variant[] = ['ws', 'sockdoc'];
  const samples: Record<string, number[]> = { ws: [], sockdoc: [] };
  const n = QUICK ? 1000 : 5000;
  for (let r = 0; r < ROUNDS; r++) {
    for (const v of r % 2 ? [...variants].reverse() : variants) {
      const c = await connect(v, sink.url('/echo'));
      let resolve!: () => void;
      c.onMessage(() => resolve());
      const msg = 'p'.repeat(64);
      for (let i = 0; i < n + 200; i++) {
        const t0 = performance.now();
        const back = new Promise<void>((res) => (resolve = res));
        c.send(msg);
        await back;
        if (i >= 200) samples[v]!.push((performance.now() - t0) * 1000);
      }
      await c.close();
    }
  }
  for (const [p, label] of [[50, 'p50'], [99, 'p99']] as const) {
    const values = { ws: pct(samples['ws']!, p), sockdoc: pct(samples['sockdoc']!, p) };
    rows.push({ group: 'Round-trip latency, 64 B ping-pong (µs)', case: label, metric: 'µs', values, ratio: { ws: 1, sockdoc: values.ws / values.sockdoc } });
  }
}

/** A WebSocket that is open at once and whose send does nothing: isolates the cost of send(). */
class NullSocket {
  readyState = 1;
  protocol = '';
  extensions = '';
  bufferedAmount = 0;
  binaryType = 'arraybuffer';
  last: unknown;
  send(d: unknown) {
    this.last = d;
  }
  close() {}
  addEventListener(type: string, l: (e: unknown) => void) {
    if (type === 'open') queueMicrotask(() => l({}));
  }
  removeEventListener() {}
}

async function contractSuite(): Promise<void> {
  const fake = new NullSocket();
  // The Node transport's UTF-8 and text path (what @sockdoc/node passes), over a socket that sends nothing.
  const socketOf = (events: Parameters<Transport['open']>[3]): TransportSocket => {
    queueMicrotask(() => events.open());
    return { readyState: 1, protocol: '', extensions: '', bufferedAmount: 0, send: (d) => fake.send(d), sendText: (b) => fake.send(b), close() {}, detach() {} };
  };
  const transport: Transport = {
    runtime: 'node',
    utf8: { encode: (s) => Buffer.from(s, 'utf8'), byteLength: (s) => Buffer.byteLength(s, 'utf8'), isValid: isUtf8 },
    open: (_url, _protocols, _binaryType, events) => socketOf(events),
  };
  const socket = createSocket('ws://127.0.0.1:1/', { transport, channel: 'text', maxMessageBytes: 1 << 20, reconnect: false, queue: false, connectTimeout: 0 });
  await new Promise<void>((r) => socket.once('open', () => r()));
  const strings: Array<[string, string]> = [
    ['16 B ASCII', 'a'.repeat(16)],
    ['16 B CJK', `${'汉'.repeat(5)}a`],
    ['1 KiB ASCII', 'a'.repeat(1024)],
    ['1 KiB CJK', `${'汉'.repeat(341)}a`],
    ['64 KiB ASCII', 'a'.repeat(65536)],
    ['64 KiB CJK', `${'汉'.repeat(21845)}a`],
  ];
  for (const [name, s] of strings) {
    const iters = s.length > 10_000 ? 20_000 : 300_000;
    const base: number[] = [];
    const full: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      // Baseline: what ws does with a string anyway (encode to UTF-8, hand the bytes on).
      let t0 = performance.now();
      for (let i = 0; i < iters; i++) fake.send(Buffer.from(s, 'utf8'));
      base.push(((performance.now() - t0) * 1e6) / iters);
      t0 = performance.now();
      for (let i = 0; i < iters; i++) socket.send(s);
      full.push(((performance.now() - t0) * 1e6) / iters);
    }
    const b = median(base);
    const f = median(full);
    rows.push({ group: 'Cost of the contract check and evidence recording per string message, Node (ns): sockdoc send() against the UTF-8 encoding ws does anyway', case: name, metric: 'ns', values: { 'encode + hand on': b, 'sockdoc send()': f, overhead: f - b }, ratio: {} });
  }
  // UTF-8 validation of bytes sent as text, against node:buffer isUtf8 on the same bytes.
  const bytes = new Uint8Array(Buffer.from(`${'汉'.repeat(21845)}a`));
  const iters = 5000;
  const native: number[] = [];
  const ours: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    let t0 = performance.now();
    for (let i = 0; i < iters; i++) if (!isUtf8(bytes)) throw new Error('invalid');
    native.push((bytes.byteLength * iters) / ((performance.now() - t0) / 1000) / 1e6);
    t0 = performance.now();
    for (let i = 0; i < iters; i++) socket.sendText(bytes);
    ours.push((bytes.byteLength * iters) / ((performance.now() - t0) / 1000) / 1e6);
  }
  const n = median(native);
  const o = median(ours);
  rows.push({ group: 'UTF-8 validation of 64 KiB of bytes sent as text (MB/s)', case: 'sendText vs node:buffer isUtf8', metric: 'MB/s', values: { isUtf8: n, sendText: o }, ratio: { sendText: o / n }, target: 'sendText ≥ 0.9' });
  socket.close();
}

/** sendJson with a schema (typedJson, zod 4 and valibot 1) against plain sendJson (json()), over a socket that sends nothing. */
async function schemaSuite(): Promise<void> {
  const fake = new NullSocket();
  const transport: Transport = {
    runtime: 'node',
    utf8: { encode: (s) => Buffer.from(s, 'utf8'), byteLength: (s) => Buffer.byteLength(s, 'utf8'), isValid: isUtf8 },
    open: (_url, _protocols, _binaryType, events) => {
      queueMicrotask(() => events.open());
      return { readyState: 1, protocol: '', extensions: '', bufferedAmount: 0, send: (d) => fake.send(d), sendText: (b) => fake.send(b), close() {}, detach() {} };
    },
  };
  const zodSchema = z.discriminatedUnion('type', [
    z.object({ type: z.literal('join'), room: z.string().min(1).max(32) }),
    z.object({ type: z.literal('say'), room: z.string().min(1).max(32), text: z.string().max(500) }),
  ]);
  const valibotSchema = v.variant('type', [
    v.object({ type: v.literal('join'), room: v.pipe(v.string(), v.minLength(1), v.maxLength(32)) }),
    v.object({ type: v.literal('say'), room: v.pipe(v.string(), v.minLength(1), v.maxLength(32)), text: v.pipe(v.string(), v.maxLength(500)) }),
  ]);
  const clients = {
    'json()': createSocket('ws://127.0.0.1:1/', { transport, json: json(), reconnect: false, queue: false, connectTimeout: 0 }),
    'typedJson, zod 4': createSocket('ws://127.0.0.1:1/', { transport, json: typedJson({ send: zodSchema }), reconnect: false, queue: false, connectTimeout: 0 }),
    'typedJson, valibot 1': createSocket('ws://127.0.0.1:1/', { transport, json: typedJson({ send: valibotSchema }), reconnect: false, queue: false, connectTimeout: 0 }),
  };
  await Promise.all(Object.values(clients).map((c) => new Promise<void>((r) => c.once('open', () => r()))));
  const message = { type: 'say' as const, room: 'general', text: 'hello, world' };
  const iters = QUICK ? 20_000 : 200_000;
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(clients).map((k) => [k, []]));
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, client] of Object.entries(clients)) {
      const t0 = performance.now();
      for (let i = 0; i < iters; i++) client.sendJson(message);
      samples[name]!.push(((performance.now() - t0) * 1e6) / iters);
    }
  }
  const values = Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, median(xs)]));
  rows.push({ group: 'sendJson with a schema, per message (ns): typedJson against plain json(), Node', case: "{ type: 'say', room, text } (45 B)", metric: 'ns', values, ratio: {} });
  for (const c of Object.values(clients)) c.close();
}

/**
 * What a handle and a request cost against plain sendJson, per message, over a transport that
 * answers each message at once with the same text (so a request's reply is its own echo, decoded
 * like every incoming message); and the heap a pending request holds.
 */
async function deliverySuite(): Promise<void> {
  const transport = (echo: boolean): Transport => ({
    runtime: 'node',
    utf8: { encode: (s) => Buffer.from(s, 'utf8'), byteLength: (s) => Buffer.byteLength(s, 'utf8'), isValid: isUtf8 },
    open: (_url, _protocols, _binaryType, events) => {
      queueMicrotask(() => events.open());
      const reply = (d: unknown) => echo && events.message(typeof d === 'string' ? d : Buffer.from(d as Uint8Array).toString('utf8'));
      return { readyState: 1, protocol: '', extensions: '', bufferedAmount: 0, send: reply, sendText: reply, close() {}, detach() {} };
    },
  });
  type Msg = { id?: string; type: string; room: string };
  const correlation = { tag: (m: Msg, id: string): Msg => ({ ...m, id }), match: (m: Msg) => m.id };
  const open = (echo: boolean) => createSocket<Msg, Msg>('ws://127.0.0.1:1/', { transport: transport(echo), json: json() as never, reconnect: false, queue: false, connectTimeout: 0 });
  const [plain, tracked, rpcSocket] = [open(true), open(true), open(true)];
  await Promise.all([plain, tracked, rpcSocket].map((c) => new Promise<void>((r) => c.once('open', () => r()))));
  const withHandles = handles(tracked);
  const rpc = requester(rpcSocket, correlation);
  const message: Msg = { type: 'get', room: 'general' };
  const iters = QUICK ? 10_000 : 100_000;
  const variants: Record<string, () => Promise<void> | void> = {
    sendJson: () => {
      for (let i = 0; i < iters; i++) plain.sendJson(message);
    },
    'handles().sendJson': () => {
      for (let i = 0; i < iters; i++) withHandles.sendJson(message);
    },
    'request (reply resolved)': async () => {
      const replies: Promise<Msg>[] = new Array(iters);
      for (let i = 0; i < iters; i++) replies[i] = rpc.request(message, { timeout: 0 });
      await Promise.all(replies);
    },
  };
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, run] of Object.entries(variants)) {
      const t0 = performance.now();
      await run();
      samples[name]!.push(((performance.now() - t0) * 1e6) / iters);
      await yieldNow();
    }
  }
  const values = Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, median(xs)]));
  rows.push({ group: 'Handles and requests, per message (ns), Node: each message echoed back and decoded', case: "{ type: 'get', room } (30 B)", metric: 'ns', values, ratio: {} });
  for (const c of [plain, tracked, rpcSocket]) c.close();

  // Heap per pending request: 10,000 requests that get no reply (timeout 0: none expires meanwhile).
  // `pnpm bench` runs with --expose-gc, as memory.ts does.
  const gc = (globalThis as { gc?: () => void }).gc!;
  const silent = open(false);
  await new Promise<void>((r) => silent.once('open', () => r()));
  const waiting = requester(silent, correlation);
  const n = 10_000;
  const heap: number[] = [];
  for (let r = 0; r < Math.min(ROUNDS, 3); r++) {
    gc();
    const before = process.memoryUsage().heapUsed;
    const pending = Array.from({ length: n }, () => waiting.request(message, { timeout: 0 }).catch(() => {}));
    gc();
    heap.push((process.memoryUsage().heapUsed - before) / n);
    waiting.dispose();
    await Promise.all(pending);
  }
  rows.push({ group: 'Heap per pending request (bytes, 10,000 requests awaiting replies)', case: 'request() with its handle, timeout 0', metric: 'B', values: { 'per request': median(heap) }, ratio: {} });
  silent.close();
}

function memorySuite(sinkUrl: string): void {
  const results: Record<string, number[]> = { ws: [], sockdoc: [] };
  for (let r = 0; r < Math.min(ROUNDS, 3); r++) {
    for (const v of r % 2 ? ['sockdoc', 'ws'] : ['ws', 'sockdoc']) {
      const out = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(here, 'memory.ts'), v, sinkUrl, QUICK ? '200' : '1000'], { encoding: 'utf8', cwd: join(here, '..') });
      const m = /BYTES_PER_CONNECTION (\d+)/.exec(out.stdout);
      if (!m) throw new Error(`memory run failed: ${out.stderr}`);
      results[v]!.push(Number(m[1]));
    }
  }
  const values = { ws: median(results['ws']!), sockdoc: median(results['sockdoc']!) };
  rows.push({ group: 'Memory per idle connection (bytes of JS heap, 1,000 connections)', case: 'idle, open', metric: 'B', values: { ...values, 'sockdoc − ws': values.sockdoc - values.ws }, ratio: {}, target: 'sockdoc − ws ≤ 1,536 B' });
}

function diagnosisSuite(): void {
  const now = Date.now();
  const frames = Array.from({ length: 16 }, (_, i) => ({ kind: 'text' as const, bytes: 100 + i, utf8Valid: true, at: now - 16 + i }));
  const cases: Array<[string, Parameters<typeof diagnose>[0], Parameters<typeof diagnose>[1]]> = [
    ['1006 after idle, 16 frames', { code: 1006, reason: '', wasClean: false }, { runtime: 'node', opened: true, recentOutgoing: frames, timestamps: { opened: now - 200_000, lastMessageIn: now - 61_000, closed: now } }],
    ['1003 after a binary frame', { code: 1003, reason: 'Binary messages not supported', wasClean: true }, { opened: true, recentOutgoing: [{ kind: 'binary', bytes: 12, at: now - 1 }], timestamps: { closed: now } }],
    ['1006 refused handshake (401)', { code: 1006, wasClean: false }, { runtime: 'node', opened: false, handshakeStatus: 401 }],
  ];
  for (const [name, close, ctx] of cases) {
    const iters = 20_000;
    const samples: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const t0 = performance.now();
      for (let i = 0; i < iters; i++) diagnose(close, ctx);
      samples.push(((performance.now() - t0) * 1000) / iters);
    }
    rows.push({ group: 'Diagnosis cost per close (µs)', case: name, metric: 'µs', values: { diagnose: median(samples) }, ratio: {}, target: '< 50 µs' });
  }
}

function table(): string {
  const lines: string[] = [];
  let group = '';
  for (const r of rows) {
    if (r.group !== group) {
      group = r.group;
      const cols = Object.keys(r.values);
      lines.push('', `### ${group}`, '', `| Case | ${cols.join(' | ')} | ${Object.keys(r.ratio).length ? 'Ratio to ws | ' : ''}Target |`, `|---|${cols.map(() => '---:').join('|')}|${Object.keys(r.ratio).length ? '---|' : ''}---|`);
    }
    const digits = r.metric === 'µs' ? 2 : r.metric === 'ns' || r.metric === 'MB/s' ? 1 : 0;
    const ratio = Object.keys(r.ratio).length ? `${Object.entries(r.ratio).filter(([k]) => k !== 'ws').map(([k, v]) => `${k} ${v.toFixed(3)}`).join(', ')} | ` : '';
    lines.push(`| ${r.case} | ${Object.values(r.values).map((v) => fmt(v, digits)).join(' | ')} | ${ratio}${r.target ?? ''} |`);
  }
  return lines.join('\n');
}

const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}/${process.arch}`;
console.log(`sockdoc bench · ${machine} · ${ROUNDS} rounds${QUICK ? ' (quick)' : ''}`);
const sink = await startSink();
try {
  process.stdout.write('throughput ');
  await throughputSuite(sink);
  process.stdout.write(' latency ');
  await latencySuite(sink);
  process.stdout.write(' contract ');
  await contractSuite();
  process.stdout.write(' schemas ');
  await schemaSuite();
  process.stdout.write(' delivery ');
  await deliverySuite();
  process.stdout.write(' memory ');
  memorySuite(sink.url('/sink'));
  process.stdout.write(' diagnosis ');
  diagnosisSuite();
  process.stdout.write(' chromium ');
  const browser = await browserThroughput(sink.url('/sink'), ROUNDS, QUICK);
  for (const b of browser) rows.push({ group: 'Real headless Chromium: send throughput (messages/s, median)', case: b.case, metric: 'msg/s', values: { WebSocket: b.native, '@sockdoc/browser': b.sockdoc }, ratio: { '@sockdoc/browser': b.sockdoc / b.native } });
} finally {
  sink.stop();
}
// Bundle sizes of the built packages, as CI checks them (scripts/size.mjs).
const sizes = spawnSync(process.execPath, [join(here, '../../scripts/size.mjs'), '--report'], { encoding: 'utf8' });
// The budget table, then where the initial chunk's bytes go (size.mjs prints only Markdown).
const sizeTable = sizes.stdout.trim();
const md = `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}; ${ROUNDS} rounds, variants alternating, medians. Ratios are relative to raw \`ws\` (or the native WebSocket) in the same run: above 1 is faster.\n${table()}\n\n### Bundle sizes (min+gzip, every dependency included, code splitting)\n\nThe client loads \`@sockdoc/diagnose\` with \`import()\` when it first connects: "initial" is what a page downloads before it runs, "lazy" the chunk that follows. CI fails above the budgets (\`.size-budgets.json\`).\n\n${sizeTable}\n`;
console.log(`\n${md}`);
writeFileSync(join(here, '../results.md'), md);
writeFileSync(join(here, '../results.json'), JSON.stringify({ machine, rounds: ROUNDS, quick: QUICK, date: new Date().toISOString(), rows }, null, 2));
if (!QUICK) {
  writeFileSync(
    join(here, '../../docs/performance.md'),
    `# Performance\n\nThe latest \`pnpm bench\` (a script, not a timed test: CI never times anything). Raw \`ws\` and sockdoc use the same \`ws\` with \`bufferutil\`; the peers are for reference.\n\n${md}`,
  );
}
