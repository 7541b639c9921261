import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoEmails, demoTrajectoryIds, signIn as apiSignIn } from '../helpers/api-client';
import { expectHeading1, expectNoAxeViolations, openFreshPage, signIn, waitUntilLoaded, withDemoServerAndBrowser } from '../helpers/browser';
import type { RunningServer } from '../helpers/server';

describe('the planning editor on the trajectory overview', () => {
  let server: RunningServer;
  let browser: Browser;

  withDemoServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('the procurement team moves a milestone and a phase date with the keyboard at 360 px; a provider sees no editor', async () => {
    const { ijmond: midden } = await demoTrajectoryIds(await apiSignIn(server, demoEmails.admin));
    const { page } = await openFreshPage(browser);
    await page.setViewportSize({ width: 360, height: 800 });
    await signIn(page, server.url, demoEmails.procurement);
    await page.goto(`${server.url}/trajecten/${midden}`);
    await expectHeading1(page, /./);
    await waitUntilLoaded(page);
    const edit = page.getByRole('button', { name: 'Planning bewerken' });
    await edit.focus();
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'Planning bewerken' });
    await form.waitFor();
    // Focus moved into the form's first field.
    expect(await page.evaluate(() => document.activeElement?.id)).toMatch(/^(phase|milestone)-0-/);
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);

    // A wrong order of dates is caught before sending, with the summary focused.
    await page.locator('#phase-0-startsOn').fill('2027-03-01');
    await page.locator('#phase-0-endsOn').fill('2027-02-01');
    await form.getByRole('button', { name: 'Planning opslaan' }).click();
    await page.locator('.dt-error-summary').waitFor();
    await expectNoAxeViolations(page);

    await page.locator('#phase-0-endsOn').fill('2027-06-30');
    await page.locator('#milestone-0-date').fill('2030-01-15');
    await page.locator('#milestone-0-date').focus();
    await page.keyboard.press('Tab'); // through the remaining controls by keyboard to the save button
    await form.getByRole('button', { name: 'Planning opslaan' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('De planning is opgeslagen. Deelnemers krijgen een melding.').waitFor();
    await form.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Planning bewerken');
    expect(await page.locator('main').innerText()).toContain('15 januari 2030');
    expect(await page.locator('main').innerText()).toContain('30 juni 2027');
    await expectNoAxeViolations(page);

    const provider = await openFreshPage(browser);
    await signIn(provider.page, server.url, demoEmails.provider);
    await provider.page.goto(`${server.url}/trajecten/${midden}`);
    await waitUntilLoaded(provider.page);
    await provider.page.getByText('15 januari 2030').first().waitFor();
    expect(await provider.page.getByRole('button', { name: 'Planning bewerken' }).count()).toBe(0);
  }, 180_000);
});
