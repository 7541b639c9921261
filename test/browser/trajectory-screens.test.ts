import { describe, it, expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectHeading1, expectNoAxeViolations, heading1, openFreshPage, signIn, waitUntilLoaded, withDemoServerAndBrowser } from '../helpers/browser';
import type { RunningServer } from '../helpers/server';

async function openTrajectory(page: Page, baseUrl: string, nameContains: string): Promise<string> {
  await page.goto(`${baseUrl}/trajecten`);
  await page.getByTestId('trajectory-list').getByRole('link', { name: new RegExp(nameContains) }).click();
  await page.waitForURL(/\/trajecten\/[a-f0-9]{24}$/);
  await waitUntilLoaded(page);
  return page.url();
}

function topic(page: Page, title: string) {
  return page.getByTestId('topic').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
}

describe('trajectory screens with the demo data', () => {
  let server: RunningServer;
  let browser: Browser;

  withDemoServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('shows the planning as a timeline with today and the next deadline', async () => {
    const { page } = await openFreshPage(browser);
    await signIn(page, server.url, 'gemeente@dialoogtafel.example');
    await openTrajectory(page, server.url, 'IJmond');
    await expectHeading1(page, /IJmond en Zuid-Kennemerland/);
    const timeline = page.getByRole('list', { name: 'Planning op datum' });
    expect(await timeline.getByTestId('timeline-today').innerText()).toContain('Vandaag');
    const next = await page.getByTestId('next-deadline').innerText();
    expect(next).toMatch(/^Volgende deadline: \d{1,2} [a-z]+ \d{4} – .+/);
    // The next deadline is marked in words at its item too, not by colour alone.
    expect(await timeline.locator('[aria-current="step"]').innerText()).toContain('Volgende deadline');
    // A municipality reads the log but cannot invite.
    expect(await page.getByRole('navigation', { name: 'In dit traject' }).getByRole('link').allInnerTexts()).toEqual([
      'Overzicht',
      'Onderwerpen',
      'Sessies',
      'Overeenkomst',
      'Vragen',
      'Deelnemers',
      'Mandaten',
      'Bemiddeling',
      'Logboek',
    ]);
    await expectNoAxeViolations(page);
  }, 90_000);

  it("a held session's page fits a phone: its long title breaks instead of pushing the page sideways", async () => {
    const { page } = await openFreshPage(browser);
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(page, server.url, 'inkoop@dialoogtafel.example');
    await openTrajectory(page, server.url, 'Midden-IJssel');
    await page.getByRole('navigation', { name: 'In dit traject' }).getByRole('link', { name: 'Sessies' }).click();
    await expectHeading1(page, 'Sessies');
    const title = 'Dialoogsessie 4 van 4: afronding concept-inkoopovereenkomst';
    await page.getByRole('heading', { name: title }).getByRole('link').click();
    await page.waitForURL(/\/sessies\/[a-f0-9]{24}$/);
    await expectHeading1(page, title);
    const h1 = (await page.getByRole('heading', { level: 1 }).boundingBox())!;
    expect(h1.x + h1.width).toBeLessThanOrEqual(360);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page);
  }, 90_000);

  it('lets a provider propose a topic that the procurement team sees live and declines with a reason', async () => {
    const team = (await openFreshPage(browser)).page;
    await signIn(team, server.url, 'inkoop@dialoogtafel.example');
    const base = await openTrajectory(team, server.url, 'IJmond');
    await team.getByRole('navigation', { name: 'In dit traject' }).getByRole('link', { name: 'Onderwerpen' }).click();
    await team.waitForURL(`${base}/onderwerpen`);
    await waitUntilLoaded(team);
    await expectHeading1(team, 'Onderwerpen');
    await expectNoAxeViolations(team);

    const provider = (await openFreshPage(browser)).page;
    await signIn(provider, server.url, 'aanbieder@dialoogtafel.example');
    await provider.goto(`${base}/onderwerpen`);
    await waitUntilLoaded(provider);
    // A provider sees no log and cannot decide or reorder.
    expect(await provider.getByRole('navigation', { name: 'In dit traject' }).getByRole('link', { name: 'Logboek' }).count()).toBe(0);
    expect(await provider.getByRole('button', { name: /^Hoger/ }).count()).toBe(0);

    await provider.getByLabel('Onderwerp', { exact: true }).fill('Vervoer naar de zorg');
    await provider.getByLabel('Toelichting (niet verplicht)').fill('Wie betaalt het vervoer naar de behandeling?');
    await provider.getByRole('button', { name: 'Voorstel indienen' }).click();
    await provider.getByRole('status').filter({ hasText: 'Uw voorstel "Vervoer naar de zorg" is ingediend' }).waitFor();
    await expectNoAxeViolations(provider);

    // The team's page shows the proposal without reloading.
    const proposal = topic(team, 'Vervoer naar de zorg');
    await proposal.waitFor({ timeout: 10_000 });
    expect(await proposal.innerText()).toContain('Voorgesteld');
    expect(await proposal.innerText()).toContain('Voorgesteld door Fatima El Amrani');

    // Decline: a dialog asks for a reason; Escape closes it and gives focus back.
    const decline = proposal.getByRole('button', { name: 'Afwijzen' });
    await decline.click();
    const dialog = team.getByRole('dialog', { name: 'Onderwerp afwijzen' });
    await dialog.waitFor();
    expect(await team.evaluate(() => document.activeElement?.id)).toBe('decline-reason');
    await expectNoAxeViolations(team);
    await team.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await team.evaluate(() => document.activeElement?.textContent)).toBe('Afwijzen');

    await team.keyboard.press('Enter');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Afwijzen' }).click();
    expect(await dialog.innerText()).toContain('Schrijf op waarom.');
    await dialog.getByLabel('Reden').fill('Dit hoort bij het onderwerp Bekostiging en budgetplafond.');
    await dialog.getByRole('button', { name: 'Afwijzen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await proposal.getByText('Afgewezen').waitFor();

    // The provider sees the decision and the reason, live.
    const own = topic(provider, 'Vervoer naar de zorg');
    await own.getByText('Niet op de agenda: Dit hoort bij het onderwerp Bekostiging en budgetplafond.').waitFor({ timeout: 10_000 });
    expect(await own.innerText()).toContain('Afgewezen');
  }, 90_000);

  it('reorders topics with the keyboard and keeps the order', async () => {
    const { page } = await openFreshPage(browser);
    await signIn(page, server.url, 'inkoop@dialoogtafel.example');
    const base = await openTrajectory(page, server.url, 'IJmond');
    await page.goto(`${base}/onderwerpen`);
    await waitUntilLoaded(page);
    const titles = () => page.getByTestId('topic').getByRole('heading', { level: 3 }).allInnerTexts();
    const before = await titles();
    const second = before[1]!;

    await page.getByRole('button', { name: `Hoger: ${second}` }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((title) => document.querySelector('[data-testid="topic"] h3')?.textContent === title, second);
    // Focus stays with the topic that moved (its "Hoger" is gone at the top, so on its "Lager").
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Lager: ${second}`);
    expect(await page.getByTestId('topics-announcement').innerText()).toBe(`${second} staat nu op plaats 1 van ${before.length}.`);

    await page.reload();
    await waitUntilLoaded(page);
    const after = await titles();
    expect(after.slice(0, 2)).toEqual([second, before[0]]);
  }, 90_000);

  it('shows the log in words and checks the chain', async () => {
    const { page } = await openFreshPage(browser);
    await signIn(page, server.url, 'observer@dialoogtafel.example');
    const base = await openTrajectory(page, server.url, 'IJmond');
    await page.getByRole('navigation', { name: 'In dit traject' }).getByRole('link', { name: 'Logboek' }).click();
    await page.waitForURL(`${base}/logboek`);
    await waitUntilLoaded(page);
    await expectHeading1(page, 'Logboek');
    const table = page.getByTestId('audit-table');
    expect(await table.innerText()).toContain('Traject aangemaakt');
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Controleer de keten' }).click();
    const result = page.getByTestId('verify-result');
    await result.getByText(/De keten is intact: \d+ gebeurtenissen\./).waitFor();
    await expectNoAxeViolations(page);
  }, 90_000);

  it('changes a member\'s role and removes a member after confirmation', async () => {
    const { page } = await openFreshPage(browser);
    await signIn(page, server.url, 'inkoop@dialoogtafel.example');
    const base = await openTrajectory(page, server.url, 'Midden-IJssel');
    await page.goto(`${base}/deelnemers`);
    await expectHeading1(page, 'Deelnemers');

    await page.locator('summary[aria-label="Rol wijzigen of verwijderen: Hanneke Prins"]').click();
    await page.getByLabel('Rol van Hanneke Prins').selectOption('observer');
    await page.getByRole('button', { name: 'Rol wijzigen: Hanneke Prins' }).click();
    const observers = page.getByRole('region', { name: /Toehoorders/ });
    await observers.getByText('Hanneke Prins', { exact: true }).waitFor();
    expect(await page.getByTestId('members-announcement').innerText()).toBe('Hanneke Prins heeft nu de rol Toehoorder.');
    await expectNoAxeViolations(page);

    await page.locator('summary[aria-label="Rol wijzigen of verwijderen: Hanneke Prins"]').click();
    await page.getByRole('button', { name: 'Verwijderen: Hanneke Prins' }).click();
    const dialog = page.getByRole('dialog', { name: 'Deelnemer verwijderen' });
    await dialog.waitFor();
    // The safe choice has focus first.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Annuleren');
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForFunction(() => !document.querySelector('[data-testid="member-groups"]')?.textContent?.includes('Hanneke Prins'));
    expect(await page.getByTestId('members-announcement').innerText()).toBe('Hanneke Prins is verwijderd.');
  }, 90_000);

  it('lets someone with an account sign in first, then accept an invitation', async () => {
    const team = (await openFreshPage(browser)).page;
    await signIn(team, server.url, 'inkoop@dialoogtafel.example');
    const base = await openTrajectory(team, server.url, 'Midden-IJssel');
    await team.goto(`${base}/deelnemers`);
    await waitUntilLoaded(team);
    await team.getByLabel('E-mailadres').fill('client@dialoogtafel.example');
    await team.getByLabel('Rol', { exact: true }).selectOption('client');
    await team.getByLabel('Kies de organisatie').selectOption({ label: 'Adviesraad Sociaal Domein Haarlem (Cliëntvertegenwoordiging)' });
    await team.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await team.getByRole('status').filter({ hasText: 'De uitnodiging is verstuurd naar client@dialoogtafel.example' }).waitFor();

    const admin = (await openFreshPage(browser)).page;
    await signIn(admin, server.url, 'admin@dialoogtafel.example');
    await admin.goto(`${server.url}/beheer/postvak`);
    const mail = admin.getByTestId('outbox-message').filter({ hasText: 'client@dialoogtafel.example' }).first();
    const href = await mail.getByRole('link', { name: /\/uitnodiging\// }).getAttribute('href');
    const invitationPath = new URL(href!, server.url).pathname;

    // Signed in as someone else: the page says so and offers to sign out.
    await admin.goto(`${server.url}${invitationPath}`);
    await admin.getByRole('heading', { name: 'U bent met een ander account ingelogd' }).waitFor();
    await expectNoAxeViolations(admin);

    const client = (await openFreshPage(browser, `${server.url}${invitationPath}`)).page;
    await client.getByRole('heading', { name: 'Eerst inloggen' }).waitFor();
    await expectNoAxeViolations(client);
    await client.getByRole('link', { name: 'Inloggen en daarna aannemen' }).click();
    await client.waitForURL(/\/inloggen\?terug=%2Fuitnodiging%2F/);
    await client.getByLabel('E-mailadres').fill('client@dialoogtafel.example');
    await client.getByLabel('Wachtwoord', { exact: true }).fill('dialoog-demo');
    await client.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await client.waitForURL(`${server.url}${invitationPath}`);
    await client.getByText('U bent ingelogd als client@dialoogtafel.example.').waitFor();
    await client.getByRole('button', { name: 'Uitnodiging aannemen' }).click();
    await client.waitForURL(`${base}`);
    await client.getByRole('heading', { level: 1, name: /Midden-IJssel/ }).waitFor();
    expect(await heading1(client)).toContain('Midden-IJssel');

    await client.goto(`${server.url}/trajecten`);
    await waitUntilLoaded(client);
    expect(await client.getByTestId('trajectory-list').getByRole('listitem').count()).toBe(2);
  }, 90_000);
});
