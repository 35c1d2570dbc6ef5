import { describe, expect, it } from 'vitest';
import { ContractError } from '../errors/ContractError.js';
import { toJson } from '../toJson.js';

const refusal = (v: unknown) => {
  try {
    toJson(v);
  } catch (e) {
    return e as ContractError;
  }
  throw new Error('not refused');
};

describe('toJson: one pass, what is checked is what is sent', () => {
  it('should read a getter once, so a getter cannot pass the check and then drop the field', () => {
    let reads = 0;
    const flaky = {
      get n() {
        reads++;
        return reads === 1 ? 1 : undefined;
      },
    };
    expect(toJson(flaky)).toBe('{"n":1}');
    expect(reads).toBe(1);
  });

  it('should refuse a getter or toJSON that throws with the typed error, the path and the cause', () => {
    const boom = new Error('boom');
    const e = refusal({ a: { get b() { throw boom; } } });
    expect(e).toBeInstanceOf(ContractError);
    expect(e).toMatchObject({ code: 'SOCKDOC_JSON_UNREPRESENTABLE', detail: { path: '$.a' } });
    expect(e.cause).toBe(boom);
    expect(refusal({ d: { toJSON: () => { throw boom; } } })).toMatchObject({ code: 'SOCKDOC_JSON_UNREPRESENTABLE' });
  });

  it('should name the path of each refused value, array holes and toJSON results included', () => {
    const cyclic: Record<string, unknown> = { list: [] };
    (cyclic['list'] as unknown[]).push({ back: cyclic });
    // eslint-disable-next-line no-sparse-arrays
    const cases: Array<[unknown, string]> = [[[1, , 3], '$[1]'], [cyclic, '$.list[0].back'], [{ 'a b': 1n }, '$["a b"]'], [{ m: { toJSON: () => new Map() } }, '$.m'], [undefined, '$'], [{ s: new Set([1]) }, '$.s']];
    for (const [value, path] of cases) expect(refusal(value).detail).toMatchObject({ path });
  });

  it('should send shared (not circular) references and toJSON values as JSON.stringify does', () => {
    const shared = { x: 1 };
    const value = { a: shared, b: [shared], at: new Date(0), n: null, nested: { ok: true } };
    expect(toJson(value)).toBe(JSON.stringify(value));
  });
});
