import { parseArgs } from 'node:util';
import type { Output } from './Output.js';
import { UsageError } from './UsageError.js';
import { BUILT_IN_LOCALES } from './builtInLocales.js';
import { cliLocale } from './locale.js';
import { wrapLine } from './wrapLines.js';
import { compareCommand, explainCommand } from './commands/explain.js';
import { diagnoseCommand } from './commands/diagnose.js';
import { printProbe, probe } from './commands/probe.js';

export const USAGE = `Usage: sockdoc <command> [options]

Commands
  explain <code>                 what a close code means, why it happens, how to fix it
  compare <a> <b>                the differences between two close codes
  diagnose --code N              a diagnosis of a recorded close
           [--reason R] [--was-clean | --not-clean] [--evidence file.json]
  probe <url>                    connect and report the handshake
           [--header K:V]... [--protocol P]... [--timeout S]
           [--active]            also probe: text, binary, invalid UTF-8, oversize (one connection each)
           [--max-bytes N]       size of the oversize probe (default 1048576)
           [--find-limit]        find the size limit by bisection (at most 20 connections)
           [--idle S]            stay idle up to S seconds (max 600) to find an idle timeout

Options
  --lang <tag>                   language of the text: ${BUILT_IN_LOCALES.map((l) => l.tag).join(', ')} (en is the default;
                                 zh and zh-Hans match zh-CN, zh-Hant and zh-HK match zh-TW)
                                 (else SOCKDOC_LANG, LC_ALL, LC_MESSAGES, LANG; zh_CN.UTF-8 works)
  --json                         machine-readable output (schema: docs/cli.md)
  --width <n>                    wrap text to n columns (default: the terminal's, else 80)
  -h, --help                     this help
  -v, --version                  the version

Exit codes: 0 ok · 1 the probe found a problem (handshake refused, connection failed) · 2 bad input`;

function parseCode(v: string | undefined, what: string): number {
  if (v === undefined) throw new UsageError(`Missing ${what}`);
  if (!/^-?\d+(\.\d+)?$/.test(v.trim())) throw new UsageError(`${what} must be a number (got ${JSON.stringify(v)})`);
  return Number(v);
}

function positive(v: string | undefined, what: string, max?: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || (max !== undefined && n > max)) throw new UsageError(`${what} must be a positive number${max === undefined ? '' : ` up to ${max}`} (got ${JSON.stringify(v)})`);
  return n;
}

/**
 * Runs the CLI and returns the exit code. Never throws for bad input: usage errors are
 * printed with the usage and return 2.
 *
 * @example
 * process.exitCode = await run(['explain', '1007', '--lang', 'zh-CN'], processOutput());
 */
export async function run(argv: readonly string[], o: Output, about: { readonly version?: string } = {}): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        lang: { type: 'string' },
        json: { type: 'boolean' },
        width: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        code: { type: 'string' },
        reason: { type: 'string' },
        'was-clean': { type: 'boolean' },
        'not-clean': { type: 'boolean' },
        evidence: { type: 'string' },
        header: { type: 'string', multiple: true },
        protocol: { type: 'string', multiple: true },
        timeout: { type: 'string' },
        active: { type: 'boolean' },
        'max-bytes': { type: 'string' },
        'find-limit': { type: 'boolean' },
        idle: { type: 'string' },
      },
    });
    const [command, ...rest] = positionals;
    if (values.version) {
      o.out(about.version ?? 'unknown');
      return 0;
    }
    if (values.help || command === undefined || command === 'help') {
      o.out(USAGE);
      return command === undefined && !values.help ? 2 : 0;
    }
    const { locale, note } = cliLocale(values.lang, process.env);
    if (note) o.err(`sockdoc: ${note}`);
    const json = values.json === true;
    // Prose wraps to the terminal (80 columns when not a terminal, --width to choose); JSON never does.
    const width = values.width === undefined ? (o.width ?? 80) : Math.floor(positive(values.width, '--width', 1000)!);
    if (!json && width >= 20) {
      const raw = o;
      o = { ...raw, width, out: (line) => { for (const l of line.split('\n')) for (const w of wrapLine(l, width)) raw.out(w); } };
    }
    switch (command) {
      case 'explain':
        if (rest.length !== 1) throw new UsageError('explain takes one close code, e.g. sockdoc explain 1006');
        return explainCommand(parseCode(rest[0], 'the close code'), locale, json, o);
      case 'compare':
        if (rest.length !== 2) throw new UsageError('compare takes two close codes, e.g. sockdoc compare 1003 1007');
        return compareCommand(parseCode(rest[0], 'the first code'), parseCode(rest[1], 'the second code'), locale, json, o);
      case 'diagnose': {
        if (rest.length) throw new UsageError(`diagnose takes options only (got ${rest.join(' ')}); e.g. sockdoc diagnose --code 1006`);
        if (values['was-clean'] && values['not-clean']) throw new UsageError('--was-clean and --not-clean contradict each other');
        const wasClean = values['was-clean'] ? true : values['not-clean'] ? false : undefined;
        return diagnoseCommand(
          { code: parseCode(values.code, '--code'), ...(values.reason === undefined ? {} : { reason: values.reason }), ...(wasClean === undefined ? {} : { wasClean }), ...(values.evidence ? { evidence: values.evidence } : {}) },
          locale,
          json,
          o,
        );
      }
      case 'probe': {
        if (rest.length !== 1) throw new UsageError('probe takes one URL, e.g. sockdoc probe wss://example.com/socket');
        const url = rest[0]!;
        try {
          const u = new URL(url);
          if (!['ws:', 'wss:', 'http:', 'https:'].includes(u.protocol)) throw new Error('scheme');
        } catch {
          throw new UsageError(`probe needs a ws:// or wss:// URL (got ${JSON.stringify(url)})`);
        }
        const headers: Record<string, string> = {};
        for (const h of values.header ?? []) {
          const i = h.indexOf(':');
          if (i <= 0) throw new UsageError(`--header must look like Name:value (got ${JSON.stringify(h)})`);
          headers[h.slice(0, i).trim()] = h.slice(i + 1).trim();
        }
        const report = await probe(
          {
            url,
            headers,
            protocols: values.protocol ?? [],
            timeoutMs: (positive(values.timeout, '--timeout', 600) ?? 10) * 1000,
            active: values.active === true || values['find-limit'] === true,
            maxBytes: Math.floor(positive(values['max-bytes'], '--max-bytes', 64 * 1024 * 1024) ?? 1024 * 1024),
            findLimit: values['find-limit'] === true,
            idleMs: (positive(values.idle, '--idle', 600) ?? 0) * 1000,
            locale,
          },
          o,
        );
        if (json) o.out(JSON.stringify(report, null, 2));
        else printProbe(report, locale, o);
        return report.handshake.ok && !report.sizeLimit?.unknown ? 0 : 1;
      }
      default:
        throw new UsageError(`Unknown command ${JSON.stringify(command)}`);
    }
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      o.err(`sockdoc: ${(e as Error).message}\n`);
      o.err(USAGE);
      return 2;
    }
    o.err(`sockdoc: unexpected error: ${(e as Error).message ?? String(e)}`);
    return 70;
  }
}
