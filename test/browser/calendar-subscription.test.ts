import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { connectDatabase, demoEmails, demoTrajectoryIds, signIn as signInApi } from '../helpers/api-client';
import { expectHeading1, expectNoAxeViolations, openFreshPage, signIn, waitUntilLoaded, withDemoServerAndBrowser } from '../helpers/browser';
import type { RunningServer } from '../helpers/server';

const declaration = { outcomeKind: 'advice', decidedBy: 'Het college van B&W' };

describe('calendars that follow, and what is new since the previous visit', () => {
  let server: RunningServer;
  let browser: Browser;

  withDemoServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('lets the procurement team cancel a session with a reason; it shows as "Geannuleerd"', async () => {
    const inkoop = await signInApi(server, demoEmails.procurement);
    const ijmond = (await demoTrajectoryIds(await signInApi(server, demoEmails.admin))).ijmond;
    const title = 'Sessie die niet doorgaat';
    const planned = await inkoop.post(`/trajectories/${ijmond}/sessions`, { title, startsAt: '2027-05-11T08:00:00.000Z', declaration });
    expect(planned.status, planned.text).toBe(201);

    const { page } = await openFreshPage(browser);
    await signIn(page, server.url, demoEmails.procurement);
    await page.goto(`${server.url}/trajecten/${ijmond}/sessies`);
    await expectHeading1(page, 'Sessies');
    await waitUntilLoaded(page);
    const card = page.getByTestId('session').filter({ has: page.getByRole('heading', { name: title }) });
    await card.getByRole('button', { name: 'Sessie annuleren' }).click();
    const dialog = page.getByRole('dialog');
    // No reason: refused, said in Dutch.
    await dialog.getByRole('button', { name: 'Annulering bevestigen' }).click();
    await dialog.getByText('Reden').first().waitFor();
    await dialog.getByLabel('Reden').fill('Te weinig aanmeldingen; een nieuwe datum volgt.');
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Annulering bevestigen' }).click();
    await card.locator('[data-status="cancelled"]').waitFor();
    expect(await card.locator('[data-status="cancelled"]').innerText()).toBe('Geannuleerd');
    expect(await card.getByTestId('session-cancellation').innerText()).toContain('Te weinig aanmeldingen');
    await expect(card.getByRole('button', { name: 'Sessie annuleren' }).count()).resolves.toBe(0);
    await expectNoAxeViolations(page);

    // The live table says so instead of seating anyone.
    await page.goto(`${server.url}/sessies/${planned.body.id}`);
    await page.getByTestId('live-cancelled').waitFor();
    expect(await page.getByTestId('live-cancelled').innerText()).toContain('geannuleerd');
    await page.context().close();
  });

  it('gives a person a secret calendar address to copy, which serves their sessions without a cookie', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await context.newPage();
    await signIn(page, server.url, demoEmails.municipality);
    await page.goto(`${server.url}/mijn-gegevens`);
    await expectHeading1(page, 'Mijn gegevens');
    const section = page.getByTestId('calendar-subscription');
    await section.getByText('U heeft nog geen agenda-abonnement.').waitFor();
    await section.getByRole('button', { name: 'Abonnementsadres maken' }).click();
    const webcal = section.getByLabel('Adres voor Outlook en Apple Agenda (webcal)');
    await webcal.waitFor();
    const address = await webcal.inputValue();
    expect(address).toMatch(/^webcal:\/\/.+\/api\/calendar\/[a-f0-9]{24}[A-Za-z0-9_-]{43}\.ics$/);
    await section.getByRole('button', { name: 'Kopiëren' }).first().click();
    await page.getByTestId('calendar-subscription-status').getByText('Het adres is gekopieerd.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(address);
    await expectNoAxeViolations(page);

    const https = await section.getByLabel('Adres voor Google Agenda (https)').inputValue();
    const feed = await fetch(https);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VEVENT');

    // Stopped: the address no longer works.
    await section.getByRole('button', { name: 'Abonnement stoppen' }).click();
    await section.getByText('U heeft nog geen agenda-abonnement.').waitFor();
    expect((await fetch(https)).status).toBe(404);
    await context.close();
  });

  it('marks a topic another person added since the previous visit as "Nieuw", and not the ones that were there', async () => {
    const ijmond = (await demoTrajectoryIds(await signInApi(server, demoEmails.admin))).ijmond;
    const { page } = await openFreshPage(browser);
    await signIn(page, server.url, demoEmails.municipality);
    const topicsUrl = `${server.url}/trajecten/${ijmond}/onderwerpen`;
    await page.goto(topicsUrl);
    await waitUntilLoaded(page);
    await page.getByTestId('topic').first().waitFor();
    // The first visit marks nothing.
    expect(await page.getByTestId('new-marker').count()).toBe(0);

    // The person's previous visit ended a moment ago (as if they had been away): set it as the server would have.
    const me = (await (await signInApi(server, demoEmails.municipality)).get('/me')).body.user.id as string;
    const db = await connectDatabase(server);
    try {
      await db.collection('visit_marks').updateOne({ _id: `${me}:${ijmond}` as never }, { $set: { previousVisitAt: new Date(), lastSeenAt: new Date() } });
    } finally {
      await db.close();
    }
    const title = 'Vervoer van jongeren naar de dagbesteding';
    const added = await (await signInApi(server, demoEmails.procurement)).post(`/trajectories/${ijmond}/topics`, { title });
    expect(added.status, added.text).toBe(201);

    await page.reload();
    const fresh = page.getByTestId('topic').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
    await fresh.getByTestId('new-marker').waitFor();
    expect(await fresh.getByTestId('new-marker').innerText()).toContain('Nieuw');
    expect(await page.getByTestId('new-marker').count()).toBe(1);
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
