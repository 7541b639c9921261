import { describe, it, expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectHeading1, expectNoAxeViolations, openFreshPage, signIn, waitUntilLoaded, withDemoServerAndBrowser } from '../helpers/browser';
import type { RunningServer } from '../helpers/server';

const shots = process.env.SCREENSHOTS_DIR;
const clauseTitle = 'Artikel 6 — Tarieven en budgetplafond';
const remark = 'Ik wil zelf meepraten over welke hulp ik krijg, ook als die duurder is.';
const description = 'een jongere van Team Ed';

async function shot(page: Page, name: string): Promise<void> {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

/** From the trajectory list to the clause's page, as a person would. */
async function openClause(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/trajecten`);
  await page.getByTestId('trajectory-list').getByRole('link', { name: /IJmond/ }).click();
  await page.waitForURL(/\/trajecten\/[a-f0-9]{24}$/);
  await waitUntilLoaded(page);
  await page.getByRole('navigation', { name: 'In dit traject' }).getByRole('link', { name: 'Overeenkomst' }).click();
  await page.waitForURL(/\/overeenkomst$/);
  await waitUntilLoaded(page);
  const item = page.getByTestId('clause-item').filter({ has: page.getByRole('heading', { name: clauseTitle, exact: true }) });
  await item.getByRole('link', { name: clauseTitle }).click();
  await page.waitForURL(/\/overeenkomst\/artikelen\/[a-f0-9]{24}$/);
  await expectHeading1(page, clauseTitle);
  await page.getByTestId('clause-text').waitFor();
}

describe('input on someone\'s behalf', () => {
  let server: RunningServer;
  let browser: Browser;

  withDemoServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('the facilitator records a comment on behalf of a young person of Team Ed; it shows marked, for the provider too', async () => {
    const facilitatorTab = await openFreshPage(browser);
    const f = facilitatorTab.page;
    await signIn(f, server.url, 'facilitator@dialoogtafel.example');
    await openClause(f, server.url);

    await f.getByRole('button', { name: 'Reageren', exact: true }).click();
    const composer = f.getByTestId('comment-composer');
    await composer.waitFor();
    await composer.getByLabel('Uw reactie').fill(remark);
    // Checked without a description: the form says what is missing and sends nothing.
    await composer.getByLabel('Namens iemand anders inbrengen').check();
    const field = composer.getByLabel('Namens wie?');
    await field.waitFor();
    await composer.getByRole('button', { name: 'Reactie plaatsen' }).click();
    await f.getByText('Beschrijf namens wie, in minstens 3 tekens.').first().waitFor();
    expect(await f.getByTestId('comment').filter({ hasText: remark }).count()).toBe(0);
    await expectNoAxeViolations(f);

    await field.fill(description);
    await shot(f, 'on-behalf-composer');
    await composer.getByRole('button', { name: 'Reactie plaatsen' }).click();
    const card = f.getByTestId('comment').filter({ hasText: remark });
    await card.waitFor();
    expect(await card.getAttribute('data-on-behalf')).toBe('true');
    const author = await card.getByTestId('comment-author').innerText();
    expect(author).toContain(`Ingebracht namens ${description}`);
    expect(author).toContain('vastgelegd door');
    // Not counted as the facilitator's own group.
    expect(author).not.toContain('Gespreksleid');
    await expectNoAxeViolations(f);
    await shot(f, 'on-behalf-comment');

    // The provider at the same table sees it marked, not as the facilitator's own input.
    const providerTab = await openFreshPage(browser);
    const p = providerTab.page;
    await signIn(p, server.url, 'aanbieder@dialoogtafel.example');
    await openClause(p, server.url);
    const seen = p.getByTestId('comment').filter({ hasText: remark });
    await seen.waitFor();
    expect(await seen.getByTestId('comment-author').innerText()).toContain(`Ingebracht namens ${description}`);
    // A provider is not offered to record on someone's behalf.
    await p.getByRole('button', { name: 'Reageren', exact: true }).click();
    await p.getByTestId('comment-composer').waitFor();
    expect(await p.getByLabel('Namens iemand anders inbrengen').count()).toBe(0);
    await expectNoAxeViolations(p);

    // In the agreement's list of open comments too.
    await p.goBack();
    await p.waitForURL(/\/overeenkomst$/);
    const listed = p.getByTestId('open-comment').filter({ hasText: remark });
    await listed.waitFor();
    expect(await listed.innerText()).toContain(`Ingebracht namens ${description}`);
  }, 90_000);
});
