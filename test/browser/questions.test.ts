import { describe, it, expect, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { todayInAmsterdam } from '../../shared/domain/calendar';
import { expectHeading1, expectNoAxeViolations, openFreshPage, signIn, waitUntilLoaded, withDemoServerAndBrowser } from '../helpers/browser';
import type { OpenedPage } from '../helpers/browser';
import { demoEmails, demoTrajectoryIds, signIn as apiSignIn } from '../helpers/api-client';
import type { ApiClient } from '../helpers/api-client';
import type { RunningServer } from '../helpers/server';

const shots = process.env.SCREENSHOTS_DIR;

/** Saves a full-page screenshot when SCREENSHOTS_DIR is set (to look at the screens; not an assertion). */
async function shot(page: Page, name: string): Promise<void> {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

// Provider 1 and a second provider of the IJmond table (server/demo/demo-data.ts).
const fatima = { email: demoEmails.provider, name: 'Fatima El Amrani', organisation: 'Jeugdzorg Kennemerland Plus' };
const marieke = { email: 'marieke.dekker@dialoogtafel.example', name: 'Marieke Dekker', organisation: 'Praktijk De Linde (vrijgevestigd orthopedagoog)' };

const fatimasQuestion = 'Mag een vrijgevestigde praktijk samen met een instelling één aanbieding doen, of moet ieder apart inschrijven?';
const fatimasAnswer = 'Ja, dat mag. U doet dan samen één aanbieding als combinatie; één van u is het aanspreekpunt.';
const mariekesQuestion = 'Tellen de evaluaties na jaar 3 en jaar 6 ook voor de vrijgevestigden?';
const mariekesAnswer = 'Ja. De evaluaties gelden voor alle partijen van de overeenkomst, groot en klein.';

/** A calendar day `days` from today in Amsterdam, as YYYY-MM-DD. */
function dayFromToday(days: number): string {
  const noon = new Date(`${todayInAmsterdam()}T12:00:00Z`);
  return new Date(noon.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** "30 november 2026", as the app writes a calendar date in Dutch. */
function dutchDate(date: string): string {
  return new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'long' }).format(new Date(`${date}T12:00:00Z`));
}

/** Sets the question deadline of a trajectory as the procurement team does: the planning with one questions deadline. */
async function setQuestionDeadline(team: ApiClient, trajectoryId: string, date: string): Promise<void> {
  const current = await team.get(`/trajectories/${trajectoryId}`);
  expect(current.status).toBe(200);
  const milestones = (current.body.milestones as Array<{ kind: string; title: string; date: string }>)
    .filter((m) => m.title !== 'Deadline vragen dialoogfase')
    .map(({ kind, title, date: day }) => ({ kind, title, date: day }));
  const res = await team.patch(`/trajectories/${trajectoryId}`, {
    milestones: [...milestones, { kind: 'questions_deadline', title: 'Deadline vragen dialoogfase', date }],
  });
  expect(res.status, res.text).toBe(200);
}

/** From the trajectory's overview to its questions, through the sub-navigation, as a person would. */
async function openQuestions(page: Page, baseUrl: string, trajectoryId: string): Promise<void> {
  await page.goto(`${baseUrl}/trajecten/${trajectoryId}`);
  await waitUntilLoaded(page);
  await page.getByRole('navigation', { name: 'In dit traject' }).getByRole('link', { name: 'Vragen' }).click();
  await page.waitForURL(`${baseUrl}/trajecten/${trajectoryId}/vragen`);
  await expectHeading1(page, 'Vragen en antwoorden');
  await waitUntilLoaded(page);
  expect(await page.getByRole('link', { name: 'Vragen', exact: true }).getAttribute('aria-current')).toBe('page');
}

function problems(pages: OpenedPage[]): string[] {
  return pages.flatMap((p) => p.console).filter((m) => m.startsWith('pageerror') || m.startsWith('error: Warning'));
}

describe('questions and answers (nota van inlichtingen)', () => {
  let server: RunningServer;
  let browser: Browser;
  let team: ApiClient;
  let ijmond: string;
  const nextWeek = dayFromToday(7);
  const yesterday = dayFromToday(-1);

  withDemoServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  beforeAll(async () => {
    ({ ijmond } = await demoTrajectoryIds(await apiSignIn(server, demoEmails.admin)));
    team = await apiSignIn(server, demoEmails.procurement);
    // The demo's question deadlines have passed: the procurement team sets a new one, a week from now.
    await setQuestionDeadline(team, ijmond, nextWeek);
  });

  it('lets a provider ask, the team answer and publish, and everyone read the answers live without names', async () => {
    const pages: OpenedPage[] = [];

    // --- Provider 1 opens the questions: the deadline, an empty nota, the form.
    const fatimaTab = await openFreshPage(browser);
    pages.push(fatimaTab);
    const p1 = fatimaTab.page;
    await signIn(p1, server.url, fatima.email);
    await openQuestions(p1, server.url, ijmond);
    expect(await p1.getByTestId('question-deadline').innerText()).toBe(`U kunt vragen stellen tot en met ${dutchDate(nextWeek)}.`);
    expect(await p1.getByTestId('nota-empty').innerText()).toBe('Er zijn nog geen antwoorden gepubliceerd.');
    expect(await p1.getByTestId('nota').innerText()).toContain(
      'Het inkoopteam publiceert de vragen en antwoorden voor iedereen in dit traject op hetzelfde moment, zonder de naam van wie de vraag stelde.',
    );
    expect(await p1.getByTestId('own-questions').innerText()).toContain('U heeft nog geen vragen gesteld.');
    // A provider does not answer or publish.
    expect(await p1.getByTestId('team-questions').count()).toBe(0);
    await expectNoAxeViolations(p1);
    await shot(p1, 'questions-provider-empty');

    // --- The procurement team has the page open before anyone asks.
    const teamTab = await openFreshPage(browser);
    pages.push(teamTab);
    const tp = teamTab.page;
    await signIn(tp, server.url, demoEmails.procurement);
    await openQuestions(tp, server.url, ijmond);
    expect(await tp.getByTestId('team-questions').innerText()).toContain('Er zijn nog geen vragen gesteld.');
    expect(await tp.getByTestId('team-deadline').innerText()).toBe(`Zorgaanbieders kunnen vragen stellen tot en met ${dutchDate(nextWeek)}.`);
    // The team answers; it does not ask.
    expect(await tp.getByTestId('ask-form').count()).toBe(0);
    await expectNoAxeViolations(tp);

    // --- Sending the form empty: a Dutch message, focus on the error summary, the field marked.
    await p1.getByRole('button', { name: 'Vraag versturen' }).click();
    const summary = p1.locator('.dt-error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Uw vraag: Schrijf uw vraag op.');
    expect(await p1.evaluate(() => document.activeElement?.classList.contains('dt-error-summary'))).toBe(true);
    const textField = p1.getByLabel('Uw vraag', { exact: true });
    expect(await textField.getAttribute('aria-invalid')).toBe('true');
    expect(await textField.getAttribute('aria-describedby')).toContain('question-text-error');
    await expectNoAxeViolations(p1);
    await shot(p1, 'questions-provider-error');
    // The link in the summary takes the keyboard to the field.
    await summary.getByRole('link', { name: 'Uw vraag: Schrijf uw vraag op.' }).press('Enter');
    expect(await p1.evaluate(() => document.activeElement?.id)).toBe('question-text');

    // --- The question, about a topic of the table.
    await p1.keyboard.type(fatimasQuestion);
    await p1.getByLabel('Waar gaat uw vraag over? (niet verplicht)').selectOption({ label: 'Zorg en onderwijs breed' });
    await p1.getByRole('button', { name: 'Vraag versturen' }).click();
    await p1.getByTestId('ask-status').getByText('Uw vraag is verstuurd.', { exact: false }).waitFor();
    expect(await textField.inputValue()).toBe('');
    const own = p1.getByTestId('own-question').filter({ hasText: fatimasQuestion });
    await own.waitFor();
    expect(await own.getByTestId('question-status').innerText()).toBe('Ingediend');
    expect(await own.innerText()).toContain('Onderwerp: Zorg en onderwijs breed');

    // --- The team sees it arrive live, with who asked it, and the count.
    const teamQuestion = tp.getByTestId('team-question').filter({ hasText: fatimasQuestion });
    await teamQuestion.waitFor({ timeout: 10_000 });
    expect(await teamQuestion.getByRole('heading', { level: 3 }).innerText()).toBe(`Vraag van ${fatima.name}, ${fatima.organisation}`);
    expect(await teamQuestion.getByTestId('question-status').innerText()).toBe('Nog niet beantwoord');
    expect(await teamQuestion.innerText()).toContain('Onderwerp: Zorg en onderwijs breed');
    expect(await tp.getByTestId('team-counts').innerText()).toContain('1 vraag wacht op een antwoord.');
    expect(await tp.getByTestId('questions-announcement').innerText()).toBe('Er is 1 nieuwe vraag binnengekomen.');
    expect(await tp.getByRole('button', { name: 'Antwoorden publiceren' }).count()).toBe(0);

    // --- A second provider asks too (through the API: the form is covered above), about a clause.
    const mariekeApi = await apiSignIn(server, marieke.email);
    const agreement = await mariekeApi.get(`/trajectories/${ijmond}/agreement`);
    const clause = agreement.body.chapters[0].clauses[1] as { id: string; number: number; title: string };
    const asked = await mariekeApi.post(`/trajectories/${ijmond}/questions`, { text: mariekesQuestion, clauseId: clause.id });
    expect(asked.status, asked.text).toBe(201);
    const mariekesTeamQuestion = tp.getByTestId('team-question').filter({ hasText: mariekesQuestion });
    await mariekesTeamQuestion.waitFor({ timeout: 10_000 });
    expect(await mariekesTeamQuestion.getByRole('heading', { level: 3 }).innerText()).toBe(`Vraag van ${marieke.name}, ${marieke.organisation}`);
    expect(await mariekesTeamQuestion.innerText()).toContain(`Artikel ${clause.number}: ${clause.title}`);
    expect(await tp.getByTestId('team-counts').innerText()).toContain('2 vragen wachten op een antwoord.');
    // Provider 1 never sees another provider's unpublished question.
    expect(await p1.locator('body').innerText()).not.toContain(mariekesQuestion);

    // --- The team answers: empty first (message, focus on the field), then for real.
    await teamQuestion.getByRole('button', { name: 'Antwoord opslaan' }).click();
    await teamQuestion.getByText('Schrijf een antwoord.').waitFor();
    const fatimasAnswerField = teamQuestion.getByLabel('Antwoord', { exact: true });
    expect(await tp.evaluate(() => document.activeElement?.id)).toBe(await fatimasAnswerField.getAttribute('id'));
    await fatimasAnswerField.fill(fatimasAnswer);
    await teamQuestion.getByRole('button', { name: 'Antwoord opslaan' }).click();
    await teamQuestion.getByTestId('answer-status').getByText('Het antwoord is opgeslagen. Het is nog niet gepubliceerd.').waitFor();
    expect(await teamQuestion.getByTestId('question-status').innerText()).toBe('Beantwoord, nog niet gepubliceerd');
    await mariekesTeamQuestion.getByLabel('Antwoord', { exact: true }).fill(mariekesAnswer);
    await mariekesTeamQuestion.getByRole('button', { name: 'Antwoord opslaan' }).click();
    await mariekesTeamQuestion.getByTestId('answer-status').getByText('Het antwoord is opgeslagen.', { exact: false }).waitFor();
    expect(await tp.getByTestId('ready-count').innerText()).toBe('2 vragen zijn beantwoord en nog niet gepubliceerd.');
    await expectNoAxeViolations(tp);
    await shot(tp, 'questions-team-answered');

    // Provider 1 sees the status change live, but not the draft answer.
    await own.getByTestId('question-status').getByText('Beantwoord, nog niet gepubliceerd').waitFor({ timeout: 10_000 });
    expect(await p1.locator('body').innerText()).not.toContain(fatimasAnswer);

    // --- The second provider's page, open before publication: only her own question, nothing published.
    const mariekeTab = await openFreshPage(browser);
    pages.push(mariekeTab);
    const p2 = mariekeTab.page;
    await signIn(p2, server.url, marieke.email);
    await openQuestions(p2, server.url, ijmond);
    expect(await p2.getByTestId('own-question').count()).toBe(1);
    expect(await p2.getByTestId('nota-empty').isVisible()).toBe(true);
    expect(await p2.locator('body').innerText()).not.toContain(fatimasQuestion);

    // --- Publishing: a dialog says what happens, focus on "Annuleren"; Escape closes it.
    const publish = tp.getByRole('button', { name: 'Antwoorden publiceren' });
    await publish.click();
    const dialog = tp.getByRole('dialog', { name: 'Antwoorden publiceren?' });
    await dialog.waitFor();
    expect(await dialog.getByTestId('publish-confirm-text').innerText()).toBe(
      'U publiceert nu alle beantwoorde vragen: 2 in totaal. Alle deelnemers van dit traject zien ze op hetzelfde moment, met de antwoorden en zonder de namen van wie de vragen stelden.',
    );
    expect(await dialog.innerText()).toContain('Daarna kunt u deze antwoorden niet meer veranderen.');
    expect(await tp.evaluate(() => document.activeElement?.textContent)).toBe('Annuleren');
    await expectNoAxeViolations(tp);
    await shot(tp, 'questions-team-confirm');
    await tp.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await tp.evaluate(() => document.activeElement?.textContent)).toBe('Antwoorden publiceren');
    expect(await p2.getByTestId('published-question').count()).toBe(0);

    await publish.click();
    await dialog.getByRole('button', { name: 'Ja, nu publiceren' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await tp.getByTestId('publish-status').getByText('2 vragen met antwoord zijn gepubliceerd. Iedereen in dit traject kan ze nu lezen.').waitFor();
    await tp.getByTestId('published-question').nth(1).waitFor();
    expect(await tp.evaluate(() => document.activeElement?.id)).toBe('nota-heading');
    expect(await tp.getByTestId('team-counts').innerText()).toBe('Alle vragen zijn beantwoord en gepubliceerd.');
    expect(await tp.getByRole('button', { name: 'Antwoorden publiceren' }).count()).toBe(0);
    // Even on the team's screen, the published list names no one.
    const teamNota = await tp.getByTestId('nota').innerText();
    for (const who of [fatima.name, fatima.organisation, marieke.name, marieke.organisation]) expect(teamNota).not.toContain(who);
    await expectNoAxeViolations(tp);
    await shot(tp, 'questions-team-published');

    // --- The second provider sees the answers arrive live, numbered, without anyone's name.
    const published = p2.getByTestId('published-question');
    await published.nth(1).waitFor({ timeout: 10_000 });
    expect(await published.count()).toBe(2);
    const first = published.nth(0);
    expect(await first.getByRole('heading', { level: 3 }).innerText()).toBe('Vraag 1');
    expect(await first.getByTestId('published-question-text').innerText()).toBe(fatimasQuestion);
    expect(await first.getByTestId('published-answer').innerText()).toBe(fatimasAnswer);
    expect(await first.innerText()).toContain('Onderwerp: Zorg en onderwijs breed');
    expect(await first.innerText()).toContain(`Gepubliceerd op ${dutchDate(todayInAmsterdam())}`);
    const second = published.nth(1);
    expect(await second.getByRole('heading', { level: 3 }).innerText()).toBe('Vraag 2');
    expect(await second.getByTestId('published-answer').innerText()).toBe(mariekesAnswer);
    expect(await second.innerText()).toContain(`Artikel ${clause.number}: ${clause.title}`);
    expect(await p2.getByTestId('questions-announcement').innerText()).toBe('Er zijn 2 nieuwe antwoorden gepubliceerd.');
    const everything = await p2.locator('body').innerText();
    expect(everything).not.toContain(fatima.name);
    expect(everything).not.toContain(fatima.organisation);
    expect(await p2.getByTestId('own-question').getByTestId('question-status').innerText()).toBe('Gepubliceerd als vraag 2');
    // The downloads of the published list.
    const docx = p2.getByRole('link', { name: 'Download als Word (.docx)' });
    const pdf = p2.getByRole('link', { name: 'Download als PDF' });
    expect(await docx.getAttribute('href')).toBe(`/api/trajectories/${ijmond}/questions/nota.docx`);
    expect(await pdf.getAttribute('href')).toBe(`/api/trajectories/${ijmond}/questions/nota.pdf`);
    const docxFile = await p2.request.get(`${server.url}${await docx.getAttribute('href')}`);
    expect(docxFile.status()).toBe(200);
    expect(docxFile.headers()['content-type']).toContain('officedocument.wordprocessingml');
    const pdfFile = await p2.request.get(`${server.url}${await pdf.getAttribute('href')}`);
    expect(pdfFile.status()).toBe(200);
    expect((await pdfFile.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await expectNoAxeViolations(p2);
    await shot(p2, 'questions-second-provider-published');

    // --- Provider 1 sees their question published, with its number and the answer.
    await own.getByTestId('question-status').getByText('Gepubliceerd als vraag 1').waitFor({ timeout: 10_000 });
    expect(await own.innerText()).toContain(fatimasAnswer);
    await own.getByRole('link', { name: 'Lees vraag 1 in de nota van inlichtingen' }).click();
    expect(await p1.evaluate(() => document.activeElement?.id)).toBe('vraag-1');
    await expectNoAxeViolations(p1);
    await shot(p1, 'questions-provider-published');

    expect(problems(pages)).toEqual([]);
  }, 120_000);

  it('says the deadline has passed and no longer offers the form, live', async () => {
    await setQuestionDeadline(team, ijmond, nextWeek);
    const tab = await openFreshPage(browser);
    const page = tab.page;
    await signIn(page, server.url, fatima.email);
    await openQuestions(page, server.url, ijmond);
    await page.getByTestId('ask-form').waitFor();

    await setQuestionDeadline(team, ijmond, yesterday);
    const passed = `De deadline voor vragen is voorbij. U kon vragen stellen tot en met ${dutchDate(yesterday)}. U kunt geen nieuwe vragen meer stellen.`;
    await page.getByTestId('question-deadline').getByText(passed).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('ask-form').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Vraag versturen' }).count()).toBe(0);
    expect(await page.getByTestId('questions-announcement').innerText()).toBe('De deadline voor vragen is voorbij.');
    // Their own questions and the published list stay.
    expect(await page.getByTestId('own-questions').isVisible()).toBe(true);
    expect(await page.getByTestId('nota').isVisible()).toBe(true);
    await expectNoAxeViolations(page);
    await shot(page, 'questions-deadline-passed');

    // The same after loading the page anew.
    await page.reload();
    await expectHeading1(page, 'Vragen en antwoorden');
    await waitUntilLoaded(page);
    expect(await page.getByTestId('question-deadline').innerText()).toBe(passed);
    expect(await page.getByTestId('ask-form').count()).toBe(0);

    // In English too.
    await page.getByRole('button', { name: 'English' }).click();
    await expectHeading1(page, 'Questions and answers');
    const englishDate = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', dateStyle: 'long' }).format(new Date(`${yesterday}T12:00:00Z`));
    expect(await page.getByTestId('question-deadline').innerText()).toBe(
      `The deadline for questions has passed. You could ask questions up to and including ${englishDate}. You cannot ask new questions any more.`,
    );
    expect(await page.getByRole('navigation', { name: 'In this trajectory' }).getByRole('link', { name: 'Questions' }).getAttribute('aria-current')).toBe('page');
    await expectNoAxeViolations(page);
    await shot(page, 'questions-deadline-passed-en');
    expect(problems([tab])).toEqual([]);
  }, 90_000);

  it('tells a provider plainly when the server refuses a question because the deadline passed meanwhile', async () => {
    await setQuestionDeadline(team, ijmond, nextWeek);
    const tab = await openFreshPage(browser);
    const page = tab.page;
    // At midnight after the deadline day nothing is sent live: the deadline simply passes. To get
    // there in a test, this page misses the live "trajectory changed" messages from the real
    // server while the procurement team moves the deadline; everything else passes through.
    let missLiveChanges = false;
    let missed = 0;
    let upgraded = false;
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      upgraded = false;
      const server = ws.connectToServer();
      ws.onMessage((message) => {
        // Socket.io's connect packet over this WebSocket (the client starts on WebSocket), or engine.io's
        // "upgrade" packet after long polling: from here on, messages come over this WebSocket.
        if (message === '5' || (typeof message === 'string' && message.startsWith('40'))) upgraded = true;
        server.send(message);
      });
      server.onMessage((message) => {
        if (missLiveChanges && typeof message === 'string' && message.includes('"trajectory:changed"')) {
          missed++;
          return;
        }
        ws.send(message);
      });
    });
    await signIn(page, server.url, fatima.email);
    await openQuestions(page, server.url, ijmond);
    await page.getByTestId('connection-state').and(page.locator('[data-state="connected"]')).waitFor();
    await expect.poll(() => upgraded).toBe(true);
    const text = 'Kan de deadline voor vragen een week later?';
    await page.getByLabel('Uw vraag', { exact: true }).fill(text);

    missLiveChanges = true;
    await setQuestionDeadline(team, ijmond, yesterday);
    await expect.poll(() => missed).toBeGreaterThan(0);
    missLiveChanges = false;
    await page.getByRole('button', { name: 'Vraag versturen' }).click();

    const refused = page.getByTestId('ask-refused');
    await refused.waitFor();
    const message = await refused.innerText();
    expect(message).toContain('Uw vraag is niet verstuurd');
    expect(message).toContain(`De deadline voor vragen is voorbij: u kon vragen stellen tot en met ${dutchDate(yesterday)}. Daarom is uw vraag niet verstuurd.`);
    // The text is kept, to copy elsewhere.
    expect(message).toContain(text);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('ask-refused');
    // The page loaded again: the form is gone, the deadline says it passed.
    await page.getByTestId('question-deadline').getByText('De deadline voor vragen is voorbij.', { exact: false }).waitFor();
    expect(await page.getByTestId('ask-form').count()).toBe(0);
    expect(await page.getByTestId('own-question').filter({ hasText: text }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await shot(page, 'questions-refused-after-deadline');
    expect(problems([tab])).toEqual([]);
  }, 90_000);
});
