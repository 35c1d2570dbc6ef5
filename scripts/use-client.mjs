#!/usr/bin/env node
// Puts 'use client' first in each built file given (tsup's CommonJS output places its helpers
// before the banner, which React Server Components bundlers would not see as a directive).
// Shifts the source map by the added line so that it still points at the right source.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  if (/^(['"])use client\1;?/.test(text)) continue;
  writeFileSync(file, `'use client';\n${text}`);
  const map = `${file}.map`;
  if (existsSync(map)) {
    const m = JSON.parse(readFileSync(map, 'utf8'));
    m.mappings = `;${m.mappings}`;
    writeFileSync(map, JSON.stringify(m));
  }
}
