import { describe, it, expect, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { compareSummary, compareTexts } from '../../shared/domain/compare';
import { demoEmails, ijmondName, signIn as signInApi } from '../helpers/api-client';
import type { ApiClient } from '../helpers/api-client';
import { expectHeading1, expectNoAxeViolations, openFreshPage, signIn, waitUntilLoaded, withDemoServerAndBrowser } from '../helpers/browser';
import type { OpenedPage } from '../helpers/browser';
import { waitFor } from '../helpers/server';
import type { RunningServer } from '../helpers/server';

const shots = process.env.SCREENSHOTS_DIR;

/** Saves a full-page screenshot when SCREENSHOTS_DIR is set (to look at the screens; not an assertion). */
async function shot(page: Page, name: string): Promise<void> {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

// A clause of this test's own, so that it does not depend on what the demo agreement holds.
const clauseTitle = 'Wachttijd tot de start van de hulp';
const originalText =
  'De zorgaanbieder start de hulp binnen tien werkdagen na de aanmelding. Lukt dat niet, dan meldt de zorgaanbieder dit aan de gemeente.';
const declined = {
  proposedText: 'De zorgaanbieder start de hulp zo snel als het kan.',
  motivation: 'Tien werkdagen is voor een kleine praktijk met een wachtlijst niet altijd haalbaar.',
};
const accepted = {
  proposedText:
    'De zorgaanbieder start de hulp binnen vijf werkdagen na de aanmelding. Lukt dat niet, dan meldt de zorgaanbieder dit aan de gemeente en aan de ouders.',
  motivation: 'Kinderen wachten nu te lang. Ouders willen ook weten waar zij aan toe zijn.',
};
const withdrawn = {
  proposedText: 'De zorgaanbieder start de hulp binnen vijftien werkdagen.',
  motivation: 'Een ruimere termijn voor de zomermaanden.',
};
const overtaken = {
  proposedText: 'De zorgaanbieder start de hulp binnen acht werkdagen.',
  motivation: 'Een middenweg.',
};
const declineReason = 'De tafel wil juist een vaste termijn, zodat ouders weten waar zij aan toe zijn.';
const replyText = 'Dit voorstel hoort bij onderwerp 9, wachtlijstproblematiek.';
const versionName = 'Voor de dialoog (test)';

/**
 * Page errors, React warnings and failed requests, except the two that are expected here: the
 * 401 of /api/me on the sign-in page, and the 409 of accepting a proposal that was just withdrawn.
 */
const isProblem = (message: string) =>
  message.startsWith('pageerror') || (message.startsWith('error') && !/status of (401|409) /.test(message));

describe('amendments and versions of the draft agreement', () => {
  let server: RunningServer;
  let browser: Browser;
  let team: ApiClient;
  let provider: ApiClient;
  let trajectoryId: string;
  let clauseId: string;
  let clauseLabel: string;
  const opened: OpenedPage[] = [];

  const propose = async (input: { proposedText: string; motivation: string }): Promise<string> => {
    const res = await provider.post(`/trajectories/${trajectoryId}/agreement/clauses/${clauseId}/amendments`, {
      originalText,
      ...input,
    });
    expect(res.status, res.text).toBe(201);
    return res.body.id as string;
  };

  withDemoServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  beforeAll(async () => {
    [team, provider] = await Promise.all([signInApi(server, demoEmails.procurement), signInApi(server, demoEmails.provider)]);
    const trajectories = await team.get('/trajectories');
    trajectoryId = trajectories.body.find((t: { name: string }) => t.name === ijmondName).id;

    // The procurement team writes a chapter and a clause and opens it for the dialogue.
    const base = `/trajectories/${trajectoryId}/agreement`;
    const withChapter = await team.post(`${base}/chapters`, { title: 'Toegang (test)' });
    expect(withChapter.status, withChapter.text).toBe(201);
    const chapterId = withChapter.body.chapters.find((c: { title: string }) => c.title === 'Toegang (test)').id;
    const withClause = await team.post(`${base}/clauses`, { chapterId, title: clauseTitle, text: originalText });
    expect(withClause.status, withClause.text).toBe(201);
    const clause = withClause.body.chapters
      .flatMap((c: { clauses: unknown[] }) => c.clauses)
      .find((c: { title: string }) => c.title === clauseTitle) as { id: string; number: number };
    clauseId = clause.id;
    clauseLabel = `Artikel ${clause.number} — ${clauseTitle}`;
    const opening = await team.patch(`${base}/clauses/${clauseId}`, { status: 'in_dialogue' });
    expect(opening.status, opening.text).toBe(200);
  });

  it('saves a version, decides proposals live, and compares and restores the clause', async () => {
    const teamTab = await openFreshPage(browser);
    opened.push(teamTab);
    const p = teamTab.page;
    const agreementUrl = `/trajecten/${trajectoryId}/overeenkomst`;

    // --- The procurement team saves a named version of the clause.
    await signIn(p, server.url, demoEmails.procurement);
    await p.goto(`${server.url}${agreementUrl}/versies`);
    await expectHeading1(p, 'Versies');
    await waitUntilLoaded(p);
    const trail = p.getByRole('navigation', { name: 'Kruimelpad' });
    expect(await trail.getByRole('link', { name: 'Overeenkomst' }).getAttribute('href')).toBe(agreementUrl);
    expect(await p.title()).toContain('Versies');
    await expectNoAxeViolations(p);

    const save = p.getByTestId('save-version');
    // Without a name: said in Dutch, at the field and in the summary.
    await save.getByRole('button', { name: 'Versie opslaan' }).click();
    await save.getByText('Geef de versie een naam.').first().waitFor();
    await save.getByLabel('Naam van de versie').fill(versionName);
    await save.getByLabel('Eén artikel').check();
    await save.getByLabel('Welk artikel?').selectOption({ label: clauseLabel });
    await save.getByRole('button', { name: 'Versie opslaan' }).click();
    await save.getByText(`De versie “${versionName}” is opgeslagen.`).waitFor();
    const row = p.getByTestId('version-row').filter({ hasText: versionName });
    await row.waitFor();
    expect(await row.innerText()).toContain(clauseLabel);
    expect(await row.innerText()).toContain('Annelies Brouwer');
    await expectNoAxeViolations(p);
    await shot(p, 'versions-saved');
    const versions = await team.get(`/trajectories/${trajectoryId}/versions`);
    const versionId = versions.body.find((v: { name: string }) => v.name === versionName).id as string;

    // --- To the amendments, filtered to this clause (the address keeps the filter).
    await p.getByRole('link', { name: 'Bekijk de wijzigingsvoorstellen' }).click();
    await expectHeading1(p, 'Wijzigingsvoorstellen');
    await waitUntilLoaded(p);
    await p.getByLabel('Voorstellen bij artikel').selectOption({ label: clauseLabel });
    await p.waitForURL((url) => url.searchParams.get('artikel') === clauseId);
    await p.getByTestId('amendment-count').getByText('0 voorstellen').waitFor();
    expect(await p.getByTestId('pending-amendments').innerText()).toContain('Er zijn geen open voorstellen.');
    await expectNoAxeViolations(p);

    // --- A provider proposes other wording; the team sees it appear without reloading.
    await propose(declined);
    const cardA = p.getByTestId('pending-amendments').getByTestId('amendment').filter({ hasText: declined.proposedText });
    await cardA.waitFor({ timeout: 10_000 });
    expect(await cardA.getByRole('heading', { level: 3 }).innerText()).toBe(clauseLabel);
    expect(await cardA.getByTestId('amendment-original').innerText()).toContain(originalText);
    expect(await cardA.getByTestId('amendment-proposed').innerText()).toContain(declined.proposedText);
    expect(await cardA.getByTestId('amendment-motivation').innerText()).toBe(declined.motivation);
    expect(await cardA.getByTestId('amendment-author').innerText()).toMatch(/^Voorgesteld door Fatima El Amrani.* op \d/);
    expect(await cardA.getByRole('link', { name: 'Naar het artikel' }).getAttribute('href')).toBe(`${agreementUrl}/artikelen/${clauseId}`);
    expect(await cardA.getByTestId('amendment-status').innerText()).toBe('Open');

    await propose(accepted);
    await propose(withdrawn);
    const overtakenId = await propose(overtaken);
    await p.getByTestId('amendment-count').getByText('4 voorstellen').waitFor({ timeout: 10_000 });
    await expectNoAxeViolations(p);
    await shot(p, 'amendments-pending');

    // --- The provider, at another computer, replies to one proposal and withdraws another.
    const providerTab = await openFreshPage(browser);
    opened.push(providerTab);
    const q = providerTab.page;
    await signIn(q, server.url, demoEmails.provider);
    await q.goto(`${server.url}${agreementUrl}/wijzigingsvoorstellen?artikel=${clauseId}`);
    await expectHeading1(q, 'Wijzigingsvoorstellen');
    await waitUntilLoaded(q);
    const qCards = q.getByTestId('pending-amendments').getByTestId('amendment');
    await qCards.first().waitFor();
    expect(await qCards.count()).toBe(4);
    // Only the procurement team decides.
    expect(await q.getByRole('button', { name: 'Aannemen' }).count()).toBe(0);
    expect(await q.getByRole('button', { name: 'Afwijzen' }).count()).toBe(0);
    expect(await q.getByRole('button', { name: 'Voorstel intrekken' }).count()).toBe(4);

    const qCardA = qCards.filter({ hasText: declined.proposedText });
    await qCardA.getByText('Reageren op dit voorstel').click();
    await qCardA.getByLabel('Uw reactie').fill(replyText);
    await qCardA.getByRole('button', { name: 'Reactie plaatsen' }).click();
    await qCardA.getByTestId('amendment-replies').getByText(replyText).waitFor();
    expect(await qCardA.getByTestId('amendment-replies').innerText()).toMatch(/^U, \d/);
    await cardA.getByRole('heading', { name: 'Reacties (1)' }).waitFor({ timeout: 10_000 });
    const teamSees = await cardA.getByTestId('amendment-replies').innerText();
    expect(teamSees).toMatch(/^Fatima El Amrani, Jeugdzorg Kennemerland Plus, \d/);
    expect(teamSees).toContain(replyText);

    const qCardC = qCards.filter({ hasText: withdrawn.proposedText });
    await qCardC.getByRole('button', { name: 'Voorstel intrekken' }).click();
    const withdrawDialog = q.getByRole('dialog', { name: 'Voorstel intrekken' });
    await withdrawDialog.waitFor();
    expect(await q.evaluate(() => document.activeElement?.textContent)).toBe('Annuleren');
    await expectNoAxeViolations(q);
    await withdrawDialog.getByRole('button', { name: 'Ja, intrekken' }).click();
    await withdrawDialog.waitFor({ state: 'hidden' });
    const qDecidedC = q.getByTestId('decided-amendments').getByTestId('amendment').filter({ hasText: withdrawn.proposedText });
    await qDecidedC.waitFor();
    expect(await qDecidedC.getByTestId('amendment-outcome').innerText()).toMatch(/^Ingetrokken door de indiener op \d/);
    expect(await qDecidedC.getByTestId('amendment-status').innerText()).toBe('Ingetrokken');
    await expectNoAxeViolations(q);
    await shot(q, 'amendments-provider');
    // The team sees the withdrawal live.
    await p.getByTestId('decided-amendments').getByTestId('amendment').filter({ hasText: withdrawn.proposedText }).waitFor({ timeout: 10_000 });

    // --- The team declines one: an empty reason is refused in Dutch, at the field, which gets focus.
    await cardA.getByRole('button', { name: 'Afwijzen' }).click();
    const declineDialog = p.getByRole('dialog', { name: 'Voorstel afwijzen' });
    await declineDialog.waitFor();
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('decline-amendment-reason');
    await declineDialog.getByRole('button', { name: 'Voorstel afwijzen' }).click();
    await declineDialog.getByText('Schrijf op waarom u dit voorstel afwijst.').waitFor();
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('decline-amendment-reason');
    expect(await declineDialog.getByLabel('Reden').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(p);
    await shot(p, 'amendments-decline-empty');
    await declineDialog.getByLabel('Reden').fill(declineReason);
    await declineDialog.getByRole('button', { name: 'Voorstel afwijzen' }).click();
    await declineDialog.waitFor({ state: 'hidden' });
    const decidedA = p.getByTestId('decided-amendments').getByTestId('amendment').filter({ hasText: declined.proposedText });
    await decidedA.waitFor();
    expect(await decidedA.getByTestId('amendment-outcome').innerText()).toContain(`Afgewezen: ${declineReason}`);
    expect(await decidedA.getByTestId('amendment-outcome').innerText()).toMatch(/Afgewezen door Annelies Brouwer op \d/);
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe(clauseLabel);
    // The provider sees the outcome and the reason live.
    await q
      .getByTestId('decided-amendments')
      .getByTestId('amendment')
      .filter({ hasText: declined.proposedText })
      .getByText(`Afgewezen: ${declineReason}`)
      .waitFor({ timeout: 10_000 });

    // --- The team accepts another, after a confirmation that says where the wording goes.
    const cardB = p.getByTestId('pending-amendments').getByTestId('amendment').filter({ hasText: accepted.proposedText });
    await cardB.getByRole('button', { name: 'Aannemen' }).click();
    const acceptDialog = p.getByRole('dialog', { name: 'Voorstel aannemen' });
    await acceptDialog.waitFor();
    expect(await acceptDialog.innerText()).toContain(`De voorgestelde tekst komt in ${clauseLabel}, in de plaats van de tekst die er nu staat.`);
    await expectNoAxeViolations(p);
    await acceptDialog.getByRole('button', { name: 'Ja, aannemen' }).click();
    await acceptDialog.waitFor({ state: 'hidden' });
    const decidedB = p.getByTestId('decided-amendments').getByTestId('amendment').filter({ hasText: accepted.proposedText });
    await decidedB.waitFor();
    expect(await decidedB.getByTestId('amendment-outcome').innerText()).toMatch(
      /^Aangenomen door Annelies Brouwer op .+\. De voorgestelde tekst staat nu in het artikel\.$/,
    );
    expect(await decidedB.getByTestId('amendment-status').innerText()).toBe('Aangenomen');

    // --- A proposal that was withdrawn while the team was about to accept it: the server's 409 in Dutch.
    const cardD = p.getByTestId('pending-amendments').getByTestId('amendment').filter({ hasText: overtaken.proposedText });
    await cardD.getByRole('button', { name: 'Aannemen' }).click();
    await acceptDialog.waitFor();
    const withdrawal = await provider.post(`/trajectories/${trajectoryId}/amendments/${overtakenId}/withdraw`, {});
    expect(withdrawal.status, withdrawal.text).toBe(200);
    await waitFor(
      async () => (await p.getByTestId('decided-amendments').getByTestId('amendment').filter({ hasText: overtaken.proposedText }).count()) === 1,
      10_000,
      'the withdrawal to arrive live',
    );
    await acceptDialog.getByRole('button', { name: 'Ja, aannemen' }).click();
    await acceptDialog.getByRole('alert').getByText('Over dit voorstel is al besloten, of het is ingetrokken. De lijst is bijgewerkt.').waitFor();
    await expectNoAxeViolations(p);
    await shot(p, 'amendments-conflict');
    // Trying again would not help: only "Sluiten" is offered; focus goes back to the proposal.
    expect(await acceptDialog.getByRole('button', { name: 'Ja, aannemen' }).count()).toBe(0);
    await acceptDialog.getByRole('button', { name: 'Sluiten' }).click();
    await acceptDialog.waitFor({ state: 'hidden' });
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe(clauseLabel);
    expect(await p.getByTestId('pending-amendments').getByTestId('amendment').count()).toBe(0);
    await expectNoAxeViolations(p);
    await shot(p, 'amendments-decided');

    // --- Comparing the saved version with the text of now shows the accepted words.
    await p.getByRole('link', { name: 'Bekijk de opgeslagen versies van de overeenkomst' }).click();
    await expectHeading1(p, 'Versies');
    await waitUntilLoaded(p);
    const compare = p.getByTestId('compare');
    await compare.getByLabel('Artikel', { exact: true }).selectOption({ label: clauseLabel });
    await compare.getByLabel('Oude tekst').selectOption(versionId);
    expect(await compare.getByLabel('Nieuwe tekst').inputValue()).toBe('current');
    await compare.getByRole('button', { name: 'Vergelijken' }).click();
    await p.waitForURL((url) => url.searchParams.get('van') === versionId && url.searchParams.get('naar') === 'current');
    const comparison = p.getByTestId('comparison');
    await comparison.getByTestId('comparison-text').waitFor();

    const expected = compareTexts(originalText, accepted.proposedText);
    const { inserted, deleted } = compareSummary(expected);
    const insertedWords = expected.filter((s) => s.kind === 'inserted').map((s) => s.text.trim());
    const deletedWords = expected.filter((s) => s.kind === 'deleted').map((s) => s.text.trim());
    expect(insertedWords.join(' ')).toContain('vijf');
    expect(deletedWords.join(' ')).toContain('tien');
    const summary = await comparison.getByTestId('comparison-summary').innerText();
    expect(summary).toBe(`${inserted} ${inserted === 1 ? 'woord' : 'woorden'} toegevoegd, ${deleted} verwijderd`);
    // textContent: what a screen reader reads, visually hidden words included.
    const squash = (texts: string[]) => texts.map((text) => text.replace(/\s+/g, ' ').trim());
    const shownInserted = squash(await comparison.getByTestId('diff-inserted').allTextContents());
    const shownDeleted = squash(await comparison.getByTestId('diff-deleted').allTextContents());
    expect(shownInserted.length).toBe(insertedWords.length);
    expect(shownDeleted.length).toBe(deletedWords.length);
    // The marks say what they are in words, not by colour alone.
    for (const [index, text] of shownInserted.entries()) {
      expect(text).toBe(`toegevoegd: ${insertedWords[index]} (einde toegevoegd)`);
    }
    for (const [index, text] of shownDeleted.entries()) {
      expect(text).toBe(`verwijderd: ${deletedWords[index]} (einde verwijderd)`);
    }
    expect(await comparison.locator('ins', { hasText: 'vijf' }).count()).toBeGreaterThan(0);
    expect(await comparison.locator('del', { hasText: 'tien' }).count()).toBeGreaterThan(0);
    const decorations = await comparison.getByTestId('diff-inserted').first().evaluate((el) => getComputedStyle(el).textDecorationLine);
    expect(decorations).toContain('underline');
    expect(await comparison.getByTestId('diff-deleted').first().evaluate((el) => getComputedStyle(el).textDecorationLine)).toContain('line-through');
    expect(await comparison.getByTestId('comparison-legend').innerText()).toContain('Toegevoegd: groen en onderstreept');
    expect(await comparison.innerText()).toContain(`Van “${versionName}” naar “huidige tekst”.`);
    await expectNoAxeViolations(p);
    await shot(p, 'versions-compare');

    // --- Restoring the version: a new edit, after a confirmation; the comparison becomes empty.
    await comparison.getByRole('button', { name: `Versie “${versionName}” terugzetten` }).click();
    const restoreDialog = p.getByRole('dialog', { name: 'Tekst terugzetten' });
    await restoreDialog.waitFor();
    expect(await restoreDialog.innerText()).toContain('Dit wordt een nieuwe bewerking; de geschiedenis blijft bewaard');
    await expectNoAxeViolations(p);
    await restoreDialog.getByRole('button', { name: 'Ja, terugzetten' }).click();
    await restoreDialog.waitFor({ state: 'hidden' });
    await comparison.getByTestId('comparison-summary').getByText('Geen verschillen').waitFor({ timeout: 10_000 });
    expect(await comparison.getByTestId('diff-inserted').count()).toBe(0);
    expect(await comparison.getByTestId('diff-deleted').count()).toBe(0);
    expect(await comparison.getByTestId('restore-done').innerText()).toContain(`is teruggezet naar de versie “${versionName}”`);
    await expectNoAxeViolations(p);
    await shot(p, 'versions-restored');
    // The server agrees: the clause reads as it did in the version.
    const check = await team.get(`/trajectories/${trajectoryId}/compare?clauseId=${clauseId}&from=${versionId}&to=current`);
    expect(check.status, check.text).toBe(200);
    expect(check.body.segments).toEqual([{ kind: 'same', text: originalText }]);

    // --- The version itself, read-only, reached from the list.
    await p.getByTestId('version-row').filter({ hasText: versionName }).getByRole('link').click();
    await expectHeading1(p, versionName);
    await waitUntilLoaded(p);
    const stored = p.getByTestId('version-clause');
    expect(await stored.getByRole('heading', { level: 2 }).innerText()).toBe(clauseLabel);
    expect(await stored.getByTestId('version-text').innerText()).toBe(originalText);
    expect(await p.getByTestId('version-meta').innerText()).toMatch(/^Opgeslagen door Annelies Brouwer op .+ · /);
    expect(await p.getByRole('navigation', { name: 'Kruimelpad' }).getByRole('link', { name: 'Versies' }).getAttribute('href')).toBe(
      `${agreementUrl}/versies`,
    );
    await expectNoAxeViolations(p);
    await shot(p, 'version-view');

    // Following "compare with now" from the version lands on a filled-in comparison.
    await stored.getByRole('link', { name: 'Vergelijken met de tekst van nu' }).click();
    await expectHeading1(p, 'Versies');
    await p.getByTestId('comparison').getByTestId('comparison-summary').getByText('Geen verschillen').waitFor();
    expect(await p.getByTestId('compare').getByLabel('Oude tekst').inputValue()).toBe(versionId);

    const problems = opened.flatMap((tab) => tab.console).filter(isProblem);
    expect(problems).toEqual([]);
  }, 180_000);

  it('lets the facilitator save a version of the whole agreement and read it, without restoring', async () => {
    // The clause gets a municipality variant (with no text of its own yet).
    const variant = await team.post(`/trajectories/${trajectoryId}/agreement/clauses/${clauseId}/variants`, {
      label: 'Velsen (test)',
      municipalities: ['Velsen'],
    });
    expect(variant.status, variant.text).toBe(201);
    const variantId = variant.body.chapters
      .flatMap((c: { clauses: Array<{ id: string; variants: Array<{ id: string }> }> }) => c.clauses)
      .find((c: { id: string }) => c.id === clauseId).variants[0].id as string;

    const tab = await openFreshPage(browser);
    const page = tab.page;
    await signIn(page, server.url, demoEmails.facilitator);
    await page.goto(`${server.url}/trajecten/${trajectoryId}/overeenkomst/versies`);
    await expectHeading1(page, 'Versies');
    await waitUntilLoaded(page);
    const save = page.getByTestId('save-version');
    await save.getByLabel('Naam van de versie').fill('Na dialoogsessie 1 (test)');
    expect(await save.getByLabel('De hele overeenkomst').isChecked()).toBe(true);
    await save.getByRole('button', { name: 'Versie opslaan' }).click();
    await save.getByText('De versie “Na dialoogsessie 1 (test)” is opgeslagen.').waitFor();
    const row = page.getByTestId('version-row').filter({ hasText: 'Na dialoogsessie 1 (test)' });
    expect(await row.innerText()).toContain('De hele overeenkomst');
    expect(await row.innerText()).toContain('Pieter Hoogland');

    await row.getByRole('link').click();
    await expectHeading1(page, 'Na dialoogsessie 1 (test)');
    await waitUntilLoaded(page);
    const agreement = await team.get(`/trajectories/${trajectoryId}/agreement`);
    const clauseCount = agreement.body.chapters.flatMap((c: { clauses: unknown[] }) => c.clauses).length;
    // Every clause of the agreement, in order, with the restored text of this test's clause.
    expect(await page.getByTestId('version-clause').count()).toBe(clauseCount);
    const ours = page.getByTestId('version-clause').filter({ hasText: clauseLabel });
    expect(await ours.getByRole('heading', { level: 3 }).allInnerTexts()).toEqual(['Regionale tekst', 'Variant Velsen (test)']);
    expect(await ours.getByTestId('version-text').innerText()).toBe(originalText);
    expect(await ours.innerText()).toContain('(Dit artikel had toen nog geen tekst.)');
    expect(await page.getByTestId('version-meta').innerText()).toContain('De hele overeenkomst');
    // Restoring is for the procurement team; comparing is for everyone.
    expect(await page.getByRole('button', { name: 'Deze tekst terugzetten' }).count()).toBe(0);
    expect(await ours.getByRole('link', { name: 'Vergelijken met de tekst van nu' }).count()).toBe(2);
    await expectNoAxeViolations(page);
    await shot(page, 'version-view-whole');

    // Comparing the variant: the form is filled in with the clause, the variant and both sides.
    await ours.getByRole('link', { name: 'Vergelijken met de tekst van nu' }).last().click();
    await expectHeading1(page, 'Versies');
    const compare = page.getByTestId('compare');
    await compare.getByTestId('comparison-summary').getByText('Geen verschillen').waitFor();
    expect(await compare.getByLabel('Welke tekst?').inputValue()).toBe(variantId);
    expect(await compare.getByLabel('Nieuwe tekst').inputValue()).toBe('current');
    expect(await compare.getByRole('heading', { level: 3 }).first().innerText()).toBe(
      `Wat is er veranderd in Artikel ${clauseLabel.replace(/^Artikel /, '')} (variant Velsen (test))?`,
    );
    // No restore button for the facilitator here either.
    expect(await compare.getByRole('button', { name: /terugzetten/ }).count()).toBe(0);
    await expectNoAxeViolations(page);
    expect(tab.console.filter(isProblem)).toEqual([]);
  }, 60_000);

  it('shows an observer the outcomes without the controls to decide, withdraw or save a version', async () => {
    const tab = await openFreshPage(browser);
    const page = tab.page;
    await signIn(page, server.url, demoEmails.observer);
    await page.goto(`${server.url}/trajecten/${trajectoryId}/overeenkomst/wijzigingsvoorstellen?artikel=${clauseId}`);
    await expectHeading1(page, 'Wijzigingsvoorstellen');
    await waitUntilLoaded(page);
    await page.getByTestId('decided-amendments').getByTestId('amendment').first().waitFor();
    expect(await page.getByTestId('decided-amendments').getByTestId('amendment').count()).toBe(4);
    expect(await page.getByRole('button', { name: /Aannemen|Afwijzen|Voorstel intrekken/ }).count()).toBe(0);
    expect(await page.getByTestId('decided-amendments').innerText()).toContain(`Afgewezen: ${declineReason}`);
    await expectNoAxeViolations(page);

    await page.goto(`${server.url}/trajecten/${trajectoryId}/overeenkomst/versies`);
    await expectHeading1(page, 'Versies');
    await waitUntilLoaded(page);
    expect(await page.getByTestId('save-version').count()).toBe(0);
    await page.getByTestId('version-row').filter({ hasText: versionName }).waitFor();
    await expectNoAxeViolations(page);

    // The same screens in English.
    await page.getByRole('button', { name: 'English' }).click();
    await expectHeading1(page, 'Versions');
    expect(await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Agreement' }).count()).toBe(1);
    await page.getByRole('link', { name: 'See the proposed changes' }).click();
    await expectHeading1(page, 'Proposed changes');
    await waitUntilLoaded(page);
    await page.getByLabel('Proposals for clause').selectOption(clauseId);
    const declinedCard = page.getByTestId('decided-amendments').getByTestId('amendment').filter({ hasText: declined.proposedText });
    expect(await declinedCard.getByTestId('amendment-outcome').innerText()).toContain(`Declined: ${declineReason}`);
    expect(await declinedCard.getByTestId('amendment-status').innerText()).toBe('Declined');
    await expectNoAxeViolations(page);
    await shot(page, 'amendments-english');
    const problems = tab.console.filter(isProblem);
    expect(problems).toEqual([]);
  }, 60_000);
});
