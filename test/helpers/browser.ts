import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

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
