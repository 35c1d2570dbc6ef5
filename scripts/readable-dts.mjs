#!/usr/bin/env node
// Gives the declaration chunks tsup writes readable names: dist/DiagnoseLocale-DsG_ZDFv.d.ts
// becomes dist/DiagnoseLocale.d.ts (and .d.cts), and every declaration file that imports it is
// rewritten to match, so that go-to-definition in an app opens a file named after what it holds.
// Run in a package directory after its build.
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const dist = join(process.cwd(), 'dist');
const HASHED = /^(.+)-[A-Za-z0-9_-]{8}\.d\.(c?ts)$/;
const files = (dir) => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
const declarations = files(dist).filter((f) => /\.d\.c?ts$/.test(f));
const renames = new Map();
for (const file of declarations) {
  const m = HASHED.exec(file.slice(file.lastIndexOf('/') + 1));
  if (!m) continue;
  let name = `${m[1]}.d.${m[2]}`;
  // An entry of the same name keeps its name; the chunk gets a suffix.
  if (existsSync(join(file, '..', name)) || [...renames.values()].includes(join(file, '..', name))) name = `${m[1]}.shared.d.${m[2]}`;
  renames.set(file, join(file, '..', name));
}
// Specifiers in declaration files name the chunk by its JavaScript extension: X-HASH.js, X-HASH.cjs.
const specifier = (p) => p.slice(p.lastIndexOf('/') + 1).replace(/\.d\.(c?)ts$/, (_, c) => (c ? '.cjs' : '.js'));
const pairs = [...renames].map(([from, to]) => [specifier(from), specifier(to)]);
for (const file of declarations) {
  let text = readFileSync(file, 'utf8');
  for (const [from, to] of pairs) text = text.split(`/${from}'`).join(`/${to}'`);
  writeFileSync(file, text);
}
for (const [from, to] of renames) renameSync(from, to);
