/**
 * Runs a code block of the docs (or a JSDoc example) as an app would: bundled from the BUILT
 * packages, in real Chromium when it imports @sockdoc/browser or @sockdoc/react, else in Node,
 * against a real local test server, with each claim of its comments checked (see `instrument`).
 */
import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { launchChromium, type TestServer } from '@sockdoc/test-utils';
import { instrument, isLike, matchesClaim, type Claim } from './docBlocks.js';

/** Schema libraries the docs use (devDependencies of @sockdoc/core), installed beside the packages for the blocks. */
export const SCHEMA_LIBRARIES = ['zod', 'valibot'] as const;
/** How long a block runs: long enough to connect, exchange messages and close on loopback. */
const RUN_MS = 1500;
/** The docs' example URLs, and the test server's endpoint that behaves as the text says. */
const ENDPOINTS: Record<string, string> = { '/chat': '/echo', '/feed': '/text-only' };

/**
 * What blocks read but do not define (the reader's own code): a declaration for type-checking and,
 * for the names a run needs, a definition. Only the names a block uses and does not declare are added.
 */
export const READER: Record<string, { type: string; run?: (env: { url: string; browser: boolean }) => string }> = {
  url: { type: 'declare const url: string;', run: ({ url }) => `const url = ${JSON.stringify(url)};` },
  token: { type: 'declare const token: string;', run: () => "const token = 'good';" },
  signedUrl: { type: 'declare function signedUrl(): Promise<string>;', run: () => 'async function signedUrl() { return url; }' },
  analytics: { type: 'declare const analytics: { track(event: string, props: Record<string, unknown>): void };', run: () => 'const analytics = { track() {} };' },
  setError: { type: 'declare function setError(message: string): void;', run: () => 'function setError(message: string) { console.log(message); }' },
  file: { type: 'declare const file: Blob;', run: () => 'const file = new Blob([new Uint8Array(2048)]);' },
  banner: { type: 'declare const banner: { textContent: string | null };' },
  render: { type: 'declare function render(value: unknown): void;' },
  retryButton: { type: 'declare const retryButton: { onclick: (() => void) | null };' },
  showHint: { type: 'declare function showHint(message: string): void;' },
  err: { type: "declare const err: import('@sockdoc/core').SockdocError;" },
  e: { type: 'declare const e: unknown;' },
  session: { type: 'declare const session: { expiresAt: number };' },
  renewSession: { type: "declare const renewSession: NonNullable<import('@sockdoc/core').SocketOptions['refresh']>;" },
  diagnosis: { type: "declare const diagnosis: import('@sockdoc/diagnose').Diagnosis;" },
  jaPartial: { type: "declare const jaPartial: Partial<import('@sockdoc/diagnose').DiagnoseLocale>;" },
  jaText: { type: "declare const jaText: import('@sockdoc/diagnose').LocaleText;" },
  jaReference: { type: "declare const jaReference: import('@sockdoc/diagnose').LocaleReference;" },
  policy: { type: 'declare const policy: Parameters<typeof nextAfterClose>[0][\'policy\'];' },
  socket: {
    type: "declare const socket: import('@sockdoc/core').SocketClient;",
    run: ({ browser }) => `import { createSocket as __createSocket } from '@sockdoc/${browser ? 'browser' : 'node'}';\nconst socket = __createSocket(url);`,
  },
  WebSocket: { type: '', run: ({ browser }) => (browser ? '' : "import { WebSocket as __WebSocket } from 'ws';\nconst WebSocket = __WebSocket;") },
};

/** The names of READER a block uses without declaring or importing them. */
export function readerNames(code: string): string[] {
  // Used: the name on its own (a spread `...name` counts, a property `.name` does not).
  const used = (name: string) => new RegExp(`(?<=^|[^.\\w$]|\\.\\.\\.)${name}(?![\\w$])`, 'm').test(code);
  // Declared: `const name`, `function name`, a destructured `const { name }`, an import, a parameter.
  const declared = (name: string) =>
    new RegExp(`(?:(?:const|let|var|function|class)\\s+|(?:const|let|var)\\s*\\{[^}]*\\b|import\\s*\\{[^}]*\\b|\\bcatch\\s*\\(\\s*)${name}\\b|\\(${name}\\)\\s*=>|\\b${name}\\s*[,)]\\s*=>`).test(code);
  return Object.keys(READER).filter((name) => used(name) && !declared(name));
}

