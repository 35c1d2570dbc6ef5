import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchChromium, type TestServer } from '@sockdoc/test-utils';

// The BUILT browser bundle (dist/), served by a real test server to real headless Chromium.
const root = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
const dist = (pkg: string, file = 'index.js') => join(root, 'packages', pkg, 'dist', file);

/** Bundles `@sockdoc/browser` (and zh-CN) from dist as `window.sockdoc`, serves it at `/` of `server`, and opens it in Chromium. */
export async function openBrowserPage(server: TestServer): Promise<{ page: Page; close(): Promise<void> }> {
  for (const f of [dist('browser'), dist('core'), dist('diagnose'), dist('diagnose', 'locales/zh-CN.js')]) {
    if (!existsSync(f)) throw new Error(`${f} is missing: run the build first (pnpm build)`);
  }
  const bundle = await build({
    stdin: {
      contents: `import { createSocket } from '@sockdoc/browser'; import { zhCN } from '@sockdoc/diagnose/locales/zh-CN'; window.sockdoc = { createSocket, zhCN };`,
      resolveDir: root,
    },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    charset: 'utf8',
    alias: {
      '@sockdoc/browser': dist('browser'),
      '@sockdoc/core/adapter': dist('core', 'adapter.js'),
      '@sockdoc/core': dist('core'),
      '@sockdoc/diagnose/locales/zh-CN': dist('diagnose', 'locales/zh-CN.js'),
      '@sockdoc/diagnose/codes': dist('diagnose', 'codes.js'),
      '@sockdoc/diagnose/engine': dist('diagnose', 'engine.js'),
      '@sockdoc/diagnose': dist('diagnose'),
    },
    logLevel: 'silent',
  });
  const js = bundle.outputFiles[0]!.text;
  if (/require\(["']ws["']\)|from ["']ws["']/.test(js)) throw new Error('the browser bundle pulls in ws');
  server.serve('/', '<!doctype html><meta charset="utf-8"><title>sockdoc</title><script src="/sockdoc.js"></script>');
  server.serve('/sockdoc.js', js, 'text/javascript; charset=utf-8');
  const chromium = await launchChromium();
  const page = await chromium.context.newPage();
  await page.goto(server.httpUrl('/'));
  return { page, close: () => chromium.close() };
}

export type Sockdoc = { createSocket: typeof import('@sockdoc/browser').createSocket; zhCN: import('@sockdoc/diagnose').DiagnoseLocale };
