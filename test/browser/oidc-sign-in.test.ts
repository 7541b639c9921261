import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmails } from '../helpers/api-client';
import { expectNoAxeViolations, heading1, launchBrowser, openFreshPage } from '../helpers/browser';
import { startOidcProvider, type TestOidcProvider } from '../helpers/oidc-provider';
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