const CHECKS = `
const __claims = { evaluated: [] as number[], failed: [] as Array<{ id: number; want: string; got: string }> };
(globalThis as any).__claims = __claims;
const __matches = ${matchesClaim.toString()};
const __isLike = ${isLike.toString().replace(/matchesClaim/g, '__matches')};
function __record(id: number, ok: boolean, want: string, got: unknown) {
  __claims.evaluated.push(id);
  if (!ok) __claims.failed.push({ id, want, got: typeof got === 'string' ? got : JSON.stringify(got) ?? String(got) });
}
function __claim(id: number, get: () => unknown, want: string) { const got = get(); __record(id, typeof got === 'string' && __matches(got, want), want, got); return got; }
function __like(id: number, get: () => unknown, want: () => unknown) { const got = get(); const w = want(); __record(id, __isLike(got, w), JSON.stringify(w), got); return got; }
function __throws(id: number, run: () => unknown, name: string, code: string | null) {
  try { const got = run(); __record(id, false, 'throws ' + name, got); }
  catch (e: any) { __record(id, e?.name === name && (code === null || e?.code === code), name + (code ? ' ' + code : ''), 'threw ' + e?.name + ' ' + (e?.code ?? e?.message)); }
}
`;

export interface Runner {
  /** Runs one block; what is wrong with it (empty when it ran as its comments say). */
  run(block: { code: string }, imports?: string): Promise<string[]>;
  close(): Promise<void>;
}

