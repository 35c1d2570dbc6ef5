import { explain, compare, type DiagnoseLocale, type Explanation } from '@sockdoc/diagnose';
import { styles, type Output } from '../Output.js';
import { joinSegments } from '../wrapLines.js';

function printExplanation(e: Explanation, locale: DiagnoseLocale, o: Output): void {
  const s = styles(o.color);
  const L = locale.labels;
  const head = /^\d+$/.test(e.key) ? `${e.code} ${e.title}` : `${Number.isFinite(e.code) ? `${e.code}: ` : ''}${e.title}`;
  o.out(s.bold(head));
  const facts = [`${L.name}${L.colon}${e.name}`, `${L.range}${L.colon}${locale.range[e.range]}`, `${L.onWire}${L.colon}${e.onWire ? L.yes : L.no}`, `${L.sentBy}${L.colon}${locale.sender[e.sentBy]}`];
  for (const line of joinSegments(facts, ' · ', o.width ?? 80)) o.out(s.dim(line));
  if (e.localeFallback) o.out(s.yellow(locale.fallbackNote(e.localeFallback.requested, e.localeFallback.used)));
  o.out('');
  o.out(e.description);
  const section = (title: string, items: readonly string[], numbered: boolean) => {
    o.out('');
    o.out(s.bold(title));
    items.forEach((x, i) => o.out(`  ${numbered ? `${i + 1}.` : '-'} ${x}`));
  };
  section(L.whenItOccurs, e.causes, true);
  section(L.howToFix, e.fixes, true);
  section(L.deadEnds, e.deadEnds, false);
  section(L.distinguish, e.distinguish, false);
  o.out('');
  o.out(`${s.bold(`${L.retry}${L.colon}`)}${locale.retry[e.retry.strategy]}`);
  if (e.related.length) o.out(`${s.bold(`${L.related}${L.colon}`)}${e.related.join(L.listSeparator)}`);
  o.out(`${s.bold(`${L.links}${L.colon}`)}${e.links.map((l) => l.url).join(' ')}`);
}

export function explainCommand(code: number, locale: DiagnoseLocale, json: boolean, o: Output): number {
  const e = explain(code, { locale });
  if (json) o.out(JSON.stringify(e, null, 2));
  else printExplanation(e, locale, o);
  return 0;
}

export function compareCommand(a: number, b: number, locale: DiagnoseLocale, json: boolean, o: Output): number {
  const c = compare(a, b, { locale });
  if (json) {
    o.out(JSON.stringify(c, null, 2));
    return 0;
  }
  const s = styles(o.color);
  const L = locale.labels;
  o.out(s.bold(`${a} ${c.a.title}${L.versus}${b} ${c.b.title}`));
  for (const r of c.rows) {
    o.out('');
    o.out(s.bold(r.label) + (r.same ? s.dim(`${L.openParen}${L.same}${L.closeParen}`) : ''));
    o.out(`  ${s.cyan(String(a))}  ${r.a}`);
    if (!r.same) o.out(`  ${s.cyan(String(b))}  ${r.b}`);
  }
  o.out('');
  o.out(s.bold(L.keyDifferences));
  for (const k of c.keyDifferences) o.out(`  - ${k}`);
  o.out('');
  o.out(s.bold(L.whichToUseWhen));
  o.out(`  ${s.cyan(String(a))}  ${c.whenToUse.a}`);
  o.out(`  ${s.cyan(String(b))}  ${c.whenToUse.b}`);
  return 0;
}
