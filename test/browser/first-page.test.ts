import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Response } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser, openFreshPage } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

/** JavaScript of the first page before the routes were loaded lazily (one 1,074,770-byte bundle). */
const firstPageBytesBefore = 1_074_770;

describe('the first page is light', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('fetches less than half of the old JavaScript, and English only when chosen', async () => {
    const { page } = await openFreshPage(browser);
    const scripts: Response[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/assets/') && response.url().endsWith('.js')) scripts.push(response);
    });
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Dialoogtafel' }).waitFor();
    // The connection status is loaded just after the page: count it too.
    await page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor({ timeout: 10_000 });
    await expectNoAxeViolations(page);

    const bytes = (await Promise.all(scripts.map(async (r) => (await r.body()).length))).reduce((a, b) => a + b, 0);
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(firstPageBytesBefore / 2);
    const names = scripts.map((r) => new URL(r.url()).pathname);
    expect(names.some((n) => /\/ClausePage-/.test(n)), 'the editor is not loaded').toBe(false);
    expect(names.some((n) => /\/en-[\w-]+\.js$/.test(n)), 'the English texts are not loaded').toBe(false);

    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.getByRole('main').getByRole('link', { name: 'Sign in' }).waitFor();
    expect(scripts.some((r) => /\/en-[\w-]+\.js$/.test(new URL(r.url()).pathname)), 'English is fetched once chosen').toBe(true);
  });
});
