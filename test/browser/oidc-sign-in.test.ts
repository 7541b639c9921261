import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, demoEmails, mailedToken, uniqueEmail, type ApiClient } from '../helpers/api-client';
import { expectNoAxeViolations, heading1, launchBrowser, openFreshPage } from '../helpers/browser';
import { CookieJar, loginAtProvider, startOidcProvider, type TestOidcProvider } from '../helpers/oidc-provider';
import { startServer, type RunningServer } from '../helpers/server';

const buttonLabel = 'Inloggen met uw gemeente-account';

/**
 * A person signs in with their organisation's account: the button on the sign-in page, the
 * provider's own login page (oidc-provider's development pages), and back, signed in. The
 * provider is real and runs in the test on a free port.
 */
describe('signing in through the organisation’s OpenID Connect provider, in the browser', () => {
  let provider: TestOidcProvider;
  let server: RunningServer;
  let browser: Browser;
  /** The address the app names itself by, and so the one the provider sends people back to. */
  let appUrl: string;

  beforeAll(async () => {
    provider = await startOidcProvider({ inkoop: { email: demoEmails.procurement, emailVerified: true, name: 'Inkoop' } });
    [server, browser] = await Promise.all([startServer({ env: { DEMO: '1', OIDC_BUTTON_LABEL: buttonLabel, ...provider.env() } }), launchBrowser()]);
    provider.serve(server.url);
    appUrl = server.url.replace('//127.0.0.1:', '//localhost:');
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await provider?.stop();
  }, 90_000);

  it('clicks the button, signs in at the provider, lands signed in, and signs out at the provider too', async () => {
    const { page } = await openFreshPage(browser, `${appUrl}/inloggen`);
    expect(await heading1(page)).toBe('Inloggen');
    const button = page.getByRole('link', { name: buttonLabel });
    await button.waitFor();
    // The password form is still there (PASSWORD_SIGNIN is on), below the organisation's button.
    await page.getByRole('textbox', { name: 'E-mailadres' }).waitFor();
    await expectNoAxeViolations(page);

    // Keyboard only: Tab to the button and press Enter.
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((label) => document.activeElement?.textContent === label, buttonLabel)) break;
    }
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(buttonLabel);
    await page.keyboard.press('Enter');

    // The provider's login page.
    await page.waitForURL((url) => url.href.startsWith(`${provider.issuer}/interaction/`));
    await page.locator('input[name="login"]').fill('inkoop');
    await page.locator('input[name="password"]').fill('wat-dan-ook');
    await page.getByRole('button', { name: 'Sign-in' }).click();

    // Back in the app, signed in, on the list of trajectories.
    await page.waitForURL(`${appUrl}/trajecten`);
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor({ timeout: 15_000 });
    const me = await page.evaluate(async () => (await fetch('/api/me')).json());
    expect(me.user.email).toBe(demoEmails.procurement);

    // Signing out ends the local session and the provider's, which sends the browser back to sign-in.
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL((url) => url.href.startsWith(`${provider.issuer}/session/end`));
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL(`${appUrl}/inloggen`);
    await page.getByRole('link', { name: buttonLabel }).waitFor();
    expect(await page.evaluate(async () => (await fetch('/api/me')).status)).toBe(401);
  }, 120_000);

  it('explains a refused sign-in in Dutch, as an alert', async () => {
    const { page } = await openFreshPage(browser, `${appUrl}/inloggen?oidc-fout=unverified_email`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Uw organisatie heeft uw e-mailadres niet bevestigd');
    await expectNoAxeViolations(page);
  }, 60_000);
});

describe('with passwords turned off (PASSWORD_SIGNIN=0), in the browser', () => {
  let provider: TestOidcProvider;
  let server: RunningServer;
  let browser: Browser;
  let appUrl: string;
  const invited = uniqueEmail('eerste-keer');

  beforeAll(async () => {
    provider = await startOidcProvider({
      inkoop: { email: demoEmails.procurement, emailVerified: true, name: 'Inkoop' },
      beheer: { email: demoEmails.admin, emailVerified: true, name: 'Beheer' },
      nieuw: { email: invited, emailVerified: true, name: 'Noor Nieuw' },
    });
    [server, browser] = await Promise.all([startServer({ env: { DEMO: '1', PASSWORD_SIGNIN: '0', ...provider.env() } }), launchBrowser()]);
    provider.serve(server.url);
    appUrl = server.url.replace('//127.0.0.1:', '//localhost:');
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await provider?.stop();
  }, 90_000);

  /** A signed-in API client, signed in through the provider (there are no passwords here). */
  async function apiSignIn(login: string): Promise<ApiClient> {
    const jar = new CookieJar();
    const start = await fetch(`${server.url}/api/auth/oidc/start`, { redirect: 'manual' });
    jar.take(start.headers);
    const callback = (await loginAtProvider(start.headers.get('location')!, login)).replace(appUrl, server.url);
    jar.take((await fetch(callback, { redirect: 'manual', headers: { cookie: jar.header() } })).headers);
    return apiClient(server, jar.get('dt_session'));
  }

  it('shows only the organisation’s button, with the default Dutch label, and no password form', async () => {
    const { page } = await openFreshPage(browser, `${appUrl}/inloggen`);
    expect(await heading1(page)).toBe('Inloggen');
    await page.getByRole('link', { name: 'Inloggen met uw organisatie-account' }).waitFor();
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).count()).toBe(0);
    await expectNoAxeViolations(page);
  }, 60_000);

  it('says why a password reset is refused', async () => {
    const { page } = await openFreshPage(browser, `${appUrl}/wachtwoord-vergeten`);
    await page.getByRole('textbox', { name: 'E-mailadres' }).fill(demoEmails.procurement);
    await page.getByRole('button', { name: 'Stuur mij een link' }).click();
    const summary = page.locator('.dt-error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Inloggen met een wachtwoord staat hier uit');
    await expectNoAxeViolations(page);
  }, 60_000);

  it('a first-time invited person accepts the invitation with the organisation account and lands at the table', async () => {
    const inkoop = await apiSignIn('inkoop');
    const admin = await apiSignIn('beheer');
    const trajectory = ((await inkoop.get('/trajectories')).body as Array<{ id: string }>)[0]!;
    const organisationId = (await inkoop.get('/organisations')).body.find((o: { name: string }) => o.name === 'Gemeente Haarlem').id;
    expect((await inkoop.post(`/trajectories/${trajectory.id}/invitations`, { email: invited, role: 'observer', organisation: { id: organisationId } })).status).toBe(201);
    const token = (await mailedToken(admin, invited, 'uitnodiging'))!;

    const { page } = await openFreshPage(browser, `${appUrl}/uitnodiging/${token}`);
    const button = page.getByRole('link', { name: 'Inloggen met uw organisatie-account' });
    await button.waitFor();
    // No password account can be made here.
    expect(await page.getByLabel('Uw naam').count()).toBe(0);
    await expectNoAxeViolations(page);
    await button.click();
    await page.waitForURL((url) => url.href.startsWith(`${provider.issuer}/interaction/`));
    await page.locator('input[name="login"]').fill('nieuw');
    await page.locator('input[name="password"]').fill('wat-dan-ook');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.waitForURL(`${appUrl}/trajecten/${trajectory.id}`);
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor({ timeout: 15_000 });
    const me = await page.evaluate(async () => (await fetch('/api/me')).json());
    expect(me.user).toMatchObject({ email: invited, name: 'Noor Nieuw' });
  }, 120_000);
});
