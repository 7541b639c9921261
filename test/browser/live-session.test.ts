import { describe, it, expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectHeading1, expectNoAxeViolations, openFreshPage, signIn, waitUntilLoaded, withDemoServerAndBrowser } from '../helpers/browser';
import type { RunningServer } from '../helpers/server';

const todaysSession = 'Dialoogsessie 2: bekostiging, acceptatieplicht en innovatie';
const declarationLine = 'Uitkomst: advies — besluit door de colleges van B&W van de zeven gemeenten';
const question = 'Bij een wachtlijst van meer dan acht weken verwijst de aanbieder door naar een andere aanbieder. Akkoord?';
const shots = process.env.SCREENSHOTS_DIR;

/** Saves a full-page screenshot when SCREENSHOTS_DIR is set (to look at the screens; not an assertion). */
async function shot(page: Page, name: string): Promise<void> {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

/** From the list of trajectories to the IJmond trajectory's sessions, through the sub-navigation, as a person would. */
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

/** The turnout of one stakeholder group in a poll, as written in its row: "1 van 3 (33%)". */
async function turnout(poll: ReturnType<Page['getByTestId']>, groupTestId: string): Promise<string> {
  return poll.getByTestId(groupTestId).locator('td').innerText();
}

describe('the live table with two people at it', () => {
  let server: RunningServer;
  let browser: Browser;

  withDemoServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('runs today’s session: presence, the speaking queue and a consent poll, live for both, with the declaration beside the result', async () => {
    // --- The facilitator finds today's session on the trajectory's sessions page.
    const facilitatorTab = await openFreshPage(browser);
    const f = facilitatorTab.page;
    await signIn(f, server.url, 'facilitator@dialoogtafel.example');
    await openSessions(f, server.url);
    const card = f.getByTestId('upcoming-sessions').getByTestId('session').filter({ hasText: todaysSession });
    await card.waitFor();
    expect(await card.getByTestId('session-declaration').innerText()).toBe(declarationLine);
    expect(await card.innerText()).toMatch(/Wanneer\s+\w+dag \d{1,2} \w+ \d{4}, 13:00–16:00/);
    expect(await card.getByRole('link', { name: `Zet “${todaysSession}” in mijn agenda (.ics)` }).getAttribute('href')).toMatch(
      /^\/api\/sessions\/[a-f0-9]{24}\/calendar\.ics$/,
    );
    expect(await f.getByTestId('sessions-feed').getAttribute('href')).toMatch(/^\/api\/trajectories\/[a-f0-9]{24}\/sessions\.ics$/);
    // The facilitator runs sessions but does not plan them.
    expect(await f.getByRole('button', { name: 'Sessie plannen' }).count()).toBe(0);
    await expectNoAxeViolations(f);
    await shot(f, 'sessions-facilitator');

    await card.getByRole('link', { name: 'Naar de sessie' }).click();
    await f.waitForURL(/\/sessies\/[a-f0-9]{24}$/);
    const sessionUrl = f.url();
    await f.getByTestId('live-table').waitFor();
    await expectHeading1(f, todaysSession);
    // On entry: what the outcome means and who decides.
    const declaration = await f.getByTestId('declaration').innerText();
    expect(declaration).toContain(declarationLine);
    expect(declaration).toContain('Stemmen is adviserend; het besluit ligt bij de colleges van B&W van de zeven gemeenten.');
    expect(await f.getByTestId('current-topic').innerText()).toContain('De sessie is nog niet begonnen');

    // --- The facilitator starts the session: the first topic is on, marked in the agenda.
    await f.getByRole('button', { name: 'Sessie beginnen' }).click();
    await f.getByTestId('current-topic-title').waitFor();
    const firstTopic = await f.getByTestId('current-topic-title').innerText();
    expect(firstTopic.length).toBeGreaterThan(0);
    expect(await f.getByTestId('live-agenda').locator('[aria-current="step"]').innerText()).toContain(firstTopic);
    expect(await f.getByTestId('timer').innerText()).toContain('45:00');
    expect(await f.getByTestId('live-announcement').innerText()).toContain('De sessie is begonnen.');

    // --- The provider comes to the table (signed in like a person, then the link to the session).
    const providerTab = await openFreshPage(browser);
    const p = providerTab.page;
    await signIn(p, server.url, 'aanbieder@dialoogtafel.example');
    await p.goto(sessionUrl);
    await p.getByTestId('live-table').waitFor();
    expect(await p.getByTestId('declaration').innerText()).toContain(declarationLine);
    expect(await p.getByTestId('current-topic-title').innerText()).toBe(firstTopic);
    // A provider gets no chair's controls.
    expect(await p.getByTestId('facilitator-controls').count()).toBe(0);

    // The facilitator sees the provider arrive, in their group and organisation.
    const providers = f.getByTestId('presence-provider');
    await providers.waitFor({ timeout: 10_000 });
    expect(await providers.getByRole('heading').innerText()).toBe('Zorgaanbieders (1)');
    expect(await providers.innerText()).toContain('Fatima El Amrani');
    expect(await f.getByTestId('presence').innerText()).toContain('2 personen aanwezig');

    // --- The speaking queue: the provider raises a hand, the facilitator gives the floor.
    await p.getByRole('button', { name: 'Hand opsteken' }).click();
    await p.getByText('U staat op de sprekerslijst (plaats 1).').waitFor();
    const entry = f.getByTestId('queue-entry').filter({ hasText: 'Fatima El Amrani' });
    await entry.waitFor({ timeout: 10_000 });
    expect(await entry.innerText()).toContain('Zorgaanbieders');
    await expectNoAxeViolations(p);
    await entry.getByRole('button', { name: 'Geef het woord aan Fatima El Amrani' }).click();
    await f.getByTestId('floor').getByText('Het woord is aan Fatima El Amrani').waitFor();
    await p.getByTestId('floor').getByText('U heeft het woord.').waitFor({ timeout: 10_000 });
    expect(await f.getByTestId('queue-entry').count()).toBe(0);
    await expectNoAxeViolations(f);
    await shot(f, 'live-facilitator-floor');

    // --- The facilitator opens a consent poll.
    await f.getByRole('button', { name: 'Peiling openen' }).click();
    const dialog = f.getByRole('dialog', { name: 'Peiling openen' });
    await dialog.waitFor();
    expect(await f.evaluate(() => document.activeElement?.id)).toBe('poll-question');
    expect(await dialog.getByLabel(/^Consentvoorstel/).isChecked()).toBe(true);
    await expectNoAxeViolations(f);
    await dialog.getByLabel('Vraag of voorstel').fill(question);
    await dialog.getByRole('button', { name: 'Peiling openen' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const fPoll = f.getByTestId('open-polls').getByTestId('poll').filter({ hasText: question });
    await fPoll.waitFor();
    expect(await fPoll.getByTestId('poll-status').innerText()).toBe('Open');
    // The facilitator is impartial: follows the poll, does not vote.
    expect(await fPoll.getByTestId('ballot-form').count()).toBe(0);
    expect(await fPoll.innerText()).toContain('U volgt deze peiling; u stemt niet mee.');
    const before = await turnout(fPoll, 'turnout-provider');
    const eligible = /^0 van (\d+) \(0%\)$/.exec(before)?.[1];
    expect(eligible, `turnout before voting: ${before}`).toBeDefined();
    // The declaration stands beside the (interim) result too.
    expect(await fPoll.getByTestId('result-declaration').innerText()).toContain(declarationLine);

    // --- The provider sees the poll appear without reloading, and votes "Akkoord".
    const pPoll = p.getByTestId('open-polls').getByTestId('poll').filter({ hasText: question });
    await pPoll.waitFor({ timeout: 10_000 });
    expect(await pPoll.innerText()).toContain('U heeft nog niet gestemd.');
    await expectNoAxeViolations(p);
    await shot(p, 'live-provider-ballot');
    // A block needs a reason: the form says so and sends nothing.
    await pPoll.getByLabel(/^Blokkade/).check();
    await pPoll.getByRole('button', { name: 'Stem uitbrengen' }).click();
    await pPoll.getByText('Schrijf op waarom u blokkeert.').first().waitFor();
    expect(await pPoll.getByTestId('my-ballot').count()).toBe(0);
    await pPoll.getByLabel(/^Akkoord/).check();
    await pPoll.getByRole('button', { name: 'Stem uitbrengen' }).click();
    await pPoll.getByTestId('my-ballot').getByText('Uw stem: Akkoord').waitFor();
    expect(await pPoll.getByRole('button', { name: 'Stem wijzigen' }).count()).toBe(1);

    // --- The facilitator sees the tally change without reloading: turnout per group and the count.
    await f.waitForFunction(
      (expected) => document.querySelector('[data-testid="turnout-provider"] td')?.textContent === expected,
      `1 van ${eligible} (${Math.round(100 / Number(eligible))}%)`,
      { timeout: 10_000 },
    );
    const agreeRow = fPoll.getByTestId('result-row').filter({ hasText: 'Akkoord' });
    expect(await agreeRow.locator('td').first().innerText()).toBe('1 stem');
    expect(await fPoll.getByTestId('result-status').innerText()).toBe('Tussenstand: kan nog veranderen tot de peiling sluit.');
    expect(await fPoll.getByTestId('poll-outcome').innerText()).toContain('Consent: niemand blokkeert.');
    await expectNoAxeViolations(f);
    await shot(f, 'live-facilitator-tally');

    // The provider's own ballot comes back after a reload (the state is on the server).
    await p.reload();
    await p.getByTestId('live-table').waitFor();
    await pPoll.getByTestId('my-ballot').getByText('Uw stem: Akkoord').waitFor();
    expect(await pPoll.getByLabel(/^Akkoord/).isChecked()).toBe(true);

    // --- The facilitator closes the poll; both see the stored result, final, with the declaration.
    await fPoll.getByRole('button', { name: 'Peiling sluiten' }).click();
    for (const page of [f, p]) {
      const closed = page.getByTestId('closed-polls').getByTestId('poll').filter({ hasText: question });
      await closed.waitFor({ timeout: 10_000 });
      expect(await closed.getByTestId('poll-status').innerText()).toBe('Gesloten · Definitief');
      expect(await closed.getByTestId('result-status').innerText()).toMatch(
        /^Definitieve uitslag, vastgesteld om \d{2}:\d{2}\. Deze uitslag verandert niet meer\.$/,
      );
      expect(await closed.getByTestId('result-declaration').innerText()).toContain(declarationLine);
      expect(await closed.getByTestId('result-declaration').innerText()).toContain('Stemmen is adviserend');
      expect(await closed.getByTestId('turnout-provider').locator('td').innerText()).toMatch(/^1 van \d+/);
      expect(await closed.getByTestId('result-row').filter({ hasText: 'Akkoord' }).locator('td').first().innerText()).toBe('1 stem');
      // Named poll: who voted what is there to read.
      expect(await closed.innerText()).toContain('Wie stemde wat (1)');
      expect(await closed.getByTestId('ballot-form').count()).toBe(0);
      expect(await page.getByTestId('open-polls').getByTestId('poll').count()).toBe(0);
      await expectNoAxeViolations(page);
    }
    expect(await p.getByTestId('live-announcement').innerText()).toContain('is gesloten. De uitslag staat vast.');
    await shot(f, 'live-facilitator-closed');
    await shot(p, 'live-provider-closed');

    const problems = [...facilitatorTab.console, ...providerTab.console].filter((m) => m.startsWith('pageerror') || m.startsWith('error: Warning'));
    expect(problems).toEqual([]);
  }, 120_000);

  it('shows the past session’s stored results per group, each beside the declaration', async () => {
    const { page } = await openFreshPage(browser);
    await signIn(page, server.url, 'client@dialoogtafel.example');
    await openSessions(page, server.url);
    const past = page.getByTestId('past-sessions').getByTestId('session').first();
    expect(await past.innerText()).toContain('Afgelopen');
    await past.getByRole('link', { name: 'Uitslagen bekijken' }).click();
    await page.getByTestId('live-table').waitFor();
    const results = page.getByTestId('closed-polls').getByTestId('poll');
    await results.first().waitFor();
    expect(await results.count()).toBe(2);
    for (const poll of await results.all()) {
      expect(await poll.getByTestId('result-status').innerText()).toMatch(/^Definitieve uitslag/);
      expect(await poll.getByTestId('result-declaration').innerText()).toContain(declarationLine);
      expect(await poll.getByTestId('turnout').innerText()).toContain('Gemeenten');
    }
    // The anonymous poll shows no names.
    const anonymous = results.filter({ hasText: 'Anoniem' });
    expect(await anonymous.innerText()).not.toContain('Wie stemde wat');
    expect(await page.getByTestId('facilitator-controls').count()).toBe(0);
    await expectNoAxeViolations(page);
    await shot(page, 'live-past-results');
  }, 90_000);
});
