/**
 * The built-in locales, read from their one list (packages/diagnose/locales.json), and the
 * source files derived from it. `gen-docs.ts` writes (or, with --check, verifies) these files
 * beside the generated pages, so adding a locale is its file plus one entry in the list.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DiagnoseLocale } from '../packages/diagnose/src/index.js';

export interface LocaleListEntry {
  /** BCP 47 tag, also the file name (src/locales/<tag>.ts) and the export subpath (locales/<tag>). */
  readonly tag: string;
  /** The locale's export name: the file exports `<export>`, `<export>Text` and `<export>Reference`. */
  readonly export: string;
  /** Where its docs live: docs/<docs>/ ('' for English, at the root). */
  readonly docs: string;
  /** The docs site's own words in that language (VitePress theme labels). */
  readonly site?: Readonly<Record<'outline' | 'prev' | 'next' | 'top' | 'menu' | 'appearance' | 'language' | 'updated', string>>;
}

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const diagnose = join(root, 'packages/diagnose');

export const LOCALE_LIST: readonly LocaleListEntry[] = JSON.parse(readFileSync(join(diagnose, 'locales.json'), 'utf8')).locales;

/** Every built-in locale object, in list order, loaded from its source file. */
export async function loadLocales(): Promise<DiagnoseLocale[]> {
  return Promise.all(LOCALE_LIST.map(async (l) => (await import(join(diagnose, 'src/locales', `${l.tag}.ts`)))[l.export] as DiagnoseLocale));
}

const GENERATED = '// Generated from packages/diagnose/locales.json by `pnpm docs:gen`: do not edit.';

/** The files derived from the list, by absolute path. */
export function derivedFiles(): Map<string, string> {
  const out = new Map<string, string>();
  for (const l of LOCALE_LIST) {
    out.set(
      join(diagnose, 'src/locales', `${l.tag}.text.ts`),
      `${GENERATED}\n// What the client loads for ${l.tag}: the text a diagnosis renders, without the reference text\n// (bundlers keep only \`${l.export}Text\` of ${l.tag}.ts in this chunk).\nexport { ${l.export}Text as text } from './${l.tag}.js';\n`,
    );
  }
  out.set(
    join(diagnose, 'src/builtInText.ts'),
    [
      GENERATED,
      "import type { LocaleText } from './DiagnoseLocale.js';",
      '',
      '/** The text of each built-in locale, each loaded on its own when asked for (bundlers split each into a chunk). */',
      'export const BUILT_IN_TEXT: Readonly<Record<string, () => Promise<LocaleText>>> = {',
      ...LOCALE_LIST.map((l) => `  ${JSON.stringify(l.tag)}: () => import('./locales/${l.tag}.text.js').then((m) => m.text),`),
      '};',
      '',
    ].join('\n'),
  );
  out.set(
    join(root, 'packages/cli/src/builtInLocales.ts'),
    [
      GENERATED,
      "import type { DiagnoseLocale } from '@sockdoc/diagnose';",
      ...LOCALE_LIST.map((l) => `import { ${l.export} } from '@sockdoc/diagnose/locales/${l.tag}';`),
      '',
      '/** Every locale the CLI can print in. */',
      `export const BUILT_IN_LOCALES: readonly DiagnoseLocale[] = [${LOCALE_LIST.map((l) => l.export).join(', ')}];`,
      '',
    ].join('\n'),
  );
  // The package's locale exports, in list order, after its other entries.
  const pkgPath = join(diagnose, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  const exports: Record<string, unknown> = {};
  const localeExport = (tag: string) => ({
    '@sockdoc/source': `./src/locales/${tag}.ts`,
    import: { types: `./dist/locales/${tag}.d.ts`, default: `./dist/locales/${tag}.js` },
    require: { types: `./dist/locales/${tag}.d.cts`, default: `./dist/locales/${tag}.cjs` },
  });
  for (const [k, v] of Object.entries(pkg.exports as Record<string, unknown>)) {
    if (k.startsWith('./locales/')) continue;
    if (k === './package.json') for (const l of LOCALE_LIST) exports[`./locales/${l.tag}`] = localeExport(l.tag);
    exports[k] = v;
  }
  out.set(pkgPath, `${JSON.stringify({ ...pkg, exports }, null, 2)}\n`);
  return out;
}

/** The build entries of the locales (for tsup). */
export const localeEntries = (): Record<string, string> => Object.fromEntries(LOCALE_LIST.map((l) => [`locales/${l.tag}`, `src/locales/${l.tag}.ts`]));
