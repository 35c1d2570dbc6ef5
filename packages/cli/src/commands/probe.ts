import { sanitizeReason } from '@sockdoc/diagnose';
import type { DiagnoseLocale, Diagnosis } from '@sockdoc/diagnose';
import { createSocket, type RawClose, type SocketClient } from '@sockdoc/node';
import { styles, type Output } from '../Output.js';
import { printDiagnosis } from './diagnose.js';

export interface ProbeOptions {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly protocols: readonly string[];
  /** Per connection: handshake and each probe's wait, ms. */
  readonly timeoutMs: number;
  readonly active: boolean;
  /** Size of the oversize probe, and the upper bound of the limit search. */
  readonly maxBytes: number;
  readonly findLimit: boolean;
  /** Stay idle this long (ms) to find the server's idle timeout; 0 = skip. */
  readonly idleMs: number;
  readonly locale: DiagnoseLocale;
}

/** `--json` output. Documented in docs/cli.md; fields are only added, never renamed. */
export interface ProbeReport {
  readonly url: string;
  readonly handshake: {
    readonly ok: boolean;
    readonly status?: number;
    readonly protocol?: string;
    readonly extensions?: string;
    readonly ms: number;
    readonly close?: RawClose;
    readonly diagnosis?: Diagnosis;
  };
  readonly probes: readonly ProbeResult[];
  readonly endpoint?: 'text-only' | 'binary-only' | 'both' | 'neither';
  /**
   * What the size search found. `unknown` (with `refusedBytes: null`) when a connection of the
   * search failed to open or the server's answer said nothing about size: no limit is claimed then.
   */
  readonly sizeLimit?: { readonly acceptedBytes: number; readonly refusedBytes: number | null; readonly probes: number; readonly unknown?: string };
  readonly idle?: { readonly waitedMs: number; readonly closedAfterMs: number | null; readonly close?: RawClose; readonly diagnosis?: Diagnosis };
}

export interface ProbeResult {
  readonly name: 'text' | 'binary' | 'invalid-utf8' | 'oversize';
  readonly sent: { readonly kind: 'text' | 'binary'; readonly bytes: number };
  readonly outcome: 'accepted' | 'closed' | 'failed';
  readonly close?: RawClose;
  readonly diagnosis?: Diagnosis;
}

/** A message is "accepted" when the server has not closed this long after it. */
const SETTLE_MS = 600;
/** Connections the size search may use (each one message, one after the other). */
const MAX_LIMIT_PROBES = 20;

interface Session {
  readonly socket: SocketClient;
  readonly openedMs: number | undefined;
  readonly closed: Promise<{ diagnosis: Diagnosis; raw: RawClose }>;
  readonly isClosed: () => boolean;
}

function open(o: ProbeOptions): Promise<Session> {
  const started = performance.now();
  const socket = createSocket(o.url, {
    contract: false,
    reconnect: false,
    connectTimeout: o.timeoutMs,
    locale: o.locale,
    channel: 'mixed',
    headers: { ...o.headers },
    ...(o.protocols.length ? { protocols: o.protocols } : {}),
  });
  socket.on('error', () => {}); // reported through the diagnosis
  let done = false;
  const closed = new Promise<{ diagnosis: Diagnosis; raw: RawClose }>((resolve) =>
    socket.once('close', (diagnosis, raw) => {
      done = true;
      resolve({ diagnosis, raw });
    }),
  );
  return new Promise((resolve) => {
    socket.once('open', () => resolve({ socket, openedMs: Math.round(performance.now() - started), closed, isClosed: () => done }));
    void closed.then(() => resolve({ socket, openedMs: undefined, closed, isClosed: () => true }));
  });
}

/** A close as plain text for a report line: code, sanitized reason, likely cause. */
const plainClose = (c: RawClose | undefined, d: Diagnosis | undefined) =>
  c ? `${c.code}${c.reason ? ` "${sanitizeReason(c.reason).text}"` : ''}${d ? `: ${d.cause.title}` : ''}` : 'no close';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function within<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const r = await Promise.race([p, new Promise<undefined>((res) => (timer = setTimeout(() => res(undefined), ms)))]);
  clearTimeout(timer);
  return r;
}

async function finish(s: Session, ms: number): Promise<void> {
  if (!s.isClosed()) s.socket.close(1000, 'sockdoc probe done');
  await within(s.closed, ms);
}

