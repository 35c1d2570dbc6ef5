/**
 * Type-checks code blocks (the docs' and JSDoc examples) against the packages' sources, as strict
 * TypeScript in an app would: each block is a module of its own, with declarations for the
 * reader's names it uses (READER) and the imports it is given.
 */
import ts from 'typescript';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENTRIES, LOCALE_ENTRIES } from './publicExports.js';
import { READER, SCHEMA_LIBRARIES, readerNames } from './runBlock.js';

export function typecheckBlocks(root: string, blocks: ReadonlyArray<{ origin: string; lang: 'ts' | 'tsx'; code: string; imports?: string }>): string[] {
  // Inside packages/react, so that react and its types resolve like in an app.
  const dir = join(root, 'packages/react/.blocks-check');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const origin = new Map<string, string>();
  blocks.forEach((b, n) => {
    const file = join(dir, `block${n}.${b.lang}`);
    const declarations = readerNames(b.code).map((name) => READER[name]!.type);
    writeFileSync(file, `${b.imports ?? ''}\n${declarations.join('\n')}\n${b.code}\nexport {};\n`);
    origin.set(file, `${b.origin} (block starting "${b.code.split('\n')[0]!.slice(0, 60)}")`);
  });
  const paths: Record<string, string[]> = {};
  for (const e of [...ENTRIES, ...LOCALE_ENTRIES]) paths[e.pkg] = [join(root, e.entry)];
  // The schema libraries the typed-messages docs use, as an app would have installed them.
  for (const lib of SCHEMA_LIBRARIES) paths[lib] = [join(root, 'packages/core/node_modules', lib)];
  const program = ts.createProgram([...origin.keys()], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    allowImportingTsExtensions: true,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    customConditions: ['@sockdoc/source'],
    jsx: ts.JsxEmit.ReactJSX,
    types: ['node'],
    typeRoots: [join(root, 'node_modules/@types')],
    paths,
  });
  const problems = ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && origin.has(d.file.fileName))
    .map((d) => `${origin.get(d.file!.fileName)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  rmSync(dir, { recursive: true, force: true });
  return problems;
}
