import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '@sockdoc/test-utils';
import { instrument, jsdocExamples } from './docBlocks.js';
import { ENTRIES, LOCALE_ENTRIES, publicExports } from './publicExports.js';
import { blockRunner, type Runner } from './runBlock.js';
import { typecheckBlocks } from './typecheckBlocks.js';

// Every @example of the packages' JSDoc is type-checked; every one that states a result
// (`explain(1007).title; // 'Invalid frame payload data'`, `// throws StateError SOCKDOC_NOT_OPEN`)
// also runs, against a real local server, and the result must be the one stated.

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const examples = jsdocExamples(root);
const exportsOf = publicExports(root);

/** Names a module exports, read from its source. */
function ownExports(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  return [...src.matchAll(/^export (?:declare )?(?:const|let|function\*?|async function|class|interface|type|enum) ([\w$]+)/gm), ...src.matchAll(/^export (?:type )?\{([^}]+)\}/gm)].flatMap((m) =>
    m[1]!.split(',').map((n) => n.trim().split(/\s+as\s+/).pop()!.replace(/^type\s+/, '')).filter(Boolean),
  );
}

/**
 * The imports an example leaves to its context, made explicit: each name it uses but neither
 * imports nor declares, from its package's public entry when exported there, else from the module
 * the example documents, else from another public entry (`zhCN` in a React example).
 */
function contextImports(origin: string, code: string): string {
  const file = join(root, origin.replace(/ @example \d+$/, ''));
  const pkg = `@sockdoc/${origin.split('/')[1]}`;
  const declared = new Set([...code.matchAll(/(?:import\s*\{([^}]*)\}|(?:const|let|var|function|class)\s+\{?\s*([\w$, ]+))/g)].flatMap((m) => (m[1] ?? m[2] ?? '').split(',').map((n) => n.trim().split(/\s+as\s+/).pop()!)));
  // What the example uses, its claims included (`// { locale: en }` uses `en`), strings and prose comments left out.
  const used = new Set([...instrument(code).code.replace(/'[^'\n]*'|"[^"\n]*"|`[^`]*`/g, "''").replace(/\/\/.*$/gm, '').matchAll(/(?<![.\w$])([A-Za-z_$][\w$]*)/g)].map((m) => m[1]!).filter((n) => !declared.has(n)));
  const sources: Array<[string, string[]]> = [
    [pkg, exportsOf.get(pkg) ?? []],
    [file, ownExports(file)],
    ...[...ENTRIES, ...LOCALE_ENTRIES].map((e) => [e.pkg, exportsOf.get(e.pkg) ?? []] as [string, string[]]),
    ['react', ['useSyncExternalStore']],
  ];
  const taken = new Set<string>();
  const lines: string[] = [];
  for (const [from, names] of sources) {
    const pick = names.filter((n) => used.has(n) && !taken.has(n));
    pick.forEach((n) => taken.add(n));
    if (pick.length) lines.push(`import { ${pick.join(', ')} } from '${from}';`);
  }
  return lines.join('\n');
}

let server: TestServer;
let runner: Runner;
beforeAll(async () => {
  server = await startTestServer();
  runner = blockRunner(root, 'scripts/.jsdoc-run', server);
});
afterAll(async () => {
  await runner?.close();
  await server?.close();
});

describe('JSDoc examples', () => {
  it('should find the examples of every package, and some that state a result', () => {
    expect(examples.length).toBeGreaterThan(40);
    expect(new Set(examples.map((e) => e.origin.split('/')[1]))).toEqual(new Set(['browser', 'cli', 'core', 'diagnose', 'node', 'react']));
    expect(examples.filter((e) => !e.fragment).length).toBeGreaterThan(10);
  });

  it('should type-check every example', () => {
    expect(typecheckBlocks(root, examples.map((e) => ({ ...e, imports: contextImports(e.origin, e.code) })))).toEqual([]);
  });

  const stated = examples.filter((e) => !e.fragment);
  it.each(stated.map((e, i) => [e.origin, i]))('%s', async (_origin, i) => {
    const e = stated[i as number]!;
    expect(await runner.run(e, contextImports(e.origin, e.code))).toEqual([]);
  });
});
