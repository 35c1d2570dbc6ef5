import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '@sockdoc/test-utils';
import { docBlocks, instrument, isLike, matchesClaim, type Claim } from './docBlocks.js';
import { blockRunner, problems, type Runner } from './runBlock.js';

// Every TypeScript block of the README and the docs that is not marked a fragment runs here (see
// scripts/runBlock.ts): it passes when it throws nothing and every claim its comments make holds.

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// A block that says it works with either adapter (`// or '@sockdoc/node'`) runs with each.
const blocks = docBlocks(root)
  .filter((b) => !b.fragment)
  .flatMap((b) => (/'@sockdoc\/browser';\s*\/\/ or '@sockdoc\/node'/.test(b.code) ? [b, { ...b, origin: `${b.origin} (with @sockdoc/node)`, code: b.code.replace("'@sockdoc/browser'", "'@sockdoc/node'") }] : [b]));

let server: TestServer;
let runner: Runner;
beforeAll(async () => {
  server = await startTestServer();
  runner = blockRunner(root, 'scripts/.docs-run', server);
});
afterAll(async () => {
  await runner?.close();
  await server?.close();
});

describe('claims in doc comments', () => {
  it('should wrap each kind of claim, and leave prose alone', () => {
    const { code, claims } = instrument(
      [
        "explain(1007).title; // 'Invalid frame payload data'",
        "const id = d.cause.id; // 'handshake_auth': why",
        'console.log(e.code); // "SOCKDOC_X"',
        'socket.close(); // prints: 1000 Normal…',
        "d.cause.id; // stable key, e.g. 'proxy_idle_timeout'",
        "import { x } from 'y'; // 'not a claim'",
        'isWireCode(1006); // false: only ever reported locally',
        'toJson({ id: 10n }); // throws ContractError SOCKDOC_JSON_UNREPRESENTABLE at $.id',
        "d.retry; // { retryable: false, text: '...' }",
      ].join('\n'),
    );
    expect(code.split('\n')).toEqual([
      `__claim(0, () => (explain(1007).title), "Invalid frame payload data");`,
      `const id = __claim(1, () => (d.cause.id), "handshake_auth");`,
      `console.log(__claim(2, () => (e.code), "SOCKDOC_X"));`,
      'socket.close(); // prints: 1000 Normal…',
      "d.cause.id; // stable key, e.g. 'proxy_idle_timeout'",
      "import { x } from 'y'; // 'not a claim'",
      '__like(4, () => (isWireCode(1006)), () => (false));',
      '__throws(5, () => (toJson({ id: 10n })), "ContractError", "SOCKDOC_JSON_UNREPRESENTABLE");',
      "__like(6, () => (d.retry), () => ({ retryable: false, text: '...' }));",
    ]);
    expect(claims.map((c) => [c.kind, c.text, c.line])).toEqual([
      ['value', 'Invalid frame payload data', 1],
      ['value', 'handshake_auth', 2],
      ['value', 'SOCKDOC_X', 3],
      ['prints', '1000 Normal…', 4],
      ['like', 'false', 7],
      ['throws', 'ContractError SOCKDOC_JSON_UNREPRESENTABLE', 8],
      ['like', "{ retryable: false, text: '...' }", 9],
    ]);
  });

  it('should match a claim exactly, as a prefix when it ends in an ellipsis, and objects by the fields claimed', () => {
    expect(matchesClaim('1000 Normal closure: you closed it.', '1000 Normal…')).toBe(true);
    expect(matchesClaim('1000 Normal closure', '1000 Normal closure')).toBe(true);
    expect(matchesClaim('1000 Normal closure!', '1000 Normal closure')).toBe(false);
    expect(matchesClaim('1001 Going away', '1000 ...')).toBe(false);
    expect(isLike({ retryable: false, strategy: 'no', text: 'Do not…' }, { retryable: false, text: '...' })).toBe(true);
    expect(isLike({ retryable: true }, { retryable: false })).toBe(false);
    expect(isLike([1, 2], [1])).toBe(false);
    expect(isLike(false, false)).toBe(true);
  });

  it('should fail a block whose claim is wrong, or never runs, or whose print never happens', () => {
    const claims: Claim[] = [{ id: 0, line: 1, kind: 'value', text: 'a' }, { id: 1, line: 2, kind: 'throws', text: 'StateError' }, { id: 2, line: 3, kind: 'prints', text: 'hello…' }];
    expect(problems({ output: ['bye'], errors: [], claims: { evaluated: [0], failed: [{ id: 0, want: 'a', got: 'z' }] } }, claims)).toEqual([
      'line 1 claims "a" but got "z"',
      'line 2: the claim "StateError" never ran (make it run, or mark the block `fragment`)',
      'line 3 claims it prints "hello…"; the output was ["bye"]',
    ]);
    expect(problems({ output: ['hello world'], errors: [], claims: { evaluated: [0, 1], failed: [] } }, claims)).toEqual([]);
  });
});

describe('code blocks in the README and the docs run as written', () => {
  it('should run some of them: the quick start and the guides in both languages', () => {
    const origins = blocks.map((b) => b.origin);
    expect(origins).toContain('README.md #1');
    expect(origins).toContain('README.md #1 (with @sockdoc/node)');
    expect(origins.some((o) => o.startsWith('docs/zh/guides/'))).toBe(true);
  });

  it.each(blocks.map((b, i) => [b.origin, i]))('%s', async (_origin, i) => {
    expect(await runner.run(blocks[i as number]!)).toEqual([]);
  });
});
