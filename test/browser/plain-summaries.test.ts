import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { demoEmails, demoTrajectoryIds, signIn as apiSignIn } from '../helpers/api-client';
import { expectHeading1, expectNoAxeViolations, launchBrowser, openFreshPage, signIn, waitUntilLoaded } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

const topicSummary = 'We praten over hoe kinderen hun hulp houden, ook als een zorgaanbieder stopt.';
const clauseSummary = 'Dit artikel zegt wat er gebeurt als een zorgaanbieder stopt met de zorg.';

/** Records what the page asks the browser to say, instead of saying it. */
async function recordSpeech(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const spoken: string[] = [];
    (window as unknown as { spoken: string[] }).spoken = spoken;
    window.speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
      spoken.push(`${utterance.lang}|${utterance.text}`);
    };
  });
}

/** What sticks out sideways at this width (nothing, when the page fits). */
const overflowing = (page: Page) =>
  page.evaluate(() =>
    document.documentElement.scrollWidth <= window.innerWidth
      ? []
      : [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
          .slice(0, 5)
          .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${Math.round(el.getBoundingClientRect().right)}px`),
  );

/** Whether the summary comes before the heading with this text (the text's own section). */
const summaryBefore = (page: Page, heading: string) =>
  page.evaluate((text) => {
    const summary = document.querySelector('[data-testid="plain-summary"]');
    const target = [...document.querySelectorAll('h2')].find((h) => h.textContent === text);
    if (!summary || !target) throw new Error(`summary or heading "${text}" missing`);
    return Boolean(summary.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING);
  }, heading);

/** Writes the summary through the form on the page, with the keyboard. */
async function writeSummary(page: Page, text: string): Promise<void> {
  const section = page.getByTestId('plain-summary');
  await section.locator('summary').focus();
  await page.keyboard.press('Enter');
  await page.getByLabel('Samenvatting in gewone taal (B1)').focus();
  await page.keyboard.type(text);
  await page.getByRole('button', { name: 'Samenvatting opslaan' }).focus();
  await page.keyboard.press('Enter');
  await section.getByTestId('plain-summary-text').getByText(text).waitFor();
}

describe('summaries in plain language (B1)', () => {
  let server: RunningServer;
  let browser: Browser;
  let ijmond: string;
  let topic: { id: string; title: string };
  let clause: { id: string; number: number; title: string };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ env: { DEMO: '1' }, timeoutMs: 120_000 }), launchBrowser()]);
    ({ ijmond } = await demoTrajectoryIds(await apiSignIn(server, demoEmails.admin)));
    const team = await apiSignIn(server, demoEmails.procurement);
    topic = ((await team.get(`/trajectories/${ijmond}/topics`)).body as Array<{ id: string; title: string; status: string }>).find((x) => x.status !== 'proposed' && x.status !== 'declined')!;
    const agreement = (await team.get(`/trajectories/${ijmond}/agreement`)).body as { chapters: Array<{ clauses: Array<{ id: string; number: number; title: string }> }> };
    clause = agreement.chapters.flatMap((c) => c.clauses)[0]!;
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 90_000);

  it('the procurement team writes a summary for a topic and a clause; a client representative sees it first and has it read aloud', async () => {
    const team = await openFreshPage(browser);
    await signIn(team.page, server.url, demoEmails.procurement);

    await team.page.goto(`${server.url}/trajecten/${ijmond}/onderwerpen/${topic.id}`);
    await expectHeading1(team.page, topic.title);
    await waitUntilLoaded(team.page);
    await writeSummary(team.page, topicSummary);
    await team.page.getByTestId('outcome-announcement').getByText('De samenvatting in gewone taal is opgeslagen.').waitFor();
    await expectNoAxeViolations(team.page);

    await team.page.goto(`${server.url}/trajecten/${ijmond}/overeenkomst/artikelen/${clause.id}`);
    await team.page.getByTestId('clause-page').waitFor();
    await waitUntilLoaded(team.page);
    await writeSummary(team.page, clauseSummary);
    await team.page.getByTestId('clause-announcement').getByText('De samenvatting in gewone taal is opgeslagen.').waitFor();
    // For the team the summary follows the text.
    expect(await summaryBefore(team.page, 'Tekst')).toBe(false);
    await expectNoAxeViolations(team.page);

    // A client representative on a phone: the summary first, above the text, and no form.
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const client = await context.newPage();
    const errors: string[] = [];
    client.on('pageerror', (error) => errors.push(error.message));
    await recordSpeech(client);
    await signIn(client, server.url, demoEmails.client);

    await client.goto(`${server.url}/trajecten/${ijmond}/onderwerpen/${topic.id}`);
    await expectHeading1(client, topic.title);
    await waitUntilLoaded(client);
    await client.getByTestId('plain-summary').getByText(topicSummary).waitFor();
    expect(await summaryBefore(client, 'Inbreng')).toBe(true);
    expect(await client.getByTestId('plain-summary-form').count()).toBe(0);
    expect(await client.getByText('Samenvatting in gewone taal schrijven').count()).toBe(0);
    await client.getByRole('button', { name: 'Voorlezen' }).click();
    await client.getByRole('button', { name: 'Stoppen met voorlezen' }).waitFor();
    expect(await client.evaluate(() => (window as unknown as { spoken: string[] }).spoken)).toEqual([`nl-NL|${topicSummary}`]);
    expect(await overflowing(client)).toEqual([]);
    await expectNoAxeViolations(client);

    await client.goto(`${server.url}/trajecten/${ijmond}/overeenkomst/artikelen/${clause.id}`);
    await client.getByTestId('clause-page').waitFor();
    await waitUntilLoaded(client);
    await client.getByTestId('plain-summary').getByText(clauseSummary).waitFor();
    expect(await summaryBefore(client, 'Tekst')).toBe(true);
    expect(await client.getByTestId('plain-summary-form').count()).toBe(0);
    expect(await overflowing(client)).toEqual([]);
    await expectNoAxeViolations(client);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  it('without speech in the browser there is no "Voorlezen" button; the summary is still there', async () => {
    const { page } = await openFreshPage(browser);
    await page.addInitScript(() => {
      delete (window as unknown as { speechSynthesis?: unknown }).speechSynthesis;
    });
    await signIn(page, server.url, demoEmails.client);
    await page.goto(`${server.url}/trajecten/${ijmond}/onderwerpen/${topic.id}`);
    await expectHeading1(page, topic.title);
    await waitUntilLoaded(page);
    await page.getByTestId('plain-summary').getByText(topicSummary).waitFor();
    expect(await page.getByRole('button', { name: 'Voorlezen' }).count()).toBe(0);
  }, 120_000);
});
