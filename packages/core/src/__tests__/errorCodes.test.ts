import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../errors/SockdocError.js';

const docs = join(dirname(fileURLToPath(import.meta.url)), '../../../../docs');

describe('ERROR_CODES', () => {
  it.each(['error-codes.md', 'zh/error-codes.md'])('should have exactly one entry per error code in docs/%s', (page) => {
    const doc = readFileSync(join(docs, page), 'utf8');
    const documented = [...doc.matchAll(/^## `(SOCKDOC_[A-Z0-9_]+)`/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...ERROR_CODES].sort());
  });
});
