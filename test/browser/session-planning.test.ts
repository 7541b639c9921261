import { describe, it, expect } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { expectHeading1, expectNoAxeViolations, openFreshPage, signIn, waitUntilLoaded, withDemoServerAndBrowser } from '../helpers/browser';
import type { OpenedPage } from '../helpers/browser';
import type { RunningServer } from '../helpers/server';

const shots = process.env.SCREENSHOTS_DIR;

const newTitle = 'Dialoogsessie 3: wachtlijsten, keuzevrijheid en onderaannemers';
const place = 'Raadhuis Heemskerk, Maerten van Heemskerckplein 1';
const decidedBy = 'het algemeen bestuur van de regio';
// A date in summer time: Amsterdam is then two hours ahead of UTC.
const date = '2027-04-13';
const todaysSession = 'Dialoogsessie 2: bekostiging, acceptatieplicht en innovatie';

/** Saves a full-page screenshot when SCREENSHOTS_DIR is set (to look at the screens; not an assertion). */
async function shot(page: Page, name: string): Promise<void> {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

/**
 * A page in a fresh browser context whose clock runs in another time zone than Amsterdam: a
 * planner abroad (or a laptop set to UTC) must still plan and see sessions in Dutch time.
 */
async function openPageIn(browser: Browser, timezoneId: string): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId, locale: 'nl-NL' });
  const page = await context.newPage();
  const messages: string[] = [];
  page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
  return { page, console: messages };
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

/** The id of the focused element, or its tag and text when it has none. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return '';
    return el.id || `${el.tagName.toLowerCase()}:${el.textContent?.trim().slice(0, 80) ?? ''}`;
  });
}

/** The items of a card's agenda, in order, as read. */
async function agendaOf(card: Locator): Promise<string[]> {
  const agenda = card.locator('details.dt-session__agenda');
  if (!(await agenda.evaluate((el) => (el as HTMLDetailsElement).open))) await agenda.locator('summary').click();
  return agenda.getByRole('listitem').allInnerTexts();
}

/** Problems a person would not see but a page should never have: uncaught errors and React warnings. */
function problems(...pages: OpenedPage[]): string[] {
  return pages.flatMap((p) => p.console).filter((m) => m.startsWith('pageerror') || m.startsWith('error: Warning'));
}

