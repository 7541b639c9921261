import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectHeading1, expectNoAxeViolations, openFreshPage, signIn, waitUntilLoaded, withDemoServerAndBrowser } from '../helpers/browser';
import { demoEmails, demoTrajectoryIds, signIn as apiSignIn } from '../helpers/api-client';
import type { RunningServer } from '../helpers/server';

/** Moves focus with the Tab key alone until the element with `id` has it (the form is used by keyboard only). */
async function tabTo(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id}`);
}

async function typeInto(page: Page, id: string, text: string): Promise<void> {
  await tabTo(page, id);
  await page.keyboard.type(text);
}

/** Checks a checkbox or radio button with the space bar. */
async function check(page: Page, id: string): Promise<void> {
  await tabTo(page, id);
  await page.keyboard.press('Space');
}

describe('admission under Open House: the applicant’s form, the review screen and the register', () => {
  let server: RunningServer;
  let browser: Browser;
  let midden: string;
  const organisation = 'Praktijk Toetsenbord';

  withDemoServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  beforeAll(async () => {
    ({ midden } = await demoTrajectoryIds(await apiSignIn(server, demoEmails.admin)));
  });

  it('a provider applies with the keyboard only, without an account, and lands on the page of its secret link', async () => {
    const { page, console } = await openFreshPage(browser, `${server.url}/toetreding/${midden}`);
    await expectHeading1(page, /^Aanmelden als aanbieder: Open House jeugdhulp Midden-IJssel/);
    await waitUntilLoaded(page);
    expect(await page.getByText('Het inkoopteam beslist binnen 8 weken na indienen.').count()).toBe(1);
    await expectNoAxeViolations(page);

    // Submitting empty: the error summary takes focus and names the fields.
    await tabTo(page, 'apply-name');
    await page.keyboard.press('Enter');
    const summary = page.locator('.dt-error-summary');
    await summary.waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('dt-error-summary'))).toBe(true);
    expect(await summary.innerText()).toContain('KvK-nummer');
    await expectNoAxeViolations(page);

    await typeInto(page, 'apply-name', organisation);
    await typeInto(page, 'apply-kvk', '9988 7766');
    // Into the radio group with Tab, to the second choice with an arrow key (which checks it).
    await tabTo(page, 'apply-kind-institution');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#apply-kind-independent').isChecked()).toBe(true);
    await typeInto(page, 'apply-address', 'Marktplein 1');
    await typeInto(page, 'apply-postcode', '7201 AB');
    await typeInto(page, 'apply-city', 'Zutphen');
    await typeInto(page, 'apply-contact-name', 'Kees Toets');
    await typeInto(page, 'apply-email', 'kees.toets@dialoogtafel.example');
    await check(page, 'apply-perceelen-1');
    for (const n of [0, 1, 2, 3]) await check(page, `apply-declarations-${n}`);
    await tabTo(page, 'apply-motivation');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Aanvraag indienen');
    await page.keyboard.press('Enter');

    await page.waitForURL(/\/toetreding\/aanvraag\/[a-f0-9]{24}\.[A-Za-z0-9_-]{43}$/);
    await expectHeading1(page, 'Uw aanvraag tot toetreding');
    await waitUntilLoaded(page);
    expect(await page.getByTestId('application-status').innerText()).toBe('Ingediend, in beoordeling');
    expect(await page.getByTestId('review-deadline').innerText()).toMatch(/^Het inkoopteam beslist uiterlijk \d{1,2} \w+ \d{4}\.$/);
    await expectNoAxeViolations(page);
    expect(console.filter((m) => m.startsWith('pageerror'))).toEqual([]);
  });

  it('the procurement team reviews: the list with deadlines, one application, a question back', async () => {
    const { page } = await openFreshPage(browser);
    await signIn(page, server.url, demoEmails.procurement);
    await page.goto(`${server.url}/trajecten/${midden}`);
    await waitUntilLoaded(page);
    await page.getByTestId('admission-section').getByRole('link', { name: 'Aanvragen beoordelen' }).click();
    await page.waitForURL(`${server.url}/trajecten/${midden}/toetreding`);
    await page.getByTestId('applications-table').waitFor();
    const rows = page.getByTestId('application-row');
    expect(await rows.count()).toBeGreaterThanOrEqual(15);
    expect(await page.locator('[data-testid="application-row"][data-status="contracted"]').count()).toBe(12);
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: organisation }).click();
    await page.getByTestId('review-form').waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel('Vraag stellen (onvolledig)').check();
    await page.getByLabel('Uw vraag aan de aanvrager').fill('Stuur uw SKJ-registratie mee.');
    await page.getByRole('button', { name: 'Versturen' }).click();
    await page.getByTestId('review-done').getByText('Opgeslagen: Onvolledig: vraag aan de aanvrager.').waitFor();
    expect(await page.getByTestId('application-status').innerText()).toBe('Onvolledig: vraag aan de aanvrager');
    await expectNoAxeViolations(page);
  });

  it('the public register: the 12 providers of the demo, a CSV download, readable at 360 px', async () => {
    const { page } = await openFreshPage(browser, `${server.url}/toetreding/${midden}/register`);
    await expectHeading1(page, 'Register van gecontracteerde aanbieders');
    await page.getByTestId('register-table').waitFor();
    expect(await page.getByTestId('register-row').count()).toBe(12);
    expect(await page.getByRole('link', { name: 'Download als CSV' }).getAttribute('href')).toBe(`/api/open-house/${midden}/register.csv`);
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 360, height: 800 });
    await expectNoAxeViolations(page);
    // The page itself does not scroll sideways; the table scrolls in its own region.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
  });
});