/** One connection, one message: accepted, or how the server closed. */
async function probeOne(o: ProbeOptions, name: ProbeResult['name'], send: (s: SocketClient) => void, sent: ProbeResult['sent']): Promise<ProbeResult> {
  const s = await open(o);
  if (s.openedMs === undefined) {
    const c = await s.closed;
    return { name, sent, outcome: 'failed', close: c.raw, diagnosis: c.diagnosis };
  }
  send(s.socket);
  const c = await within(s.closed, Math.min(SETTLE_MS, o.timeoutMs));
  if (c) return { name, sent, outcome: 'closed', close: c.raw, diagnosis: c.diagnosis };
  await finish(s, o.timeoutMs);
  return { name, sent, outcome: 'accepted' };
}

export async function probe(o: ProbeOptions, out: Output): Promise<ProbeReport> {
  out.progress(`connecting to ${o.url}`);
  const first = await open(o);
  const handshake: ProbeReport['handshake'] =
    first.openedMs === undefined
      ? await first.closed.then((c) => ({
          ok: false,
          ms: 0,
          ...(first.socket.getSnapshot().handshakeResponse ? { status: first.socket.getSnapshot().handshakeResponse!.status } : {}),
          close: c.raw,
          diagnosis: c.diagnosis,
        }))
      : { ok: true, status: 101, protocol: first.socket.getSnapshot().protocol, extensions: first.socket.getSnapshot().extensions, ms: first.openedMs };
  if (handshake.ok) await finish(first, o.timeoutMs);
  const probes: ProbeResult[] = [];
  const report: { -readonly [K in keyof ProbeReport]: ProbeReport[K] } = { url: o.url, handshake, probes };
  if (!handshake.ok) {
    out.progress(undefined);
    return report;
  }
  if (o.active) await activeProbes(o, out, report, probes);
  if (o.idleMs > 0) report.idle = await idleProbe(o, out);
  out.progress(undefined);
  return report;
}

async function activeProbes(o: ProbeOptions, out: Output, report: { -readonly [K in keyof ProbeReport]: ProbeReport[K] }, probes: ProbeResult[]): Promise<void> {
  const steps: Array<[ProbeResult['name'], (s: SocketClient) => void, ProbeResult['sent']]> = [
    ['text', (s) => s.send('sockdoc probe'), { kind: 'text', bytes: 13 }],
    ['binary', (s) => s.send(new Uint8Array([0x73, 0x64, 0x6f, 0x63])), { kind: 'binary', bytes: 4 }],
    ['invalid-utf8', (s) => s.sendText(new Uint8Array([0x73, 0x64, 0xff, 0xfe])), { kind: 'text', bytes: 4 }],
    ['oversize', (s) => s.send('x'.repeat(o.maxBytes)), { kind: 'text', bytes: o.maxBytes }],
  ];
  for (const [name, send, sent] of steps) {
    out.progress(`probe: ${name} (${sent.bytes} bytes)`);
    probes.push(await probeOne(o, name, send, sent));
    await sleep(50);
  }
  const ok = (n: ProbeResult['name']) => report.probes.find((p) => p.name === n)?.outcome === 'accepted';
  report.endpoint = ok('text') && ok('binary') ? 'both' : ok('text') ? 'text-only' : ok('binary') ? 'binary-only' : 'neither';

  if (o.findLimit && ok('text')) {
    const oversize = report.probes.find((p) => p.name === 'oversize')!;
    if (oversize.outcome === 'accepted') report.sizeLimit = { acceptedBytes: o.maxBytes, refusedBytes: null, probes: 0 };
    else if (oversize.outcome === 'failed') report.sizeLimit = { acceptedBytes: 13, refusedBytes: null, probes: 0, unknown: `the oversize probe's connection failed (${plainClose(oversize.close, oversize.diagnosis)})` };
    else {
      let lo = 13;
      let hi = o.maxBytes;
      let n = 0;
      let unknown: string | undefined;
      // A size counts as refused only when the server closed right after it, as it closed after the
      // oversize probe: the size is then the only difference. A connection that fails (a server
      // that died, a network fault) says nothing about size, and the search stops without a claim.
      const sizeClose = oversize.close?.code;
      while (hi - lo > 1 && n < MAX_LIMIT_PROBES) {
        const mid = Math.floor((lo + hi) / 2);
        out.progress(`size limit: between ${lo} and ${hi} bytes, trying ${mid}`);
        const r = await probeOne(o, 'oversize', (s) => s.send('x'.repeat(mid)), { kind: 'text', bytes: mid });
        n++;
        if (r.outcome === 'accepted') lo = mid;
        else if (r.outcome === 'closed' && (r.close?.code === 1009 || r.close?.code === sizeClose)) hi = mid;
        else {
          unknown = r.outcome === 'failed' ? `connection ${n} of the search failed (${plainClose(r.close, r.diagnosis)})` : `the server closed with ${plainClose(r.close, r.diagnosis)} after ${mid} bytes, not as it closed after the oversize probe`;
          break;
        }
        await sleep(30);
      }
      report.sizeLimit = unknown ? { acceptedBytes: lo, refusedBytes: null, probes: n, unknown } : { acceptedBytes: lo, refusedBytes: hi, probes: n };
    }
  }

}