/** A runner with its own work directory (`dir`, inside the repository) against `server`. */
export function blockRunner(root: string, dir: string, server: TestServer): Runner {
  const work = join(root, dir);
  rmSync(work, { recursive: true, force: true });
  // The packages as an app installs them: node_modules/@sockdoc/<name>, resolved through their exports.
  mkdirSync(join(work, 'node_modules/@sockdoc'), { recursive: true });
  for (const p of ['browser', 'core', 'diagnose', 'node', 'react', 'cli']) symlinkSync(join(root, 'packages', p), join(work, 'node_modules/@sockdoc', p));
  symlinkSync(join(root, 'packages/node/node_modules/ws'), join(work, 'node_modules/ws'));
  for (const lib of SCHEMA_LIBRARIES) symlinkSync(join(root, 'packages/core/node_modules', lib), join(work, 'node_modules', lib));
  server.serve('/favicon.ico', '', 'image/x-icon');
  let n = 0;

  const localize = (code: string) =>
    code.replace(/wss:\/\/example\.com(\/[\w-]*)/g, (_, path: string) => {
      const endpoint = ENDPOINTS[path];
      if (!endpoint) throw new Error(`no test endpoint for ${path}: add it to ENDPOINTS in scripts/runBlock.ts`);
      return server.url(endpoint);
    });

  async function inNode(file: string): Promise<Outcome> {
    const out = join(work, `${file}.mjs`);
    // ESM, so that a block may await at its top level; `require` for the CommonJS inside (ws).
    await build({
      entryPoints: [join(work, `${file}.ts`)],
      outfile: out,
      bundle: true,
      platform: 'node',
      format: 'esm',
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
      external: ['bufferutil', 'utf-8-validate'],
      logLevel: 'silent',
      absWorkingDir: work,
    });
    // Asynchronously: the test server runs in this process and must answer while the block runs.
    const r = await new Promise<{ status: number | null; signal: string | null; stdout: string; stderr: string }>((resolve) =>
      execFile(process.execPath, [out], { encoding: 'utf8', timeout: RUN_MS + 8000 }, (error, stdout, stderr) =>
        resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, signal: error?.signal ?? null, stdout, stderr }),
      ),
    );
    const lines = r.stdout.split('\n').filter(Boolean);
    const claimsLine = lines.find((l) => l.startsWith('__CLAIMS '));
    return {
      output: lines.filter((l) => !l.startsWith('__CLAIMS ')),
      errors: r.status === 0 ? [] : [`exit ${r.status ?? r.signal}: ${r.stderr.trim().split('\n').slice(0, 8).join('\n')}`],
      claims: claimsLine ? JSON.parse(claimsLine.slice(9)) : { evaluated: [], failed: [] },
    };
  }

  async function inChromium(file: string): Promise<Outcome> {
    const built = await build({ entryPoints: [join(work, `${file}.ts`)], outdir: join(work, file), bundle: true, splitting: true, platform: 'browser', format: 'esm', write: false, charset: 'utf8', jsx: 'automatic', logLevel: 'silent', absWorkingDir: work });
    for (const f of built.outputFiles) server.serve(`/run/${relative(join(work, file), f.path)}`, f.text, 'text/javascript; charset=utf-8');
    server.serve(`/run/${file}.html`, `<!doctype html><meta charset="utf-8"><script type="module" src="/run/${file}.js"></script>`);
    const chromium = await launchChromium();
    try {
      const page = await chromium.context.newPage();
      const output: string[] = [];
      const errors: string[] = [];
      page.on('console', (m) => output.push(m.text()));
      page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
      await page.goto(server.httpUrl(`/run/${file}.html`));
      await page.waitForTimeout(RUN_MS);
      const claims = await page.evaluate(() => (globalThis as unknown as { __claims?: Outcome['claims'] }).__claims ?? { evaluated: [], failed: [] });
      return { output, errors, claims };
    } finally {
      await chromium.close();
    }
  }

  return {
    async run(block, imports = '') {
      const { code, claims } = instrument(localize(block.code));
      const browser = /from '@sockdoc\/(browser|react)'/.test(code);
      const file = `block${n++}`;
      // `url` always (a reader's socket connects to it), unless the block defines its own.
      const names = [...new Set([...(/\b(?:const|let|var)\s+url\b/.test(block.code) ? [] : ['url']), ...readerNames(block.code)])];
      const reader = names.map((name) => READER[name]!.run?.({ url: server.url('/echo'), browser }) ?? READER[name]!.type);
      const footer = browser ? '' : `\nsetTimeout(() => { console.log('__CLAIMS ' + JSON.stringify(__claims)); process.exit(0); }, ${RUN_MS});\n`;
      writeFileSync(
        join(work, `${file}.ts`),
        [imports, ...reader, CHECKS, code, footer, 'export {};'].join('\n'),
      );
      return problems(browser ? await inChromium(file) : await inNode(file), claims);
    },
    async close() {
      if (!process.env['KEEP_DOCS_RUN']) rmSync(work, { recursive: true, force: true });
    },
  };
}

export interface Outcome {
  output: string[];
  errors: string[];
  claims: { evaluated: number[]; failed: Array<{ id: number; want: string; got: string }> };
}

/** What is wrong with one run: an error, a claim that failed or never ran, a print that did not happen. */
export function problems(outcome: Outcome, claims: Claim[]): string[] {
  const found = [...outcome.errors];
  for (const f of outcome.claims.failed) found.push(`line ${claims[f.id]!.line} claims ${JSON.stringify(f.want)} but got ${JSON.stringify(f.got)}`);
  for (const c of claims.filter((c) => c.kind !== 'prints' && !outcome.claims.evaluated.includes(c.id))) found.push(`line ${c.line}: the claim ${JSON.stringify(c.text)} never ran (make it run, or mark the block \`fragment\`)`);
  for (const c of claims.filter((c) => c.kind === 'prints' && !outcome.output.some((o) => matchesClaim(o, c.text)))) found.push(`line ${c.line} claims it prints ${JSON.stringify(c.text)}; the output was ${JSON.stringify(outcome.output)}`);
  return found;
}
