import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmails, demoTrajectoryIds, signIn as apiSignIn } from '../helpers/api-client';
import { expectNoAxeViolations, launchBrowser, openFreshPage, signIn, waitUntilLoaded } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

/**
 * The client works under the server's Content-Security-Policy: every screen a person goes
 * through — the start page, signing in, a trajectory, the agreement, co-editing a clause over the
 * collaboration WebSocket, the live table over Socket.io — loads and runs without one violation.
 */
describe('the client under the Content-Security-Policy', () => {
  let server: RunningServer;
  let browser: Browser;
  // Started here rather than with withDemoServerAndBrowser: on a busy machine the server may need more than its 30 s.
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ env: { DEMO: '1' }, timeoutMs: 90_000 }), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 90_000);

  it('reports no violation on any screen, including the editor and the live table', async () => {
    const admin = await apiSignIn(server, demoEmails.admin);
    const { ijmond } = await demoTrajectoryIds(admin);
    const inkoop = await apiSignIn(server, demoEmails.procurement);
    const agreement = (await inkoop.get(`/trajectories/${ijmond}/agreement`)).body as { chapters: Array<{ clauses: Array<{ id: string; status: string }> }> };
    const clause = agreement.chapters.flatMap((c) => c.clauses).find((c) => c.status === 'in_dialogue')!;
    const session = ((await inkoop.get(`/trajectories/${ijmond}/sessions`)).body as Array<{ id: string; status: string }>).find((s) => s.status === 'planned')!;

    const { page, console: messages } = await openFreshPage(browser);
    // Recorded from the first script on, in every document the page loads.
    await page.addInitScript(() => {
      const violations: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = violations;
      document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const res = await page.goto(`${server.url}/`);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await waitUntilLoaded(page);
    await signIn(page, server.url, demoEmails.provider);
    const screens = [
      `/trajecten`,
      `/trajecten/${ijmond}`,
      `/trajecten/${ijmond}/onderwerpen`,
      `/trajecten/${ijmond}/overeenkomst`,
      `/trajecten/${ijmond}/overeenkomst/artikelen/${clause.id}`,
      `/sessies/${session.id}`,
    ];
    const violations = async () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    for (const path of screens) {
      await page.goto(`${server.url}${path}`);
      // Pages load their code when opened: first the screen's heading, then its data.
      await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 20_000 });
      await waitUntilLoaded(page, 20_000);
      if (path.includes('/artikelen/')) {
        // The editor connects over the collaboration WebSocket and accepts typing.
        const editor = page.locator('[data-testid="clause-text"][contenteditable="true"]');
        await editor.waitFor({ timeout: 20_000 });
        await editor.click();
        await page.keyboard.type(' CSP');
        // "Saved" is confirmed by the server over the WebSocket, so it proves the connection works.
        await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 20_000 });
      }
      // Socket.io is connected (the live table needs it).
      await page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor({ timeout: 20_000 });
      expect(await violations(), path).toEqual([]);
    }
    expect(messages.filter((m) => /Content Security Policy|Refused to/i.test(m))).toEqual([]);
    await expectNoAxeViolations(page);
  }, 240_000);
});
