import { typeName } from './checkOutgoing.js';
import { OptionError } from './errors/OptionError.js';
import { DEV } from './dev.js';

/** `v` when it is a positive (or, with `allowZero`, non-negative) finite number or undefined; else OptionError. */
export function positiveOption(name: string, v: unknown, allowZero = false): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (!allowZero && v === 0)) {
    throw new OptionError('SOCKDOC_INVALID_OPTION', DEV ? `Option ${name} must be a ${allowZero ? 'non-negative' : 'positive'} number (got ${typeName(v)} ${String(v)}).` : '');
  }
  return v;
}
