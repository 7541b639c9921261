import { describe, it, expect } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { expectHeading1, expectNoAxeViolations, openFreshPage, signIn, waitUntilLoaded, withDemoServerAndBrowser } from '../helpers/browser';
import type { OpenedPage } from '../helpers/browser';
import type { RunningServer } from '../helpers/server';

const shots = process.env.SCREENSHOTS_DIR;
const clauseTitle = 'Artikel 6 — Tarieven en budgetplafond';
const sentence = 'Partijen bespreken de tarieven ieder jaar met de cliëntvertegenwoordigers.';
const remark = 'Graag ook vastleggen wanneer ouders de uitkomst van dat gesprek te zien krijgen.';
const clientName = 'Joke de Ruiter';

/** Saves a full-page screenshot when SCREENSHOTS_DIR is set (to look at the screens; not an assertion). */
async function shot(page: Page, name: string): Promise<void> {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

/** From the list of trajectories to the IJmond trajectory's agreement, through the sub-navigation, as a person would. */
async function openAgreement(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/trajecten`);
  await page.getByTestId('trajectory-list').getByRole('link', { name: /IJmond/ }).click();
  await page.waitForURL(/\/trajecten\/[a-f0-9]{24}$/);
  await waitUntilLoaded(page);
  await page.getByRole('navigation', { name: 'In dit traject' }).getByRole('link', { name: 'Overeenkomst' }).click();
  await page.waitForURL(/\/trajecten\/[a-f0-9]{24}\/overeenkomst$/);
  await expectHeading1(page, 'Overeenkomst');
  await waitUntilLoaded(page);
}

/** Waits until the clause's text has arrived from the server (the save state leaves "Verbinden…"). */
async function waitForText(page: Page): Promise<void> {
  await page.getByTestId('clause-text').waitFor();
  await page.waitForFunction(() => {
    const state = document.querySelector('[data-testid="save-status"]')?.getAttribute('data-state');
    return state === 'saved' || state === 'saving';
  });
}

/** The text as written, without the others' carets and their name labels in it. */
function textWithoutCarets(text: Locator): Promise<string> {
  return text.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.dt-caret').forEach((caret) => caret.remove());
    return copy.textContent ?? '';
  });
}

/** Waits until the server has confirmed everything written here: the page says "Opgeslagen". */
async function waitForSaved(page: Page, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="save-status"]')?.getAttribute('data-state') === 'saved' &&
      document.querySelector('[data-testid="save-state"]')?.textContent === 'Opgeslagen',
    undefined,
    { timeout },
  );
}

/** Selects `text` inside `container` with the mouse: press at its first letter, drag to after its last. */
async function selectWithMouse(page: Page, container: Locator, text: string): Promise<void> {
  const box = await container.evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const first = document.createRange();
      first.setStart(node, at);
      first.setEnd(node, at + 1);
      const last = document.createRange();
      last.setStart(node, at + wanted.length - 1);
      last.setEnd(node, at + wanted.length);
      const a = first.getBoundingClientRect();
      const b = last.getBoundingClientRect();
      return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right, y2: b.top + b.height / 2 };
    }
    return null;
  }, text);
  if (!box) throw new Error(`text not found for selecting: ${text}`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, box.y2, { steps: 5 });
  await page.mouse.move(box.x2, box.y2, { steps: 5 });
  await page.mouse.up();
}

function problemsIn(...pages: OpenedPage[]): string[] {
  return pages.flatMap((p) => p.console).filter((m) => /^(pageerror|error|warning)/.test(m));
}

describe('co-editing a clause of the draft agreement', () => {
  let server: RunningServer;
  let browser: Browser;

  withDemoServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('writes live for both, and a client representative comments anonymously on a sentence the provider wrote', async () => {
    // --- The provider finds the clause in the agreement.
    const providerTab = await openFreshPage(browser);
    const p = providerTab.page;
    await signIn(p, server.url, 'aanbieder@dialoogtafel.example');
    // The sign-in page asks who is signed in and gets 401 before signing in; count from here on.
    providerTab.console.length = 0;
    await openAgreement(p, server.url);
    const item = p.getByTestId('clause-item').filter({ has: p.getByRole('heading', { name: clauseTitle, exact: true }) });
    await item.waitFor();
    expect(await item.getByTestId('clause-status').innerText()).toBe('In dialoog');
    expect(await item.innerText()).toContain('Onderwerpen: Bekostiging en budgetplafond, Kleine, lokale en vrijgevestigde praktijken');
    expect(await item.getByTestId('clause-open-items').innerText()).toBe('1 open reactie');
    // The provider does not manage the structure.
    expect(await p.getByText('Artikel beheren').count()).toBe(0);
    expect(await p.getByRole('heading', { name: 'Hoofdstuk toevoegen' }).count()).toBe(0);
    // The trajectory's open comments, per clause, each linking to its clause.
    const openComments = p.getByTestId('open-comments');
    expect(await openComments.getByRole('heading', { level: 2 }).innerText()).toBe('Open reacties (3)');
    expect(await openComments.getByTestId('open-comments-clause').count()).toBe(3);
    // The demo's anonymous comment shows the group, not the person.
    const anonymousDemo = openComments.getByTestId('open-comment').filter({ hasText: 'Zes maanden is voor een kind' });
    expect(await anonymousDemo.innerText()).toContain('Cliëntvertegenwoordiger');
    expect(await anonymousDemo.innerText()).not.toContain(clientName);
    expect(await p.getByRole('link', { name: 'Wijzigingsvoorstellen' }).getAttribute('href')).toMatch(/\/overeenkomst\/wijzigingsvoorstellen$/);
    expect(await p.getByRole('link', { name: 'Versies en vergelijken' }).getAttribute('href')).toMatch(/\/overeenkomst\/versies$/);
    await expectNoAxeViolations(p);
    await shot(p, 'agreement-provider');

    await item.getByRole('link', { name: clauseTitle }).click();
    await p.waitForURL(/\/overeenkomst\/artikelen\/[a-f0-9]{24}$/);
    const clauseUrl = p.url();
    await expectHeading1(p, clauseTitle);
    await waitForText(p);
    expect(await p.getByTestId('clause-access').innerText()).toContain('U kunt dit artikel bewerken.');
    const providerText = p.getByTestId('clause-text');
    expect(await providerText.getAttribute('contenteditable')).toBe('true');
    expect(await providerText.innerText()).toContain('Er geldt geen budgetplafond per aanbieder.');
    expect(await p.getByRole('toolbar', { name: 'Opmaak van de tekst' }).getByRole('button', { name: 'Vet' }).count()).toBe(1);
    // The demo comment of the municipality is beside the text, its words marked in it.
    const demoComment = p.getByTestId('comment').filter({ hasText: 'signaleringsafspraak' });
    await demoComment.waitFor();
    expect(await demoComment.getByTestId('comment-author').innerText()).toContain('Ruud Kramer (Gemeente Haarlem) · Gemeente');
    await p.locator('[data-testid="clause-text"] mark.dt-comment-mark').filter({ hasText: 'Er geldt geen budgetplafond per aanbieder.' }).waitFor();
    expect(await p.getByTestId('people-here').innerText()).toContain('Er is nu niemand anders in dit artikel.');

    // --- The client representative opens the same clause.
    const clientTab = await openFreshPage(browser);
    const c = clientTab.page;
    await signIn(c, server.url, 'client@dialoogtafel.example');
    clientTab.console.length = 0;
    await c.goto(clauseUrl);
    await expectHeading1(c, clauseTitle);
    await waitForText(c);
    const clientText = c.getByTestId('clause-text');
    // Read-only, and the page says why.
    expect(await clientText.getAttribute('contenteditable')).toBe('false');
    expect(await clientText.getAttribute('aria-readonly')).toBe('true');
    expect(await c.getByTestId('clause-access').innerText()).toBe(
      'U kunt dit artikel lezen en erop reageren; alleen het inkoopteam, de gemeenten en de zorgaanbieders schrijven in deze fase.',
    );
    expect(await c.getByTestId('editor-toolbar').count()).toBe(0);

    // The provider sees the client representative arrive in "Nu in dit artikel", without reloading.
    const here = p.getByTestId('person-here').filter({ hasText: clientName });
    await here.waitFor({ timeout: 10_000 });
    expect(await here.innerText()).toContain(`${clientName}, Cliëntvertegenwoordiger`);
    expect(await p.getByTestId('people-here').innerText()).toContain('2 personen');

    // --- The provider writes a sentence in a new paragraph at the end.
    await providerText.click();
    await p.keyboard.press('Control+End');
    await p.keyboard.press('Enter');
    await p.keyboard.type(sentence);
    await waitForSaved(p);

    // The client representative sees it appear, with the provider's caret and name beside it.
    await clientText.getByText(sentence).waitFor({ timeout: 10_000 });
    await clientText.locator('.dt-caret__label', { hasText: 'Fatima El Amrani' }).waitFor({ timeout: 10_000 });
    // The provider opens the clause in a second tab too: two carets, but one person in "Nu in dit artikel".
    const secondTab = await p.context().newPage();
    const secondConsole: string[] = [];
    secondTab.on('console', (message) => secondConsole.push(`${message.type()}: ${message.text()}`));
    secondTab.on('pageerror', (error) => secondConsole.push(`pageerror: ${error.message}`));
    await secondTab.goto(clauseUrl);
    await waitForText(secondTab);
    await secondTab.getByTestId('clause-text').getByText('Vrijgevestigde praktijken en kleine aanbieders').click();
    await c.waitForFunction(() => document.querySelectorAll('[data-testid="clause-text"] .dt-caret__label').length === 2, undefined, { timeout: 10_000 });
    expect(await clientText.locator('.dt-caret__label').allInnerTexts()).toEqual(['Fatima El Amrani', 'Fatima El Amrani']);
    expect(await c.getByTestId('person-here').filter({ hasText: 'Fatima El Amrani' }).count()).toBe(1);
    expect(await c.getByTestId('people-here').innerText()).toContain('2 personen');
    await secondTab.close();
    await c.waitForFunction(() => document.querySelectorAll('[data-testid="clause-text"] .dt-caret__label').length === 1, undefined, { timeout: 10_000 });
    expect(secondConsole.filter((m) => /^(pageerror|error|warning)/.test(m))).toEqual([]);

    // Typing in a read-only text changes nothing.
    await clientText.click();
    await c.keyboard.type('xyz');
    expect(await clientText.innerText()).not.toContain('xyz');
    await expectNoAxeViolations(c);
    await shot(c, 'clause-client-read-only');

    // --- The client representative selects the sentence and comments on it, anonymously.
    await selectWithMouse(c, clientText, sentence);
    expect(await c.evaluate(() => document.getSelection()?.toString())).toBe(sentence);
    await c.getByRole('button', { name: 'Reageren', exact: true }).click();
    const composer = c.getByTestId('comment-composer');
    await composer.waitFor();
    expect(await composer.getByTestId('comment-draft-quote').innerText()).toBe(sentence);
    // Focus goes to the comment field at once.
    expect(await c.evaluate(() => document.activeElement?.id)).toBe('comment-body');
    await c.keyboard.type(remark);
    const anonymous = composer.getByLabel('Anoniem plaatsen (de tafel ziet ‘cliëntvertegenwoordiger’)');
    await anonymous.check();
    await expectNoAxeViolations(c);
    await shot(c, 'clause-client-composing');
    await composer.getByRole('button', { name: 'Reactie plaatsen' }).click();
    await composer.waitFor({ state: 'hidden' });
    const own = c.getByTestId('comment').filter({ hasText: remark });
    await own.waitFor();
    // The author sees their own name, and that it went out anonymously.
    expect(await own.getByTestId('comment-author').innerText()).toContain('anoniem geplaatst');
    expect(await c.getByTestId('clause-announcement').innerText()).toBe('Uw reactie is anoniem geplaatst.');

    // --- The provider sees the comment appear live, as "Cliëntvertegenwoordiger", not by name.
    const arrived = p.getByTestId('comment').filter({ hasText: remark });
    await arrived.waitFor({ timeout: 10_000 });
    expect(await arrived.getByTestId('comment-author').innerText()).toMatch(/^Cliëntvertegenwoordiger\s/);
    expect(await arrived.innerText()).not.toContain(clientName);
    expect(await arrived.getByTestId('comment-quote').innerText()).toContain(sentence);
    // Its words are marked in the provider's text.
    await p.locator('[data-testid="clause-text"] mark.dt-comment-mark').filter({ hasText: sentence }).waitFor({ timeout: 10_000 });
    expect(await p.getByTestId('clause-announcement').innerText()).toBe('Nieuwe reactie van Cliëntvertegenwoordiger.');
    // Choosing the comment selects its words in the text.
    await arrived.getByTestId('comment-quote').click();
    await p.waitForFunction((expected) => document.getSelection()?.toString() === expected, sentence);
    // Focus stays on the comment, so reading the comments goes on from there.
    expect(await p.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('comment-quote');
    expect(await p.locator('mark.dt-comment-mark--active').innerText()).toBe(sentence);
    await expectNoAxeViolations(p);
    await shot(p, 'clause-provider-comment-arrived');

    // The provider deletes the sentence: for both, the comment says its words are gone, and keeps the quote.
    await providerText.focus();
    await p.waitForFunction((expected) => document.getSelection()?.toString() === expected, sentence);
    await p.keyboard.press('Backspace');
    await waitForSaved(p);
    for (const page of [p, c]) {
      const card = page.getByTestId('comment').filter({ hasText: remark });
      await card.getByText('De woorden waarop deze reactie ging, staan niet meer in de tekst:').waitFor({ timeout: 10_000 });
      expect(await card.locator('blockquote').innerText()).toBe(sentence);
      expect(await card.getByTestId('comment-quote').count()).toBe(0);
    }
    expect(await textWithoutCarets(clientText)).not.toContain(sentence);

    // The comments count went up on the agreement page too, live.
    await p.goto(`${clauseUrl.replace(/\/artikelen\/.*$/, '')}`);
    await expectHeading1(p, 'Overeenkomst');
    await waitUntilLoaded(p);
    const updated = p.getByTestId('clause-item').filter({ has: p.getByRole('heading', { name: clauseTitle, exact: true }) });
    expect(await updated.getByTestId('clause-open-items').innerText()).toBe('2 open reacties');

    expect(problemsIn(providerTab, clientTab)).toEqual([]);
  }, 120_000);

  it('lets the procurement team shape the agreement and its variants, live for a municipality that proposes other wording', async () => {
    const teamTab = await openFreshPage(browser);
    const team = teamTab.page;
    await signIn(team, server.url, 'inkoop@dialoogtafel.example');
    teamTab.console.length = 0;
    await openAgreement(team, server.url);
    const agreementUrl = team.url();

    // A municipality watches the agreement page meanwhile.
    const municipalityTab = await openFreshPage(browser);
    const m = municipalityTab.page;
    await signIn(m, server.url, 'gemeente@dialoogtafel.example');
    municipalityTab.console.length = 0;
    await m.goto(agreementUrl);
    await expectHeading1(m, 'Overeenkomst');
    await waitUntilLoaded(m);

    // --- A chapter and a clause in it.
    await team.getByLabel('Titel van het hoofdstuk').fill('Slotbepalingen');
    await team.getByRole('button', { name: 'Hoofdstuk toevoegen' }).click();
    const chapter = team.getByTestId('chapter').filter({ has: team.getByRole('heading', { name: 'Hoofdstuk 4. Slotbepalingen' }) });
    await chapter.waitFor();
    await chapter.getByText('Artikel toevoegen', { exact: true }).click();
    await chapter.getByLabel('Titel van het artikel').fill('Geschillen');
    await chapter.getByLabel('Contractuele voorwaarden').check();
    await chapter.getByLabel('Eerste tekst (niet verplicht)').fill('Partijen lossen een geschil eerst samen op.\n\nLukt dat niet, dan vragen zij een onafhankelijke bemiddelaar.');
    await expectNoAxeViolations(team);
    await chapter.getByRole('button', { name: 'Artikel toevoegen' }).click();
    const added = chapter.getByTestId('clause-item').filter({ hasText: 'Artikel 7 — Geschillen' });
    await added.waitFor();
    expect(await added.getByTestId('clause-status').innerText()).toBe('Concept');
    expect(await added.innerText()).toContain('Onderwerpen: Contractuele voorwaarden');
    // The municipality sees it without reloading.
    await m.getByRole('heading', { name: 'Artikel 7 — Geschillen' }).waitFor({ timeout: 10_000 });

    // --- Its stage changes; the municipality sees that too.
    await added.getByText('Artikel beheren').click();
    await added.getByLabel('Fase').selectOption({ label: 'In dialoog' });
    await added.getByRole('button', { name: 'Fase wijzigen' }).click();
    await added.getByTestId('clause-status').filter({ hasText: 'In dialoog' }).waitFor();
    expect(await team.getByTestId('agreement-announcement').innerText()).toBe('Artikel 7 staat nu in de fase In dialoog.');
    const seen = m.getByTestId('clause-item').filter({ hasText: 'Artikel 7 — Geschillen' });
    await seen.getByTestId('clause-status').filter({ hasText: 'In dialoog' }).waitFor({ timeout: 10_000 });

    // --- Moving a clause up renumbers the agreement; focus stays on a move button.
    const chapter2 = team.getByTestId('chapter').filter({ has: team.getByRole('heading', { name: 'Hoofdstuk 2. Toegang en zorgcontinuïteit' }) });
    const acceptance = chapter2.getByTestId('clause-item').filter({ has: team.getByRole('heading', { name: 'Artikel 5 — Acceptatieplicht' }) });
    await acceptance.getByText('Artikel beheren').click();
    await acceptance.getByRole('button', { name: 'Hoger: artikel 5' }).click();
    await chapter2.getByRole('heading', { name: 'Artikel 4 — Acceptatieplicht' }).waitFor();
    expect(await chapter2.getByRole('heading', { level: 3 }).allInnerTexts()).toEqual([
      'Artikel 3 — Zorgcontinuïteit bij wisseling van aanbieder',
      'Artikel 4 — Acceptatieplicht',
      'Artikel 5 — Wachttijden en doorverwijzing',
    ]);
    await team.waitForFunction(() => /^clause-[a-f0-9]{24}-(up|down)$/.test(document.activeElement?.id ?? ''));
    await m.getByRole('heading', { name: 'Artikel 5 — Wachttijden en doorverwijzing' }).waitFor({ timeout: 10_000 });
    await expectNoAxeViolations(team);
    await shot(team, 'agreement-team');

    // --- The clause with a municipality variant: tabs for the regional text and the variant.
    await chapter2.getByRole('link', { name: 'Artikel 5 — Wachttijden en doorverwijzing' }).click();
    await expectHeading1(team, 'Artikel 5 — Wachttijden en doorverwijzing');
    await waitForText(team);
    const clauseUrl = team.url();
    const tabs = team.getByRole('tablist', { name: 'Teksten van dit artikel' });
    expect(await tabs.getByRole('tab').allInnerTexts()).toEqual(['Regionale tekst · 1 open reactie', 'Haarlem en Heemstede: wijkteams (Haarlem en Heemstede)']);
    expect(await team.getByTestId('comments').getByTestId('comment').count()).toBe(1);
    await tabs.getByRole('tab', { name: /^Haarlem en Heemstede/ }).click();
    await team.getByTestId('clause-text').getByText('Het sociaal wijkteam blijft tijdens de wachttijd het aanspreekpunt').waitFor();
    expect(await team.getByText('Deze tekst geldt voor Haarlem en Heemstede, in plaats van de regionale tekst.').count()).toBe(1);
    expect(await team.getByTestId('comments').innerText()).toContain('Er zijn nog geen reacties op deze tekst.');
    // Arrow keys move between the tabs.
    await team.keyboard.press('ArrowLeft');
    await team.getByTestId('clause-text').getByText('De opdrachtnemer publiceert iedere maand zijn actuele wachttijden.').waitFor();
    expect(await team.evaluate(() => document.activeElement?.textContent)).toBe('Regionale tekst · 1 open reactie');

    // --- A new variant for Velsen; the team writes its text.
    await team.getByRole('button', { name: 'Variant toevoegen' }).click();
    const dialog = team.getByRole('dialog', { name: 'Variant toevoegen' });
    await dialog.waitFor();
    // Municipalities that have a variant already cannot be chosen again.
    expect(await dialog.getByLabel('Haarlem').count()).toBe(0);
    await expectNoAxeViolations(team);
    await dialog.getByLabel('Naam van de variant').fill('Velsen: jeugdteam');
    await dialog.getByLabel('Velsen').check();
    await dialog.getByRole('button', { name: 'Variant toevoegen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const velsenTab = tabs.getByRole('tab', { name: 'Velsen: jeugdteam (Velsen)' });
    expect(await velsenTab.getAttribute('aria-selected')).toBe('true');
    await waitForText(team);
    const velsenText = 'In Velsen meldt het jeugdteam de jeugdige aan.';
    const teamText = team.getByTestId('clause-text');
    await teamText.click();
    await team.keyboard.type(velsenText);
    await waitForSaved(team);

    // --- Formatting with the toolbar: one tab stop, arrow keys between the buttons; a table, a link, bold.
    const toolbar = team.getByRole('toolbar', { name: 'Opmaak van de tekst' });
    await toolbar.getByRole('button', { name: 'Vet' }).focus();
    await team.keyboard.press('ArrowRight');
    expect(await team.evaluate(() => document.activeElement?.textContent)).toBe('Cursief');
    expect(await toolbar.locator('button[tabindex="0"]').count()).toBe(1);
    await teamText.click();
    await team.keyboard.press('Control+End');
    await team.keyboard.press('Enter');
    await toolbar.getByRole('button', { name: 'Tabel' }).click();
    await teamText.locator('table th').first().waitFor();
    expect(await toolbar.getByRole('button', { name: 'Rij erbij' }).count()).toBe(1);
    await team.keyboard.type('Termijn');
    await selectWithMouse(team, teamText, 'jeugdteam');
    await toolbar.getByRole('button', { name: 'Link' }).click();
    const linkDialog = team.getByRole('dialog', { name: 'Link toevoegen' });
    await linkDialog.getByLabel('Webadres of e-mailadres').fill('www.velsen.nl');
    await linkDialog.getByRole('button', { name: 'Link opslaan' }).click();
    await teamText.locator('a[href="https://www.velsen.nl"]', { hasText: 'jeugdteam' }).waitFor();
    await selectWithMouse(team, teamText, 'meldt');
    await toolbar.getByRole('button', { name: 'Vet' }).click();
    expect(await toolbar.getByRole('button', { name: 'Vet' }).getAttribute('aria-pressed')).toBe('true');
    await teamText.locator('strong', { hasText: 'meldt' }).waitFor();
    await waitForSaved(team);

    // --- The municipality opens the clause: it sees the team in it, and the variant's text.
    await m.goto(clauseUrl);
    await expectHeading1(m, 'Artikel 5 — Wachttijden en doorverwijzing');
    await waitForText(m);
    await m.getByTestId('person-here').filter({ hasText: 'Annelies Brouwer, Inkoopteam' }).waitFor({ timeout: 10_000 });
    await m.getByRole('tab', { name: 'Velsen: jeugdteam (Velsen)' }).click();
    await m.getByTestId('clause-text').locator('strong', { hasText: 'meldt' }).waitFor({ timeout: 10_000 });
    expect(await textWithoutCarets(m.getByTestId('clause-text'))).toContain(velsenText);
    expect(await m.getByTestId('clause-text').locator('a[href="https://www.velsen.nl"]').innerText()).toBe('jeugdteam');
    expect(await m.getByTestId('clause-text').locator('table th').first().innerText()).toBe('Termijn');
    await m.getByRole('tab', { name: /^Regionale tekst/ }).click();
    await waitForText(m);

    // --- The municipality proposes other wording for "binnen zes weken".
    const mText = m.getByTestId('clause-text');
    await selectWithMouse(m, mText, 'binnen zes weken');
    await m.getByRole('button', { name: 'Wijziging voorstellen' }).click();
    const proposal = m.getByRole('dialog', { name: 'Wijziging voorstellen' });
    await proposal.waitFor();
    expect(await proposal.locator('blockquote').innerText()).toBe('binnen zes weken');
    expect(await proposal.getByLabel('Voorgestelde tekst').inputValue()).toBe('binnen zes weken');
    // Nothing changed yet: the form says so and sends nothing.
    await proposal.getByLabel('Waarom stelt u dit voor?').fill('Gezinnen wachten nu te lang.');
    await proposal.getByRole('button', { name: 'Voorstel indienen' }).click();
    await proposal.getByText('De voorgestelde tekst is hetzelfde als de huidige. Verander eerst iets.').first().waitFor();
    await proposal.getByLabel('Voorgestelde tekst').fill('binnen vijf weken');
    await expectNoAxeViolations(m);
    await proposal.getByRole('button', { name: 'Voorstel indienen' }).click();
    await proposal.waitFor({ state: 'hidden' });
    await m.getByTestId('proposal-done').getByText('Uw voorstel is ingediend. Het inkoopteam beslist erover.').waitFor();
    expect(await m.getByTestId('proposal-done').getByRole('link', { name: 'Bekijk de wijzigingsvoorstellen' }).getAttribute('href')).toMatch(/\/overeenkomst\/wijzigingsvoorstellen$/);
    // The count of open proposals for the clause follows, for the team too, live.
    await m.getByRole('link', { name: '2 open wijzigingsvoorstellen bij dit artikel' }).waitFor({ timeout: 10_000 });
    await team.getByRole('link', { name: '2 open wijzigingsvoorstellen bij dit artikel' }).waitFor({ timeout: 10_000 });

    // --- By keyboard only: the comment shortcut in the text, then choosing a paragraph.
    await mText.focus();
    // Coming back into the text, the editor puts back the selection it had (the proposal's words).
    await m.waitForFunction(() => document.getSelection()?.toString() === 'binnen zes weken');
    await m.keyboard.press('Control+End');
    await m.waitForFunction(() => document.getSelection()?.isCollapsed === true);
    await m.keyboard.press('Control+Alt+KeyM');
    const composer = m.getByTestId('comment-composer');
    await composer.waitFor();
    // Nothing was selected: the form asks which paragraph, and starts there.
    expect(await m.evaluate(() => document.activeElement?.id)).toBe('comment-block');
    await m.keyboard.press('ArrowDown');
    await composer.getByLabel('Uw reactie').fill('Wie houdt de wachttijden bij?');
    // Only client representatives can post anonymously.
    expect(await composer.getByLabel(/^Anoniem plaatsen/).count()).toBe(0);
    await composer.getByRole('button', { name: 'Reactie plaatsen' }).click();
    const posted = m.getByTestId('comment').filter({ hasText: 'Wie houdt de wachttijden bij?' });
    await posted.waitFor();
    expect(await posted.getByTestId('comment-quote').innerText()).toContain('Kan de opdrachtnemer de hulp niet binnen die termijn starten');
    expect(await posted.getByTestId('comment-author').innerText()).toContain('Ruud Kramer (Gemeente Haarlem) · Gemeente');
    await expectNoAxeViolations(m);
    await shot(m, 'clause-municipality');

    // The team sees the new comment counted on the regional text's tab, live; it replies and resolves it.
    await tabs.getByRole('tab', { name: 'Regionale tekst · 2 open reacties' }).click();
    const teamComment = team.getByTestId('comment').filter({ hasText: 'Wie houdt de wachttijden bij?' });
    await teamComment.waitFor({ timeout: 10_000 });
    await teamComment.getByText('Antwoorden', { exact: true }).click();
    await teamComment.getByLabel('Uw antwoord op de reactie van Ruud Kramer (Gemeente Haarlem) · Gemeente').fill('De toegang, per maand.');
    await teamComment.getByRole('button', { name: 'Antwoord plaatsen' }).click();
    await teamComment.getByTestId('comment-reply').filter({ hasText: 'De toegang, per maand.' }).waitFor();
    await teamComment.getByRole('button', { name: 'Afhandelen: reactie van Ruud Kramer (Gemeente Haarlem) · Gemeente' }).click();
    await team.getByText('Afgehandelde reacties (1)').waitFor();
    await m.getByText('Afgehandelde reacties (1)').click({ timeout: 10_000 });
    const resolved = m.getByTestId('comment').filter({ hasText: 'Wie houdt de wachttijden bij?' });
    expect(await resolved.getAttribute('data-status')).toBe('resolved');
    expect(await resolved.getByTestId('comment-reply').innerText()).toContain('De toegang, per maand.');
    expect(await resolved.innerText()).toContain('Afgehandeld door Annelies Brouwer');
    // The author may open it again; its words are no longer marked while it is resolved.
    expect(await resolved.getByRole('button', { name: /^Weer openen: reactie van/ }).count()).toBe(1);
    await m.waitForFunction(
      () => ![...document.querySelectorAll('[data-testid="clause-text"] mark')].some((mark) => mark.textContent?.includes('Kan de opdrachtnemer')),
    );
    await expectNoAxeViolations(team);
    await shot(team, 'clause-team');

    // --- The table agrees: the team moves the clause on, and the municipality's text turns read-only at once.
    await team.getByLabel('Fase').selectOption({ label: 'Overeenstemming' });
    await team.getByRole('button', { name: 'Fase wijzigen' }).click();
    await m.getByTestId('clause-status').filter({ hasText: 'Overeenstemming' }).waitFor({ timeout: 10_000 });
    await m.waitForFunction(() => document.querySelector('[data-testid="clause-text"]')?.getAttribute('contenteditable') === 'false', undefined, { timeout: 10_000 });
    expect(await m.getByTestId('clause-access').innerText()).toBe('U kunt dit artikel lezen en erop reageren; alleen het inkoopteam schrijft in deze fase.');
    expect(await m.getByTestId('editor-toolbar').count()).toBe(0);
    await m.getByTestId('clause-text').click();
    await m.keyboard.type('niet meer');
    expect(await m.getByTestId('clause-text').innerText()).not.toContain('niet meer');
    // The team still writes.
    expect(await team.getByTestId('clause-text').getAttribute('contenteditable')).toBe('true');

    expect(problemsIn(teamTab, municipalityTab)).toEqual([]);
  }, 180_000);

  it('shows the facilitator who commented anonymously, marked as such, in Dutch and in English', async () => {
    const facilitatorTab = await openFreshPage(browser);
    const f = facilitatorTab.page;
    await signIn(f, server.url, 'facilitator@dialoogtafel.example');
    facilitatorTab.console.length = 0;
    await openAgreement(f, server.url);
    const anonymousDemo = f.getByTestId('open-comment').filter({ hasText: 'Zes maanden is voor een kind' });
    expect(await anonymousDemo.innerText()).toContain(`${clientName} (Adviesraad Sociaal Domein Haarlem) · Cliëntvertegenwoordiger · anoniem geplaatst`);
    await anonymousDemo.getByRole('link', { name: 'Bekijk in artikel 3' }).click();
    await expectHeading1(f, 'Artikel 3 — Zorgcontinuïteit bij wisseling van aanbieder');
    await waitForText(f);
    // The link leads to the comment: its words are selected in the text.
    await f.waitForFunction(() => document.getSelection()?.toString() === 'gedurende een overgangstermijn van zes maanden');
    const card = f.getByTestId('comment').filter({ hasText: 'Zes maanden is voor een kind' });
    expect(await card.getAttribute('class')).toContain('dt-comment--selected');
    expect(await card.getByTestId('comment-author').innerText()).toContain('anoniem geplaatst');
    // The facilitator reads and comments, but does not write in the text.
    expect(await f.getByTestId('clause-text').getAttribute('contenteditable')).toBe('false');
    expect(await f.getByRole('button', { name: 'Afhandelen: reactie van Joke de Ruiter (Adviesraad Sociaal Domein Haarlem) · Cliëntvertegenwoordiger · anoniem geplaatst' }).count()).toBe(1);

    await f.getByRole('button', { name: 'English' }).click();
    await expectHeading1(f, 'Clause 3 — Zorgcontinuïteit bij wisseling van aanbieder');
    expect(await f.getByTestId('clause-access').innerText()).toBe(
      'You can read this clause and comment on it; only the procurement team, the municipalities and the providers write at this stage.',
    );
    expect(await card.getByTestId('comment-author').innerText()).toContain('Client representative · posted anonymously');
    await f.getByRole('heading', { name: 'In this clause now' }).waitFor();
    await expectNoAxeViolations(f);
    await shot(f, 'clause-facilitator-en');
    // On a phone the comments go below the text.
    await f.setViewportSize({ width: 390, height: 844 });
    await expectNoAxeViolations(f);
    await shot(f, 'clause-facilitator-phone');
    expect(problemsIn(facilitatorTab)).toEqual([]);
  }, 90_000);

  it('keeps what is written while the connection is away and sends it when it is back', async () => {
    const writerTab = await openFreshPage(browser);
    const w = writerTab.page;
    await signIn(w, server.url, 'aanbieder@dialoogtafel.example');
    writerTab.console.length = 0;
    await openAgreement(w, server.url);
    await w.getByTestId('clause-item').getByRole('link', { name: 'Artikel 3 — Zorgcontinuïteit bij wisseling van aanbieder' }).click();
    await waitForText(w);
    const clauseUrl = w.url();

    const readerTab = await openFreshPage(browser);
    const r = readerTab.page;
    await signIn(r, server.url, 'observer@dialoogtafel.example');
    readerTab.console.length = 0;
    await r.goto(clauseUrl);
    await waitForText(r);
    expect(await r.getByTestId('clause-access').innerText()).toBe(
      'U kunt dit artikel lezen en erop reageren; alleen het inkoopteam, de gemeenten en de zorgaanbieders schrijven in deze fase.',
    );

    // The writer loses the connection and writes on.
    await w.context().setOffline(true);
    await w.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.getAttribute('data-state') === 'offline', undefined, { timeout: 15_000 });
    const offline = 'Bij een overstap blijft de vertrouwde hulpverlener betrokken.';
    await w.getByTestId('clause-text').click();
    await w.keyboard.press('Control+End');
    await w.keyboard.press('Enter');
    await w.keyboard.type(offline);
    expect(await w.getByTestId('save-status').innerText()).toContain(
      'Verbinding verbroken — uw wijzigingen worden bewaard en verstuurd zodra de verbinding terug is',
    );
    expect(await w.getByTestId('save-status').innerText()).toContain('Sluit deze pagina niet zolang de verbinding weg is.');
    await shot(w, 'clause-offline');
    expect(await r.getByTestId('clause-text').innerText()).not.toContain(offline);

    // Back online: it goes out by itself, and is confirmed.
    await w.context().setOffline(false);
    await waitForSaved(w, 20_000);
    expect(await w.getByTestId('save-status').getByRole('status').innerText()).toBe('De verbinding is terug. Alles is opgeslagen.');
    await r.getByTestId('clause-text').getByText(offline).waitFor({ timeout: 10_000 });
    expect(problemsIn(writerTab, readerTab).filter((m) => !/ERR_INTERNET_DISCONNECTED|WebSocket connection/.test(m))).toEqual([]);
  }, 120_000);
});
