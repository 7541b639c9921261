import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

// A region's colours, as the README tells a region to write them: one CSS file of --dialoogtafel-* tokens.
const regionCss = `:root {
  --dialoogtafel-color-accent-500: #8a1538;
  --dialoogtafel-color-accent-600: #5e0e26;
  --dialoogtafel-color-accent-700: #3a0818;
}
`;

describe('a region\'s own colours (THEME_CSS)', () => {
  let themed: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'dialoogtafel-theme-')), 'regio.css');
    writeFileSync(file, regionCss);
    [themed, browser] = await Promise.all([startServer({ env: { THEME_CSS: file } }), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await themed?.stop();
  });

  it('serves the file as /theme.css and the components take its colours, still meeting WCAG AA', async () => {
    const css = await fetch(`${themed.url}/theme.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await css.text()).toBe(regionCss);

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${themed.url}/inloggen`);
    const submit = page.locator('form button[type="submit"]');
    await submit.waitFor();
    // The primary button's background is the region's accent, not the neutral blue.
    expect(await submit.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(138, 21, 56)');
    // The neutral tokens the region did not touch stay: the page text is the theme's dark grey.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.utrecht-document')!).color)).toBe('rgb(0, 26, 64)');
    await expectNoAxeViolations(page);
    await context.close();
  });
});
