import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type RunningServer } from './server';

// The system Chromium; playwright-core never downloads a browser of its own.
const chromiumPath = '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      // Containers and CI runners usually lack the user namespaces the sandbox needs.
      '--no-sandbox',
      '--disable-gpu',
      // Keep the browser from reaching out to Google services during tests.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

function readAxeSource(): string {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[] }[];
}

// WCAG 2.1 A and AA plus axe's best practices: the bar the product has promised to meet.
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

export async function expectNoAxeViolations(page: Page): Promise<void> {
  // Not page.addScriptTag({ content }): that adds an inline <script>, which the server's
  // Content-Security-Policy (script-src 'self') rightly blocks. Evaluating the source through
  // the DevTools protocol is not subject to CSP, so the app is still checked under its real policy.
  const alreadyInjected = await page.evaluate(() => 'axe' in window);
  if (!alreadyInjected) await page.evaluate(readAxeSource());

  const violations = await page.evaluate(async (runOnly) => {
    const { axe } = window as unknown as {
      axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> };
    };
    const results = await axe.run(document, { runOnly });
    return results.violations.map(({ id, impact, help, helpUrl, nodes }) => ({
      id,
      impact,
      help,
      helpUrl,
      nodes: nodes.map(({ target }) => ({ target })),
    }));
  }, axeTags);

  if (violations.length > 0) {
    const report = violations
      .map((violation) => {
        const targets = violation.nodes.map((node) => `    - ${node.target.map(String).join(' ')}`).join('\n');
        return `- ${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}\n  ${violation.helpUrl}\n${targets}`;
      })
      .join('\n');
    throw new Error(`Accessibility violations on ${page.url()}:\n${report}`);
  }
}

/** The password of every demo account (demo mode only). */
export const demoPassword = 'dialoog-demo';

export interface OpenedPage {
  page: Page;
  /** Console messages of this page so far. */
  console: string[];
}

/**
 * A page in a fresh browser context: its own cookies and localStorage, so signing in in one
 * context does not sign in another (as with a second person on another computer).
 */
export async function openFreshPage(browser: Browser, url?: string): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const messages: string[] = [];
  page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
  if (url) await page.goto(url);
  return { page, console: messages };
}

/** Signs in through the sign-in form, as a person would, and waits until the app shows who is signed in. */
export async function signIn(page: Page, baseUrl: string, email: string, password = demoPassword, back?: string): Promise<void> {
  await page.goto(`${baseUrl}/inloggen${back ? `?terug=${encodeURIComponent(back)}` : ''}`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  await page.getByRole('button', { name: 'Uitloggen' }).waitFor({ timeout: 10_000 });
}

/** The single h1 of the page, once it has loaded (there must be exactly one). */
export async function heading1(page: Page): Promise<string> {
  await waitUntilLoaded(page);
  const h1 = page.getByRole('heading', { level: 1 });
  await h1.first().waitFor();
  const count = await h1.count();
  if (count !== 1) throw new Error(`expected one h1 on ${page.url()}, found ${count}`);
  return h1.innerText();
}

/** Waits until no "Bezig met laden…" status is left on the page. */
export async function waitUntilLoaded(page: Page, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    () => ![...document.querySelectorAll('[role="status"]')].some((el) => el.textContent?.includes('Bezig met laden')),
    undefined,
    { timeout },
  );
}

/** Waits for the screen whose h1 is `name` (after client-side navigation the URL changes first) and checks it is the only h1. */
export async function expectHeading1(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: typeof name === 'string' }).waitFor();
  await heading1(page);
}

/**
 * A server with the demo data and a headless Chromium for one browser-test file: started before
 * its tests (in parallel), closed after them. `ready` receives both once they run.
 */
export function withDemoServerAndBrowser(ready: (server: RunningServer, browser: Browser) => void): void {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ env: { DEMO: '1' } }), launchBrowser()]);
    ready(server, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 90_000);
}
