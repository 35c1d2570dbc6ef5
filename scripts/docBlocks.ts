/**
 * The TypeScript code blocks of the README and the docs, for the tests that type-check them all
 * and run every one that is not marked a fragment (```ts fragment).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface DocBlock {
  /** Where it is, for messages: `docs/guides/contract.md #2`. */
  readonly origin: string;
  readonly lang: 'ts' | 'tsx';
  /** Marked ```ts fragment: type-checked only (a hook outside a component, a callback that needs a 61 s idle). */
  readonly fragment: boolean;
  readonly code: string;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (f === 'node_modules' || f.startsWith('.')) return [];
    return statSync(p).isDirectory() ? markdownFiles(p) : f.endsWith('.md') ? [p] : [];
  });
}

/** The published packages (what `packages/` holds besides the test helpers). */
export const PUBLISHED = ['diagnose', 'core', 'browser', 'node', 'react', 'cli'] as const;

/** README.md, each published package's README and docs/. */
export function markdownDocs(root: string): string[] {
  return [join(root, 'README.md'), ...PUBLISHED.map((p) => join(root, 'packages', p, 'README.md')), ...markdownFiles(join(root, 'docs'))];
}

/** Every ts and tsx block of README.md, the package READMEs and docs/, in order. */
export function docBlocks(root: string): DocBlock[] {
  const out: DocBlock[] = [];
  for (const doc of markdownDocs(root)) {
    let n = 0;
    for (const m of readFileSync(doc, 'utf8').matchAll(/^```(tsx|ts)\b([^\n]*)\n([\s\S]*?)^```$/gm)) {
      out.push({ origin: `${relative(root, doc)} #${++n}`, lang: m[1] as 'ts' | 'tsx', fragment: /\bfragment\b/.test(m[2]!), code: m[3]! });
    }
  }
  return out;
}

/**
 * A claim a block makes in a comment after a statement:
 * - `value`: `expr; // 'text'`: the value is that string (a prefix when it ends in `…` or `...`);
 * - `like`: `expr; // true`, `// 1006`, `// { retryable: false }`: the value is that literal, or has
 *   at least those fields (strings ending in an ellipsis match as prefixes);
 * - `throws`: `expr; // throws ContractError SOCKDOC_X`: running it throws that error with that code;
 * - `prints`: `stmt; // prints: text`: the output has a line that matches.
 * Anything after the literal and a colon (`// false: only ever reported locally`) is prose.
 */
export interface Claim {
  readonly id: number;
  readonly line: number;
  readonly kind: 'value' | 'like' | 'throws' | 'prints';
  readonly text: string;
}

/** `text` matches `claimed`: equal, or a prefix of it when `claimed` ends in an ellipsis. */
export function matchesClaim(text: string, claimed: string): boolean {
  const prefix = /(…|\.\.\.)$/.exec(claimed);
  return prefix ? text.startsWith(claimed.slice(0, prefix.index).trimEnd()) : text === claimed;
}

/** `got` has every field of `want` (deeply), strings matched as by `matchesClaim`. */
export function isLike(got: unknown, want: unknown): boolean {
  if (typeof want === 'string') return typeof got === 'string' && matchesClaim(got, want);
  if (Array.isArray(want)) return Array.isArray(got) && got.length === want.length && want.every((w, i) => isLike(got[i], w));
  if (want && typeof want === 'object') return !!got && typeof got === 'object' && Object.entries(want).every(([k, w]) => isLike((got as Record<string, unknown>)[k], w));
  return Object.is(got, want);
}

const KEYWORD = /^(import|export|return|if|else|for|while|function|class|try|catch|throw|\}|\/\/)\b/;

/**
 * The block with each claim wrapped so that running it checks the claim when the line runs
 * (`__claim`, `__like`, `__throws`, defined by the runner), and the claims found. A comment that
 * is none of the forms above is prose (`// e.g. ...`, `// before`), not a claim.
 */
export function instrument(code: string): { code: string; claims: Claim[] } {
  const claims: Claim[] = [];
  const lines = code.split('\n').map((line, i) => {
    const m = /^(\s*)(.*?);\s*\/\/\s*(.*)$/.exec(line);
    if (!m || KEYWORD.test(m[2]!.trim())) return line;
    const [, indent, stmt, comment] = m as unknown as [string, string, string, string];
    const add = (kind: Claim['kind'], text: string) => claims.push({ id: claims.length, line: i + 1, kind, text }) - 1;
    const prints = /^prints:\s*(.+)$/.exec(comment);
    if (prints) {
      add('prints', prints[1]!.trim());
      return line;
    }
    const throws = /^throws\s+(\w+)(?:,?\s+(?:code\s+)?(SOCKDOC_\w+))?/.exec(comment);
    const quoted = /^(['"])(.*)\1(?::.*)?$/.exec(comment);
    const literal = /^(true|false|null|-?\d+(?:\.\d+)?|\{.*\}|\[.*\])(?::.*)?$/.exec(comment);
    let wrap: (expr: string) => string;
    if (throws) {
      const id = add('throws', [throws[1], throws[2]].filter(Boolean).join(' '));
      return `${indent}__throws(${id}, () => (${stmt}), ${JSON.stringify(throws[1])}, ${JSON.stringify(throws[2] ?? null)});`;
    } else if (quoted) {
      const id = add('value', quoted[2]!);
      wrap = (expr) => `__claim(${id}, () => (${expr}), ${JSON.stringify(quoted[2])})`;
    } else if (literal) {
      const id = add('like', literal[1]!);
      wrap = (expr) => `__like(${id}, () => (${expr}), () => (${literal[1]}))`;
    } else return line;
    const decl = /^((?:const|let|var)\s+[^=]+=\s*)(.*)$/.exec(stmt);
    const log = /^(console\.(?:log|warn|info))\((.*)\)$/.exec(stmt);
    return `${indent}${decl ? `${decl[1]}${wrap(decl[2]!)}` : log ? `${log[1]}(${wrap(log[2]!)})` : wrap(stmt)};`;
  });
  return { code: lines.join('\n'), claims };
}

/**
 * Every `@example` of the packages' JSDoc (tests excluded), as blocks (`packages/diagnose/src/explain.ts @example 1`):
 * one that claims a result is run, the others are type-checked only (`fragment`).
 */
export function jsdocExamples(root: string): DocBlock[] {
  const out: DocBlock[] = [];
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      if (f === '__tests__' || f === 'node_modules') return [];
      return statSync(p).isDirectory() ? walk(p) : /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : [];
    });
  for (const pkg of readdirSync(join(root, 'packages'))) {
    const src = join(root, 'packages', pkg, 'src');
    // Testbeds hold a dependency, no sources.
    if (pkg === 'test-utils' || !existsSync(src)) continue;
    for (const file of walk(src)) {
      let n = 0;
      for (const m of readFileSync(file, 'utf8').matchAll(/^\s*\* @example[^\n]*\n((?:\s*\*(?! @)(?!\/).*\n)*)/gm)) {
        const code = m[1]!.split('\n').map((l) => l.replace(/^\s*\* ?/, '')).join('\n').trimEnd();
        out.push({ origin: `${relative(root, file)} @example ${++n}`, lang: file.endsWith('.tsx') || /<[A-Z][\w.]*[\s/>]|<(?:p|div|button|span)>/.test(code) ? 'tsx' : 'ts', fragment: instrument(code).claims.length === 0, code: `${code}\n` });
      }
    }
  }
  return out;
}
