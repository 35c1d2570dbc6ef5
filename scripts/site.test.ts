import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '@sockdoc/test-utils';

// The built docs site (docs/.vitepress/dist, built by `pnpm run check` before the tests),
// served from 127.0.0.1 and rendered in real Chromium.
const dist = join(dirname(fileURLToPath(import.meta.url)), '../docs/.vitepress/dist');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };
const server = createServer((req, res) => {
  let path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  if (path.endsWith('/')) path += 'index.html';
  const file = join(dist, path);
  if (!file.startsWith(dist) || !existsSync(file)) return void res.writeHead(404).end('not found');
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
let base = '';
let chromium: Awaited<ReturnType<typeof launchChromium>>;

beforeAll(async () => {
  if (!existsSync(join(dist, 'index.html'))) throw new Error('docs/.vitepress/dist is missing: run `pnpm --filter @sockdoc/docs build` first');
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  chromium = await launchChromium();
}, 60_000);

afterAll(async () => {
  await chromium?.close();
  await new Promise((r) => server.close(r));
});

describe('the docs site', () => {
  it('should render a close-code page with its sections and a language switch, in English and Chinese', async () => {
    const page = await chromium.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${base}/close-codes/1006.html`);
    await expect.poll(() => page.locator('h1').first().textContent()).toContain('1006 Abnormal closure');
    expect(await page.locator('main').textContent()).toContain('How to tell it apart');
    expect(await page.locator('a[href*="/zh/close-codes/1006"]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${process.env['SOCKDOC_SCREENSHOTS'] ?? '/tmp'}/docs-1006-en.png` });
    await page.goto(`${base}/zh/close-codes/1006.html`);
    await expect.poll(() => page.locator('h1').first().textContent()).toContain('1006 异常关闭');
    expect(await page.locator('main').textContent()).toContain('如何区分');
    await page.screenshot({ path: `${process.env['SOCKDOC_SCREENSHOTS'] ?? '/tmp'}/docs-1006-zh.png` });
    await page.close();
  }, 60_000);
});
