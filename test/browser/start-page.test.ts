import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser } from '../helpers/browser';
import { startServer } from '../helpers/server';
import type { RunningServer } from '../helpers/server';

const connectionState = '[data-testid="connection-state"]';

function connectionStateIs(state: 'connecting' | 'connected' | 'reconnecting' | 'offline'): string {
  return `${connectionState}[data-state="${state}"]`;
}

interface OpenedPage {
  page: Page;
  console: ConsoleMessage[];
}

// A fresh context per test: its own localStorage, so a language chosen in one test does not
// leak into the next.
async function openPage(browser: Browser, url: string): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const messages: ConsoleMessage[] = [];
  page.on('console', (message) => messages.push(message));
  await page.goto(url);
  return { page, console: messages };
}

function text(page: Page, selector: string): Promise<string> {
  return page.locator(selector).innerText();
}

describe('start page', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the product, a live connection and has no accessibility violations', async () => {
    const { page, console: messages } = await openPage(browser, `${server.url}/`);

    const h1 = page.getByRole('heading', { level: 1 });
    expect(await h1.count()).toBe(1);
    expect(await h1.innerText()).toBe('Dialoogtafel');
    expect(await page.getByRole('main').innerText()).toContain(
      'gemeenten, zorgaanbieders en cliëntvertegenwoordigers',
    );
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    expect(await page.title()).toBe('Dialoogtafel');

    await page.locator(connectionStateIs('connected')).waitFor({ timeout: 10_000 });
    const status = page.getByRole('status');
    expect(await status.getAttribute('data-testid')).toBe('connection-state');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    expect(await status.innerText()).toBe('Verbonden');

    expect(await page.getByRole('banner').count()).toBe(1);
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByRole('contentinfo').count()).toBe(1);
    expect(await page.getByRole('banner').innerText()).toContain('Dialoogtafel');

    // The health ping after connecting reaches the server and is answered.
    await expect
      .poll(() => messages.some((m) => m.text().startsWith('[realtime] system:ping answered')), { timeout: 6000 })
      .toBe(true);
    // Nothing went wrong on the way: no CSP violations, failed requests or ping failures.
    // GET /api/me answering 401 is how a signed-out visitor is recognised; Chromium logs it.
    const expected401 = (m: ConsoleMessage) => m.text().includes('status of 401') && m.location().url.endsWith('/api/me');
    const problems = messages
      .filter((m) => (m.type() === 'error' || m.type() === 'warning') && !expected401(m))
      .map((m) => m.text());
    expect(problems).toEqual([]);

    await expectNoAxeViolations(page);
  });

  it('switches to English with the visible switch and remembers the choice', async () => {
    const { page } = await openPage(browser, `${server.url}/`);
    await page.locator(connectionStateIs('connected')).waitFor({ timeout: 10_000 });

    const english = page.getByRole('button', { name: 'English' });
    expect(await english.getAttribute('aria-pressed')).toBe('false');
    await english.click();

    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await english.getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Dialoogtafel');
    expect(await page.getByRole('main').innerText()).toContain(
      'municipalities, youth-care providers and client representatives',
    );
    expect(await text(page, connectionState)).toBe('Connected');
    expect(await page.getByRole('main').getByRole('link', { name: 'Sign in' }).count()).toBe(1);
    await expectNoAxeViolations(page);

    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // The sign-in action appears once the session is known, a moment after the heading.
    await page.getByRole('main').getByRole('link', { name: 'Sign in' }).waitFor();

    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'nl');
    await page.getByRole('main').getByRole('link', { name: 'Inloggen' }).waitFor();
  });

  it('offers signing in from the start page, as a link to the sign-in page', async () => {
    const { page } = await openPage(browser, `${server.url}/`);

    const signIn = page.getByRole('main').getByRole('link', { name: 'Inloggen' });
    await signIn.waitFor();
    expect(await signIn.getAttribute('href')).toBe('/inloggen');

    await signIn.click();
    await page.waitForURL(`${server.url}/inloggen`);
    // The address changes a moment before the new screen renders.
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    // Client-side navigation moves focus to the new content.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
  });

  it('lets keyboard users skip to the main content with the first Tab', async () => {
    const { page } = await openPage(browser, `${server.url}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();

    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLAnchorElement | null;
      const box = element?.getBoundingClientRect();
      return {
        text: element?.textContent,
        href: element?.getAttribute('href'),
        visible: !!box && box.width > 0 && box.height > 0 && box.top >= 0,
      };
    });
    expect(focused).toEqual({ text: 'Direct naar de inhoud', href: '#main', visible: true });

    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
  });

  it('answers /inloggen with the sign-in form', async () => {
    const { page } = await openPage(browser, `${server.url}/inloggen`);

    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Inloggen');
    expect(await page.getByLabel('E-mailadres').count()).toBe(1);
    expect(await page.getByLabel('Wachtwoord', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).count()).toBe(1);
    expect(await page.title()).toBe('Inloggen – Dialoogtafel');
    await expectNoAxeViolations(page);
  });

  it('shows a not-found page for an unknown address, with a way back', async () => {
    const { page } = await openPage(browser, `${server.url}/bestaat-niet`);

    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Pagina niet gevonden');
    expect(await page.title()).toBe('Pagina niet gevonden – Dialoogtafel');
    await expectNoAxeViolations(page);

    await page.getByRole('main').getByRole('link', { name: 'Naar de startpagina' }).click();
    await page.waitForURL(`${server.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Dialoogtafel' }).waitFor();
    // Client-side navigation moves focus to the new content for keyboard and screen-reader users.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
  });

  it('shows "Geen verbinding" while the browser is offline and reconnects after', async () => {
    const { page } = await openPage(browser, `${server.url}/`);
    await page.locator(connectionStateIs('connected')).waitFor({ timeout: 10_000 });

    await page.context().setOffline(true);
    await page.locator(connectionStateIs('offline')).waitFor({ timeout: 5000 });
    expect(await text(page, connectionState)).toBe('Geen verbinding');

    await page.context().setOffline(false);
    await page.locator(connectionStateIs('connected')).waitFor({ timeout: 15_000 });
    expect(await text(page, connectionState)).toBe('Verbonden');
  });
});

// A server of its own, because this test stops it.
describe('start page when the server goes away', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows "Opnieuw verbinden…"', async () => {
    const { page } = await openPage(browser, `${server.url}/`);
    await page.locator(connectionStateIs('connected')).waitFor({ timeout: 10_000 });

    // Record every state the status shows, so a detour through "Geen verbinding" is caught too.
    await page.evaluate((selector) => {
      const element = document.querySelector(selector)!;
      const seen: (string | null)[] = [];
      (window as unknown as { connectionStates: typeof seen }).connectionStates = seen;
      new MutationObserver(() => seen.push(element.getAttribute('data-state'))).observe(element, {
        attributes: true,
        attributeFilter: ['data-state'],
      });
    }, connectionState);

    // The page should react as the server goes, not only once its process has exited.
    const stopped = server.stop();

    await page.locator(connectionStateIs('reconnecting')).waitFor({ timeout: 10_000 });
    expect(await text(page, connectionState)).toBe('Opnieuw verbinden…');
    const seen = await page.evaluate(() => (window as unknown as { connectionStates: string[] }).connectionStates);
    expect(seen[0]).toBe('reconnecting');
    expect(seen).not.toContain('offline');
    await stopped;
  });
});
