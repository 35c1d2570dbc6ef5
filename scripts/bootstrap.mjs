#!/usr/bin/env node
// Makes `npm run demo` and `npm test` work on a machine that has only Node 20 and npm:
// finds the pinned pnpm (or fetches it with npx), installs the workspace from the
// committed lockfile, then runs the named root script through pnpm.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];

function pnpmCommand() {
  try {
    const v = execFileSync('pnpm', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (v === pinned) return ['pnpm'];
  } catch {}
  return ['npx', '--yes', `pnpm@${pinned}`];
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/**
 * The tests use real peers that npm cannot provide: Debian's Chromium (real-browser tests),
 * python3-websockets (an independent server) and a CJK font. Install them with apt-get when missing.
 */
function ensureSystemPackages() {
  const need = [];
  if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) need.push('chromium');
  if (spawnSync('/usr/bin/python3', ['-c', 'import websockets'], { stdio: 'ignore' }).status !== 0) need.push('python3-websockets');
  // A CJK font, so screenshots of Chinese diagnoses show characters rather than boxes.
  if (!existsSync('/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc')) need.push('fonts-wqy-zenhei');
  if (need.length === 0) return;
  if (!existsSync('/usr/bin/apt-get')) {
    console.error(`The tests need these Debian packages: ${need.join(', ')}. Install them (or set CHROMIUM_PATH), then run again.`);
    process.exit(1);
  }
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  console.log(`Installing Debian packages for the tests: ${need.join(', ')}`);
  // Quietly: apt-get and debconf talk a lot (progress, "delaying package configuration"); their
  // output is shown only if they fail.
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive', DEBCONF_NOWARNINGS: 'yes' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '-o', 'Dpkg::Use-Pty=0', ...need]]) {
    const [cmd, ...rest] = [...sudo, 'apt-get', ...args];
    const r = spawnSync(cmd, rest, { encoding: 'utf8', env, maxBuffer: 256 * 1024 * 1024 });
    if (r.status !== 0) {
      process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}`);
      process.exit(r.status ?? 1);
    }
  }
  console.log(`Installed ${need.join(', ')}`);
}

const args = process.argv.slice(2);
const system = args[0] === '--system';
if (system) args.shift();
if (system) ensureSystemPackages();
const [pnpm, ...pre] = pnpmCommand();
run(pnpm, [...pre, 'install', '--frozen-lockfile', '--reporter=append-only']);
const [script, ...rest] = args;
if (script) run(pnpm, [...pre, 'run', script, ...rest]);
