import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '@sockdoc/test-utils';
import { startServer } from '../server/startServer.js';

let server: Awaited<ReturnType<typeof startServer>>;
let chromium: Awaited<ReturnType<typeof launchChromium>>;
beforeAll(async () => {
  server = await startServer(0);
  chromium = await launchChromium();
}, 60_000);
afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

describe('examples/browser-vanilla in Chromium', () => {
  it('should echo, refuse binary in the page, and show a diagnosed 1008 and an opaque 401', async () => {
    const page = await chromium.context.newPage();
    await page.goto(server.url);
    await expect.poll(() => page.locator('#status').textContent(), { timeout: 30_000 }).toBe('open');
    await page.click('#hello');
    await expect.poll(() => page.locator('#log').textContent()).toContain('← echo: hello');
    await page.click('#binary');
    await expect.poll(() => page.locator('#log').textContent()).toContain('refused: SOCKDOC_BINARY_ON_TEXT_CHANNEL');
    await page.click('#expire');
    await expect.poll(() => page.locator('#diagnosis').getAttribute('data-cause')).toBe('auth_rejected');
    expect(await page.locator('#diagnosis').textContent()).toContain('1008 Policy violation');
    await page.click('#bad-token');
    await expect.poll(() => page.locator('#diagnosis').getAttribute('data-cause')).toBe('handshake_failed_opaque');
    expect(await page.locator('#diagnosis').textContent()).toContain('the browser hides why');
    await page.close();
  }, 60_000);
});
