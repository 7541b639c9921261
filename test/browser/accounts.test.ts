import { describe, it, expect } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectHeading1, expectNoAxeViolations, heading1, openFreshPage, signIn, waitUntilLoaded, withDemoServerAndBrowser } from '../helpers/browser';
import type { RunningServer } from '../helpers/server';

describe('accounts in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  withDemoServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('says in Dutch that the e-mail address or password is wrong, and focuses the message', async () => {
    const { page } = await openFreshPage(browser, `${server.url}/inloggen`);
    await page.getByLabel('E-mailadres').fill('inkoop@dialoogtafel.example');
    await page.getByLabel('Wachtwoord', { exact: true }).fill('niet-het-goede-wachtwoord');
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();

    const summary = page.locator('.dt-error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Het e-mailadres of het wachtwoord klopt niet');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('dt-error-summary'))).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/inloggen');
    await expectNoAxeViolations(page);
  }, 60_000);

  it('shows what is missing at the fields when the form is sent empty', async () => {
    const { page } = await openFreshPage(browser, `${server.url}/inloggen`);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();

    const email = page.getByLabel('E-mailadres');
    await page.locator('.dt-error-summary').waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`#${describedBy.split(' ').pop()}`).innerText()).toBe('Vul uw e-mailadres in.');
    // The summary links to the field and puts focus in it.
    await page.locator('.dt-error-summary').getByRole('link', { name: /E-mailadres/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sign-in-email');
    await expectNoAxeViolations(page);
  }, 60_000);

  it('signs in with the keyboard only, shows who is signed in, and signs out', async () => {
    const { page } = await openFreshPage(browser, `${server.url}/inloggen`);
    await heading1(page);
    await page.getByLabel('E-mailadres').waitFor();

    // From the top of the page: Tab until the e-mail field has focus, then type and Tab on.
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.id === 'sign-in-email')) break;
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sign-in-email');
    await page.keyboard.type('inkoop@dialoogtafel.example');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sign-in-password');
    await page.keyboard.type('dialoog-demo');
    await page.keyboard.press('Enter');

    await page.waitForURL(`${server.url}/trajecten`);
    await expectHeading1(page, 'Mijn trajecten');
    const banner = page.getByRole('banner');
    expect(await banner.getByTestId('signed-in-as').innerText()).toContain('Annelies Brouwer');
    await waitUntilLoaded(page);
    await expectNoAxeViolations(page);

    await banner.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL(`${server.url}/`);
    await banner.getByRole('link', { name: 'Inloggen' }).waitFor();
    // Signed out means signed out: the list of trajectories asks to sign in again.
    await page.goto(`${server.url}/trajecten`);
    await page.waitForURL(/\/inloggen\?terug=%2Ftrajecten$/);
  }, 60_000);

  it('returns to the page asked for after signing in', async () => {
    const { page } = await openFreshPage(browser, `${server.url}/beheer/postvak`);
    await page.waitForURL(/\/inloggen\?terug=/);
    await page.getByLabel('E-mailadres').fill('admin@dialoogtafel.example');
    await page.getByLabel('Wachtwoord', { exact: true }).fill('dialoog-demo');
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.waitForURL(`${server.url}/beheer/postvak`);
    await expectHeading1(page, 'Postvak');
  }, 60_000);

  it('ignores a return address on another site', async () => {
    const { page } = await openFreshPage(browser);
    await signIn(page, server.url, 'gemeente@dialoogtafel.example', undefined, '//example.org/phish');
    await page.waitForURL(`${server.url}/trajecten`);
  }, 60_000);

  it('asks for a reset link without telling whether an account exists', async () => {
    const { page } = await openFreshPage(browser, `${server.url}/inloggen`);
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await page.waitForURL(`${server.url}/wachtwoord-vergeten`);
    await expectHeading1(page, 'Wachtwoord vergeten');
    await expectNoAxeViolations(page);

    await page.getByLabel('E-mailadres').fill('bestaat-niet@dialoogtafel.example');
    await page.getByRole('button', { name: 'Stuur mij een link' }).click();
    const status = page.getByRole('status').filter({ hasText: 'bestaat-niet@dialoogtafel.example' });
    await status.waitFor();
    expect(await status.innerText()).toContain('Als er een account bij');
    await expectNoAxeViolations(page);
  }, 60_000);

  it('sets a new password with the link from the e-mail, and is signed in after', async () => {
    const { page } = await openFreshPage(browser, `${server.url}/wachtwoord-vergeten`);
    await page.getByLabel('E-mailadres').fill('observer@dialoogtafel.example');
    await page.getByRole('button', { name: 'Stuur mij een link' }).click();
    await page.getByRole('status').filter({ hasText: 'observer@dialoogtafel.example' }).waitFor();

    // The administrator reads the mail in the outbox, as the development mail channel.
    const admin = await openFreshPage(browser);
    await signIn(admin.page, server.url, 'admin@dialoogtafel.example');
    await admin.page.goto(`${server.url}/beheer/postvak`);
    const mail = admin.page.getByTestId('outbox-message').filter({ hasText: 'observer@dialoogtafel.example' }).first();
    await mail.waitFor();
    const link = await mail.getByRole('link', { name: /wachtwoord-herstellen/ }).getAttribute('href');
    const resetPath = new URL(link!, server.url).pathname;
    await admin.page.context().close();

    await page.goto(`${server.url}${resetPath}`);
    await expectHeading1(page, 'Nieuw wachtwoord kiezen');
    await expectNoAxeViolations(page);
    await page.getByLabel('Nieuw wachtwoord').fill('een nieuw wachtwoord');
    await page.getByLabel('Herhaal het wachtwoord').fill('een ander wachtwoord');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.locator('.dt-error-summary').waitFor();
    expect(await page.locator('.dt-error-summary').innerText()).toContain('De twee wachtwoorden zijn niet hetzelfde.');

    await page.getByLabel('Herhaal het wachtwoord').fill('een nieuw wachtwoord');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.waitForURL(`${server.url}/trajecten`);
    expect(await page.getByTestId('signed-in-as').innerText()).toContain('Sanne Visser');

    const again = await openFreshPage(browser);
    await signIn(again.page, server.url, 'observer@dialoogtafel.example', 'een nieuw wachtwoord');
  }, 60_000);
});
