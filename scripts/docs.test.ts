import ts from 'typescript';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENTRIES, LOCALE_ENTRIES, publicExports } from './publicExports.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (f === 'node_modules' || f.startsWith('.')) return [];
    return statSync(p).isDirectory() ? markdownFiles(p) : f.endsWith('.md') ? [p] : [];
  });
}

describe('API reference', () => {
  it('should list exactly the public exports of every entry, and document each', () => {
    const exports = publicExports(root);
    const core = new Set(exports.get('@sockdoc/core'));
    const problems: string[] = [];
    for (const e of ENTRIES) {
      const page = readFileSync(join(root, e.page), 'utf8');
      const own = exports.get(e.pkg)!.filter((n) => !('reexports' in e) || !core.has(n));
      // One line per entry names its exports: `Exports of `pkg`: `a`, `b`.`
      const line = page.split('\n').find((l) => l.startsWith(`Exports of \`${e.pkg}\`:`));
      if (!line) {
        problems.push(`${e.page}: no "Exports of \`${e.pkg}\`:" line`);
        continue;
      }
      const listed = [...line.slice(line.indexOf(':') + 1).matchAll(/`([\w$]+)`/g)].map((m) => m[1]!).sort();
      for (const name of own) if (!listed.includes(name)) problems.push(`${e.pkg}: ${name} is exported but not listed in ${e.page}`);
      // An entry that re-exports core lists its own names (and may name core's it replaces, such as createSocket).
      for (const name of listed) if (!exports.get(e.pkg)!.includes(name)) problems.push(`${e.pkg}: ${name} is listed in ${e.page} but not exported`);
      // ...and each is described somewhere on the page beyond that line.
      const rest = page.replace(line, '');
      for (const name of own) if (!rest.includes(`\`${name}`)) problems.push(`${e.pkg}: ${name} is not described in ${e.page}`);
    }
    expect(problems).toEqual([]);
  });

  it('should give every built-in locale an entry that exports its locale, text and reference, as the page says', () => {
    const exports = publicExports(root);
    for (const l of LOCALE_ENTRIES) expect(exports.get(l.pkg), l.pkg).toEqual([...l.names].sort());
    const page = readFileSync(join(root, 'docs/reference/diagnose.md'), 'utf8');
    expect(page).toContain('`@sockdoc/diagnose/locales/<tag>`');
  });
});

// Names that docs snippets use without defining them (the reader's own code).
const PREAMBLE = `
declare const url: string;
declare const token: string;
declare function signedUrl(): Promise<string>;
declare const analytics: { track(event: string, props: Record<string, unknown>): void };
declare function setError(message: string): void;
declare const file: Blob;
`;

describe('code blocks in the docs', () => {
  it('should type-check every ts and tsx block of README.md and docs/ against the packages', () => {
    const docs = [join(root, 'README.md'), ...markdownFiles(join(root, 'docs'))];
    // Inside packages/react, so that react and its types resolve like in an app.
    const dir = join(root, 'packages/react/.docs-check');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const origin = new Map<string, string>();
    let n = 0;
    for (const doc of docs) {
      const text = readFileSync(doc, 'utf8');
      for (const m of text.matchAll(/```(ts|tsx)\n([\s\S]*?)```/g)) {
        const file = join(dir, `block${n++}.${m[1]}`);
        writeFileSync(file, `${PREAMBLE}\n${m[2]}\nexport {};\n`);
        origin.set(file, `${relative(root, doc)} (block starting "${m[2]!.split('\n')[0]!.slice(0, 60)}")`);
      }
    }
    expect(n).toBeGreaterThan(10);
    const paths: Record<string, string[]> = {};
    for (const e of [...ENTRIES, ...LOCALE_ENTRIES]) paths[e.pkg] = [join(root, e.entry)];
    const program = ts.createProgram([...origin.keys()], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
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
    expect(problems).toEqual([]);
  });
});
