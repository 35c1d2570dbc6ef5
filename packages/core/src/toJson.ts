import { ContractError } from './errors/ContractError.js';
import { typeName } from './checkOutgoing.js';
import { DEV } from './dev.js';

function refuse(path: string, type: string, what: string): never {
  throw new ContractError('SOCKDOC_JSON_UNREPRESENTABLE', 'json', undefined, { type, path }, DEV ? `Cannot send ${type} at ${path} as JSON: ${what}. Nothing was sent; convert it explicitly first.` : '');
}

const PLAIN_OR_JSONABLE = (v: object) => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null || Array.isArray(v) || typeof (v as { toJSON?: unknown }).toJSON === 'function';
};

/**
 * `JSON.stringify` that refuses what JSON cannot represent faithfully instead of silently
 * dropping or changing it: cycles, `BigInt`, functions, symbols, `undefined` values,
 * `NaN`/`Infinity` (which become `null`), `Map`/`Set` and other objects that serialize as `{}`,
 * and typed arrays (which become index-keyed objects). Objects with `toJSON` (e.g. `Date`) are fine.
 *
 * @example
 * toJson({ a: 1 });          // '{"a":1}'
 * toJson({ id: 10n });       // throws ContractError SOCKDOC_JSON_UNREPRESENTABLE at $.id
 */
export function toJson(value: unknown): string {
  const stack: object[] = [];
  const walk = (v: unknown, path: string): void => {
    switch (typeof v) {
      case 'string':
      case 'boolean':
        return;
      case 'number':
        if (!Number.isFinite(v)) refuse(path, String(v), DEV ? 'JSON would turn it into null' : '');
        return;
      case 'bigint':
        return refuse(path, 'BigInt', DEV ? 'JSON has no integer type beyond 2^53; send it as a string' : '');
      case 'undefined':
        return refuse(path, 'undefined', DEV ? 'JSON would drop the field (or write null in an array)' : '');
      case 'function':
        return refuse(path, 'function', DEV ? 'JSON would drop it' : '');
      case 'symbol':
        return refuse(path, 'symbol', DEV ? 'JSON would drop it' : '');
    }
    if (v === null) return;
    const obj = v as object;
    if (typeof (obj as { toJSON?: unknown }).toJSON === 'function') {
      walk((obj as { toJSON(k: string): unknown }).toJSON(''), path);
      return;
    }
    if (stack.includes(obj)) refuse(path, 'a circular reference', DEV ? 'JSON cannot represent cycles' : '');
    if (!PLAIN_OR_JSONABLE(obj)) refuse(path, typeName(obj), DEV ? 'JSON would write it as {} or an index-keyed object, losing its contents' : '');
    stack.push(obj);
    if (Array.isArray(obj)) obj.forEach((x, i) => walk(x, `${path}[${i}]`));
    else for (const k of Object.keys(obj)) walk((obj as Record<string, unknown>)[k], /^[A-Za-z_$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`);
    stack.pop();
  };
  walk(value, '$');
  return JSON.stringify(value);
}
