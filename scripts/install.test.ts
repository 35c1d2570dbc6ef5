import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '@sockdoc/test-utils';

// The packed packages (pnpm pack of each BUILT package, as `pnpm publish` would upload them),
// installed into fresh projects outside the repository with npm, pnpm (isolated, no hoisting) and
// Yarn classic, each from the npm registry for their dependencies. In each: an ESM and a CommonJS
// consumer that import what the docs import (locales included) and talk to a real server, the
// CLI, a strict TypeScript check with no @types installed, and `ws` loading `bufferutil`.

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGES = ['diagnose', 'core', 'browser', 'node', 'react', 'cli'];
const PNPM = 'pnpm@10.34.8';
const YARN = 'yarn@1.22.22';

const sh = (cmd: string, args: string[], cwd: string, timeout = 240_000) =>
  new Promise<{ code: number; out: string; err: string }>((resolve) =>
    execFile(cmd, args, { cwd, encoding: 'utf8', timeout, env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false', NO_COLOR: '1' } }, (error, out, err) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out, err }),
    ),
  );

const du = (p: string): number => (statSync(p).isDirectory() ? readdirSync(p).reduce((a, f) => a + du(join(p, f)), 0) : statSync(p).size);

const ESM = `
import { createSocket } from '@sockdoc/node';
import { explain } from '@sockdoc/diagnose';
import { zhCN } from '@sockdoc/diagnose/locales/zh-CN';
import { zhTW } from '@sockdoc/diagnose/locales/zh-TW';
import { createSocket as browserSocket } from '@sockdoc/browser';
import { useSocket } from '@sockdoc/react';
const socket = createSocket(process.argv[2], { locale: zhTW });
socket.on('open', () => socket.send('hi'));
socket.on('message', (data) => { console.log('echo ' + data); socket.close(1000); });
socket.on('close', (d) => {
  console.log(d.summary);
  console.log(explain(1006, { locale: zhCN }).title, typeof browserSocket, typeof useSocket);
  process.exit(0);
});
`;
const CJS = ESM.replace(/^import \{ (.*) \} from '(.*)';$/gm, (_, names: string, from: string) => `const { ${names.replace(/ as /g, ': ')} } = require('${from}');`);
const TYPES = `
import { createSocket, type WsClientOptions } from '@sockdoc/node';
import { zhTW } from '@sockdoc/diagnose/locales/zh-TW';
const ws: WsClientOptions = { maxPayload: 1024, handshakeTimeout: 5000 };
// @ts-expect-error: a typo in a ws option is caught
const typo: WsClientOptions = { maxPayloadd: 1024 };
const socket = createSocket('ws://127.0.0.1:1/x', { ws, locale: zhTW, autoConnect: false });
// @ts-expect-error: and so is an unknown event
socket.on('clsoe', () => {});
export { socket, typo };
`;
// What ws loads for masking, resolved from where ws itself is (so pnpm's isolation applies).
const BUFFERUTIL = `
const { createRequire } = require('node:module');
const wsPath = createRequire(require.resolve('@sockdoc/node')).resolve('ws');
const mask = createRequire(wsPath)('bufferutil').mask;
console.log(typeof mask);
`;

interface Manager {
  name: string;
  install(dir: string): Promise<{ code: number; out: string; err: string }>;
  config?: Record<string, string>;
}
const MANAGERS: Manager[] = [
  { name: 'npm', install: (dir) => sh('npm', ['install', '--loglevel=error', '--no-audit', '--no-fund'], dir) },
  // Isolated node_modules and no hoisting at all: code sees only what its package declares.
  { name: 'pnpm (strict)', install: (dir) => sh('npx', ['--yes', PNPM, 'install', '--reporter=silent'], dir), config: { '.npmrc': 'node-linker=isolated\nhoist=false\npublic-hoist-pattern=\n' } },
  { name: 'Yarn classic', install: (dir) => sh('npx', ['--yes', YARN, 'install', '--silent', '--non-interactive', '--no-progress'], dir) },
];

let work: string;
let server: TestServer;
const tarball: Record<string, string> = {};
const results: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  work = mkdtempSync(join(tmpdir(), 'sockdoc-install-'));
  mkdirSync(join(work, 'tarballs'));
  for (const p of PACKAGES) {
    const r = await sh('npx', ['--yes', PNPM, 'pack', '--pack-destination', join(work, 'tarballs')], join(root, 'packages', p));
    if (r.code !== 0) throw new Error(`pnpm pack of ${p} failed: ${r.err}`);
  }
  for (const f of readdirSync(join(work, 'tarballs'))) tarball[`@sockdoc/${/^sockdoc-(.+)-\d+\.\d+\.\d+\.tgz$/.exec(f)![1]}`] = join(work, 'tarballs', f);
}, 120_000);
afterAll(async () => {
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
  if (results.length) console.log(['', '| Package manager | Step | Result |', '|---|---|---|', ...results].join('\n'));
});

