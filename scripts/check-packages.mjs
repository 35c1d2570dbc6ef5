#!/usr/bin/env node
// Publish readiness of every published package, on the BUILT output: publint (strict) and
// Are The Types Wrong (each exports condition resolves to the right types), and every path in
// "exports" exists. Runs after the build in `pnpm run check`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const packages = ['diagnose', 'core', 'browser', 'node', 'react', 'cli'];
let failed = false;

function paths(v, out = []) {
  if (typeof v === 'string') out.push(v);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) paths(x, out);
  return out;
}

for (const p of packages) {
  const dir = join(root, 'packages', p);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const missing = paths(pkg.exports).filter((f) => f.startsWith('./dist/') && !existsSync(join(dir, f)));
  if (missing.length) {
    console.error(`${pkg.name}: exports point at missing files: ${missing.join(', ')}`);
    failed = true;
  }
  for (const [cmd, args] of [
    ['publint', ['--strict', '--level', 'warning']],
    // Subpath entries (@sockdoc/diagnose/locales/zh-CN, @sockdoc/core/adapter) need node16 or bundler
    // resolution: legacy node10 resolution cannot see subpath exports at all, so packages with
    // subpaths are checked without it (their root entries still resolve under node10).
    ['attw', ['--pack', '.', '--format', 'ascii', '--profile', p === 'diagnose' || p === 'core' ? 'node16' : 'strict']],
  ]) {
    const r = spawnSync(bin(cmd), args, { cwd: dir, encoding: 'utf8' });
    const ok = r.status === 0;
    console.log(`${ok ? '✓' : '✗'} ${pkg.name} ${cmd}`);
    if (!ok) {
      failed = true;
      console.log(r.stdout, r.stderr);
    }
  }
}
// An app's Vite build of the browser example against the built packages: no Node module may leak in.
{
  const out = join(root, 'examples/browser-vanilla/.dist-check');
  const vite = join(root, 'examples/browser-vanilla/node_modules/.bin/vite');
  const r = spawnSync(vite, ['build', '--config', 'vite.dist.config.ts', '--outDir', out], { cwd: join(root, 'examples/browser-vanilla'), encoding: 'utf8' });
  const js = r.status === 0 ? readdirJs(join(out, 'assets')) : '';
  const leak = /from["']ws["']|require\(["']ws["']\)|["']node:/.test(js);
  console.log(`${r.status === 0 && !leak ? '✓' : '✗'} vite build of examples/browser-vanilla against dist${leak ? ' (pulls in ws or a Node built-in)' : ''}`);
  if (r.status !== 0 || leak) {
    failed = true;
    console.log(r.stdout, r.stderr);
  }
  rmSync(out, { recursive: true, force: true });
}

function readdirJs(dir) {
  return readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
}

process.exit(failed ? 1 : 0);
