import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoEmails, demoTrajectoryIds, signIn as apiSignIn, type ApiClient } from '../helpers/api-client';
import { expectHeading1, expectNoAxeViolations, openFreshPage, signIn, waitUntilLoaded, withDemoServerAndBrowser } from '../helpers/browser';
import type { RunningServer } from '../helpers/server';

const representatives: Record<string, string> = {
  Apeldoorn: 'gertjan.hendriks@dialoogtafel.example',
  Brummen: 'lotte.vandijk@dialoogtafel.example',
  Epe: 'martijn.bosch@dialoogtafel.example',
  Hattem: 'esther.kok@dialoogtafel.example',
  Heerde: 'henk.willems@dialoogtafel.example',
  Lochem: 'sofie.vermeulen@dialoogtafel.example',
  Voorst: 'jan.peters@dialoogtafel.example',
  Zutphen: 'ingrid.wolters@dialoogtafel.example',
};

describe('change rounds on the definitive agreement', () => {
  let server: RunningServer;
  let browser: Browser;
  let midden: string;
  let inkoop: ApiClient;
  let reps: Array<[string, ApiClient]>;

  withDemoServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  const approveAll = async () => {
    for (const [municipality, client] of reps) expect((await client.post(`/trajectories/${midden}/final/signoffs`, { municipality, decision: 'approve' })).status).toBe(200);
  };

  beforeAll(async () => {
    ({ midden } = await demoTrajectoryIds(await apiSignIn(server, demoEmails.admin)));
    inkoop = await apiSignIn(server, demoEmails.procurement);
    reps = await Promise.all(Object.entries(representatives).map(async ([m, email]) => [m, await apiSignIn(server, email)] as [string, ApiClient]));
    // Version 1.0: assembled and approved by the eight municipalities.
    expect((await inkoop.post(`/trajectories/${midden}/final/assemble`, {})).status).toBe(200);
    await approveAll();
  }, 120_000);

  it('the team opens a round and sees 1.0 sealed and 1.1 in dialogue; a sealed 1.1 is compared with 1.0', async () => {
    const team = await openFreshPage(browser);
    await signIn(team.page, server.url, demoEmails.procurement);
    await team.page.goto(`${server.url}/trajecten/${midden}/overeenkomst/definitief`);
    await expectHeading1(team.page, 'Definitieve overeenkomst');
    await waitUntilLoaded(team.page);
    await team.page.getByTestId('version-1.0').getByText(/Vastgesteld op/).waitFor();
    await expectNoAxeViolations(team.page);

    await team.page.getByRole('button', { name: 'Wijzigingsronde openen' }).click();
    // An empty form says what is missing.
    await team.page.getByRole('button', { name: 'Ronde openen' }).click();
    await team.page.getByText('Kies een datum.').waitFor();
    await team.page.getByLabel('Naam van de ronde').fill('Tarieven 2027');
    await team.page.getByLabel('Waarom de overeenkomst verandert').fill('Indexering van de tarieven.');
    await team.page.getByLabel('Nieuwe versie geldt vanaf').fill('2027-01-01');
    await team.page.getByRole('checkbox', { name: 'Artikel 6 Tarieven' }).check();
    await team.page.getByLabel('Nieuwe onderwerpen').fill('Indexering 2027');
    await expectNoAxeViolations(team.page);
    await team.page.getByRole('button', { name: 'Ronde openen' }).click();
    const row = team.page.getByTestId('version-1.1');
    await row.getByText('In dialoog').waitFor();
    await row.getByText('Onderwerpen: Indexering 2027').waitFor();
    await row.getByRole('link', { name: 'Naar het concept van deze ronde' }).waitFor();
    expect(await team.page.getByRole('button', { name: 'Wijzigingsronde openen' }).count()).toBe(0);
    await expectNoAxeViolations(team.page);

    // The round runs on the draft (through the API here), and its version is sealed.
    const agreement = (await inkoop.get(`/trajectories/${midden}/agreement`)).body as { chapters: Array<{ clauses: Array<{ id: string; title: string }> }> };
    const tariffs = agreement.chapters.flatMap((c) => c.clauses).find((k) => k.title === 'Tarieven')!;
    const provider = await apiSignIn(server, 'noor.jansen@dialoogtafel.example');
    const proposed = await provider.post(`/trajectories/${midden}/agreement/clauses/${tariffs.id}/amendments`, { proposedText: 'De tarieven worden jaarlijks geïndexeerd met de OVA.', motivation: 'Indexering.' });
    expect(proposed.status, proposed.text).toBe(201);
    expect((await inkoop.post(`/trajectories/${midden}/amendments/${proposed.body.id}/decision`, { decision: 'accept' })).status).toBe(200);
    expect((await inkoop.patch(`/trajectories/${midden}/agreement/clauses/${tariffs.id}`, { status: 'fixed' })).status).toBe(200);
    expect((await inkoop.post(`/trajectories/${midden}/final/assemble`, {})).status).toBe(200);
    await approveAll();

    await team.page.getByTestId('version-1.1').getByText(/Vastgesteld op/).waitFor();
    await team.page.getByRole('button', { name: 'Vergelijk 1.1 met 1.0' }).click();
    const comparison = team.page.getByTestId('contract-compare');
    await comparison.getByRole('heading', { name: 'Artikel 6 Tarieven' }).waitFor();
    await comparison.getByTestId('diff-inserted').first().waitFor();
    await expectNoAxeViolations(team.page);
    expect(team.console.filter((m) => m.startsWith('pageerror'))).toEqual([]);
  });
});
