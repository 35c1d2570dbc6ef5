#!/usr/bin/env node
// Bundle sizes of realistic named imports from the BUILT packages, minified and gzipped, each
// dependency included, bundled with code splitting as an app bundler would. "initial" is what a
// page downloads before it runs (the entry chunk and the chunks it imports statically); "lazy"
// is what loads later through import() (the diagnosis module the client loads when it connects).
// Fails when a budget in .size-budgets.json is exceeded; prints the targets too. Also fails if a
// browser bundle would pull in ws or a Node built-in.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p, f = 'index.js') => join(root, 'packages', p, 'dist', f);
// The built-in locales, from their one list: each gets its aliases, its rows and its lazy figure.
const LOCALES = JSON.parse(readFileSync(join(root, 'packages/diagnose/locales.json'), 'utf8')).locales;
/** A per-locale budget or target: the locale's own figure, else the one for every other locale ('*'). */
const forLocale = (table, tag) => (table ? (table[tag] ?? table['*']) : undefined);
const alias = {
  '@sockdoc/browser': dist('browser'),
  // What an app's production build resolves (the `production` export condition): no long error messages.
  '@sockdoc/core/adapter': dist('core', 'prod/adapter.js'),
  '@sockdoc/core': dist('core', 'prod/index.js'),
  '@sockdoc/react': dist('react'),
  ...Object.fromEntries(LOCALES.map((l) => [`@sockdoc/diagnose/locales/${l.tag}`, dist('diagnose', `locales/${l.tag}.js`)])),
  '@sockdoc/diagnose/codes': dist('diagnose', 'codes.js'),
  '@sockdoc/diagnose/engine': dist('diagnose', 'engine.js'),
  '@sockdoc/diagnose': dist('diagnose'),
};
const budgets = JSON.parse(readFileSync(join(root, '.size-budgets.json'), 'utf8'));
// Each locale's catalogue (what explain, compare and the docs use) and its diagnosis text (what a client renders).
for (const l of LOCALES) {
  const { catalogue, text } = budgets.locales;
  budgets.entries.push(
    { name: `${l.tag} catalogue (${l.export})`, import: `export { ${l.export} } from '@sockdoc/diagnose/locales/${l.tag}';`, budget: forLocale(catalogue.budget, l.tag), target: forLocale(catalogue.target, l.tag) },
    { name: `${l.tag} diagnosis text (${l.export}Text, what a client renders)`, import: `export { ${l.export}Text } from '@sockdoc/diagnose/locales/${l.tag}';`, budget: forLocale(text.budget, l.tag) },
  );
}
const LOCALE_FILE = new RegExp(`(?:locales\\/|\\/)(${LOCALES.map((l) => l.tag.replace(/[-.]/g, '\\$&')).join('|')})(?:\\.text)?[.-]`);
// Inside the repository so that bare imports (eventemitter3, react) resolve from node_modules.
const tmp = mkdtempSync(join(root, 'packages/react/.size-'));
let failed = false;
const rows = [];
/** What --report prints: the budget table, then where the initial chunk's bytes go. */
const report = [];
const targets = { met: 0, all: 0 };
const countTarget = (size, target) => {
  if (!target) return;
  targets.all++;
  if (size <= target) targets.met++;
};
/** Bundles in memory as an app bundler would: minified ESM for browsers, split at import(). */
const bundle = (options) =>
  build({ bundle: true, splitting: true, minify: true, write: false, format: 'esm', platform: 'browser', charset: 'utf8', metafile: true, absWorkingDir: root, logLevel: 'silent', ...options });
