import { CONTEXT, FRAME, MAX_FRAMES, isFrame, type Field } from './normalizeContext.js';

/** A field of a context that `diagnose()` could not use: where it is, what it should be, what it was. */
export interface ContextProblem {
  /** Where, e.g. `recentOutgoing[3].bytes`; `''` for the context itself. */
  readonly path: string;
  /** What the field must be, e.g. `a finite number`; `undefined` for a field that `diagnose()` does not know. */
  readonly expected: string | undefined;
  /** The JSON type of what was there: `string`, `number`, `boolean`, `null`, `array`, `object`. */
  readonly got: string;
}

const jsonType = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const isObject = (v: unknown): v is Record<string, unknown> => jsonType(v) === 'object';

function describe(field: Field): string {
  if (field === 'number') return 'a finite number';
  if (field === 'boolean') return 'true or false';
  if (field === 'text') return 'a string';
  if (field === 'frames') return 'an array of frames ({ kind, bytes, at })';
  if (field === 'texts') return 'an array of strings';
  if (Array.isArray(field)) return `one of ${field.map((x) => `'${x}'`).join(', ')}`;
  return field === FRAME ? 'a frame with kind and bytes' : 'an object';
}

/** Whether `v` is what `field` takes at the top (the nested fields are checked by the caller). */
function fits(field: Field, v: unknown): boolean {
  if (field === 'number') return typeof v === 'number' && Number.isFinite(v);
  if (field === 'boolean') return typeof v === 'boolean';
  if (field === 'text') return typeof v === 'string';
  if (field === 'frames') return Array.isArray(v);
  if (field === 'texts') return Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (Array.isArray(field)) return field.includes(v as string);
  return field === FRAME ? isFrame(v) : isObject(v);
}

function check(field: Field, v: unknown, path: string, out: ContextProblem[]): void {
  if (!fits(field, v)) {
    out.push({ path, expected: describe(field), got: jsonType(v) });
    if (field !== FRAME || !isObject(v)) return;
  }
  const at = (k: string | number) => (typeof k === 'number' ? `${path}[${k}]` : path ? `${path}.${k}` : k);
  if (field === 'frames') {
    const list = v as unknown[];
    for (let i = Math.max(0, list.length - MAX_FRAMES); i < list.length; i++) check(FRAME, list[i], at(i), out);
  } else if (typeof field === 'object' && !Array.isArray(field)) {
    const fields = field as Record<string, Field>;
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (x === undefined) continue;
      if (k in fields) check(fields[k]!, x, at(k), out);
      else out.push({ path: at(k), expected: undefined, got: jsonType(x) });
    }
  }
}

/**
 * What `diagnose()` would leave out of a context: each field of the wrong type (with what it
 * must be) and each field it does not know (`expected: undefined`). Empty for evidence exactly
 * as a client recorded it. For tools that read saved evidence and must say what is wrong with it.
 *
 * @example
 * contextProblems({ opened: 'yes', recentOutgoing: [] }); // [{ path: 'opened', expected: 'true or false', got: 'string' }]
 */
export function contextProblems(input: unknown): readonly ContextProblem[] {
  const out: ContextProblem[] = [];
  check(CONTEXT, input, '', out);
  return out;
}
