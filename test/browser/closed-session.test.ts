import { describe, it, expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectHeading1, expectNoAxeViolations, openFreshPage, signIn, waitUntilLoaded, withDemoServerAndBrowser } from '../helpers/browser';
import type { RunningServer } from '../helpers/server';

const title = 'Besloten tafel: ervaringen van jongeren';
const place = 'Jongerenkamer, Stadhuis Haarlem';

/** From the list of trajectories to the IJmond trajectory's sessions, through the sub-navigation. */
async function openSessions(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/trajecten`);
  await page.getByTestId('trajectory-list').getByRole('link', { name: /IJmond/ }).click();
  await page.waitForURL(/\/trajecten\/[a-f0-9]{24}$/);
  await waitUntilLoaded(page);
  await page.getByRole('navigation', { name: 'In dit traject' }).getByRole('link', { name: 'Sessies' }).click();
  await page.waitForURL(/\/trajecten\/[a-f0-9]{24}\/sessies$/);
  await expectHeading1(page, 'Sessies');
  await waitUntilLoaded(page);
}

describe('a closed session (besloten sessie)', () => {
  let server: RunningServer;
  let browser: Browser;

  withDemoServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('the team plans a session for client representatives only, by keyboard at 360 px; an uninvited provider sees "Besloten sessie" and cannot join', async () => {
    const team = await openFreshPage(browser);
    await team.page.setViewportSize({ width: 360, height: 740 });
    await signIn(team.page, server.url, 'inkoop@dialoogtafel.example');
    await openSessions(team.page, server.url);
    await team.page.getByRole('button', { name: 'Sessie plannen' }).click();
    const form = team.page.getByRole('form', { name: 'Sessie plannen' });
    await form.waitFor();
    await form.getByLabel('Titel').fill(title);
    await form.getByLabel('Datum', { exact: true }).fill('2027-05-11');
    await form.getByLabel('Plaats (niet verplicht)').fill(place);
    // The whole trajectory is the default; choosing a closed session offers the groups, by keyboard.
    expect(await form.getByLabel(/^Het hele traject/).isChecked()).toBe(true);
    await form.getByLabel(/^Alleen gekozen groepen/).focus();
    await team.page.keyboard.press('Space');
    const groups = form.getByRole('group', { name: 'Welke groepen zijn uitgenodigd?' });
    await groups.waitFor();
    // Nobody invited: refused with the form's own words.
    await form.getByRole('button', { name: 'Sessie plannen' }).click();
    await form.getByText('Kies minstens één groep die mag aanschuiven.').first().waitFor();
    await groups.getByLabel('Cliëntvertegenwoordiger').focus();
    await team.page.keyboard.press('Space');
    await expectNoAxeViolations(team.page);
    await form.getByRole('button', { name: 'Sessie plannen' }).click();
    const card = team.page.getByTestId('session').filter({ hasText: title });
    await card.waitFor();
    expect(await card.getByTestId('session-audience').innerText()).toContain('Cliëntvertegenwoordiger');
    // The new parts fit the phone: the card with its audience line. (The page as a whole measured 366 px
    // wide at 360 in this run — something outside these parts; left for the lead, see the report.)
    const box = (await card.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    const sessionPath = await card.getByRole('heading', { name: title }).getByRole('link').getAttribute('href');
    expect(sessionPath).toMatch(/^\/sessies\/[a-f0-9]{24}$/);

    const provider = await openFreshPage(browser);
    await provider.page.setViewportSize({ width: 360, height: 740 });
    await signIn(provider.page, server.url, 'aanbieder@dialoogtafel.example');
    await openSessions(provider.page, server.url);
    const hidden = provider.page.locator('[data-testid="session"][data-hidden="true"]');
    await hidden.first().waitFor();
    expect(await hidden.first().getByRole('heading').innerText()).toBe('Besloten sessie');
    const text = await provider.page.locator('main').innerText();
    expect(text).not.toContain(title);
    expect(text).not.toContain(place);
    await expectNoAxeViolations(provider.page);

    await provider.page.goto(`${server.url}${sessionPath}`);
    await expectHeading1(provider.page, 'Sessie niet beschikbaar');
    expect(await provider.page.locator('main').innerText()).not.toContain(title);
    await expectNoAxeViolations(provider.page);
  });
});
