import { closeSync, openSync, readSync } from 'node:fs';
import { contextProblems, diagnose, type DiagnoseContext, type DiagnoseLocale, type Diagnosis } from '@sockdoc/diagnose';
import { styles, terminalSafe, type Output } from '../Output.js';
import { UsageError } from '../UsageError.js';

export function printDiagnosis(d: Diagnosis, locale: DiagnoseLocale, o: Output, indent = ''): void {
  const s = styles(o.color);
  const L = locale.labels;
  o.out(`${indent}${s.bold(`${d.code} ${d.explanation.title}`)}${d.reason ? s.dim(` ${L.reason}${L.colon}"${d.reason}"`) : ''}`);
  o.out(`${indent}${s.bold(`${L.cause}${L.colon}`)}${d.cause.title}${s.dim(` · ${L.confidence}${L.colon}${d.cause.confidenceText}`)}`);
  o.out(`${indent}  ${d.cause.detail}`);
  if (d.cause.evidence.length) {
    o.out(`${indent}${s.bold(`${L.evidence}${L.colon.trimEnd()}`)}`);
    for (const e of d.cause.evidence) o.out(`${indent}  - ${e.text}`);
  }
  o.out(`${indent}${s.bold(`${L.howToFix}${L.colon.trimEnd()}`)}`);
  d.cause.fixes.forEach((f, i) => o.out(`${indent}  ${i + 1}. ${f}`));
  for (const alt of d.alternatives) o.out(`${indent}${s.dim(`  · ${alt.title} · ${L.confidence}${L.colon}${alt.confidenceText}`)}`);
  o.out(`${indent}${s.bold(`${L.retry}${L.colon}`)}${d.retry.text}`);
}

/** Evidence files are a few kilobytes: a larger one is not evidence (and /dev/zero never ends). */
const MAX_EVIDENCE_BYTES = 1 << 20;

/** Reads at most `max` bytes of `path`, or throws a UsageError for a longer input. */
function readCapped(path: string, max: number): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(max + 1);
    let n = 0;
    for (let got; n <= max && (got = readSync(fd, buf, n, max + 1 - n, null)) > 0; ) n += got;
    if (n > max) throw new UsageError(`--evidence ${path} is larger than ${max.toLocaleString('en-US')} bytes: not the evidence of a close event`);
    return buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Reads recorded evidence: the `evidence` argument of a close event, saved as JSON. */
function readEvidence(path: string, o: Output): DiagnoseContext {
  let text: string;
  try {
    text = readCapped(path, MAX_EVIDENCE_BYTES);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`Cannot read --evidence ${path}: ${(e as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--evidence ${path} is not valid JSON: ${(e as Error).message}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new UsageError(`--evidence ${path} must hold a JSON object (the evidence of a close event)`);
  // A field of the wrong type would be left out of the diagnosis without a word: refuse the file
  // and say what is wrong. Fields this version does not know are only reported (a newer client may record more).
  const problems = contextProblems(value);
  const wrong = problems.filter((p) => p.expected !== undefined);
  const unknown = problems.filter((p) => p.expected === undefined);
  if (wrong.length) {
    const shown = wrong.slice(0, 5).map((p) => `  ${terminalSafe(p.path)} must be ${p.expected} (got ${p.got})`);
    throw new UsageError([`--evidence ${path} is not evidence as a sockdoc client records it:`, ...shown, ...(wrong.length > 5 ? [`  and ${wrong.length - 5} more`] : [])].join('\n'));
  }
  if (unknown.length) o.err(`sockdoc: ignoring evidence fields this version does not know: ${unknown.slice(0, 10).map((p) => terminalSafe(p.path)).join(', ')}${unknown.length > 10 ? `, and ${unknown.length - 10} more` : ''}`);
  return value as DiagnoseContext;
}

export function diagnoseCommand(
  args: { code: number; reason?: string; wasClean?: boolean; evidence?: string },
  locale: DiagnoseLocale,
  json: boolean,
  o: Output,
): number {
  const ctx = args.evidence ? readEvidence(args.evidence, o) : {};
  const d = diagnose({ code: args.code, ...(args.reason === undefined ? {} : { reason: args.reason }), ...(args.wasClean === undefined ? {} : { wasClean: args.wasClean }) }, ctx, { locale });
  if (json) o.out(JSON.stringify(d, null, 2));
  else printDiagnosis(d, locale, o);
  return 0;
}
