import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectHeading1, expectNoAxeViolations, openFreshPage, signIn, waitUntilLoaded, withDemoServerAndBrowser } from '../helpers/browser';
import type { OpenedPage } from '../helpers/browser';
import { demoEmails, demoTrajectoryIds, signIn as apiSignIn } from '../helpers/api-client';
import type { RunningServer } from '../helpers/server';

const sessionTitle = 'Dialoogsessie 1: continuïteit en de overgang naar 18+';
const reportHeading = `Verslag: ${sessionTitle}`;
const summary = 'De tafel adviseert een overgangstermijn van zes maanden. Kleine praktijken vragen aandacht voor hun wachtlijst.';
const comment = 'Bij de agenda: het tweede onderwerp kwam pas na de pauze aan bod.';

function problems(pages: OpenedPage[]): string[] {
  return pages.flatMap((p) => p.console).filter((m) => m.startsWith('pageerror') || m.startsWith('error: Warning'));
}

describe('session reports (verslagen)', () => {
  let server: RunningServer;
  let browser: Browser;
  let ijmond: string;
  let reportPath: string;

  withDemoServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  beforeAll(async () => {
    ({ ijmond } = await demoTrajectoryIds(await apiSignIn(server, demoEmails.admin)));
  });

  const openReport = async (page: Page) => {
    await page.goto(`${server.url}${reportPath}`);
    await expectHeading1(page, reportHeading);
    await waitUntilLoaded(page);
  };

  it('the team makes the report of the ended session and writes a summary; a municipality comments; the team publishes; a provider reads it', async () => {
    const pages: OpenedPage[] = [];

    // --- The procurement team goes from the session card to the report and makes it.
    const teamTab = await openFreshPage(browser);
    pages.push(teamTab);
    const tp = teamTab.page;
    await signIn(tp, server.url, demoEmails.procurement);
    await tp.goto(`${server.url}/trajecten/${ijmond}/sessies`);
    await waitUntilLoaded(tp);
    await tp.getByRole('link', { name: `Verslag van “${sessionTitle}”` }).click();
    await expectHeading1(tp, reportHeading);
    await waitUntilLoaded(tp);
    reportPath = new URL(tp.url()).pathname;
    expect(reportPath).toMatch(new RegExp(`^/trajecten/${ijmond}/sessies/[a-f0-9]{24}/verslag$`));
    expect(await tp.getByTestId('report-none').innerText()).toBe('Er is nog geen verslag van deze sessie.');
    await expectNoAxeViolations(tp);
    await tp.getByRole('button', { name: 'Verslag maken' }).click();
    await tp.getByTestId('report-status').getByText('Status: Concept').waitFor();
    expect(await tp.getByTestId('report-announcement').innerText()).toBe('Het conceptverslag is gemaakt.');

    // The snapshot: who took part per organisation and role, the declaration, the agenda as held, results per group.
    const attendance = tp.getByTestId('report-attendance');
    expect(await attendance.innerText()).toContain('Annelies Brouwer');
    const municipalityRow = tp.getByTestId('attendance-row').filter({ hasText: 'Gemeente Haarlem' });
    expect(await municipalityRow.innerText()).toContain('Ruud Kramer');
    expect(await tp.getByTestId('attendance-row').filter({ hasText: 'Bureau Onafhankelijke Gespreksleiding' }).innerText()).toContain('Gespreksleider');
    expect(await tp.getByTestId('declaration').innerText()).toContain('Uitkomst: advies — besluit door de colleges van B&W van de zeven gemeenten');
    expect(await tp.getByTestId('agenda-held').count()).toBe(3);
    expect(await tp.getByTestId('agenda-held').first().innerText()).toContain('besproken');
    const polls = tp.getByTestId('report-poll');
    expect(await polls.count()).toBe(2);
    expect(await polls.first().innerText()).toContain('Bij een wisseling van aanbieder geldt een overgangstermijn van zes maanden');
    expect(await polls.first().getByTestId('poll-results').getAttribute('data-final')).toBe('true');
    expect(await tp.getByRole('link', { name: 'Download als PDF' }).getAttribute('href')).toMatch(/\/verslag\.pdf$/);
    expect(await tp.getByRole('link', { name: 'Download als Word (.docx)' }).getAttribute('href')).toMatch(/\/verslag\.docx$/);
    await expectNoAxeViolations(tp);

    // --- The team writes the summary.
    await tp.getByLabel('Samenvatting', { exact: true }).fill(summary);
    await tp.getByRole('button', { name: 'Samenvatting opslaan' }).click();
    await tp.getByTestId('report-announcement').getByText('De samenvatting is opgeslagen.').waitFor();

    // --- A municipality member reads the draft and comments on a part of it.
    const gemeenteTab = await openFreshPage(browser);
    pages.push(gemeenteTab);
    const gp = gemeenteTab.page;
    await signIn(gp, server.url, demoEmails.municipality);
    await openReport(gp);
    expect(await gp.getByTestId('report-status').innerText()).toBe('Status: Concept');
    expect(await gp.getByTestId('report-summary').innerText()).toContain(summary);
    // Only the team edits the summary and publishes.
    expect(await gp.getByLabel('Samenvatting', { exact: true }).count()).toBe(0);
    expect(await gp.getByRole('button', { name: 'Publiceren' }).count()).toBe(0);
    // Sending an empty comment: a message at the field, focus there.
    await gp.getByRole('button', { name: 'Reactie versturen' }).click();
    await gp.getByText('Schrijf eerst uw reactie.').waitFor();
    expect(await gp.evaluate(() => document.activeElement?.id)).toBe('report-comment-text');
    await gp.getByLabel('Waar gaat uw reactie over?').selectOption({ label: 'Agenda zoals gehouden' });
    await gp.getByLabel('Uw reactie', { exact: true }).fill(comment);
    await gp.getByRole('button', { name: 'Reactie versturen' }).click();
    await gp.getByTestId('report-announcement').getByText('Uw reactie is verstuurd naar het inkoopteam.').waitFor();
    const own = gp.getByTestId('report-comment').filter({ hasText: comment });
    await own.waitFor();
    expect(await own.innerText()).toContain('Over: Agenda zoals gehouden');
    await expectNoAxeViolations(gp);

    // --- The team sees the comment arrive live, with who wrote it.
    const teamComment = tp.getByTestId('report-comment').filter({ hasText: comment });
    await teamComment.waitFor({ timeout: 10_000 });
    expect(await teamComment.innerText()).toContain('Ruud Kramer (Gemeente Haarlem)');

    // --- Publishing asks first; Escape closes without publishing.
    await tp.getByRole('button', { name: 'Publiceren' }).click();
    const dialog = tp.getByRole('dialog', { name: 'Verslag publiceren?' });
    await dialog.waitFor();
    await expectNoAxeViolations(tp);
    await tp.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await tp.getByTestId('report-status').innerText()).toBe('Status: Concept');
    await tp.getByRole('button', { name: 'Publiceren' }).click();
    await dialog.getByRole('button', { name: 'Ja, publiceren' }).click();
    await tp.getByTestId('report-status').getByText('Status: Gepubliceerd').waitFor();
    expect(await tp.getByTestId('report-announcement').innerText()).toBe('Het verslag is gepubliceerd.');
    expect(await tp.evaluate(() => document.activeElement?.id)).toBe('report-status');
    expect(await tp.getByRole('button', { name: 'Publiceren' }).count()).toBe(0);
    expect(await tp.getByTestId('report-summary').innerText()).toContain(summary);

    // The municipality's open page follows live: published, no more commenting.
    await gp.getByTestId('report-status').getByText('Status: Gepubliceerd').waitFor({ timeout: 10_000 });
    expect(await gp.getByTestId('report-comment-form').count()).toBe(0);

    // --- A provider reads the published report.
    const providerTab = await openFreshPage(browser);
    pages.push(providerTab);
    const pp = providerTab.page;
    await signIn(pp, server.url, demoEmails.provider);
    await openReport(pp);
    expect(await pp.getByTestId('report-status').innerText()).toBe('Status: Gepubliceerd');
    expect(await pp.getByTestId('report-summary').innerText()).toContain(summary);
    expect(await pp.getByTestId('report-attendance').innerText()).toContain('Fatima El Amrani');
    // Comments are for the team: the provider sees none of the municipality's.
    expect(await pp.locator('body').innerText()).not.toContain(comment);
    await expectNoAxeViolations(pp);

    expect(problems(pages)).toEqual([]);
  }, 180_000);
});
