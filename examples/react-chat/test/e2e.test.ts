import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium } from '@sockdoc/test-utils';
import { startChatServer, type ChatServer } from '../server/startChatServer.js';

// The example app in real headless Chromium, served by its own server in development mode
// (so React StrictMode double-runs effects), with the browser's language set to zh-CN.
let server: ChatServer;
let chromium: Awaited<ReturnType<typeof launchChromium>>;

beforeAll(async () => {
  server = await startChatServer(0);
  chromium = await launchChromium({ locale: 'zh-CN' });
}, 60_000);

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

async function openApp(query = ''): Promise<Page> {
  const page = await chromium.context.newPage();
  await page.goto(`${server.url}${query}`);
  await page.locator('[data-status="open"]').waitFor({ timeout: 30_000 });
  return page;
}

describe('examples/react-chat in Chromium', () => {
  it('should open one connection under StrictMode and exchange messages', async () => {
    const before = server.connections();
    const page = await openApp();
    await page.waitForTimeout(300);
    expect(server.connections() - before).toBe(1);
    await page.getByLabel('Message').fill('你好, sockdoc');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => page.getByTestId('messages').textContent()).toContain('你好, sockdoc');
    // With the contract on, a binary frame is refused before it leaves; the connection stays open.
    await page.getByTestId('send-binary').click();
    await expect.poll(() => page.getByTestId('refused').textContent()).toContain('SOCKDOC_BINARY_ON_TEXT_CHANNEL');
    expect(await page.locator('[data-status]').getAttribute('data-status')).toBe('open');
    await page.close();
  }, 60_000);

  it('should show the server\'s 1003 diagnosed in Chinese when a binary frame gets through with the contract off', async () => {
    const page = await openApp('?contract=off');
    await page.getByTestId('send-binary').click();
    const banner = page.getByRole('alert');
    await banner.waitFor();
    expect(await banner.getAttribute('data-code')).toBe('1003');
    expect(await banner.getAttribute('data-cause')).toBe('binary_on_text_endpoint');
    const text = await banner.textContent();
    expect(text).toContain('1003 不支持的数据类型');
    expect(text).toContain('二进制消息发到了仅支持文本的端点');
    expect(text).toContain('Binary messages not supported');
    await expect.poll(() => page.locator('[data-status]').getAttribute('data-status')).toBe('closed');
    await page.screenshot({ path: `${process.env['SOCKDOC_SCREENSHOTS'] ?? '/tmp'}/react-chat-1003.png` });
    await page.close();
  }, 60_000);

  it('should show what a refused handshake was, though the browser hides its status (the status probe)', async () => {
    const rows: Record<string, string | null> = {};
    for (const status of [401, 404, 502]) {
      const page = await chromium.context.newPage();
      await page.goto(`${server.url}?endpoint=/gate/${status}`);
      const banner = page.getByRole('alert');
      await banner.waitFor({ timeout: 30_000 });
      // A close before the diagnosis chunk arrived is judged from its code first, then diagnosed in full.
      await expect.poll(() => banner.getAttribute('data-cause'), { timeout: 15_000 }).not.toBe('diagnosis_unavailable');
      rows[status] = await banner.getAttribute('data-cause');
      expect(await banner.textContent()).toContain('1006 异常关闭');
      await page.close();
    }
    expect(rows).toEqual({ 401: 'handshake_auth', 404: 'handshake_not_found', 502: 'handshake_unavailable' });
  }, 90_000);
});

