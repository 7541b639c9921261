import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoEmails } from '../helpers/api-client';
import { expectHeading1, expectNoAxeViolations, openFreshPage, signIn, waitUntilLoaded, withDemoServerAndBrowser } from '../helpers/browser';
import type { RunningServer } from '../helpers/server';

const shots = process.env.SCREENSHOTS_DIR;
const clientName = 'Joke de Ruiter';
const clauseTitle = 'Artikel 6 — Tarieven en budgetplafond';
const todaysSession = 'Dialoogsessie 2: bekostiging, acceptatieplicht en innovatie';
const choiceLabel = 'Toon mij aan anderen als ‘een cliëntvertegenwoordiger’, zonder naam';

/** Saves a full-page screenshot when SCREENSHOTS_DIR is set (to look at the screens; not an assertion). */
async function shot(page: Page, name: string): Promise<void> {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

/** From the list of trajectories to the IJmond trajectory's overview, as a person would. */
async function openOverview(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/trajecten`);
  await page.getByTestId('trajectory-list').getByRole('link', { name: /IJmond/ }).click();
  await page.waitForURL(/\/trajecten\/[a-f0-9]{24}$/);
  await waitUntilLoaded(page);
}

/** Ticks or unticks the choice on the trajectory's overview and saves it, as a person would. */
async function chooseAnonymity(page: Page, baseUrl: string, anonymous: boolean): Promise<void> {
  await openOverview(page, baseUrl);
  const section = page.getByTestId('presence-anonymity');
  const box = section.getByRole('checkbox', { name: choiceLabel });
  await box.waitFor();
  await box.setChecked(anonymous);
  await section.getByRole('button', { name: 'Opslaan' }).click();
  await section
    .getByTestId('presence-anonymity-status')
    .getByText(anonymous ? 'Opgeslagen. Anderen zien u nu als ‘een cliëntvertegenwoordiger’.' : 'Opgeslagen. Anderen zien nu weer uw naam.')
    .waitFor();
}

/** Waits until the clause's text has arrived from the server (the save state leaves "Verbinden…"). */
async function waitForText(page: Page): Promise<void> {
  await page.getByTestId('clause-text').waitFor();
  await page.waitForFunction(() => {
    const state = document.querySelector('[data-testid="save-status"]')?.getAttribute('data-state');
    return state === 'saved' || state === 'saving';
  });
}

describe('a client representative chooses how others see them', () => {
  let server: RunningServer;
  let browser: Browser;

  withDemoServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('ticks “een cliëntvertegenwoordiger” on the overview; the procurement team then sees no name in “Nu in dit artikel”, until it is unticked', async () => {
    // --- The client representative opens the trajectory and finds the choice, off by default.
    const rep = await openFreshPage(browser);
    const c = rep.page;
    await signIn(c, server.url, demoEmails.client);
    // The sign-in page asks who is signed in first (a 401 before signing in); count only what follows.
    rep.console.length = 0;
    await openOverview(c, server.url);
    const overviewUrl = c.url();
    const section = c.getByTestId('presence-anonymity');
    await section.getByRole('heading', { level: 2, name: 'Hoe anderen u zien' }).waitFor();
    expect(await section.innerText()).toContain('Het inkoopteam weet nog steeds dat u meedoet aan dit traject.');
    const box = section.getByRole('checkbox', { name: choiceLabel });
    expect(await box.isChecked()).toBe(false);
    await expectNoAxeViolations(c);

    // By keyboard: space ticks the box, Tab reaches "Opslaan", Enter saves.
    await box.focus();
    await c.keyboard.press('Space');
    expect(await box.isChecked()).toBe(true);
    await c.keyboard.press('Tab');
    expect(await c.evaluate(() => document.activeElement?.textContent)).toBe('Opslaan');
    await c.keyboard.press('Enter');
    const status = section.getByTestId('presence-anonymity-status');
    await status.getByText('Opgeslagen. Anderen zien u nu als ‘een cliëntvertegenwoordiger’.').waitFor();
    await expectNoAxeViolations(c);

    // At 360 px the section still works without sideways scrolling.
    await c.setViewportSize({ width: 360, height: 800 });
    await box.scrollIntoViewIfNeeded();
    expect(await c.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await shot(c, 'presence-anonymity-360');
    await c.setViewportSize({ width: 1280, height: 900 });

    // The choice is stored: after a reload the box is still ticked.
    await c.reload();
    await waitUntilLoaded(c);
    await section.getByRole('heading', { level: 2, name: 'Hoe anderen u zien' }).waitFor();
    expect(await box.isChecked()).toBe(true);

    // --- The procurement team has a clause open; the client representative opens it too.
    const team = await openFreshPage(browser);
    const p = team.page;
    await signIn(p, server.url, demoEmails.procurement);
    team.console.length = 0;
    const asked = p.waitForResponse((response) => response.url().endsWith('/me/anonymity'));
    await openOverview(p, server.url);
    // Only client representatives are offered the choice.
    expect(await (await asked).json()).toEqual({ anonymous: false, canChoose: false });
    await p.getByRole('heading', { level: 2, name: 'Planning' }).waitFor();
    expect(await p.getByTestId('presence-anonymity').count()).toBe(0);
    await p.getByRole('navigation', { name: 'In dit traject' }).getByRole('link', { name: 'Overeenkomst' }).click();
    await expectHeading1(p, 'Overeenkomst');
    await waitUntilLoaded(p);
    await p.getByRole('link', { name: clauseTitle }).first().click();
    await p.waitForURL(/\/overeenkomst\/artikelen\/[a-f0-9]{24}$/);
    const clauseUrl = p.url();
    await expectHeading1(p, clauseTitle);
    await waitForText(p);

    await c.goto(clauseUrl);
    await expectHeading1(c, clauseTitle);
    await waitForText(c);

    const peopleHere = p.getByTestId('people-here');
    const anonymous = p.getByTestId('person-here').filter({ hasText: 'een cliëntvertegenwoordiger' });
    await anonymous.waitFor();
    // The group, in its colour, and nothing else: no name, no organisation.
    expect(await anonymous.getAttribute('data-group')).toBe('client');
    expect((await anonymous.innerText()).trim()).toBe('een cliëntvertegenwoordiger');
    expect(await peopleHere.innerText()).toContain('2 personen');
    expect(await peopleHere.innerText()).not.toContain(clientName);
    await expectNoAxeViolations(p);

    // --- The client representative unticks the box and opens the clause again: shown by name.
    await c.goto(overviewUrl);
    await waitUntilLoaded(c);
    await section.getByRole('heading', { level: 2, name: 'Hoe anderen u zien' }).waitFor();
    expect(await box.isChecked()).toBe(true);
    await box.uncheck();
    await section.getByRole('button', { name: 'Opslaan' }).click();
    await status.getByText('Opgeslagen. Anderen zien nu weer uw naam.').waitFor();
    // Leaving the clause took the anonymous presence away.
    await anonymous.waitFor({ state: 'detached' });

    await c.goto(clauseUrl);
    await expectHeading1(c, clauseTitle);
    await waitForText(c);
    const named = p.getByTestId('person-here').filter({ hasText: clientName });
    await named.waitFor();
    expect(await named.innerText()).toContain(`${clientName}, Cliëntvertegenwoordiger`);
    expect(await p.getByTestId('person-here').filter({ hasText: 'een cliëntvertegenwoordiger' }).count()).toBe(0);

    for (const opened of [rep, team]) expect(opened.console.filter((m) => /^(pageerror|error)/.test(m))).toEqual([]);
  }, 180_000);

  it('at the live table the others see “een cliëntvertegenwoordiger”, without name or organisation', async () => {
    const rep = await openFreshPage(browser);
    const c = rep.page;
    await signIn(c, server.url, demoEmails.client);
    rep.console.length = 0;
    await chooseAnonymity(c, server.url, true);

    // The procurement team goes to today's session through the sessions page.
    const team = await openFreshPage(browser);
    const p = team.page;
    await signIn(p, server.url, demoEmails.procurement);
    team.console.length = 0;
    await openOverview(p, server.url);
    await p.getByRole('navigation', { name: 'In dit traject' }).getByRole('link', { name: 'Sessies' }).click();
    await expectHeading1(p, 'Sessies');
    await waitUntilLoaded(p);
    const card = p.getByTestId('upcoming-sessions').getByTestId('session').filter({ hasText: todaysSession });
    await card.getByRole('link', { name: 'Naar de sessie' }).click();
    await p.waitForURL(/\/sessies\/[a-f0-9]{24}$/);
    await p.getByTestId('live-table').waitFor();
    const sessionUrl = p.url();

    await c.goto(sessionUrl);
    await c.getByTestId('live-table').waitFor();
    const clients = p.getByTestId('presence-client');
    await clients.waitFor();
    expect(await clients.getByRole('heading').innerText()).toMatch(/\(1\)$/);
    expect((await clients.getByRole('listitem').innerText()).trim()).toBe('een cliëntvertegenwoordiger');
    expect(await p.getByTestId('presence').innerText()).toContain('2 personen aanwezig');
    expect(await p.getByTestId('presence').innerText()).not.toContain(clientName);
    await expectNoAxeViolations(p);

    for (const opened of [rep, team]) expect(opened.console.filter((m) => /^(pageerror|error)/.test(m))).toEqual([]);
  }, 180_000);
});
