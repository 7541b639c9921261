import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoEmails, demoTrajectoryIds, signIn as apiSignIn } from '../helpers/api-client';
import { expectHeading1, expectNoAxeViolations, openFreshPage, signIn, waitUntilLoaded, withDemoServerAndBrowser, type OpenedPage } from '../helpers/browser';
import type { RunningServer } from '../helpers/server';

const apeldoorn = 'gertjan.hendriks@dialoogtafel.example';

function problems(pages: OpenedPage[]): string[] {
  return pages.flatMap((p) => p.console).filter((m) => m.startsWith('pageerror') || m.startsWith('error: Warning'));
}

describe('the definitive agreement', () => {
  let server: RunningServer;
  let browser: Browser;
  let midden: string;

  withDemoServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  beforeAll(async () => {
    ({ midden } = await demoTrajectoryIds(await apiSignIn(server, demoEmails.admin)));
  });

  it('the team assembles, a municipality representative approves for their municipality, and the team sees it live', async () => {
    const team = await openFreshPage(browser);
    await signIn(team.page, server.url, demoEmails.procurement);
    await team.page.goto(`${server.url}/trajecten/${midden}/overeenkomst`);
    await waitUntilLoaded(team.page);
    await team.page.getByRole('link', { name: 'Definitieve overeenkomst' }).click();
    await expectHeading1(team.page, 'Definitieve overeenkomst');
    await waitUntilLoaded(team.page);
    await team.page.getByText('Alle artikelen zijn vastgesteld. De overeenkomst kan worden samengesteld.').waitFor();
    await team.page.getByTestId('not-assembled').waitFor();
    await expectNoAxeViolations(team.page);

    await team.page.getByRole('button', { name: 'Definitieve overeenkomst samenstellen' }).click();
    await team.page.getByTestId('assemble-status').getByText('De definitieve overeenkomst is samengesteld (versie 1).').waitFor();
    const clauses = await team.page.getByTestId('final-clause').getByRole('heading', { level: 4 }).allInnerTexts();
    expect(clauses).toEqual([
      'Artikel 1 Begripsbepalingen',
      'Artikel 2 Looptijd en wijziging',
      'Artikel 3 Toelating tot het Open House',
      'Artikel 4 Governance en integriteit',
      'Artikel 5 Overbruggingsafspraken',
      'Artikel 6 Tarieven',
    ]);
    await team.page.getByTestId('final-variant').getByText('Variant voor Zutphen, Lochem: Zutphen en Lochem: eigen toegangsteam').waitFor();
    await team.page.getByRole('link', { name: 'Download als Word-bestand' }).waitFor();
    await team.page.getByRole('link', { name: 'Download als PDF' }).waitFor();
    const bridging = team.page.getByTestId('annex-entry').filter({ hasText: 'Artikel 5 Overbruggingsafspraken' });
    await bridging.getByText('Artikel 5 Overbruggingsafspraken').click();
    await bridging.getByText('Dialoogsessie 4 van 4: afronding concept-inkoopovereenkomst', { exact: false }).waitFor();
    await bridging.getByText(/^Overbruggingsovereenkomsten lopen tot 1 juli 2026.*consent/).waitFor();
    await bridging.getByText(/^A1: Wie al hulp krijgt/).waitFor();
    expect(await team.page.getByTestId('annex-audit').innerText()).toMatch(/gebeurtenis \d+ met controlegetal \(hash\) [a-f0-9]{64}/);
    const row = team.page.locator('[data-testid="signoff-row"][data-municipality="Apeldoorn"]');
    expect(await row.getAttribute('data-status')).toBe('pending');
    await expectNoAxeViolations(team.page);

    // Apeldoorn's representative, on another computer: the form is for Apeldoorn only.
    const gemeente = await openFreshPage(browser);
    await signIn(gemeente.page, server.url, apeldoorn);
    await gemeente.page.goto(`${server.url}/trajecten/${midden}/overeenkomst/definitief`);
    await expectHeading1(gemeente.page, 'Definitieve overeenkomst');
    await waitUntilLoaded(gemeente.page);
    await gemeente.page.getByRole('heading', { name: 'Besluit van de gemeente Apeldoorn' }).waitFor();
    await expect(gemeente.page.getByRole('button', { name: 'Definitieve overeenkomst samenstellen' }).count()).resolves.toBe(0);
    // Rejecting needs a reason.
    await gemeente.page.getByLabel('Afwijzen').check();
    await gemeente.page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await gemeente.page.getByText('Vul de reden van afwijzing in.').waitFor();
    await expectNoAxeViolations(gemeente.page);
    await gemeente.page.getByLabel('Goedkeuren').check();
    await gemeente.page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await gemeente.page.getByTestId('signoff-saved').getByText('Het besluit van de gemeente Apeldoorn is vastgelegd.').waitFor();

    // The team's page follows without a reload.
    await team.page.waitForFunction(() => document.querySelector('[data-testid="signoff-row"][data-municipality="Apeldoorn"]')?.getAttribute('data-status') === 'approved', undefined, { timeout: 10_000 });
    await team.page.getByText('1 van 8 gemeenten hebben goedgekeurd.').waitFor();
    await team.page.getByTestId('final-announcement').getByText('Het besluit van een gemeente is bijgewerkt.').waitFor();

    // The trajectory overview shows the status per municipality too.
    await team.page.goto(`${server.url}/trajecten/${midden}`);
    await waitUntilLoaded(team.page);
    await team.page.getByTestId('final-status').locator('[data-municipality="Apeldoorn"][data-status="approved"]').waitFor();
    await expectNoAxeViolations(team.page);
    expect(problems([team, gemeente])).toEqual([]);
  }, 150_000);
});
