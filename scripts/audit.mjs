#!/usr/bin/env node
// `pnpm audit` of the runtime dependencies. Fails on any advisory. When the registry's audit
// endpoint does not answer (some mirrors answer 405), says so and passes: there is nothing to judge.
import { spawnSync } from 'node:child_process';
import { note } from './notes.mjs';

const r = spawnSync('pnpm', ['audit', '--prod'], { encoding: 'utf8', shell: process.platform === 'win32' });
const out = `${r.stdout}${r.stderr}`;
if (r.status === 0) {
  console.log(`audit: ${out.trim().split('\n').pop()}`);
} else if (/ERR_PNPM_AUDIT_BAD_RESPONSE|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN/.test(out)) {
  note(`pnpm audit: the registry's audit endpoint did not answer (${/responded with \d+/.exec(out)?.[0] ?? /E[A-Z_]{4,}/.exec(out)?.[0] ?? 'no answer'}), so no advisory was checked`);
} else {
  console.error(out);
  process.exit(1);
}
