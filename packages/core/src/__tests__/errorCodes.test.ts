import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../errors/SockdocError.js';

const doc = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../../docs/error-codes.md'), 'utf8');

describe('ERROR_CODES', () => {
  it('should have exactly one docs entry per error code', () => {
    const documented = [...doc.matchAll(/^## `(SOCKDOC_[A-Z0-9_]+)`/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...ERROR_CODES].sort());
  });
});
