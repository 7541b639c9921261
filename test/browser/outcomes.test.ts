import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { todayInAmsterdam } from '../../shared/domain/calendar';
import { demoEmails, demoTrajectoryIds, signIn as apiSignIn } from '../helpers/api-client';
import { expectHeading1, expectNoAxeViolations, launchBrowser, openFreshPage, signIn, waitUntilLoaded } from '../helpers/browser';
import type { OpenedPage } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

const topicTitle = 'Bekostiging en budgetplafond';
const agreementText = 'De gemeenten en de aanbieders spreken een signaleringsgrens af bij 80% van de verwachte omzet.';

/** Presses a key with focus on the element: the form must work without a mouse. */
async function press(page: Page, selector: Parameters<Page['getByLabel']>[0], key: string, exact = true): Promise<void> {
  await page.getByLabel(selector, { exact }).focus();
  await page.keyboard.press(key);
}

function problems(pages: OpenedPage[]): string[] {
  return pages.flatMap((p) => p.console).filter((m) => m.startsWith('pageerror') || m.startsWith('error: Warning'));
}

describe('the topic page: from input to agreement', () => {
  let server: RunningServer;
  let browser: Browser;
  let ijmond: string;
  let ruud: { userId: string; name: string };

  // Started here rather than with withDemoServerAndBrowser: on a busy machine the server may need more than the default 30 s.
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ env: { DEMO: '1' }, timeoutMs: 120_000 }), launchBrowser()]);
    ({ ijmond } = await demoTrajectoryIds(await apiSignIn(server, demoEmails.admin)));
    const members = (await (await apiSignIn(server, demoEmails.procurement)).get(`/trajectories/${ijmond}/members`)).body as Array<{ userId: string; name: string; role: string }>;
    ruud = members.find((m) => m.name === 'Ruud Kramer')!;
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 90_000);

  it('the procurement team records a difference of opinion with a follow-up action; a provider sees it appear live', async () => {
    const team = await openFreshPage(browser);
    const provider = await openFreshPage(browser);
    const { page } = team;
    await signIn(page, server.url, demoEmails.procurement);
    await signIn(provider.page, server.url, demoEmails.provider);

    // From the topic list to the topic, through its link.
    await page.goto(`${server.url}/trajecten/${ijmond}/onderwerpen`);
    await waitUntilLoaded(page);
    await page.getByRole('link', { name: `Bekijk wat er over dit onderwerp is gezegd en afgesproken: ${topicTitle}` }).click();
    await expectHeading1(page, topicTitle);
    await waitUntilLoaded(page);
    const topicUrl = page.url();
    expect(topicUrl).toMatch(new RegExp(`/trajecten/${ijmond}/onderwerpen/[a-f0-9]{24}$`));

    // The chain in its order, with the demo's difference of opinion on this topic.
    const sections = await page.locator('h2').allInnerTexts();
    const order = ['Inbreng', 'Wijzigingsvoorstellen', 'Stemmingen met uitslag per groep', 'Afspraken', 'Gewijzigde artikelen', 'Afspraak vastleggen'];
    expect(sections.filter((s) => order.includes(s))).toEqual(order);
    await expect(page.getByTestId('outcome').filter({ hasText: 'Verschil van mening' }).count()).resolves.toBe(1);
    await expectNoAxeViolations(page);

    // The provider follows the same topic on another computer: no form for her.
    await provider.page.goto(topicUrl);
    await expectHeading1(provider.page, topicTitle);
    await waitUntilLoaded(provider.page);
    expect(await provider.page.getByTestId('outcome-form').count()).toBe(0);
    const before = await provider.page.getByTestId('outcome').count();
    await expectNoAxeViolations(provider.page);

    // Filled in with the keyboard.
    await page.getByLabel('Afspraak', { exact: true }).focus();
    await page.keyboard.type(agreementText);
    await press(page, 'Financieel', 'Space');
    await press(page, 'Lange termijn', 'Space');
    await press(page, 'Verschil van mening', 'Space');
    // Saving without the positions: the summary takes focus and names the missing fields.
    await page.getByRole('button', { name: 'Afspraak opslaan' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.classList.contains('dt-error-summary'));
    expect(await page.locator('.dt-error-summary').innerText()).toContain('Wie (kant 1)');

    await page.getByLabel('Wie (kant 1)').fill('Gemeenten');
    await page.getByLabel('Standpunt (kant 1)').fill('Een grens per aanbieder houdt de uitgaven binnen het budget.');
    await page.getByLabel('Wie (kant 2)').fill('Zorgaanbieders');
    await page.getByLabel('Standpunt (kant 2)').fill('Een harde grens leidt tot een cliëntenstop aan het eind van het jaar.');

    await page.getByRole('button', { name: 'Vervolgactie toevoegen' }).focus();
    await page.keyboard.press('Enter');
    // Focus moves into the new action's first field.
    await page.waitForFunction(() => document.activeElement?.id === 'outcome-action-0-description');
    await page.keyboard.type('Doorrekening van de signaleringsgrens delen');
    await page.getByLabel('Wie', { exact: true }).selectOption(ruud.userId);
    const due = new Date(Date.parse(`${todayInAmsterdam()}T12:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Uiterlijk').fill(due);
    await page.getByRole('group', { name: 'Artikelen die door deze afspraak veranderen' }).getByLabel(/Tarieven en budgetplafond/).check();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Afspraak opslaan' }).focus();
    await page.keyboard.press('Enter');
    const card = page.getByTestId('outcome').filter({ hasText: agreementText });
    await card.waitFor();
    await page.getByTestId('outcome-announcement').filter({ hasText: /Afspraak A\d+ is opgeslagen\./ }).waitFor();
    expect(await card.innerText()).toContain('Ruud Kramer');

    // Live on the provider's page, without a reload.
    const seen = provider.page.getByTestId('outcome').filter({ hasText: agreementText });
    await seen.waitFor({ timeout: 15_000 });
    expect(await provider.page.getByTestId('outcome').count()).toBe(before + 1);
    const text = await seen.innerText();
    expect(text).toContain('Verschil van mening');
    expect(text).toContain('Zorgaanbieders');
    expect(text).toContain('Doorrekening van de signaleringsgrens delen');
    expect(text).toContain('Financieel');
    expect(text).toContain('Lange termijn');
    await expectNoAxeViolations(provider.page);
    expect(problems([team, provider])).toEqual([]);
  }, 180_000);
});
