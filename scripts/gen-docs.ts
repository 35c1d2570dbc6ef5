/**
 * Generates docs/close-codes/<locale>/*.md from the @sockdoc/diagnose catalogue, so the
 * pages cannot drift from the code. `--check` fails when a committed page is stale.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { compare, explain, ENTRY_KEYS, type DiagnoseLocale, type EntryKey, type Explanation } from '../packages/diagnose/src/index.js';
import { SAMPLE_CODE } from '../packages/diagnose/src/catalogue.js';
import { derivedFiles, loadLocales, LOCALE_LIST, root } from './locales.js';
import { fidelityPages } from './fidelityTable.js';

/** English at docs/close-codes, other languages at docs/<prefix>/close-codes (the docs site's locale layout). */
const PREFIX: Record<string, string> = Object.fromEntries(LOCALE_LIST.map((l) => [l.tag, l.docs]));
const dirOf = (l: DiagnoseLocale) => join(root, 'docs', PREFIX[l.tag] ?? l.tag, 'close-codes');
const LOCALES: readonly DiagnoseLocale[] = await loadLocales();
const COMPARISONS: ReadonlyArray<readonly [number, number]> = [[1003, 1007]];

const FILE: Record<EntryKey, string> = Object.fromEntries(
  ENTRY_KEYS.map((k) => [k, /^\d+$/.test(k) ? k : ({ range_0_999: '0-999', range_protocol_unassigned: '1016-2999', range_registered_unassigned: '3000-3999', range_private: '4000-4999', not_a_code: 'invalid' } as Record<string, string>)[k]!]),
) as Record<EntryKey, string>;

/** Text from the catalogue is plain text: keep it plain in Markdown too. */
const md = (s: string) => s.replace(/[<>]/g, (ch) => (ch === '<' ? '&lt;' : '&gt;')).replace(/\|/g, '\\|');

function switcher(locale: DiagnoseLocale, file: string): string {
  const up = PREFIX[locale.tag] ? '../../' : '../';
  return LOCALES.map((l) => (l === locale ? `**${l.name}**` : `[${l.name}](${up}${PREFIX[l.tag] ? `${PREFIX[l.tag]}/` : ''}close-codes/${file})`)).join(' · ');
}

function codeLink(code: number, locale: DiagnoseLocale): string {
  const e = explain(code, { locale });
  return `[${code} ${md(e.title)}](./${FILE[e.key as EntryKey]}.md)`;
}

function codePage(key: EntryKey, locale: DiagnoseLocale): string {
  const e: Explanation = explain(SAMPLE_CODE[key], { locale });
  const L = locale.labels;
  const heading = /^\d+$/.test(key) ? `${key} ${e.title}` : e.title;
  const list = (xs: readonly string[], ordered: boolean) => xs.map((x, i) => `${ordered ? `${i + 1}.` : '-'} ${md(x)}`).join('\n');
  return [
    `<!-- ${L.generatedNote} -->`,
    `${switcher(locale, `${FILE[key]}.md`)}`,
    '',
    `# ${md(heading)}`,
    '',
    `| ${L.name} | ${md(e.name)} |`,
    `|---|---|`,
    `| ${L.range} | ${md(locale.range[e.range])} |`,
    `| ${L.category} | ${md(locale.category[e.category])} · \`${e.category}\` |`,
    `| ${L.onWire} | ${e.onWire ? L.yes : L.no} |`,
    `| ${L.sentBy} | ${md(locale.sender[e.sentBy])} |`,
    `| ${L.retry} | ${md(locale.retry[e.retry.strategy])} |`,
    '',
    `## ${L.description}`,
    '',
    md(e.description),
    '',
    `## ${L.whenItOccurs}`,
    '',
    list(e.causes, true),
    '',
    `## ${L.howToFix}`,
    '',
    list(e.fixes, true),
    '',
    `## ${L.deadEnds}`,
    '',
    list(e.deadEnds, false),
    '',
    `## ${L.distinguish}`,
    '',
    list(e.distinguish, false),
    '',
    `## ${L.useWhen}`,
    '',
    md(locale.entries[key].useWhen),
    '',
    `## ${L.related}`,
    '',
    e.related.map((c) => `- ${codeLink(c, locale)}`).join('\n'),
    '',
    `## ${L.links}`,
    '',
    e.links.map((l) => `- [${l.label}](${l.url})`).join('\n'),
    '',
  ].join('\n');
}

