import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoEmails, demoTrajectoryIds, signIn as apiSignIn } from '../helpers/api-client';
import { expectHeading1, expectNoAxeViolations, openFreshPage, signIn, waitUntilLoaded, withDemoServerAndBrowser } from '../helpers/browser';
import type { RunningServer } from '../helpers/server';

describe('privacy in the browser: my data, erasure on request', () => {
  let server: RunningServer;
  let browser: Browser;

  withDemoServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('a person opens “Mijn gegevens” from the header and downloads everything stored about them', async () => {
    const { page } = await openFreshPage(browser);
    await signIn(page, server.url, demoEmails.observer);
    await page.getByRole('banner').getByRole('link', { name: 'Mijn gegevens' }).click();
    await page.waitForURL(`${server.url}/mijn-gegevens`);
    await expectHeading1(page, 'Mijn gegevens');
    expect(await page.getByTestId('my-data-account').innerText()).toContain(demoEmails.observer);
    await expectNoAxeViolations(page);

    const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('my-data-json').click()]);
    const data = JSON.parse(readFileSync((await json.path())!, 'utf8'));
    expect(data.account.email).toBe(demoEmails.observer);
    expect(data.memberships.length).toBeGreaterThan(0);

    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('my-data-docx').click()]);
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    const xml = await (await JSZip.loadAsync(readFileSync((await docx.path())!))).file('word/document.xml')!.async('string');
    expect(xml).toContain('Mijn gegevens');
    expect(xml).toContain(demoEmails.observer);

    // At 360 px the page still works without sideways scrolling.
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await expectNoAxeViolations(page);
  }, 120_000);

  it('an administrator erases an account after confirming, and then sees “oud-deelnemer” in a session report', async () => {
    // The procurement team has made the report of the demo's ended session; it lists who took part.
    const inkoop = await apiSignIn(server, demoEmails.procurement);
    const { ijmond } = await demoTrajectoryIds(await apiSignIn(server, demoEmails.admin));
    const sessions = (await inkoop.get(`/trajectories/${ijmond}/sessions`)).body as Array<{ id: string; status: string; title: string }>;
    const ended = sessions.find((s) => s.status === 'ended' && s.title.startsWith('Dialoogsessie 1'))!;
    const generated = await inkoop.post(`/trajectories/${ijmond}/sessions/${ended.id}/report`, {});
    expect(generated.status, generated.text).toBe(201);

    const { page } = await openFreshPage(browser);
    await signIn(page, server.url, demoEmails.admin);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Accounts' }).click();
    await expectHeading1(page, 'Accounts wissen');
    await waitUntilLoaded(page);
    const row = page.getByTestId('account-row').filter({ hasText: demoEmails.municipality });
    await row.waitFor();
    expect(await row.innerText()).toContain('Ruud Kramer');
    await expectNoAxeViolations(page);

    // The confirm step: cancelling changes nothing; focus starts on "Annuleren".
    await row.getByRole('button', { name: 'Account van Ruud Kramer wissen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Account wissen?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(demoEmails.municipality);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Annuleren');
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await row.innerText()).toContain('Actief');

    await row.getByRole('button', { name: 'Account van Ruud Kramer wissen' }).click();
    await dialog.getByRole('button', { name: 'Ja, account wissen' }).click();
    await page.getByTestId('accounts-announcement').getByText('Het account is gewist. Het heet nu "oud-deelnemer (gemeente)".').waitFor();
    const erasedRow = page.getByTestId('account-row').filter({ hasText: 'oud-deelnemer (gemeente)' });
    await erasedRow.getByText('Gewist').waitFor();
    expect(await page.getByTestId('accounts').innerText()).not.toContain(demoEmails.municipality);
    await expectNoAxeViolations(page);

    // The session report shows the contribution under the pseudonym, and the name nowhere.
    await page.goto(`${server.url}/trajecten/${ijmond}/sessies/${ended.id}/verslag`);
    await expectHeading1(page, /^Verslag: /);
    await waitUntilLoaded(page);
    const attendance = page.getByTestId('report-attendance');
    await attendance.getByText('oud-deelnemer (gemeente)').first().waitFor();
    expect(await page.locator('main').innerText()).not.toContain('Ruud Kramer');
    await expectNoAxeViolations(page);
  }, 180_000);
});