/** One connection that sends nothing: closed by the server after how long, and how. */
async function idleProbe(o: ProbeOptions, out: Output): Promise<ProbeReport['idle']> {
  out.progress(`idle: waiting up to ${Math.round(o.idleMs / 1000)} s without sending`);
  const s = await open(o);
  if (s.openedMs === undefined) return undefined;
  const started = performance.now();
  const c = await within(s.closed, o.idleMs);
  if (c) return { waitedMs: o.idleMs, closedAfterMs: Math.round(performance.now() - started), close: c.raw, diagnosis: c.diagnosis };
  await finish(s, o.timeoutMs);
  return { waitedMs: o.idleMs, closedAfterMs: null };
}

export function printProbe(r: ProbeReport, locale: DiagnoseLocale, o: Output): void {
  const s = styles(o.color);
  const fmt = (n: number) => n.toLocaleString('en-US');
  const closeText = (c: RawClose | undefined, d: Diagnosis | undefined) =>
    // The reason as diagnose() shows it: sanitized, never as the server sent it.
    c ? `closed ${c.code}${c.reason ? ` "${sanitizeReason(c.reason).text}"` : ''}${d ? s.dim(` → ${d.cause.title}`) : ''}` : '';
  if (r.handshake.ok) {
    o.out(`${s.bold('Handshake')}  ${s.green('✓')} 101 in ${r.handshake.ms} ms · subprotocol ${r.handshake.protocol || 'none'} · extensions ${r.handshake.extensions || 'none'}`);
  } else {
    o.out(`${s.bold('Handshake')}  ${s.red('✗')} ${r.handshake.status ? `HTTP ${r.handshake.status}` : 'failed'}`);
    if (r.handshake.diagnosis) printDiagnosis(r.handshake.diagnosis, locale, o, '  ');
    return;
  }
  if (r.probes.length) {
    o.out(s.bold('Probes'));
    const label: Record<ProbeResult['name'], string> = { text: 'text frame', binary: 'binary frame', 'invalid-utf8': 'invalid UTF-8 as text', oversize: 'oversize text' };
    for (const p of r.probes) {
      const what = `${label[p.name]} (${fmt(p.sent.bytes)} bytes)`.padEnd(34);
      o.out(`  ${what} ${p.outcome === 'accepted' ? s.green('accepted') : p.outcome === 'failed' ? s.red(`failed ${closeText(p.close, p.diagnosis)}`) : s.yellow(closeText(p.close, p.diagnosis))}`);
    }
  }
  if (r.endpoint) o.out(`${s.bold('Endpoint')}   ${r.endpoint}`);
  if (r.sizeLimit) {
    o.out(
      `${s.bold('Size limit')} ${r.sizeLimit.unknown ? s.red(`unknown: ${r.sizeLimit.unknown}; accepted ${fmt(r.sizeLimit.acceptedBytes)} bytes before that`) : r.sizeLimit.refusedBytes === null ? `none found up to ${fmt(r.sizeLimit.acceptedBytes)} bytes` : `accepts ${fmt(r.sizeLimit.acceptedBytes)} bytes, refuses ${fmt(r.sizeLimit.refusedBytes)} bytes`} ${s.dim(`(${r.sizeLimit.probes} connections)`)}`,
    );
  }
  if (r.idle) {
    o.out(`${s.bold('Idle')}       ${r.idle.closedAfterMs === null ? `still open after ${(r.idle.waitedMs / 1000).toFixed(0)} s` : `closed after ${(r.idle.closedAfterMs / 1000).toFixed(1)} s: ${closeText(r.idle.close, r.idle.diagnosis)}`}`);
  }
}
