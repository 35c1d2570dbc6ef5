import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import list from '../../locales.json';

// These tests use the BUILT package (dist/), not the source: `pnpm test` builds first.
const pkgDir = join(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = join(pkgDir, 'dist');

async function bundle(code: string): Promise<string> {
  const out = await build({
    stdin: { contents: code, resolveDir: pkgDir, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    minify: false,
    charset: 'utf8',
    alias: { '@sockdoc/diagnose': join(dist, 'index.js'), '@sockdoc/diagnose/locales/zh-CN': join(dist, 'locales/zh-CN.js') },
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

describe('built @sockdoc/diagnose', () => {
  it('should exist (run the build first)', () => {
    expect(existsSync(join(dist, 'index.js')), 'dist/index.js').toBe(true);
  });

  it('should leave Chinese text out of an English-only bundle', async () => {
    const js = await bundle(`import { diagnose } from '@sockdoc/diagnose'; console.log(diagnose({ code: 1006 }).summary);`);
    expect(js).toContain('Abnormal closure');
    expect(js).not.toContain('异常关闭');
    expect(js).not.toContain('二进制消息发到了仅支持文本的端点');
  });

  it('should include Chinese text when zh-CN is imported', async () => {
    const js = await bundle(`import { diagnose } from '@sockdoc/diagnose'; import { zhCN } from '@sockdoc/diagnose/locales/zh-CN'; console.log(diagnose({ code: 1006 }, {}, { locale: zhCN }).summary);`);
    expect(js).toContain('异常关闭');
  });

  it('should load from CommonJS and ESM with the same answers', async () => {
    const require = createRequire(import.meta.url);
    const cjs = require(join(dist, 'index.cjs')) as typeof import('../index.js');
    const esm = (await import(join(dist, 'index.js'))) as typeof import('../index.js');
    const zh = require(join(dist, 'locales/zh-CN.cjs')) as typeof import('../locales/zh-CN.js');
    expect(cjs.explain(1007, { locale: zh.zhCN }).title).toBe('无效的帧载荷数据');
    expect(esm.diagnose({ code: 1012 }).retry.delayMs).toEqual([5000, 30000]);
  });

  it.each(list.locales.map((l) => [l.tag, l.export]))('should build %s as its own entry, from ESM and CommonJS, and load its text alone', async (tag, name) => {
    const require = createRequire(import.meta.url);
    const cjs = require(join(dist, `locales/${tag}.cjs`));
    const esm = await import(join(dist, `locales/${tag}.js`));
    expect(Object.keys(esm).sort()).toEqual([name, `${name}Reference`, `${name}Text`]);
    expect(cjs[name].tag).toBe(tag);
    expect(esm[name].entries['1006'].title).toBe(cjs[name].entries['1006'].title);
    const { loadLocale } = await import(join(dist, 'engine.js'));
    expect((await loadLocale(tag)).locale).toMatchObject({ tag, entries: { '1006': { title: esm[name].entries['1006'].title } } });
  });
});
