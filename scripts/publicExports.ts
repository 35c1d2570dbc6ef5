import ts from 'typescript';
import { join } from 'node:path';
import { LOCALE_LIST } from './locales.js';

/** The entry points whose exports are the public API, with their reference page. */
export const ENTRIES = [
  { pkg: '@sockdoc/diagnose', entry: 'packages/diagnose/src/index.ts', page: 'docs/reference/diagnose.md' },
  { pkg: '@sockdoc/diagnose/codes', entry: 'packages/diagnose/src/codes.ts', page: 'docs/reference/diagnose.md' },
  { pkg: '@sockdoc/diagnose/engine', entry: 'packages/diagnose/src/engine.ts', page: 'docs/reference/diagnose.md' },
  { pkg: '@sockdoc/diagnose/packs/graphql-ws', entry: 'packages/diagnose/src/packs/graphqlTransportWs.ts', page: 'docs/reference/diagnose.md' },
  { pkg: '@sockdoc/core', entry: 'packages/core/src/index.ts', page: 'docs/reference/core.md' },
  { pkg: '@sockdoc/core/adapter', entry: 'packages/core/src/adapter.ts', page: 'docs/reference/adapter.md' },
  { pkg: '@sockdoc/browser', entry: 'packages/browser/src/index.ts', page: 'docs/reference/browser.md', reexports: '@sockdoc/core' },
  { pkg: '@sockdoc/node', entry: 'packages/node/src/index.ts', page: 'docs/reference/node.md', reexports: '@sockdoc/core' },
  { pkg: '@sockdoc/react', entry: 'packages/react/src/index.ts', page: 'docs/reference/react.md' },
  { pkg: '@sockdoc/cli', entry: 'packages/cli/src/index.ts', page: 'docs/reference/cli.md' },
] as const;

/**
 * The entry of each built-in locale (`@sockdoc/diagnose/locales/<tag>`), from the locale list. Each
 * exports `<export>`, `<export>Text` and `<export>Reference`; the reference page describes them once for all.
 */
export const LOCALE_ENTRIES = LOCALE_LIST.map((l) => ({ pkg: `@sockdoc/diagnose/locales/${l.tag}`, entry: `packages/diagnose/src/locales/${l.tag}.ts`, names: [l.export, `${l.export}Reference`, `${l.export}Text`] }));

/** Export names of each entry, read with the TypeScript compiler (values and types). */
export function publicExports(root: string): Map<string, string[]> {
  const all = [...ENTRIES, ...LOCALE_ENTRIES];
  const files = all.map((e) => join(root, e.entry));
  const program = ts.createProgram(files, {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    customConditions: ['@sockdoc/source'],
    jsx: ts.JsxEmit.ReactJSX,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const out = new Map<string, string[]>();
  for (const e of all) {
    const sf = program.getSourceFile(join(root, e.entry))!;
    const sym = checker.getSymbolAtLocation(sf)!;
    out.set(e.pkg, checker.getExportsOfModule(sym).map((s) => s.getName()).sort());
  }
  return out;
}

if (process.argv[1]?.endsWith('publicExports.ts')) {
  for (const [pkg, names] of publicExports(join(import.meta.dirname, '..'))) console.log(pkg, names.length, names.join(' '));
}
