import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENTRIES, LOCALE_ENTRIES, publicExports } from './publicExports.js';
import { PUBLISHED, docBlocks, markdownDocs } from './docBlocks.js';
import { typecheckBlocks } from './typecheckBlocks.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');


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

describe('package pages and metadata', () => {
  it('should give every published package the metadata a registry page needs', () => {
    const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    for (const p of PUBLISHED) {
      const pkg = JSON.parse(readFileSync(join(root, 'packages', p, 'package.json'), 'utf8'));
      expect(pkg.description?.length, `${p} description`).toBeGreaterThan(40);
      expect(pkg.keywords?.length, `${p} keywords`).toBeGreaterThanOrEqual(5);
      expect(pkg.keywords, `${p} keywords`).toContain('websocket');
      expect(pkg.license, p).toBe('MIT');
      expect(pkg.files, p).toContain('README.md');
      // The repository's address lives in one place, the root package.json: every package points
      // at it, with its own directory. There is none yet (no public repository): then none invents one.
      if (rootPkg.repository?.url) {
        expect(pkg.repository, p).toEqual({ type: 'git', url: rootPkg.repository.url, directory: `packages/${p}` });
        expect(pkg.homepage, p).toBe(rootPkg.homepage);
        expect(pkg.bugs, p).toEqual(rootPkg.bugs);
      } else expect([pkg.repository, pkg.homepage, pkg.bugs], p).toEqual([undefined, undefined, undefined]);
    }
  });

  it('should give every published package a README with what it is, how to install it, an example and links to the docs', () => {
    for (const p of PUBLISHED) {
      const text = readFileSync(join(root, 'packages', p, 'README.md'), 'utf8');
      expect(text.split('\n')[0], p).toBe(`# @sockdoc/${p}`);
      expect(text, p).toMatch(new RegExp(`npm i (-D )?@sockdoc/${p}`));
      expect(text, p).toMatch(/```tsx?( fragment)?\n/);
      expect([...text.matchAll(/\]\((\.\.\/\.\.\/docs\/[^)]+)\)/g)].length, p).toBeGreaterThanOrEqual(2);
    }
  });

  it('should have no dead relative link in README.md, the package READMEs or docs/', () => {
    const dead: string[] = [];
    for (const doc of markdownDocs(root)) {
      const text = readFileSync(doc, 'utf8').replace(/```[\s\S]*?```/g, '');
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1]!.split('#')[0]!;
        if (!target || /^[a-z]+:/.test(target)) continue;
        if (!existsSync(join(dirname(doc), decodeURIComponent(target)))) dead.push(`${relative(root, doc)}: ${m[1]}`);
      }
    }
    expect(dead).toEqual([]);
  });
});

describe('code blocks in the docs', () => {
  it('should type-check every ts and tsx block of README.md and docs/ against the packages, fragments included', () => {
    const blocks = docBlocks(root);
    expect(blocks.length).toBeGreaterThan(10);
    expect(typecheckBlocks(root, blocks)).toEqual([]);
  });
});