const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
/** The output chunks a page downloads before it runs: the entry and what it imports statically, transitively. */
function initialChunks(outputs, entry) {
  const initial = new Set();
  const visit = (k) => {
    if (initial.has(k)) return;
    initial.add(k);
    for (const imp of outputs[k].imports) if (imp.kind === 'import-statement' && !imp.external) visit(imp.path);
  };
  visit(entry);
  return initial;
}
try {
  for (const [i, b] of budgets.entries.entries()) {
    const entry = join(tmp, `entry${i}.js`);
    writeFileSync(entry, b.import);
    const out = await bundle({
      entryPoints: [entry],
      outdir: join(tmp, `out${i}`),
      // esbuild resolves an alias before it checks externals: leave externals out of the aliases.
      alias: Object.fromEntries(Object.entries(alias).filter(([k]) => !(b.external ?? []).some((e) => k === e || k.startsWith(`${e}/`)))),
      external: b.external ?? [],
    });
    const files = new Map(out.outputFiles.map((f) => [relative(root, f.path), f.contents]));
    const outputs = out.metafile.outputs;
    const entryOut = Object.keys(outputs).find((k) => outputs[k].entryPoint);
    const initial = initialChunks(outputs, entryOut);
    const jsFiles = Object.keys(outputs).filter((k) => k.endsWith('.js'));
    const size = (keys) => keys.reduce((a, k) => ({ min: a.min + files.get(k).length, gz: a.gz + gzipSync(files.get(k), { level: 9 }).length }), { min: 0, gz: 0 });
    const first = size(jsFiles.filter((k) => initial.has(k)));
    // Each built-in locale is a lazy chunk of its own, loaded only for a user who needs it: the
    // lazy figure is the rules plus one locale (the largest: what the heaviest language downloads).
    const localeOf = (k) => [k, ...Object.keys(outputs[k].inputs)].map((i) => LOCALE_FILE.exec(i)?.[1]).find(Boolean);
    const lazyKeys = jsFiles.filter((k) => !initial.has(k));
    const rules = lazyKeys.filter((k) => !localeOf(k));
    const perLocale = [...new Set(lazyKeys.map(localeOf).filter(Boolean))].map((tag) => ({ tag, ...size([...rules, ...lazyKeys.filter((k) => localeOf(k) === tag)]) }));
    const lazyOver = perLocale.filter((l) => b.lazyBudget && l.gz > (forLocale(b.lazyBudget, l.tag) ?? 0));
    const lazyText = perLocale
      .map((l) => `${l.tag} ${kb(l.gz)}${lazyOver.includes(l) ? ` ✗ (budget ${kb(forLocale(b.lazyBudget, l.tag) ?? 0)})` : ''}${forLocale(b.lazyTarget, l.tag) ? (l.gz > forLocale(b.lazyTarget, l.tag) ? ` (target ${kb(forLocale(b.lazyTarget, l.tag))} not met)` : ' ✓') : ''}`)
      .join(', ');
    const text = jsFiles.map((k) => new TextDecoder().decode(files.get(k))).join('\n');
    if (/require\(["']ws["']\)|from["']ws["']|["']node:/.test(text)) {
      console.error(`${b.name}: a browser bundle pulls in ws or a Node built-in`);
      failed = true;
    }
    countTarget(first.gz, b.target);
    for (const l of perLocale) countTarget(l.gz, forLocale(b.lazyTarget, l.tag));
    const over = first.gz > b.budget || lazyOver.length > 0 || (b.lazyBudget !== undefined && perLocale.length === 0);
    if (over) failed = true;
    rows.push(
      `| ${b.name} | ${(first.min / 1024).toFixed(1)} KB | ${kb(first.gz)} | ${kb(b.budget)}${first.gz > b.budget ? ' ✗' : ''} | ${b.target ? `${(b.target / 1024).toFixed(1)} KB${first.gz > b.target ? ' (not met)' : ' ✓'}` : ''} | ${lazyText} |`,
    );
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
report.push(['| Bundle | initial min | initial min+gz | budget | target | lazy chunks min+gz (rules + one locale) |', '|---|---:|---:|---:|---|---:|', ...rows].join('\n'));

// Where the initial chunk's bytes go: the first bundle again, built from the TypeScript sources
// (the @sockdoc/source export condition) so that each module shows. Minified bytes per module;
// gzip works across modules, so only the total is given gzipped.
{
  const first = budgets.entries[0];
  const out = await bundle({
    stdin: { contents: first.import, resolveDir: join(root, 'packages/react') },
    outdir: join(root, 'packages/react/.size-breakdown'),
    conditions: ['@sockdoc/source'],
    define: { __SOCKDOC_DEV__: 'false' },
  });
  const outputs = out.metafile.outputs;
  const entryKey = Object.keys(outputs).find((k) => outputs[k].entryPoint === '<stdin>');
  // Every chunk the entry imports statically belongs to the initial download (eventemitter3 may sit in a shared chunk).
  const initial = initialChunks(outputs, entryKey);
  const inputs = [...initial].flatMap((k) => Object.entries(outputs[k].inputs)).filter(([, v]) => v.bytesInOutput > 0);
  const total = inputs.reduce((a, [, v]) => a + v.bytesInOutput, 0);
  const gz = out.outputFiles.filter((f) => initial.has(relative(root, f.path))).reduce((a, f) => a + gzipSync(f.contents, { level: 9 }).length, 0);
  const name = (p) => p.replace(/^packages\//, '@sockdoc/').replace(/^node_modules\/.pnpm\/[^/]+\/node_modules\//, '').replace('/src/', '/');
  report.push(
    [
      '',
      `Where the initial chunk of "${first.name.split(' (')[0]}" goes (built from source, ${kb(total)} minified, ${kb(gz)} min+gz):`,
      '',
      '| Module | minified | share |',
      '|---|---:|---:|',
      ...inputs.sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput).map(([p, v]) => `| ${name(p)} | ${v.bytesInOutput.toLocaleString('en-US')} B | ${((100 * v.bytesInOutput) / total).toFixed(1)}% |`),
    ].join('\n'),
  );
}
// The tables with --report (pnpm bench prints them) or on a failure; else one line.
if (failed || process.argv.includes('--report')) console.log(report.join('\n'));
else console.log(`size: ${rows.length} bundles within their budgets; targets met: ${targets.met} of ${targets.all} (\`node scripts/size.mjs --report\` for the table)`);
if (failed) {
  console.error('\nsize: over budget (or a Node module in a browser bundle)');
  process.exit(1);
}
