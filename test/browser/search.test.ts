import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { demoEmails, demoTrajectoryIds, signIn as apiSignIn } from '../helpers/api-client';
import { expectHeading1, expectNoAxeViolations, launchBrowser, openFreshPage, signIn, waitUntilLoaded } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

/** Presses Tab until the focused element matches, as someone without a mouse does. */
async function tabTo(page: Page, matches: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, matches)) return;
  }
  throw new Error(`no ${matches} within ${max} tabs`);
}

describe('searching a trajectory', () => {
  let server: RunningServer;
  let browser: Browser;
  let ijmond: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ env: { DEMO: '1' }, timeoutMs: 120_000 }), launchBrowser()]);
    ({ ijmond } = await demoTrajectoryIds(await apiSignIn(server, demoEmails.admin)));
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 90_000);

  it('with the keyboard only: from the navigation to the search box, the grouped results and into a result', async () => {
    const { page, console } = await openFreshPage(browser);
    await signIn(page, server.url, demoEmails.provider);
    await page.goto(`${server.url}/trajecten/${ijmond}`);
    await waitUntilLoaded(page);

    // The search box is a search landmark right after the trajectory's navigation.
    expect(await page.getByRole('search', { name: 'Zoeken in dit traject' }).count()).toBe(1);
    await page.getByRole('navigation', { name: 'In dit traject' }).getByRole('link').last().focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('dt-search-q');
    // Without accents, and a word the clause's text has in another form.
    await page.keyboard.type('zorgcontinuiteit');
    await page.keyboard.press('Enter');
    await expectHeading1(page, 'Zoeken: zorgcontinuiteit');
    await waitUntilLoaded(page);
    expect(page.url()).toBe(`${server.url}/trajecten/${ijmond}/zoeken?q=zorgcontinuiteit`);
    await page.getByRole('status').filter({ hasText: 'resultat' }).waitFor();

    // Grouped by kind, the matched words marked (as text, never as markup from the server).
    const groups = await page.locator('h2').allInnerTexts();
    expect(groups.some((g) => g.startsWith('Onderwerpen ('))).toBe(true);
    expect(groups.some((g) => g.startsWith('Artikelen ('))).toBe(true);
    const marks = await page.locator('.dt-search__hit mark').allInnerTexts();
    expect(marks.map((m) => m.toLowerCase())).toContain('zorgcontinuïteit');
    expect(await page.getByRole('searchbox', { name: 'Zoeken in dit traject' }).inputValue()).toBe('zorgcontinuiteit');
    await expectNoAxeViolations(page);

    // Into a clause, with Tab and Enter: the link names the clause the page then shows.
    await tabTo(page, 'a.dt-search__link[href*="/overeenkomst/artikelen/"]');
    const linkText = (await page.evaluate(() => document.activeElement?.textContent)) ?? '';
    const title = /^Artikel: \d+\. (.*?)(?: — .*)?$/.exec(linkText)?.[1];
    expect(title, linkText).toBeTruthy();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/trajecten/${ijmond}/overeenkomst/artikelen/[a-f0-9]{24}$`));
    await expectHeading1(page, new RegExp(title!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));

    // Nothing found is said as such; an empty box stays put.
    await page.goto(`${server.url}/trajecten/${ijmond}/zoeken?q=${encodeURIComponent('qqxyzzy')}`);
    await page.getByRole('status').filter({ hasText: 'Niets gevonden voor “qqxyzzy”' }).waitFor();
    await page.getByRole('searchbox', { name: 'Zoeken in dit traject' }).focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Enter');
    expect(page.url()).toContain('q=qqxyzzy');
    expect(console.filter((m) => m.startsWith('pageerror'))).toEqual([]);
  });

  it('fits a phone: the search box and results at 360 px', async () => {
    const { page } = await openFreshPage(browser);
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(page, server.url, demoEmails.client);
    await page.goto(`${server.url}/trajecten/${ijmond}/zoeken?q=aanbieder`);
    await waitUntilLoaded(page);
    await page.getByRole('status').filter({ hasText: 'resultat' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page);
  });
});
