import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// React Server Components bundlers treat a module as a client module only when 'use client'
// is in its directive prologue, before any statement. The built files are what users import.
const dist = join(dirname(fileURLToPath(import.meta.url)), '../../dist');

/** The directives at the start of a file (its prologue), in order. */
function prologue(file: string): string[] {
  const text = readFileSync(join(dist, file), 'utf8');
  const out: string[] = [];
  const re = /^\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*(['"])(use [a-z]+)\1;?/;
  let rest = text;
  for (let m = re.exec(rest); m; m = re.exec(rest)) {
    out.push(m[2]!);
    rest = rest.slice(m[0].length);
  }
  return out;
}

describe('the built @sockdoc/react entry', () => {
  it("should declare 'use client' in the prologue of the ESM and CommonJS files", () => {
    expect(prologue('index.js')).toContain('use client');
    expect(prologue('index.cjs')).toContain('use client');
  });
});
