#!/usr/bin/env node
// Bundle sizes of realistic named imports from the BUILT packages, minified and gzipped, each
// dependency included. Fails when a budget in .size-budgets.json is exceeded; prints the targets
// too. Also fails if a browser bundle would pull in ws or a Node built-in.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p, f = 'index.js') => join(root, 'packages', p, 'dist', f);
const alias = {
  '@sockdoc/browser': dist('browser'),
  '@sockdoc/core': dist('core'),
  '@sockdoc/react': dist('react'),
  '@sockdoc/diagnose/locales/zh-CN': dist('diagnose', 'locales/zh-CN.js'),
  '@sockdoc/diagnose/locales/en': dist('diagnose', 'locales/en.js'),
  '@sockdoc/diagnose': dist('diagnose'),
};
const budgets = JSON.parse(readFileSync(join(root, '.size-budgets.json'), 'utf8'));
let failed = false;
const rows = [];
for (const b of budgets.entries) {
  const out = await build({
    stdin: { contents: b.import, resolveDir: join(root, 'packages/react'), loader: 'js' },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    // esbuild resolves an alias before it checks externals: leave externals out of the aliases.
    alias: Object.fromEntries(Object.entries(alias).filter(([k]) => !(b.external ?? []).some((e) => k === e || k.startsWith(`${e}/`)))),
    external: b.external ?? [],
    logLevel: 'silent',
  });
  const js = out.outputFiles[0].contents;
  const text = new TextDecoder().decode(js);
  if (/require\(["']ws["']\)|from["']ws["']|["']node:/.test(text)) {
    console.error(`${b.name}: a browser bundle pulls in ws or a Node built-in`);
    failed = true;
  }
  const gz = gzipSync(js, { level: 9 }).length;
  const over = gz > b.budget;
  if (over) failed = true;
  rows.push(`| ${b.name} | ${(js.length / 1024).toFixed(1)} KB | ${(gz / 1024).toFixed(2)} KB | ${(b.budget / 1024).toFixed(2)} KB${over ? ' ✗' : ''} | ${b.target ? `${(b.target / 1024).toFixed(1)} KB${gz > b.target ? ' (not met)' : ''}` : ''} |`);
}
console.log(['| Bundle | min | min+gz | budget | target |', '|---|---:|---:|---:|---|', ...rows].join('\n'));
if (failed) {
  console.error('\nsize: over budget (or a Node module in a browser bundle)');
  process.exit(1);
}