/** A fresh project that depends on `deps` (tarballs), with every @sockdoc package pinned to its tarball. */
function project(name: string, deps: string[], extra: Record<string, string> = {}, more: Record<string, string> = {}): string {
  const dir = join(work, name.replace(/\W+/g, '-'));
  mkdirSync(dir);
  const file = (n: string) => `file:${tarball[n]}`;
  const pins = Object.fromEntries(Object.keys(tarball).map((n) => [n, file(n)]));
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'consumer', version: '0.0.0', private: true, dependencies: { ...Object.fromEntries(deps.map((d) => [d, tarball[d] ? file(d) : more[d]!])) }, overrides: pins, pnpm: { overrides: pins }, resolutions: pins }, null, 2),
  );
  for (const [f, text] of Object.entries(extra)) writeFileSync(join(dir, f), text);
  return dir;
}

describe('the packed packages in fresh projects', () => {
  it.each(MANAGERS.map((m) => [m.name, m]))('should install with %s and work from ESM, CommonJS, TypeScript and the CLI', async (_name, m) => {
    // What the docs tell an app to install: an adapter, @sockdoc/diagnose to import from it, the CLI; React for the hook.
    const dir = project(m.name, ['@sockdoc/node', '@sockdoc/browser', '@sockdoc/react', '@sockdoc/diagnose', '@sockdoc/cli', 'react'], {
      ...m.config,
      'esm.mjs': ESM,
      'cjs.cjs': CJS,
      'types.ts': TYPES,
      'bufferutil.cjs': BUFFERUTIL,
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022', 'dom'], types: [], skipLibCheck: false }, files: ['types.ts'] }),
    }, { react: '^19.0.0' });
    const step = async (what: string, r: { code: number; out: string; err: string }, check: (out: string) => boolean) => {
      const ok = r.code === 0 && check(r.out);
      results.push(`| ${m.name} | ${what} | ${ok ? 'ok' : `failed: ${(r.err || r.out).trim().split('\n').slice(0, 3).join(' ')}`} |`);
      expect({ what, ok, code: r.code, out: r.out.slice(-400), err: r.err.slice(-600) }).toMatchObject({ ok: true });
    };
    await step('install', await m.install(dir), () => true);
    const expectRun = (out: string) => out.includes('echo hi') && out.includes('1000 正常關閉') && out.includes('异常关闭 function function');
    await step('ESM consumer', await sh(process.execPath, ['esm.mjs', server.url('/echo')], dir, 20_000), expectRun);
    await step('CommonJS consumer', await sh(process.execPath, ['cjs.cjs', server.url('/echo')], dir, 20_000), expectRun);
    await step('TypeScript (strict, no @types)', await sh(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], dir, 60_000), () => true);
    await step('sockdoc explain 1006 --lang zh-TW', await sh(process.execPath, [join(dir, 'node_modules/@sockdoc/cli/dist/bin.js'), 'explain', '1006', '--lang', 'zh-TW'], dir, 20_000), (out) => out.startsWith('1006 異常關閉'));
    await step('ws loads bufferutil', await sh(process.execPath, ['bufferutil.cjs'], dir, 20_000), (out) => out.trim() === 'function');
  }, 400_000);

  it('should keep a @sockdoc/node install small: no @types, no source maps', async () => {
    const dir = project('size', ['@sockdoc/node']);
    const r = await sh('npm', ['install', '--loglevel=error', '--no-audit', '--no-fund'], dir);
    expect(r.code, r.err).toBe(0);
    const modules = join(dir, 'node_modules');
    const installed = readdirSync(modules).flatMap((n) => (n.startsWith('@') ? readdirSync(join(modules, n)).map((s) => `${n}/${s}`) : n.startsWith('.') ? [] : [n]));
    expect(installed.filter((n) => n.startsWith('@types/'))).toEqual([]);
    const maps = (p: string): string[] => (statSync(p).isDirectory() ? readdirSync(p).flatMap((f) => maps(join(p, f))) : p.endsWith('.map') ? [p] : []);
    expect(maps(join(modules, '@sockdoc'))).toEqual([]);
    const total = du(modules);
    results.push(`| npm | installed size of a @sockdoc/node consumer | ${(total / 1e6).toFixed(2)} MB (${installed.map((n) => `${n} ${(du(join(modules, n)) / 1e3).toFixed(0)} kB`).join(', ')}) |`);
    expect(total).toBeLessThan(3_000_000);
  }, 240_000);
});
