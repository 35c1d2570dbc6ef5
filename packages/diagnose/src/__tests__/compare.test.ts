import { describe, expect, it } from 'vitest';
import { compare } from '../compare.js';
import { zhCN } from '../locales/zh-CN.js';

describe('compare', () => {
  it('should contrast 1003 and 1007 as the seed page does: description, when, fix, key differences, which to use', () => {
    const c = compare(1003, 1007);
    const row = (aspect: string) => c.rows.find((r) => r.aspect === aspect)!;
    expect(row('meaning').a).toMatch(/type of data it cannot accept/);
    expect(row('meaning').b).toMatch(/not valid UTF-8/);
    expect(row('occurs').a).toMatch(/binary frame/);
    expect(row('fix').b).toMatch(/binary frames/);
    expect(row('onWire').same).toBe(true);
    expect(c.keyDifferences.length).toBe(2);
    expect(c.keyDifferences.join(' ')).toMatch(/1007 where 1003 is correct/);
    expect(c.whenToUse.a).toMatch(/^Send 1003/);
    expect(c.whenToUse.b).toMatch(/^Send 1007/);
  });

  it('should show where synthetic and wire codes differ', () => {
    const c = compare(1001, 1006, { locale: zhCN });
    expect(c.rows.find((r) => r.aspect === 'onWire')).toMatchObject({ a: '是', b: '否', same: false });
    expect(c.keyDifferences.join('')).toContain('1006');
  });
});