describe('planning a session: the form, the ranking of its topics and the votes at the table', () => {
  let server: RunningServer;
  let browser: Browser;
  /** The session planned in the first test, on which the second one ranks the topics. */
  let plannedUrl: string | undefined;

  withDemoServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('lets the procurement team plan a session: errors in Dutch with focus on them, then the card in Dutch time with its declaration', async () => {
    // The planner's own clock is in New York: what they type and see is still Amsterdam's time.
    const planner = await openPageIn(browser, 'America/New_York');
    const page = planner.page;
    await signIn(page, server.url, 'inkoop@dialoogtafel.example');
    await openSessions(page, server.url);
    const before = await page.getByTestId('upcoming-sessions').getByTestId('session').count();

    await page.getByRole('button', { name: 'Sessie plannen' }).click();
    const form = page.getByRole('form', { name: 'Sessie plannen' });
    await form.waitFor();
    // Focus lands in the form, on its heading.
    expect(await focused(page)).toBe('new-session-heading');
    // The defaults: an afternoon, advice, the colleges decide.
    expect(await form.getByLabel('Begintijd').inputValue()).toBe('13:00');
    expect(await form.getByLabel(/^Advies/).isChecked()).toBe(true);
    expect(await form.getByLabel('Wie besluit uiteindelijk?').inputValue()).toBe('de colleges van B&W');
    await expectNoAxeViolations(page);

    // --- The planner fills in most of it, but forgets the date and empties the minutes of a topic.
    await form.getByLabel('Titel').fill(newTitle);
    await form.getByLabel('Begintijd').fill('14:00');
    await form.getByLabel('Eindtijd (niet verplicht)').fill('16:30');
    await form.getByLabel('Plaats (niet verplicht)').fill(place);
    for (const topic of ['Wachtlijstproblematiek', 'Keuzevrijheid', 'Onderaannemers']) {
      await form.getByLabel('Onderwerp kiezen').selectOption({ label: topic });
      await form.getByRole('button', { name: 'Op de agenda zetten' }).click();
      // Focus moves to the minutes of the topic just added, 30 to start with.
      await page.waitForFunction(() => document.activeElement?.id.endsWith('-minutes'));
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('30');
    }
    const rows = form.locator('.dt-agenda-row legend');
    expect(await rows.allInnerTexts()).toEqual([
      'Onderwerp 1: Wachtlijstproblematiek',
      'Onderwerp 2: Keuzevrijheid',
      'Onderwerp 3: Onderaannemers',
    ]);
    // A topic on the agenda is no longer offered.
    expect(await form.getByLabel('Onderwerp kiezen').locator('option', { hasText: 'Keuzevrijheid' }).count()).toBe(0);
    const waitlistMinutes = form.getByRole('group', { name: 'Onderwerp 1: Wachtlijstproblematiek' }).getByLabel('Minuten');
    await waitlistMinutes.fill('');
    await form.getByLabel(/^Voorstel/).check();
    await form.getByLabel('Wie besluit uiteindelijk?').fill(decidedBy);
    await form.getByRole('button', { name: 'Sessie plannen' }).click();

    // The error summary says what is wrong, in Dutch, and takes the focus.
    const summary = form.locator('.dt-error-summary');
    await summary.waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('dt-error-summary'))).toBe(true);
    const summaryText = await summary.innerText();
    expect(summaryText).toContain('Er is een probleem');
    expect(summaryText).toContain('Datum: Vul een datum in.');
    expect(summaryText).toContain('Wachtlijstproblematiek: Vul een aantal minuten in van 1 tot 480.');
    // Each field says it too, and is marked invalid.
    const dateField = form.getByLabel('Datum');
    expect(await dateField.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#new-session-date-error').innerText()).toContain('Vul een datum in.');
    expect(await waitlistMinutes.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page);
    await shot(page, 'planning-form-errors');
    // The link in the summary takes the planner to the field.
    await summary.getByRole('link', { name: 'Datum: Vul een datum in.' }).click();
    expect(await focused(page)).toBe('new-session-date');
    // Nothing was planned.
    expect(await page.getByTestId('upcoming-sessions').getByTestId('session').count()).toBe(before);

    // --- The date is filled in, but now the start time is gone: the message is at the start time.
    await dateField.fill(date);
    await form.getByLabel('Begintijd').fill('');
    await form.getByRole('button', { name: 'Sessie plannen' }).click();
    await page.waitForFunction(() => document.activeElement?.classList.contains('dt-error-summary'));
    expect(await summary.innerText()).toContain('Begintijd: Vul een tijd in, zoals 13:30.');
    expect(await summary.innerText()).not.toContain('Datum:');
    expect(await form.getByLabel('Begintijd').getAttribute('aria-invalid')).toBe('true');
    expect(await dateField.getAttribute('aria-invalid')).not.toBe('true');
    await summary.getByRole('link', { name: 'Begintijd: Vul een tijd in, zoals 13:30.' }).click();
    expect(await focused(page)).toBe('new-session-start');
    await form.getByLabel('Begintijd').fill('14:00');
    expect(await form.getByLabel('Begintijd').inputValue()).toBe('14:00');

    // --- The planner corrects the rest, reorders with the keyboard and plans the session.
    await waitlistMinutes.fill('45');
    await form.getByRole('group', { name: 'Onderwerp 2: Keuzevrijheid' }).getByLabel('Minuten').fill('30');
    // "Onderaannemers" one place up, by keyboard: focus stays on the moved topic's button.
    await form.getByRole('button', { name: 'Hoger: Onderaannemers' }).focus();
    await page.keyboard.press('Enter');
    expect(await rows.allInnerTexts()).toEqual([
      'Onderwerp 1: Wachtlijstproblematiek',
      'Onderwerp 2: Onderaannemers',
      'Onderwerp 3: Keuzevrijheid',
    ]);
    expect(await focused(page)).toMatch(/^new-session-[a-f0-9]{24}-up$/);
    // …and back down again, so the agenda is as first chosen.
    await form.getByRole('button', { name: 'Lager: Onderaannemers' }).focus();
    await page.keyboard.press('Enter');
    expect(await rows.allInnerTexts()).toEqual([
      'Onderwerp 1: Wachtlijstproblematiek',
      'Onderwerp 2: Keuzevrijheid',
      'Onderwerp 3: Onderaannemers',
    ]);
    // At the bottom there is no "Lager": focus goes to its "Hoger".
    expect(await focused(page)).toMatch(/^new-session-[a-f0-9]{24}-up$/);
    await form.getByRole('button', { name: 'Sessie plannen' }).click();

    // --- The new session's card: Amsterdam time, whatever the planner's clock, and the declaration.
    const card = page.getByTestId('upcoming-sessions').getByTestId('session').filter({ hasText: newTitle });
    await card.waitFor();
    await form.waitFor({ state: 'hidden' });
    expect(await page.getByTestId('upcoming-sessions').getByTestId('session').count()).toBe(before + 1);
    expect(await page.getByTestId('sessions-announcement').innerText()).toBe(`De sessie “${newTitle}” is gepland.`);
    expect(await focused(page)).toMatch(/^session-[a-f0-9]{24}-title$/);
    const cardText = await card.innerText();
    expect(cardText).toMatch(/Wanneer\s+dinsdag 13 april 2027, 14:00–16:30/);
    expect(cardText).toMatch(new RegExp(`Waar\\s+${place}`));
    expect(cardText).toContain('Gepland');
    expect(await card.getByTestId('session-declaration').innerText()).toBe(`Uitkomst: voorstel — besluit door ${decidedBy}`);
    expect(await agendaOf(card)).toEqual(['Wachtlijstproblematiek (45 minuten)', 'Keuzevrijheid (30 minuten)', 'Onderaannemers (30 minuten)']);
    // The instant stored is 14:00 in Amsterdam (summer time, UTC+2), not 14:00 in New York.
    const stored = await page.evaluate(async (title) => {
      const trajectoryId = /\/trajecten\/([a-f0-9]{24})\//.exec(location.pathname)![1];
      const sessions = (await (await fetch(`/api/trajectories/${trajectoryId}/sessions`)).json()) as Array<{ title: string; startsAt: string; endsAt: string }>;
      const session = sessions.find((s) => s.title === title)!;
      return { startsAt: session.startsAt, endsAt: session.endsAt };
    }, newTitle);
    expect(stored).toEqual({ startsAt: '2027-04-13T12:00:00.000Z', endsAt: '2027-04-13T14:30:00.000Z' });
    await expectNoAxeViolations(page);
    await shot(page, 'planning-new-card');

    // The planner changes it later: the form opens with what was saved, in Amsterdam time.
    await card.getByRole('button', { name: `Sessie “${newTitle}” wijzigen` }).click();
    const edit = page.getByRole('form', { name: 'Sessie wijzigen' });
    await edit.waitFor();
    expect(await edit.getByLabel('Datum').inputValue()).toBe(date);
    expect(await edit.getByLabel('Begintijd').inputValue()).toBe('14:00');
    expect(await edit.getByLabel('Eindtijd (niet verplicht)').inputValue()).toBe('16:30');
    expect(await edit.getByLabel(/^Voorstel/).isChecked()).toBe(true);
    await edit.getByRole('button', { name: 'Annuleren' }).click();
    await edit.waitFor({ state: 'hidden' });

    plannedUrl = await card.getByRole('link', { name: 'Naar de sessie' }).evaluate((a) => (a as HTMLAnchorElement).href);
    expect(plannedUrl).toMatch(/\/sessies\/[a-f0-9]{24}$/);
    expect(problems(planner)).toEqual([]);
  }, 120_000);

  it('ranks the agenda before the session: the table ranks by keyboard, the procurement team adopts the proposed order', async () => {
    expect(plannedUrl, 'the session planned in the first test').toBeDefined();
    const team = await openFreshPage(browser);
    const f = team.page;
    await signIn(f, server.url, 'inkoop@dialoogtafel.example');
    await openSessions(f, server.url);
    const card = f.getByTestId('upcoming-sessions').getByTestId('session').filter({ hasText: newTitle });
    await card.waitFor();
    // No proposal before anyone ranked.
    expect(await card.getByTestId('agenda-proposal').count()).toBe(0);

    // --- The procurement team opens the ranking of the topics from the card.
    await card.getByRole('button', { name: 'Onderwerpen rangschikken' }).click();
    const opened = card.getByText('De rangschikking is geopend.', { exact: false });
    await opened.waitFor();
    expect(await f.getByTestId('sessions-announcement').innerText()).toContain('De rangschikking is geopend.');
    expect(await card.getByRole('button', { name: 'Onderwerpen rangschikken' }).count()).toBe(0);
    await expectNoAxeViolations(f);
    await shot(f, 'ranking-opened');

    // --- A provider comes to the session's page and ranks the topics, by keyboard only.
    const providerTab = await openFreshPage(browser);
    const p = providerTab.page;
    await signIn(p, server.url, 'aanbieder@dialoogtafel.example');
    await openSessions(p, server.url);
    const providerCard = p.getByTestId('upcoming-sessions').getByTestId('session').filter({ hasText: newTitle });
    // Providers plan nothing and open no polls.
    expect(await providerCard.getByRole('button', { name: 'Onderwerpen rangschikken' }).count()).toBe(0);
    await providerCard.getByRole('link', { name: 'Naar de sessie' }).click();
    await p.waitForURL(plannedUrl!);
    await p.getByTestId('live-table').waitFor();
    await expectHeading1(p, newTitle);
    expect(await p.getByTestId('declaration').innerText()).toContain(`Uitkomst: voorstel — besluit door ${decidedBy}`);
    const poll = p.getByTestId('open-polls').getByTestId('poll').filter({ hasText: `In welke volgorde bespreken we de onderwerpen van “${newTitle}”?` });
    await poll.waitFor();
    expect(await poll.innerText()).toContain('Rangschikken');
    const ranked = poll.locator('.dt-rank__label');
    // Each topic shows its place.
    expect(await ranked.allInnerTexts()).toEqual(['1. Wachtlijstproblematiek', '2. Keuzevrijheid', '3. Onderaannemers']);

    // "Onderaannemers" to the top: two presses on its "Hoger".
    await poll.getByRole('button', { name: 'Hoger: Onderaannemers' }).focus();
    await p.keyboard.press('Enter');
    expect(await p.getByTestId('live-announcement').innerText()).toBe('Onderaannemers staat nu op plaats 2.');
    await p.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Hoger: Onderaannemers');
    await p.keyboard.press('Space');
    expect(await ranked.allInnerTexts()).toEqual(['1. Onderaannemers', '2. Wachtlijstproblematiek', '3. Keuzevrijheid']);
    // At the top there is no "Hoger": focus moves to the same topic's "Lager".
    await p.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Lager: Onderaannemers');
    // Then "Wachtlijstproblematiek" one down, reached with Tab.
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Hoger: Wachtlijstproblematiek');
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Lager: Wachtlijstproblematiek');
    await p.keyboard.press('Enter');
    expect(await ranked.allInnerTexts()).toEqual(['1. Onderaannemers', '2. Keuzevrijheid', '3. Wachtlijstproblematiek']);
    await p.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Hoger: Wachtlijstproblematiek');
    // On to the button, still by keyboard, and vote.
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe('Stem uitbrengen');
    await p.keyboard.press('Enter');
    await poll.getByTestId('my-ballot').getByText('Uw stem: 1. Onderaannemers, 2. Keuzevrijheid, 3. Wachtlijstproblematiek').waitFor();
    await expectNoAxeViolations(p);
    await shot(p, 'ranking-provider-voted');

    // --- The procurement team follows the link to the ranking, sees the ballot and closes it.
    await card.getByRole('link', { name: 'Naar de rangschikking' }).click();
    await f.waitForURL(plannedUrl!);
    await f.getByTestId('live-table').waitFor();
    const fPoll = f.getByTestId('open-polls').getByTestId('poll').filter({ hasText: 'In welke volgorde' });
    await fPoll.waitFor();
    await f.waitForFunction(() => document.querySelector('[data-testid="turnout-provider"] td')?.textContent?.startsWith('1 van '), undefined, {
      timeout: 10_000,
    });
    await fPoll.getByRole('button', { name: 'Peiling sluiten' }).click();
    const closed = f.getByTestId('closed-polls').getByTestId('poll').filter({ hasText: 'In welke volgorde' });
    await closed.waitFor({ timeout: 10_000 });
    expect(await closed.getByTestId('poll-outcome').innerText()).toContain('Meeste steun: Onderaannemers.');
    await expectNoAxeViolations(f);

    // --- Back on the sessions page: the proposal on the card, with its Borda points.
    await f.getByRole('link', { name: 'Sessies', exact: true }).first().click();
    await expectHeading1(f, 'Sessies');
    await waitUntilLoaded(f);
    const proposal = card.getByTestId('agenda-proposal');
    await proposal.waitFor({ timeout: 10_000 });
    expect(await proposal.getByRole('heading').innerText()).toBe('Voorgestelde volgorde');
    expect(await proposal.innerText()).toContain('Uit de rangschikking (1 stem).');
    expect(await proposal.getByRole('listitem').allInnerTexts()).toEqual([
      'Onderaannemers (2 punten)',
      'Keuzevrijheid (1 punt)',
      'Wachtlijstproblematiek (0 punten)',
    ]);
    // Nothing changes by itself: the agenda is as planned until the team adopts the proposal.
    expect(await agendaOf(card)).toEqual(['Wachtlijstproblematiek (45 minuten)', 'Keuzevrijheid (30 minuten)', 'Onderaannemers (30 minuten)']);
    await expectNoAxeViolations(f);
    await shot(f, 'ranking-proposal');

    await proposal.getByRole('button', { name: 'Volgorde overnemen' }).click();
    await proposal.getByText('De agenda heeft deze volgorde al.').waitFor();
    // The order follows the ranking; each topic keeps its minutes.
    expect(await agendaOf(card)).toEqual(['Onderaannemers (30 minuten)', 'Keuzevrijheid (30 minuten)', 'Wachtlijstproblematiek (45 minuten)']);
    expect(await f.getByTestId('sessions-announcement').innerText()).toBe('De agenda volgt nu de voorgestelde volgorde.');
    expect(await proposal.getByRole('button', { name: 'Volgorde overnemen' }).count()).toBe(0);
    await expectNoAxeViolations(f);

    // It is stored: after a reload, and for the provider, the agenda has the new order.
    await f.reload();
    await waitUntilLoaded(f);
    expect(await agendaOf(card)).toEqual(['Onderaannemers (30 minuten)', 'Keuzevrijheid (30 minuten)', 'Wachtlijstproblematiek (45 minuten)']);
    await p.reload();
    await p.getByTestId('live-table').waitFor();
    expect(await p.getByTestId('live-agenda').getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringContaining('Onderaannemers'),
      expect.stringContaining('Keuzevrijheid'),
      expect.stringContaining('Wachtlijstproblematiek'),
    ]);
    expect(problems(team, providerTab)).toEqual([]);
  }, 120_000);

  it('runs a multiple-choice poll with a maximum and a dot-voting poll at today’s table: too many get a Dutch error and send nothing', async () => {
    const chair = await openFreshPage(browser);
    const f = chair.page;
    await signIn(f, server.url, 'facilitator@dialoogtafel.example');
    await openSessions(f, server.url);
    await f.getByTestId('upcoming-sessions').getByTestId('session').filter({ hasText: todaysSession }).getByRole('link', { name: 'Naar de sessie' }).click();
    await f.getByTestId('live-table').waitFor();
    const sessionUrl = f.url();
    await f.getByRole('button', { name: 'Sessie beginnen' }).click();
    await f.getByTestId('current-topic-title').waitFor();

    // --- The facilitator opens a multiple-choice poll: three answers, at most two.
    const question = 'Welke afspraken over wachttijden nemen we op in de overeenkomst? (hoogstens twee)';
    const answers = ['Maximale wachttijd van zes weken', 'Overbruggingszorg tijdens het wachten', 'Maandelijkse wachtlijstrapportage'];
    await f.getByRole('button', { name: 'Peiling openen' }).click();
    const dialog = f.getByRole('dialog', { name: 'Peiling openen' });
    await dialog.waitFor();
    await dialog.getByLabel(/^Meer keuzes/).check();
    await dialog.getByLabel('Vraag of voorstel').fill(question);
    await dialog.getByLabel('Antwoord 1', { exact: true }).fill(answers[0]!);
    await dialog.getByLabel('Antwoord 2', { exact: true }).fill(answers[1]!);
    await dialog.getByRole('button', { name: 'Antwoord toevoegen' }).click();
    // The new answer field takes the focus.
    await f.waitForFunction(() => document.activeElement?.id === 'poll-option-2');
    await f.keyboard.type(answers[2]!);
    // A maximum above the number of answers is refused in the dialog.
    await dialog.getByLabel('Hoeveel antwoorden mag iemand hoogstens kiezen?').fill('4');
    await dialog.getByRole('button', { name: 'Peiling openen' }).click();
    await dialog.getByText('Vul een aantal in van 1 tot het aantal antwoorden.').first().waitFor();
    expect(await f.getByTestId('open-polls').getByTestId('poll').count()).toBe(0);
    await expectNoAxeViolations(f);
    await dialog.getByLabel('Hoeveel antwoorden mag iemand hoogstens kiezen?').fill('2');
    await dialog.getByRole('button', { name: 'Peiling openen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const fPoll = f.getByTestId('open-polls').getByTestId('poll').filter({ hasText: question });
    await fPoll.waitFor();
    expect(await fPoll.innerText()).toContain('Meer keuzes');

    // --- A provider votes: three ticks are one too many.
    const voter = await openFreshPage(browser);
    const p = voter.page;
    await signIn(p, server.url, 'aanbieder@dialoogtafel.example');
    await p.goto(sessionUrl);
    await p.getByTestId('live-table').waitFor();
    const pPoll = p.getByTestId('open-polls').getByTestId('poll').filter({ hasText: question });
    await pPoll.waitFor({ timeout: 10_000 });
    expect(await pPoll.getByRole('group', { name: 'Uw keuze' }).innerText()).toContain('Kies er hoogstens 2.');
    for (const answer of answers) await pPoll.getByLabel(answer).check();
    await pPoll.getByRole('button', { name: 'Stem uitbrengen' }).click();
    const summary = pPoll.locator('.dt-error-summary');
    await summary.waitFor();
    expect(await p.evaluate(() => document.activeElement?.classList.contains('dt-error-summary'))).toBe(true);
    expect(await summary.innerText()).toContain('Uw keuze: U koos 3 antwoorden. Kies er hoogstens 2.');
    expect(await pPoll.locator('[id$="-choice-error"]').innerText()).toBe('U koos 3 antwoorden. Kies er hoogstens 2.');
    expect(await pPoll.getByRole('group', { name: 'Uw keuze' }).getAttribute('aria-describedby')).toMatch(/-choice-error/);
    // Nothing was sent: no ballot of the provider's, and the chair still sees nobody voted.
    expect(await pPoll.getByTestId('my-ballot').count()).toBe(0);
    expect(await pPoll.innerText()).toContain('U heeft nog niet gestemd.');
    expect(await fPoll.getByTestId('turnout-provider').locator('td').innerText()).toMatch(/^0 van \d+ \(0%\)$/);
    await expectNoAxeViolations(p);
    await shot(p, 'multiple-choice-too-many');

    // The link in the summary goes to the choices; one tick off, and the vote counts.
    await summary.getByRole('link', { name: 'Uw keuze: U koos 3 antwoorden. Kies er hoogstens 2.' }).click();
    expect(await focused(p)).toMatch(/^poll-[a-f0-9]{24}-choice-0$/);
    await pPoll.getByLabel(answers[1]!).uncheck();
    await pPoll.getByRole('button', { name: 'Stem uitbrengen' }).click();
    await pPoll.getByTestId('my-ballot').getByText(`Uw stem: ${answers[0]}, ${answers[2]}`).waitFor();
    expect(await pPoll.locator('.dt-error-summary').count()).toBe(0);
    await expectNoAxeViolations(p);

    // --- The chair sees the count per answer change, live.
    await f.waitForFunction(() => document.querySelector('[data-testid="turnout-provider"] td')?.textContent?.startsWith('1 van '), undefined, {
      timeout: 10_000,
    });
    const count = (answer: string) => fPoll.getByTestId('result-row').filter({ hasText: answer }).locator('td').first().innerText();
    expect(await count(answers[0]!)).toBe('1 stem');
    expect(await count(answers[1]!)).toBe('0 stemmen');
    expect(await count(answers[2]!)).toBe('1 stem');
    expect(await fPoll.getByTestId('poll-outcome').innerText()).toContain(`Gelijke stand: ${answers[0]}, ${answers[2]}.`);
    await expectNoAxeViolations(f);
    await shot(f, 'multiple-choice-tally');

    // --- Then a dot-voting poll: five points over two answers; more than five is refused.
    const dotQuestion = 'Waar besteden we de innovatieruimte in het eerste contractjaar aan?';
    const dotAnswers = ['Zorg in de wijk', 'Digitale ondersteuning'];
    await f.getByRole('button', { name: 'Peiling openen' }).click();
    await dialog.waitFor();
    await dialog.getByLabel(/^Punten verdelen/).check();
    await dialog.getByLabel('Vraag of voorstel').fill(dotQuestion);
    await dialog.getByLabel('Antwoord 1', { exact: true }).fill(dotAnswers[0]!);
    await dialog.getByLabel('Antwoord 2', { exact: true }).fill(dotAnswers[1]!);
    await dialog.getByLabel('Hoeveel punten verdeelt iedereen?').fill('5');
    await dialog.getByRole('button', { name: 'Peiling openen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const fDots = f.getByTestId('open-polls').getByTestId('poll').filter({ hasText: dotQuestion });
    await fDots.waitFor();

    const pDots = p.getByTestId('open-polls').getByTestId('poll').filter({ hasText: dotQuestion });
    await pDots.waitFor({ timeout: 10_000 });
    expect(await pDots.innerText()).toContain('Verdeel 5 punten over de antwoorden.');
    await pDots.getByLabel(`Punten voor ${dotAnswers[0]}`).fill('4');
    await pDots.getByLabel(`Punten voor ${dotAnswers[1]}`).fill('3');
    expect(await pDots.locator('.dt-dots__left').innerText()).toBe('2 punten te veel: u heeft er 5 te verdelen.');
    await pDots.getByRole('button', { name: 'Stem uitbrengen' }).click();
    const dotSummary = pDots.locator('.dt-error-summary');
    await dotSummary.waitFor();
    expect(await p.evaluate(() => document.activeElement?.classList.contains('dt-error-summary'))).toBe(true);
    expect(await dotSummary.innerText()).toContain('Uw keuze: U gaf 7 punten, maar u heeft er 5 te verdelen.');
    // The message belongs to the points: read with them, and the group is marked invalid.
    const points = pDots.getByRole('group', { name: 'Uw keuze' });
    expect(await points.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await points.getAttribute('aria-describedby'))!.split(' ');
    expect(await p.locator(`[id="${describedBy[0]}"]`).innerText()).toBe('U gaf 7 punten, maar u heeft er 5 te verdelen.');
    expect(await pDots.getByTestId('my-ballot').count()).toBe(0);
    expect(await fDots.getByTestId('turnout-provider').locator('td').innerText()).toMatch(/^0 van \d+ \(0%\)$/);
    await expectNoAxeViolations(p);
    await shot(p, 'dot-voting-too-many');

    await pDots.getByLabel(`Punten voor ${dotAnswers[1]}`).fill('1');
    expect(await pDots.locator('.dt-dots__left').innerText()).toBe('Nog te verdelen: 0 van 5.');
    await pDots.getByRole('button', { name: 'Stem uitbrengen' }).click();
    await pDots.getByTestId('my-ballot').getByText(`Uw stem: ${dotAnswers[0]}: 4, ${dotAnswers[1]}: 1`).waitFor();
    const dots = (answer: string) => fDots.getByTestId('result-row').filter({ hasText: answer }).locator('td').first().innerText();
    await f.waitForFunction(
      (q) =>
        [...document.querySelectorAll('[data-testid="poll"]')]
          .find((el) => el.textContent?.includes(q))
          ?.querySelector('[data-testid="turnout-provider"] td')
          ?.textContent?.startsWith('1 van '),
      dotQuestion,
      { timeout: 10_000 },
    );
    expect(await dots(dotAnswers[0]!)).toBe('4 punten');
    expect(await dots(dotAnswers[1]!)).toBe('1 punt');
    expect(await fDots.getByTestId('poll-outcome').innerText()).toContain(`Meeste steun: ${dotAnswers[0]}.`);
    await expectNoAxeViolations(f);
    expect(problems(chair, voter)).toEqual([]);
  }, 120_000);
});
