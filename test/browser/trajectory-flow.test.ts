import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, heading1, launchBrowser, openFreshPage, signIn, waitUntilLoaded } from '../helpers/browser';
import { startServer } from '../helpers/server';
import type { RunningServer } from '../helpers/server';

/** Loads, checks the one h1 and runs axe: done on every page the flow visits. */
async function checkPage(page: Page, expectedH1?: string): Promise<string> {
  // After a client-side navigation the URL may change a moment before the new screen renders.
  if (expectedH1 !== undefined) await page.getByRole('heading', { level: 1, name: expectedH1, exact: true }).waitFor();
  await waitUntilLoaded(page);
  const h1 = await heading1(page);
  if (expectedH1 !== undefined) expect(h1).toBe(expectedH1);
  await expectNoAxeViolations(page);
  return h1;
}

describe('a procurement team starts a trajectory and a provider joins it by invitation', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ env: { DEMO: '1' } }), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates the trajectory, invites by e-mail, and the provider sees exactly that trajectory', async () => {
    const name = `Inkoop jeugdhulp IJmond ${Date.now().toString(36)}`;
    const providerEmail = 'praktijk.testlaan@example.org';

    // --- The procurement team signs in and creates a trajectory.
    const team = await openFreshPage(browser);
    const a = team.page;
    await signIn(a, server.url, 'inkoop@dialoogtafel.example');
    await a.waitForURL(`${server.url}/trajecten`);
    await checkPage(a, 'Mijn trajecten');

    await a.getByRole('link', { name: 'Nieuw inkooptraject' }).click();
    await a.waitForURL(`${server.url}/trajecten/nieuw`);
    await checkPage(a, 'Nieuw inkooptraject');

    const region = a.getByLabel('Regio');
    const regionValue = await a.locator('#trajectory-region option', { hasText: 'IJmond' }).first().getAttribute('value');
    expect(regionValue).toBeTruthy();
    await region.selectOption(regionValue!);
    await a.getByLabel('Naam van het traject').fill(name);
    await a.getByLabel('Beschrijving (niet verplicht)').fill('Een traject om het uitnodigen te testen.');
    await a.getByLabel('Dialooggerichte aanbesteding').check();
    for (const municipality of ['Beverwijk', 'Heemskerk', 'Velsen']) await a.getByLabel(municipality, { exact: true }).check();

    const milestones: Array<{ kind: string; title: string; date: string }> = [
      { kind: 'questions_deadline', title: 'Deadline voor vragen', date: '2099-03-02' },
      { kind: 'dialogue_start', title: 'Eerste dialoogsessie', date: '2099-04-14' },
    ];
    for (const [index, milestone] of milestones.entries()) {
      await a.getByRole('button', { name: 'Mijlpaal toevoegen' }).click();
      // Adding a row puts focus in its first field.
      await a.waitForFunction((id) => document.activeElement?.id === id, `milestone-${index}-kind`);
      await a.locator(`#milestone-${index}-kind`).selectOption(milestone.kind);
      await a.locator(`#milestone-${index}-title`).fill(milestone.title);
      await a.locator(`#milestone-${index}-date`).fill(milestone.date);
    }
    await expectNoAxeViolations(a);
    await a.getByRole('button', { name: 'Inkooptraject aanmaken' }).click();

    await a.waitForURL(/\/trajecten\/[a-f0-9]{24}$/);
    const trajectoryUrl = a.url();
    await checkPage(a, name);
    const main = a.getByRole('main');
    expect(await main.innerText()).toContain('IJmond');
    expect(await main.innerText()).toContain('Dialooggerichte aanbesteding');
    expect(await main.getByRole('heading', { name: '3 gemeenten' }).count()).toBe(1);
    const timeline = a.getByRole('list', { name: 'Planning op datum' });
    expect(await timeline.getByRole('listitem').count()).toBe(3); // two milestones and "Vandaag"
    expect(await timeline.getByRole('listitem').first().innerText()).toContain('Vandaag');
    expect(await a.getByTestId('next-deadline').innerText()).toBe('Volgende deadline: 2 maart 2099 – Deadline voor vragen');

    // --- ... and invites a provider, with a new organisation.
    await a.getByRole('navigation', { name: 'In dit traject' }).getByRole('link', { name: 'Deelnemers' }).click();
    await a.waitForURL(`${trajectoryUrl}/deelnemers`);
    await checkPage(a, 'Deelnemers');
    expect(await a.getByRole('heading', { name: /Inkoopteam/ }).count()).toBe(1);

    await a.getByLabel('E-mailadres').fill(providerEmail);
    await a.getByLabel('Rol', { exact: true }).selectOption('provider');
    await a.getByLabel('Een nieuwe organisatie').check();
    await a.getByLabel('Naam van de organisatie').fill('Praktijk Testlaan');
    expect(await a.getByLabel('Soort organisatie').inputValue()).toBe('provider');
    await a.getByLabel('Soort zorgaanbieder (niet verplicht)').selectOption('independent');
    await a.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await a.getByRole('status').filter({ hasText: `De uitnodiging is verstuurd naar ${providerEmail}` }).waitFor();
    const invitationRow = a.getByTestId('invitation-table').getByRole('row').filter({ hasText: providerEmail });
    await invitationRow.waitFor();
    expect(await invitationRow.innerText()).toContain('Verstuurd');
    await expectNoAxeViolations(a);

    // --- The administrator, in a browser of their own, finds the mail in the outbox.
    const adminContext = await openFreshPage(browser);
    const b = adminContext.page;
    await signIn(b, server.url, 'admin@dialoogtafel.example');
    await b.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Postvak' }).click();
    await b.waitForURL(`${server.url}/beheer/postvak`);
    await checkPage(b, 'Postvak');
    const mail = b.getByTestId('outbox-message').filter({ hasText: providerEmail }).first();
    await mail.waitFor();
    const invitationLink = mail.getByRole('link', { name: /\/uitnodiging\// });
    expect(await invitationLink.count()).toBe(1);
    await invitationLink.click();
    await b.waitForURL(/\/uitnodiging\/[A-Za-z0-9_-]+$/);
    const invitationUrl = b.url();

    // The link may open this very site (the administrator is still signed in: sign out first)
    // or the address in PUBLIC_URL (a browser that is not signed in there).
    const main2 = b.getByRole('main');
    await main2.getByRole('heading', { level: 2 }).first().waitFor();
    const signOutHere = main2.getByRole('button', { name: 'Uitloggen' });
    if (await signOutHere.count()) await signOutHere.click();

    // --- The provider, signed out, sees what the invitation is for and chooses a password.
    await main2.getByLabel('Uw naam').waitFor();
    await checkPage(b, 'Uitnodiging');
    const details = await main2.innerText();
    expect(details).toContain(name);
    expect(details).toContain('Praktijk Testlaan');
    expect(details).toContain('Zorgaanbieder');
    expect(details).toContain(providerEmail);

    await main2.getByLabel('Uw naam').fill('Pim de Vries');
    await main2.getByLabel('Nieuw wachtwoord').fill('een veilig wachtwoord');
    await main2.getByLabel('Herhaal het wachtwoord').fill('een veilig wachtwoord');
    await main2.getByRole('button', { name: 'Uitnodiging aannemen' }).click();
    await b.waitForURL(/\/trajecten\/[a-f0-9]{24}$/);
    await checkPage(b, name);
    expect(await b.getByTestId('signed-in-as').innerText()).toContain('Pim de Vries');

    // Exactly this one trajectory, and no other.
    const origin = new URL(b.url()).origin;
    await b.goto(`${origin}/trajecten`);
    await checkPage(b, 'Mijn trajecten');
    const cards = b.getByTestId('trajectory-list').getByRole('listitem');
    expect(await cards.count()).toBe(1);
    expect(await cards.first().getByRole('heading', { level: 2 }).innerText()).toBe(name);
    expect(await cards.first().innerText()).toContain('Zorgaanbieder');
    // A provider does not start trajectories.
    expect(await b.getByRole('link', { name: 'Nieuw inkooptraject' }).count()).toBe(0);

    // --- Meanwhile the procurement team's page updated live: the provider is at the table.
    const providers = a.getByRole('region', { name: /Zorgaanbieders/ });
    await providers.waitFor({ timeout: 10_000 });
    expect(await providers.innerText()).toContain('Pim de Vries');
    await a.getByTestId('invitation-table').getByRole('row').filter({ hasText: providerEmail }).filter({ hasText: 'Aangenomen' }).waitFor({ timeout: 10_000 });

    // The invitation link works once.
    const used = await openFreshPage(browser, invitationUrl);
    await used.page.getByRole('alert').waitFor();
    expect(await used.page.getByRole('alert').innerText()).toContain('Deze uitnodiging kunt u niet meer gebruiken');
    await expectNoAxeViolations(used.page);

    // Nothing went wrong on the way: no script errors, CSP violations or warnings. Failed
    // requests are expected only where the contract answers so: 401 from /api/me when signed
    // out, 410 for the used invitation.
    for (const messages of [team.console, adminContext.console, used.console]) {
      const problems = messages.filter(
        (m) => /^(error|warning|pageerror)/.test(m) && !/status of (401|410)/.test(m),
      );
      expect(problems).toEqual([]);
    }
  }, 180_000);
});