function comparePage(a: number, b: number, locale: DiagnoseLocale): string {
  const c = compare(a, b, { locale });
  const L = locale.labels;
  const file = `${a}-vs-${b}.md`;
  const section = (e: Explanation) => [
    `## ${e.code} ${md(e.title)}`,
    '',
    `### ${L.description}`,
    '',
    md(e.description),
    '',
    `### ${L.whenItOccurs}`,
    '',
    e.causes.map((x, i) => `${i + 1}. ${md(x)}`).join('\n'),
    '',
    `### ${L.howToFix}`,
    '',
    e.fixes.map((x, i) => `${i + 1}. ${md(x)}`).join('\n'),
    '',
    `### ${L.deadEnds}`,
    '',
    e.deadEnds.map((x) => `- ${md(x)}`).join('\n'),
    '',
  ];
  return [
    `<!-- ${L.generatedNote} -->`,
    switcher(locale, file),
    '',
    `# ${a} ${md(c.a.title)}${L.versus}${b} ${md(c.b.title)}`,
    '',
    ...section(c.a),
    ...section(c.b),
    `## ${L.keyDifferences}`,
    '',
    `| | ${a} | ${b} |`,
    '|---|---|---|',
    ...c.rows.map((r) => `| ${r.label} | ${md(r.a)} | ${md(r.b)} |`),
    '',
    ...c.keyDifferences.map((s) => `- ${md(s)}`),
    '',
    `## ${L.whichToUseWhen}`,
    '',
    `- **${a}**${L.colon}${md(c.whenToUse.a)}`,
    `- **${b}**${L.colon}${md(c.whenToUse.b)}`,
    '',
  ].join('\n');
}

function indexPage(locale: DiagnoseLocale): string {
  const L = locale.labels;
  return [
    `<!-- ${L.generatedNote} -->`,
    switcher(locale, 'index.md'),
    '',
    `# ${L.allCodes}`,
    '',
    `| ${L.code} | ${L.name} | ${L.onWire} | ${L.retry} |`,
    '|---|---|---|---|',
    ...ENTRY_KEYS.map((k) => {
      const e = explain(SAMPLE_CODE[k], { locale });
      const label = /^\d+$/.test(k) ? k : FILE[k];
      return `| [${label}](./${FILE[k]}.md) | ${md(e.title)}${L.openParen}${md(e.name)}${L.closeParen} | ${e.onWire ? L.yes : L.no} | ${md(locale.retry[e.retry.strategy])} |`;
    }),
    '',
    ...COMPARISONS.map(([a, b]) => `- [${a}${L.versus}${b}](./${a}-vs-${b}.md)`),
    '',
  ].join('\n');
}

function pages(): Map<string, string> {
  const out = new Map<string, string>();
  for (const locale of LOCALES) {
    const dir = dirOf(locale);
    for (const key of ENTRY_KEYS) out.set(join(dir, `${FILE[key]}.md`), codePage(key, locale));
    for (const [a, b] of COMPARISONS) out.set(join(dir, `${a}-vs-${b}.md`), comparePage(a, b, locale));
    out.set(join(dir, 'index.md'), indexPage(locale));
  }
  for (const [file, text] of derivedFiles()) out.set(file, text);
  // The runtime fidelity tables, from the runtime record.
  for (const [file, text] of fidelityPages(root)) out.set(file, text);
  // What the docs site needs of each language (docs/.vitepress/config.mts reads it).
  const site = LOCALES.map((l, i) => ({
    tag: l.tag,
    name: l.name,
    prefix: PREFIX[l.tag] ? `/${PREFIX[l.tag]}` : '',
    closeCodes: l.labels.code,
    allCodes: l.labels.allCodes,
    versus: `1003${l.labels.versus}1007`,
    site: LOCALE_LIST[i]!.site,
  }));
  out.set(join(root, 'docs/.vitepress/locales.json'), `${JSON.stringify(site, null, 2)}\n`);
  return out;
}

const check = process.argv.includes('--check');
const wanted = pages();
const stale: string[] = [];
for (const [file, text] of wanted) {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (current === text) continue;
  if (check) stale.push(file);
  else {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}
// Pages for entries that no longer exist are stale too.
for (const locale of LOCALES) {
  const dir = dirOf(locale);
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir)) if (!wanted.has(join(dir, f))) stale.push(join(dir, f));
}
if (check && stale.length) {
  console.error(`Generated docs or locale wiring are stale; run \`pnpm docs:gen\` and commit:\n${stale.map((f) => `  ${f.slice(root.length + 1)}`).join('\n')}`);
  process.exit(1);
}
console.log(check ? `docs: ${wanted.size} generated files are up to date` : `docs: wrote ${wanted.size} generated files (close-code pages in ${LOCALE_LIST.length} languages, locale wiring)`);
