import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { todayInAmsterdam } from '../../shared/domain/calendar';
import { expectHeading1, expectNoAxeViolations, openFreshPage, signIn, waitUntilLoaded, withDemoServerAndBrowser } from '../helpers/browser';
import type { OpenedPage } from '../helpers/browser';
import { demoEmails, demoTrajectoryIds, signIn as apiSignIn } from '../helpers/api-client';
import type { RunningServer } from '../helpers/server';

const shots = process.env.SCREENSHOTS_DIR;

/** Saves a full-page screenshot when SCREENSHOTS_DIR is set (to look at the screens; not an assertion). */
async function shot(page: Page, name: string): Promise<void> {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

const title = 'Consultatie conceptovereenkomst 2027';
const versionName = 'Concept voor de consultatie';
const fatimasReaction = 'Graag een overgangstermijn van zes maanden, zodat lopende behandelingen niet stoppen.';
const teamResponse = 'Overgenomen: de overgangstermijn is zes maanden geworden.';

function problems(pages: OpenedPage[]): string[] {
  return pages.flatMap((p) => p.console).filter((m) => m.startsWith('pageerror') || m.startsWith('error: Warning'));
}

/** From the agreement page to the consultations, through its link, as a person would. */
async function openConsultations(page: Page, baseUrl: string, trajectoryId: string): Promise<void> {
  await page.goto(`${baseUrl}/trajecten/${trajectoryId}/overeenkomst`);
  await waitUntilLoaded(page);
  await page.getByRole('link', { name: 'Consultatie (reacties op een versie)' }).click();
  await page.waitForURL(`${baseUrl}/trajecten/${trajectoryId}/overeenkomst/consultatie`);
  await expectHeading1(page, 'Consultatie');
  await waitUntilLoaded(page);
}

describe('consultation (reactienota)', () => {
  let server: RunningServer;
  let browser: Browser;
  let ijmond: string;
  let firstClause: { number: number; title: string };
  let versionId: string;

  withDemoServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  beforeAll(async () => {
    ({ ijmond } = await demoTrajectoryIds(await apiSignIn(server, demoEmails.admin)));
    const team = await apiSignIn(server, demoEmails.procurement);
    // The version to consult on: saved by the team beforehand (saving versions has its own tests).
    const version = await team.post(`/trajectories/${ijmond}/versions`, { name: versionName, clauseId: null });
    expect(version.status, version.text).toBe(201);
    versionId = version.body.id;
    const agreement = await team.get(`/trajectories/${ijmond}/agreement`);
    const clauses = (agreement.body.chapters as Array<{ clauses: Array<{ number: number; title: string }> }>).flatMap((c) => c.clauses).sort((a, b) => a.number - b.number);
    firstClause = clauses[0]!;
  });

  it('the team opens a consultation, a provider reacts on a clause, the team responds and publishes, and the provider sees what was done', async () => {
    const pages: OpenedPage[] = [];

    // --- The team opens a consultation on the version.
    const teamTab = await openFreshPage(browser);
    pages.push(teamTab);
    const tp = teamTab.page;
    await signIn(tp, server.url, demoEmails.procurement);
    await openConsultations(tp, server.url, ijmond);
    expect(await tp.getByTestId('council-help').innerText()).toContain('met de rol Toehoorder');
    expect(await tp.getByText('Er zijn nog geen consultaties.').isVisible()).toBe(true);
    await expectNoAxeViolations(tp);
    // Sent empty: the summary names what is missing.
    await tp.getByRole('button', { name: 'Consultatie openen' }).click();
    const summary = tp.locator('.dt-error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Kies een versie.');
    await tp.getByLabel('Titel', { exact: true }).fill(title);
    await tp.getByLabel('Toelichting (niet verplicht)').fill('Reageer per artikel. Schrijf in gewone woorden wat u anders wilt.');
    await tp.getByLabel('Versie', { exact: true }).selectOption(versionId);
    await tp.getByLabel('Sluitingsdatum').fill(todayInAmsterdam(new Date(Date.now() + 14 * 86_400_000)));
    await tp.getByRole('button', { name: 'Consultatie openen' }).click();
    await expectHeading1(tp, title);
    await waitUntilLoaded(tp);
    expect(await tp.getByTestId('consultation-status').first().innerText()).toBe('Open voor reacties');
    expect(await tp.getByTestId('team-actions').innerText()).toContain('0 reacties');
    await expectNoAxeViolations(tp);
    await shot(tp, 'consultation-team-opened');
    const consultationUrl = tp.url();

    // --- A provider finds it in the list and reacts on the first clause.
    const fatimaTab = await openFreshPage(browser);
    pages.push(fatimaTab);
    const p1 = fatimaTab.page;
    await signIn(p1, server.url, demoEmails.provider);
    await openConsultations(p1, server.url, ijmond);
    await p1.getByRole('link', { name: title }).click();
    await expectHeading1(p1, title);
    await waitUntilLoaded(p1);
    expect(await p1.getByTestId('team-actions').count()).toBe(0);
    expect(await p1.getByTestId('own-only').innerText()).toContain('ziet alleen u uw eigen reacties');
    await expectNoAxeViolations(p1);
    const clauseSection = p1.getByTestId('consultation-clause').filter({ has: p1.getByRole('heading', { level: 2, name: `Artikel ${firstClause.number}: ${firstClause.title}` }) });
    await clauseSection.getByLabel(`Uw reactie op artikel ${firstClause.number}`).fill(fatimasReaction);
    await clauseSection.getByRole('button', { name: 'Reactie versturen' }).click();
    await clauseSection.getByTestId('react-status').getByText('Uw reactie is verstuurd.', { exact: false }).waitFor();
    const own = clauseSection.getByTestId('reaction').filter({ hasText: fatimasReaction });
    await own.waitFor();
    expect(await own.getByRole('heading', { level: 3 }).innerText()).toBe('U');
    expect(await own.getByTestId('reaction-waiting').innerText()).toBe('Het inkoopteam heeft nog niet geantwoord.');
    await expectNoAxeViolations(p1);
    await shot(p1, 'consultation-provider-reacted');

    // --- The team sees it arrive live, with who gave it, and responds.
    const teamReaction = tp.getByTestId('reaction').filter({ hasText: fatimasReaction });
    await teamReaction.waitFor({ timeout: 15_000 });
    expect(await teamReaction.getByRole('heading', { level: 3 }).innerText()).toBe('Fatima El Amrani (Jeugdzorg Kennemerland Plus)');
    expect(await tp.getByRole('button', { name: 'Reactienota publiceren' }).count()).toBe(0);
    await teamReaction.getByLabel('Wat is ermee gedaan?').selectOption({ label: 'Overgenomen' });
    await teamReaction.getByLabel('Antwoord van het inkoopteam').fill(teamResponse);
    await teamReaction.getByRole('button', { name: 'Antwoord opslaan' }).click();
    await teamReaction.getByTestId('response-status').getByText('Het antwoord is opgeslagen.').waitFor();
    await expectNoAxeViolations(tp);

    // Before publication the provider reads that there is an answer, not the answer.
    await own.getByTestId('reaction-waiting').getByText('Het inkoopteam heeft geantwoord.', { exact: false }).waitFor({ timeout: 15_000 });
    expect(await p1.locator('body').innerText()).not.toContain(teamResponse);

    // --- Publishing, with a confirmation.
    const publish = tp.getByRole('button', { name: 'Reactienota publiceren' });
    await publish.waitFor({ timeout: 15_000 });
    await publish.click();
    const dialog = tp.getByRole('dialog', { name: 'Reactienota publiceren?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('Publiceren kan maar één keer.');
    await expectNoAxeViolations(tp);
    await dialog.getByRole('button', { name: 'Ja, publiceren' }).click();
    await tp.getByTestId('reactienota').waitFor({ timeout: 15_000 });
    expect(await tp.getByTestId('consultation-status').first().innerText()).toBe('Gepubliceerd');
    expect(await tp.getByTestId('consultation-announcement').innerText()).toBe('De reactienota is gepubliceerd.');
    expect(tp.url()).toBe(consultationUrl);

    // --- The provider sees, live, what was done with her reaction.
    const outcomes = p1.getByTestId('own-outcomes');
    await outcomes.waitFor({ timeout: 15_000 });
    expect(await outcomes.getByRole('heading', { level: 2 }).innerText()).toBe('Wat is er met uw reactie gedaan?');
    const outcome = outcomes.getByTestId('reaction').filter({ hasText: fatimasReaction });
    expect(await outcome.getByTestId('reaction-outcome').innerText()).toBe('Overgenomen');
    expect(await outcome.getByTestId('reaction-response').innerText()).toContain(teamResponse);
    expect(await p1.getByTestId('react-form').count()).toBe(0);
    expect(await p1.getByTestId('nota-docx').getAttribute('href')).toMatch(/reactienota\.docx$/);
    await expectNoAxeViolations(p1);
    await shot(p1, 'consultation-provider-published');

    // The downloads answer with the documents.
    const docx = await p1.request.get(await p1.getByTestId('nota-docx').getAttribute('href').then((h) => `${server.url}${h}`));
    expect(docx.status()).toBe(200);
    expect(docx.headers()['content-type']).toContain('wordprocessingml');

    expect(problems(pages)).toEqual([]);
  }, 180_000);
});
