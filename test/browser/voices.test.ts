import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoEmails, demoTrajectoryIds, signIn as apiSignIn } from '../helpers/api-client';
import { expectHeading1, expectNoAxeViolations, openFreshPage, signIn, waitUntilLoaded, withDemoServerAndBrowser } from '../helpers/browser';
import type { RunningServer } from '../helpers/server';

const cooperativeMember = 'jeroen.smit@dialoogtafel.example';

describe('bundled voices: mandates and mediation', () => {
  let server: RunningServer;
  let browser: Browser;

  withDemoServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('a cooperative member registers a mandate at 360 px, sees "namens 1 vrijgevestigde" and revokes it', async () => {
    const { ijmond } = await demoTrajectoryIds(await apiSignIn(server, demoEmails.admin));
    const { page } = await openFreshPage(browser);
    await page.setViewportSize({ width: 360, height: 800 });
    await signIn(page, server.url, cooperativeMember);
    await page.goto(`${server.url}/trajecten/${ijmond}`);
    await waitUntilLoaded(page);
    await page.getByRole('navigation', { name: /./ }).getByRole('link', { name: 'Mandaten' }).first().click();
    await expectHeading1(page, 'Mandaten');
    const form = page.getByTestId('grant-form');
    await form.waitFor();
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);

    // Empty name and a short KvK are caught before sending.
    await page.locator('#mandate-kvk').fill('123');
    await form.getByRole('button', { name: 'Mandaat registreren' }).click();
    await page.locator('.dt-error-summary').waitFor();
    await expectNoAxeViolations(page);

    await page.locator('#mandate-name').fill('Sanne de Wit');
    await page.locator('#mandate-kvk').fill('12345678');
    await page.locator('#mandate-agb').focus();
    await page.keyboard.press('Tab');
    await form.getByRole('button', { name: 'Mandaat registreren' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('grant-status').getByText('Het mandaat van Sanne de Wit is geregistreerd.').waitFor();
    await page.getByTestId('mandate-holders').getByText('namens 1 vrijgevestigde', { exact: false }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Mandaat van Sanne de Wit intrekken' }).click();
    const dialog = page.getByRole('dialog', { name: 'Mandaat intrekken?' });
    await dialog.waitFor();
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Ja, intrekken' }).click();
    await page.getByTestId('revoke-status').getByText('Het mandaat van Sanne de Wit is ingetrokken.').waitFor();
    await page.locator('[data-testid="mandate-row"][data-revoked="true"]').waitFor();
    expect(await page.getByTestId('mandate-holders').count()).toBe(0);
    expect(await page.getByText('Nog geen organisatie heeft een mandaat.').count()).toBe(1);
  }, 180_000);

  it('the procurement team sets the kind of a provider organisation on the Mandaten page', async () => {
    const { ijmond } = await demoTrajectoryIds(await apiSignIn(server, demoEmails.admin));
    const { page } = await openFreshPage(browser);
    await page.setViewportSize({ width: 360, height: 800 });
    await signIn(page, server.url, demoEmails.procurement);
    await page.goto(`${server.url}/trajecten/${ijmond}/mandaten`);
    await expectHeading1(page, 'Mandaten');
    await waitUntilLoaded(page);
    const select = page.getByLabel('Soort van Praktijk De Linde (vrijgevestigd orthopedagoog)');
    await select.waitFor();
    expect(await page.getByTestId('grant-form').count()).toBe(0);
    await expectNoAxeViolations(page);
    await select.selectOption('independent');
    const form = page.getByTestId('kind-form').filter({ has: select });
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByText('De soort van Praktijk De Linde (vrijgevestigd orthopedagoog) is opgeslagen.').waitFor();
    await expectNoAxeViolations(page);
  }, 180_000);

  it('a provider files a mediation request; the procurement team sees it but not the confidential thread', async () => {
    const { ijmond } = await demoTrajectoryIds(await apiSignIn(server, demoEmails.admin));
    const { page } = await openFreshPage(browser);
    await page.setViewportSize({ width: 360, height: 800 });
    await signIn(page, server.url, demoEmails.provider);
    await page.goto(`${server.url}/trajecten/${ijmond}/bemiddeling`);
    await expectHeading1(page, 'Bemiddeling');
    await waitUntilLoaded(page);
    const form = page.getByTestId('file-form');
    await form.waitFor();
    await expectNoAxeViolations(page);

    const issue = 'De tarieven voor vrijgevestigden dekken de kosten niet (browsertest).';
    await page.getByLabel('Waar loopt het op vast?').fill(issue);
    await form.getByRole('button', { name: 'Verzoek indienen' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('file-status').getByText('Uw bemiddelingsverzoek is ingediend.').waitFor();
    const request = page.getByTestId('mediation-request').filter({ hasText: issue });
    await request.waitFor();
    expect(await request.getAttribute('data-status')).toBe('filed');
    await request.getByTestId('mediation-thread').waitFor();
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);

    const team = await openFreshPage(browser);
    await signIn(team.page, server.url, demoEmails.procurement);
    await team.page.goto(`${server.url}/trajecten/${ijmond}/bemiddeling`);
    await waitUntilLoaded(team.page);
    const seen = team.page.getByTestId('mediation-request').filter({ hasText: issue });
    await seen.waitFor();
    await seen.getByText('Dit gesprek is vertrouwelijk. U kunt het niet lezen.').waitFor();
    expect(await seen.getByTestId('mediation-thread').count()).toBe(0);
    await expectNoAxeViolations(team.page);
  }, 180_000);
});
