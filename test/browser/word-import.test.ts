import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoEmails, demoTrajectoryIds, signIn as apiSignIn } from '../helpers/api-client';
import { expectHeading1, expectNoAxeViolations, openFreshPage, signIn, waitUntilLoaded, withDemoServerAndBrowser, type OpenedPage } from '../helpers/browser';
import type { RunningServer } from '../helpers/server';
import { docxType, draftAgreementDocx, macroEnabledDocx } from '../helpers/word-files';

function problems(pages: OpenedPage[]): string[] {
  return pages.flatMap((p) => p.console).filter((m) => m.startsWith('pageerror') || m.startsWith('error: Warning'));
}

describe('importing a Word draft', () => {
  let server: RunningServer;
  let browser: Browser;
  let ijmond: string;

  withDemoServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  beforeAll(async () => {
    ({ ijmond } = await demoTrajectoryIds(await apiSignIn(server, demoEmails.admin)));
  });

  it('the procurement team uploads a .docx, merges two clauses in the preview, confirms, and everyone sees the clauses', async () => {
    // A municipality representative has the agreement open: it follows the import live.
    const gemeente = await openFreshPage(browser);
    await signIn(gemeente.page, server.url, demoEmails.municipality);
    await gemeente.page.goto(`${server.url}/trajecten/${ijmond}/overeenkomst`);
    await waitUntilLoaded(gemeente.page);
    await expect(gemeente.page.getByRole('link', { name: 'Word-bestand importeren' }).count()).resolves.toBe(0);

    const team = await openFreshPage(browser);
    await team.page.setViewportSize({ width: 360, height: 800 });
    await signIn(team.page, server.url, demoEmails.procurement);
    await team.page.goto(`${server.url}/trajecten/${ijmond}/overeenkomst`);
    await waitUntilLoaded(team.page);
    await team.page.getByRole('link', { name: 'Word-bestand importeren' }).click();
    await expectHeading1(team.page, 'Word-bestand importeren');
    await expectNoAxeViolations(team.page);

    // Without a file: a message at the field.
    await team.page.getByRole('button', { name: 'Bestand lezen' }).click();
    await team.page.getByText('Kies een Word-bestand.').waitFor();

    // A macro-enabled file is refused with a reason the person understands.
    await team.page.getByLabel('Word-bestand (.docx)').setInputFiles({ name: 'concept.docm', mimeType: docxType, buffer: await macroEnabledDocx() });
    await team.page.getByRole('button', { name: 'Bestand lezen' }).click();
    await team.page.getByRole('alert').getByText('Dit bestand bevat macro’s (.docm).', { exact: false }).waitFor();
    await expectNoAxeViolations(team.page);

    await team.page.getByLabel('Word-bestand (.docx)').setInputFiles({ name: 'Concept overeenkomst.docx', mimeType: docxType, buffer: await draftAgreementDocx() });
    await team.page.getByRole('button', { name: 'Bestand lezen' }).click();
    await team.page.getByRole('heading', { level: 2, name: 'Voorbeeld' }).waitFor();
    await team.page.getByText('Concept overeenkomst.docx: 3 hoofdstukken, 6 artikelen.').waitFor();
    const tree = team.page.getByTestId('word-import-tree');
    expect(await tree.getByRole('heading', { level: 3 }).allInnerTexts()).toEqual(['Hoofdstuk 1\nInleiding', 'Hoofdstuk 2\nAlgemene bepalingen', 'Hoofdstuk 3\nKwaliteit en tarieven']);
    await expectNoAxeViolations(team.page);
    // Nothing fits wider than the phone's screen.
    expect(await team.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // Merge "De aanbieder levert zorg…" with the next clause, with the keyboard.
    const merge = tree.getByRole('button', { name: /^Samenvoegen met volgend artikel\s*:\s*De aanbieder levert zorg/ });
    await merge.focus();
    await team.page.keyboard.press('Enter');
    await team.page.getByText('Concept overeenkomst.docx: 3 hoofdstukken, 5 artikelen.').waitFor();
    await team.page.getByTestId('word-import-announcement').getByText('„De aanbieder levert zorg volgens de geldende kwaliteitseisen.” is samengevoegd met het volgende.').waitFor();
    // Focus stays on the merged clause, so the keyboard user does not lose their place.
    expect(await team.page.evaluate(() => document.activeElement?.textContent)).toBe('Artikel 3.1 De aanbieder levert zorg volgens de geldende kwaliteitseisen.');
    const merged = tree.getByTestId('word-import-clause').filter({ hasText: 'De aanbieder levert zorg volgens de geldende kwaliteitseisen.' });
    await merged.getByText('Tekst tonen (3 delen)').click();
    await merged.getByText('Opsomming: bij de toezichthouder;').waitFor();
    await expectNoAxeViolations(team.page);

    await team.page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await team.page.getByRole('heading', { name: 'Geïmporteerd' }).waitFor();
    await team.page.getByText('3 hoofdstukken en 5 artikelen zijn aan de overeenkomst toegevoegd.').waitFor();
    await expectNoAxeViolations(team.page);

    // The municipality's page shows the new clauses without a reload.
    await gemeente.page.getByRole('heading', { level: 2, name: /Kwaliteit en tarieven/ }).waitFor({ timeout: 15_000 });
    await gemeente.page.getByRole('link', { name: /Begrippen/ }).waitFor();

    await team.page.getByRole('link', { name: 'Naar de overeenkomst' }).click();
    await waitUntilLoaded(team.page);
    await team.page.getByRole('link', { name: /De aanbieder levert zorg volgens de geldende kwaliteitseisen\./ }).click();
    await waitUntilLoaded(team.page);
    const text = team.page.getByTestId('clause-text');
    await text.getByText('De aanbieder meldt calamiteiten binnen drie werkdagen.').waitFor();
    await text.locator('ol li', { hasText: 'bij de toezichthouder;' }).waitFor();

    // Bold and italic came along into the editor.
    await team.page.goto(`${server.url}/trajecten/${ijmond}/overeenkomst`);
    await waitUntilLoaded(team.page);
    await team.page.getByRole('link', { name: /Begrippen/ }).click();
    await waitUntilLoaded(team.page);
    await team.page.getByTestId('clause-text').locator('strong', { hasText: 'jeugdhulp' }).waitFor();
    await team.page.getByTestId('clause-text').locator('em', { hasText: 'ondersteuning' }).waitFor();
    await team.page.getByTestId('clause-text').locator('ul li', { hasText: 'gemeente: een deelnemende gemeente;' }).waitFor();

    expect(problems([team, gemeente])).toEqual([]);
  }, 240_000);
});
