import { describe, it, expect } from 'vitest';
import { todayInAmsterdam } from '../../shared/domain/calendar';
import { demoEmails, demoTrajectoryIds, signIn as apiSignIn } from '../helpers/api-client';
import type { Browser, Page } from 'playwright-core';
import { expectHeading1, expectNoAxeViolations, openFreshPage, signIn, waitUntilLoaded, withDemoServerAndBrowser } from '../helpers/browser';
import type { RunningServer } from '../helpers/server';

const shots = process.env.SCREENSHOTS_DIR;
// Today's demo session: its outcome is advice, so its polls are consultative.
const todaysSession = 'Dialoogsessie 2: bekostiging, acceptatieplicht en innovatie';
const question = 'Moet een jongere zelf kunnen kiezen bij welke aanbieder hij hulp krijgt?';
const description = 'een jongere van Team Ed';

async function shot(page: Page, name: string): Promise<void> {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

/** From the trajectory list to today's session's live table, as a person would. */
async function openTodaysSession(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/trajecten`);
  await page.getByTestId('trajectory-list').getByRole('link', { name: /IJmond/ }).click();
  await page.waitForURL(/\/trajecten\/[a-f0-9]{24}$/);
  await waitUntilLoaded(page);
  await page.getByRole('navigation', { name: 'In dit traject' }).getByRole('link', { name: 'Sessies' }).click();
  await page.waitForURL(/\/sessies$/);
  await waitUntilLoaded(page);
  const card = page.getByTestId('upcoming-sessions').getByTestId('session').filter({ hasText: todaysSession });
  await card.getByRole('link', { name: 'Naar de sessie' }).click();
  await page.waitForURL(/\/sessies\/[a-f0-9]{24}$/);
  await page.getByTestId('live-table').waitFor();
  await expectHeading1(page, todaysSession);
}

describe('input on someone’s behalf at the live table', () => {
  let server: RunningServer;
  let browser: Browser;

  withDemoServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('the facilitator records a vote for a young person of Team Ed; the results show it apart as “inbreng namens”, on a phone too', async () => {
    const { page: f } = await openFreshPage(browser);
    await signIn(f, server.url, 'facilitator@dialoogtafel.example');
    await openTodaysSession(f, server.url);

    await f.getByRole('button', { name: 'Peiling openen' }).click();
    const dialog = f.getByRole('dialog', { name: 'Peiling openen' });
    await dialog.waitFor();
    await dialog.getByLabel('Vraag of voorstel').fill(question);
    await dialog.getByRole('button', { name: 'Peiling openen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const poll = f.getByTestId('open-polls').getByTestId('poll').filter({ hasText: question });
    await poll.waitFor();
    const providersBefore = await poll.getByTestId('turnout-provider').locator('td').innerText();

    // On a phone: the form opens from the keyboard, and nothing is wider than the screen.
    await f.setViewportSize({ width: 360, height: 740 });
    const form = poll.getByTestId('on-behalf-vote');
    const summary = form.locator('summary');
    await summary.focus();
    await f.keyboard.press('Enter');
    const field = form.getByLabel('Namens wie?');
    await field.waitFor();
    await form.getByLabel(/^Akkoord/).check();
    // Without a description: the form says what is missing and records nothing.
    await form.getByRole('button', { name: 'Stem vastleggen' }).click();
    await form.getByText('Beschrijf namens wie, in minstens 3 tekens.').first().waitFor();
    expect(await poll.getByTestId('on-behalf-results').count()).toBe(0);
    await expectNoAxeViolations(f);

    await field.fill(description);
    await form.getByRole('button', { name: 'Stem vastleggen' }).click();
    const apart = poll.getByTestId('on-behalf-results');
    await apart.waitFor();
    // Once the server stored it (said aloud), the form is empty again for the next person, the focus back on the description.
    await f.getByTestId('live-announcement').filter({ hasText: `De stem namens ${description} is vastgelegd` }).waitFor();
    expect(await field.inputValue()).toBe('');
    const fieldId = await field.getAttribute('id');
    await f.waitForFunction((id) => document.activeElement?.id === id, fieldId, { timeout: 10_000 }).catch(async () => {
      throw new Error(`focus is on ${await f.evaluate(() => document.activeElement?.outerHTML.slice(0, 300))}, not #${fieldId}`);
    });
    expect(await apart.locator('caption').innerText()).toContain('Inbreng namens');
    expect(await apart.getByTestId('on-behalf-row').filter({ hasText: 'Akkoord' }).locator('td').innerText()).toBe('1 stem');
    expect(await apart.innerText()).toContain('1 stem namens iemand zonder account');
    await apart.locator('summary').click();
    expect(await apart.getByTestId('on-behalf-inputs').innerText()).toContain(`Ingebracht namens ${description}: Akkoord`);
    // Never in the outcome, the groups or the turnout of members.
    expect(await poll.getByTestId('poll-outcome').innerText()).toBe('Er is nog niet gestemd.');
    expect(await poll.getByTestId('turnout-provider').locator('td').innerText()).toBe(providersBefore);
    // What this feature adds fits the phone's width (its tables scroll within themselves).
    for (const box of [form, apart]) {
      const bounds = (await box.boundingBox())!;
      expect(bounds.x + bounds.width).toBeLessThanOrEqual(360);
      expect(await box.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    }
    await expectNoAxeViolations(f);
    await shot(f, 'on-behalf-vote-phone');

    // A second voice on behalf counts as a second vote.
    await field.fill('een ouder uit Velsen');
    await form.getByLabel(/^Onthouding/).check();
    await form.getByRole('button', { name: 'Stem vastleggen' }).click();
    await f.getByText('2 stemmen namens iemand zonder account').waitFor();
    expect(await poll.getByTestId('poll-outcome').innerText()).toBe('Er is nog niet gestemd.');

    // A provider at the table sees the input apart too, live, and is offered no such form.
    const { page: p } = await openFreshPage(browser);
    await signIn(p, server.url, 'aanbieder@dialoogtafel.example');
    await openTodaysSession(p, server.url);
    const seen = p.getByTestId('open-polls').getByTestId('poll').filter({ hasText: question });
    await seen.getByTestId('on-behalf-results').waitFor();
    expect(await seen.getByTestId('on-behalf-vote').count()).toBe(0);
    await expectNoAxeViolations(p);
  }, 180_000);

  it('the facilitator records a reaction in a consultation on behalf of a young person; it shows marked', async () => {
    const { ijmond } = await demoTrajectoryIds(await apiSignIn(server, demoEmails.admin));
    const team = await apiSignIn(server, demoEmails.procurement);
    const version = await team.post(`/trajectories/${ijmond}/versions`, { name: 'Concept voor Team Ed', clauseId: null });
    expect(version.status, version.text).toBe(201);
    const opened = await team.post(`/trajectories/${ijmond}/consultations`, { title: 'Consultatie met Team Ed', versionId: version.body.id, closesOn: todayInAmsterdam(new Date(Date.now() + 14 * 86_400_000)) });
    expect(opened.status, opened.text).toBe(201);
    const firstClause = (opened.body.clauses as Array<{ number: number }>)[0]!;

    const { page: f } = await openFreshPage(browser);
    await signIn(f, server.url, demoEmails.facilitator);
    await f.goto(`${server.url}/trajecten/${ijmond}/overeenkomst/consultatie/${opened.body.id}`);
    await expectHeading1(f, 'Consultatie met Team Ed');
    await waitUntilLoaded(f);
    const form = f.getByTestId('react-on-behalf-form').first();
    await form.getByRole('heading', { name: 'Reactie namens iemand zonder account' }).waitFor();
    await form.getByLabel(`De reactie op artikel ${firstClause.number}`).fill('Ik wil één vaste hulpverlener, ook als ik verhuis.');
    // Without a description nothing is sent.
    await form.getByRole('button', { name: 'Reactie namens iemand vastleggen' }).click();
    await form.getByText('Beschrijf namens wie, in minstens 3 tekens.').first().waitFor();
    await expectNoAxeViolations(f);
    await form.getByLabel('Namens wie?').fill(description);
    await form.getByRole('button', { name: 'Reactie namens iemand vastleggen' }).click();
    const card = f.getByTestId('reaction').filter({ hasText: 'Ik wil één vaste hulpverlener' });
    await card.waitFor();
    expect(await card.getByRole('heading').first().innerText()).toBe(`Ingebracht namens ${description} · vastgelegd door U`);
    await f.getByText(`De reactie namens ${description} is vastgelegd.`).waitFor();
    await expectNoAxeViolations(f);
    await shot(f, 'on-behalf-reaction');

    // The procurement team sees it marked, with who recorded it.
    const { page: p } = await openFreshPage(browser);
    await signIn(p, server.url, demoEmails.procurement);
    await p.goto(`${server.url}/trajecten/${ijmond}/overeenkomst/consultatie/${opened.body.id}`);
    await waitUntilLoaded(p);
    const seen = p.getByTestId('reaction').filter({ hasText: 'Ik wil één vaste hulpverlener' });
    await seen.waitFor();
    expect(await seen.getByRole('heading').first().innerText()).toMatch(new RegExp(`^Ingebracht namens ${description} · vastgelegd door `));
  }, 180_000);
});
