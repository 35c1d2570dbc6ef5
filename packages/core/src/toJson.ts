import { ContractError } from './errors/ContractError.js';
import { typeName } from './checkOutgoing.js';
import { DEV } from './dev.js';

function refuse(path: string, type: string, what: string, cause?: unknown): never {
  throw new ContractError('SOCKDOC_JSON_UNREPRESENTABLE', 'json', undefined, { type, path }, DEV ? `Cannot send ${type} at ${path} as JSON: ${what}. Nothing was sent; convert it explicitly first.` : '', cause === undefined ? undefined : { cause });
}

const plain = (v: object) => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null || Array.isArray(v);
};

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * `JSON.stringify` that refuses what JSON cannot represent faithfully instead of silently
 * dropping or changing it: cycles, `BigInt`, functions, symbols, `undefined` values (and array
 * holes), `NaN`/`Infinity` (which become `null`), `Map`/`Set` and other objects that serialize
 * as `{}`, and typed arrays (which become index-keyed objects). Objects with `toJSON` (e.g.
 * `Date`) are fine. One pass: each property is read once, so what is checked is what is sent
 * (a getter cannot change its answer in between); an error thrown while reading is refused too.
 *
 * @example
 * toJson({ a: 1 });          // '{"a":1}'
 * toJson({ id: 10n });       // throws ContractError SOCKDOC_JSON_UNREPRESENTABLE at $.id
 */
export function toJson(value: unknown): string {
  // Where each object met so far sits, and its holder: paths for errors, ancestors for cycles.
  const paths = new WeakMap<object, string>();
  const parents = new WeakMap<object, object>();
  let at = '$';
  function check(this: unknown, key: string, v: unknown): unknown {
    const holder = this as object;
    const base = paths.get(holder);
    at = base === undefined ? '$' : Array.isArray(holder) ? `${base}[${key}]` : IDENTIFIER.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`;
    switch (typeof v) {
      case 'string':
      case 'boolean':
        return v;
      case 'number':
        if (!Number.isFinite(v)) refuse(at, String(v), DEV ? 'JSON would turn it into null' : '');
        return v;
      case 'bigint':
        return refuse(at, 'BigInt', DEV ? 'JSON has no integer type beyond 2^53; send it as a string' : '');
      case 'undefined':
        return refuse(at, 'undefined', DEV ? 'JSON would drop the field (or write null in an array)' : '');
      case 'function':
        return refuse(at, 'function', DEV ? 'JSON would drop it' : '');
      case 'symbol':
        return refuse(at, 'symbol', DEV ? 'JSON would drop it' : '');
    }
    if (v === null) return v;
    const obj = v as object;
    for (let p: object | undefined = holder; p !== undefined; p = parents.get(p)) {
      if (p === obj) refuse(at, 'a circular reference', DEV ? 'JSON cannot represent cycles' : '');
    }
    if (!plain(obj)) refuse(at, typeName(obj), DEV ? 'JSON would write it as {} or an index-keyed object, losing its contents' : '');
    paths.set(obj, at);
    parents.set(obj, holder);
    return obj;
  }
  try {
    return JSON.stringify(value, check);
  } catch (err) {
    if (err instanceof ContractError) throw err;
    // A getter or toJSON that threw: the value cannot be read as JSON.
    return refuse(at, 'a value that threw while being read', DEV ? `reading it threw ${err instanceof Error ? err.message : String(err)}` : '', err);
  }
}
