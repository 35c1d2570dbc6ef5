#!/usr/bin/env node
// What a check could not run, said once at the end of `npm test` rather than in the middle of its
// output: steps call note('...'); `pnpm run check` starts with --reset and ends by printing them.
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const file = join(dirname(fileURLToPath(import.meta.url)), '../node_modules/.cache/sockdoc-check-notes.txt');

/** Records a note for the end of the run. */
export function note(text) {
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${text}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--reset') rmSync(file, { force: true });
else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const notes = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  rmSync(file, { force: true });
  if (notes) console.log(`\nNot run:\n${notes.split('\n').map((n) => `- ${n}`).join('\n')}`);
}
