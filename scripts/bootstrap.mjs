#!/usr/bin/env node
// Makes `npm run demo` and `npm test` work on a machine that has only Node 20 and npm:
// finds the pinned pnpm (or fetches it with npx), installs the workspace from the
// committed lockfile, then runs the named root script through pnpm.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

const [pnpm, ...pre] = pnpmCommand();
run(pnpm, [...pre, 'install', '--frozen-lockfile', '--reporter=append-only']);
const script = process.argv[2];
if (script) run(pnpm, [...pre, 'run', script, ...process.argv.slice(3)]);
