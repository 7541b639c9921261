import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmails, demoTrajectoryIds, signIn as apiSignIn, type ApiClient } from '../helpers/api-client';
import { expectHeading1, expectNoAxeViolations, launchBrowser, openFreshPage, signIn, waitUntilLoaded } from '../helpers/browser';
import { startServer, waitFor, type RunningServer } from '../helpers/server';

interface OutboxEntry {
  to: string;
  subject: string;
  text: string;
  status?: string;
}

describe('notifications: the bell, the centre and the daily digest setting', () => {
  let server: RunningServer;
  let browser: Browser;
  let team: ApiClient;
  let provider: ApiClient;
  let admin: ApiClient;
  let t: string;

  /** The procurement team answers a provider's question and publishes; resolves with the words of the mail's subject. */
  const publishAnswer = async (text: string): Promise<string> => {
    const asked = await provider.post(`/trajectories/${t}/questions`, { text });
    expect(asked.status, asked.text).toBe(201);
    expect((await team.put(`/trajectories/${t}/questions/${asked.body.id}/answer`, { answer: 'Zo is het.' })).status).toBe(200);
    expect((await team.post(`/trajectories/${t}/questions/publish`)).status).toBe(200);
    const through = (await team.get(`/trajectories/${t}/questions`)).body.published.at(-1).number as number;
    return `t/m vraag ${through})`;
  };
  const outbox = async () => (await admin.get('/admin/outbox')).body as OutboxEntry[];
  const count = async (page: Page) => Number(await page.getByTestId('notification-count').textContent());

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ env: { DEMO: '1', NOTIFY_POLL_MS: '200' } }), launchBrowser()]);
    admin = await apiSignIn(server, demoEmails.admin);
    [team, provider] = await Promise.all([apiSignIn(server, demoEmails.procurement), apiSignIn(server, demoEmails.provider)]);
    t = (await demoTrajectoryIds(admin)).ijmond;
    const trajectory = await team.get(`/trajectories/${t}`);
    const milestones = trajectory.body.milestones.filter((m: { kind: string }) => m.kind !== 'questions_deadline').map(({ kind, title, date }: Record<string, string>) => ({ kind, title, date }));
    expect((await team.patch(`/trajectories/${t}`, { milestones })).status).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 90_000);

  it('a provider sees the bell count rise when answers are published, opens the item, and with "dagelijks overzicht" gets no immediate mail', async () => {
    const { page, console: messages } = await openFreshPage(browser);
    await signIn(page, server.url, demoEmails.provider);
    await page.goto(`${server.url}/trajecten`);
    await waitUntilLoaded(page);
    await page.getByTestId('notification-count').waitFor();
    await waitFor(async () => (await page.getByTestId('notification-count').textContent()) !== null, 10_000, 'the count');
    const before = await count(page);

    const subject = await publishAnswer('Geldt de inspanningsverplichting ook voor vrijgevestigden?');
    // Live, over the person's own room: no reload.
    // At least one more: a session's reminder may arrive too, depending on the time of day.
    await waitFor(async () => (await count(page)) >= before + 1, 15_000, 'the bell count to rise');
    expect(await page.getByRole('link', { name: /^Meldingen \d+ ongelezen$/ }).count()).toBe(1);

    await page.getByTestId('notification-bell').click();
    await page.waitForURL(`${server.url}/meldingen`);
    await expectHeading1(page, 'Meldingen');
    await waitUntilLoaded(page);
    await expectNoAxeViolations(page);
    // A session's reminder may be there too, depending on the time of day.
    const item = page.getByTestId('notification-item').filter({ hasText: 'Antwoorden gepubliceerd' }).first();
    expect(await item.textContent()).toContain('Antwoorden gepubliceerd');
    const unread = await count(page);
    await item.getByRole('link').click();
    await page.waitForURL(`${server.url}/trajecten/${t}/vragen`);
    await expectHeading1(page, 'Vragen en antwoorden');
    await waitFor(async () => (await count(page)) === unread - 1, 10_000, 'the count to drop once read');

    // The immediate mail of that publication went out (the outbox stands in for SMTP here).
    await waitFor(async () => (await outbox()).some((m) => m.to === demoEmails.provider && m.subject.includes(subject) && m.status === 'sent'), 15_000, 'the immediate mail');

    await page.goto(`${server.url}/meldingen/instellingen`);
    await expectHeading1(page, 'Meldingen instellen');
    await waitUntilLoaded(page);
    const section = page.getByRole('region', { name: 'Dialooggerichte aanbesteding jeugdhulp IJmond en Zuid-Kennemerland' });
    await section.getByLabel('Antwoorden gepubliceerd (nota van inlichtingen)').selectOption({ label: 'Dagelijks overzicht' });
    await page.getByTestId('settings-saved').getByText('Opgeslagen.').waitFor();
    await expectNoAxeViolations(page);

    const next = await publishAnswer('Hoe lang duurt de opzegtermijn?');
    // Everyone else's mail goes; the provider's waits for the digest.
    await waitFor(async () => (await outbox()).some((m) => m.to === demoEmails.municipality && m.subject.includes(next) && m.status === 'sent'), 15_000, 'the others’ mail');
    const mine = (await outbox()).filter((m) => m.to === demoEmails.provider && m.subject.includes(next));
    expect(mine.map((m) => m.status)).toEqual(['queued']);
    expect(mine[0]!.text).toContain('dagelijks overzicht');
    expect(messages.filter((m) => m.startsWith('pageerror'))).toEqual([]);
  }, 180_000);

  it('the bell and the settings work at 360 px', async () => {
    const { page } = await openFreshPage(browser);
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(page, server.url, demoEmails.provider);
    await page.goto(`${server.url}/meldingen/instellingen`);
    await waitUntilLoaded(page);
    await expectNoAxeViolations(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
  }, 90_000);
});
