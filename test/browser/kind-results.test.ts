import type { Browser } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { demoEmails, demoTrajectoryIds, sessionCookieName, signIn as apiSignIn, type ApiClient } from '../helpers/api-client';
import { expectHeading1, expectNoAxeViolations, openFreshPage, signIn, waitUntilLoaded, withDemoServerAndBrowser } from '../helpers/browser';
import type { RunningServer } from '../helpers/server';

type Ack<T = Record<string, unknown>> = T & { ok: boolean };

const cooperativeMember = 'jeroen.smit@dialoogtafel.example';
const sockets: Socket[] = [];

async function joined(server: RunningServer, client: ApiClient, sessionId: string): Promise<Socket> {
  const socket = io(server.url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie: `${sessionCookieName}=${client.token}` } });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  expect((await emit(socket, 'session:join', { sessionId })).ok).toBe(true);
  return socket;
}
const emit = <T = Record<string, unknown>>(socket: Socket, event: string, payload: unknown): Promise<Ack<T>> => socket.timeout(5000).emitWithAck(event, payload);

/**
 * The session's mandate rule (issue 19 item 3), chosen on the Mandaten page, and the results by
 * provider kind with that rule in words on the report page (item 4).
 */
describe('mandate rule and results by provider kind', () => {
  let server: RunningServer;
  let browser: Browser;

  withDemoServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });
  afterAll(() => {
    for (const s of sockets) s.disconnect();
  });

  it('the procurement team chooses a session’s rule on the Mandaten page with the keyboard at 360 px; a provider reads it', async () => {
    const team = await apiSignIn(server, demoEmails.procurement);
    const { ijmond } = await demoTrajectoryIds(await apiSignIn(server, demoEmails.admin));
    const title = 'Sessie met telregel (browsertest)';
    const created = await team.post(`/trajectories/${ijmond}/sessions`, { title, startsAt: new Date(Date.now() + 86_400_000).toISOString(), declaration: { outcomeKind: 'advice', decidedBy: 'het college' } });
    expect(created.status, created.text).toBe(201);

    const { page } = await openFreshPage(browser);
    await page.setViewportSize({ width: 360, height: 800 });
    await signIn(page, server.url, demoEmails.procurement);
    await page.goto(`${server.url}/trajecten/${ijmond}/mandaten`);
    await expectHeading1(page, 'Mandaten');
    await waitUntilLoaded(page);
    await page.getByRole('heading', { name: 'Hoe stemmen met mandaat tellen' }).waitFor();
    const select = page.getByLabel(new RegExp(`^Regel voor ${title.replace(/[()]/g, '\\$&')}`));
    await select.waitFor();
    expect(await select.inputValue()).toBe('one_vote');
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);

    // Keyboard only: focus the select, pick the other rule with the arrow key, tab to the button, Enter.
    await select.focus();
    await page.keyboard.press('ArrowDown');
    expect(await select.inputValue()).toBe('per_practice');
    await page.keyboard.press('Tab');
    const form = page.getByTestId('rule-form').filter({ has: select });
    expect(await form.getByRole('button', { name: 'Regel opslaan' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await form.getByText(`De regel voor ${title} is opgeslagen: Telt als één stem per gemachtigde praktijk.`).waitFor();
    await expectNoAxeViolations(page);
    const overview = await team.get(`/trajectories/${ijmond}/mandates`);
    expect(overview.body.sessions.find((s: { id: string }) => s.id === created.body.id).mandateRule).toBe('per_practice');

    // A provider reads the rule, and cannot change it.
    const provider = await openFreshPage(browser);
    await provider.page.setViewportSize({ width: 360, height: 800 });
    await signIn(provider.page, server.url, demoEmails.provider);
    await provider.page.goto(`${server.url}/trajecten/${ijmond}/mandaten`);
    await waitUntilLoaded(provider.page);
    await provider.page.getByTestId('mandate-rule-item').filter({ hasText: title }).getByText('Telt als één stem per gemachtigde praktijk').waitFor();
    expect(await provider.page.getByTestId('rule-form').count()).toBe(0);
    await expectNoAxeViolations(provider.page);
  }, 180_000);

  it('the report page shows results and turnout per provider kind with the rule in words, and offers the results CSV', async () => {
    const team = await apiSignIn(server, demoEmails.procurement);
    const { ijmond } = await demoTrajectoryIds(await apiSignIn(server, demoEmails.admin));
    const coopClient = await apiSignIn(server, cooperativeMember);
    const orgs = new Map<string, string>();
    for (const m of (await team.get(`/trajectories/${ijmond}/members`)).body) orgs.set(m.organisation.name, m.organisation.id);
    for (const name of ['Praktijk Het Baken', 'Praktijk De Vuurtoren']) {
      const granted = await coopClient.post(`/trajectories/${ijmond}/mandates`, { organisationId: orgs.get('Coöperatie Vrijgevestigden Jeugd Noord-Holland'), practitioner: { name }, scopes: ['vote'] });
      expect(granted.status, granted.text).toBe(201);
    }
    const title = 'Uitslag per soort (browsertest)';
    const created = await team.post(`/trajectories/${ijmond}/sessions`, { title, startsAt: new Date().toISOString(), agenda: [], declaration: { outcomeKind: 'advice', decidedBy: 'het college' } });
    const sessionId = created.body.id as string;
    expect((await team.put(`/trajectories/${ijmond}/sessions/${sessionId}/mandate-rule`, { mandateRule: 'per_practice' })).status).toBe(200);
    const facilitator = await joined(server, await apiSignIn(server, demoEmails.facilitator), sessionId);
    const coop = await joined(server, coopClient, sessionId);
    const institution = await joined(server, await apiSignIn(server, demoEmails.provider), sessionId);
    expect((await emit(facilitator, 'session:start', { sessionId })).ok).toBe(true);
    const opened = await emit<{ pollId: string }>(facilitator, 'poll:open', {
      sessionId,
      settings: { kind: 'single_choice', question: 'Welke variant? (per soort)', anonymous: false, options: [{ id: 'a', label: 'Variant A' }, { id: 'b', label: 'Variant B' }] },
    });
    expect((await emit(coop, 'poll:cast', { pollId: opened.pollId, choice: { kind: 'single_choice', option: 'a' } })).ok).toBe(true);
    expect((await emit(institution, 'poll:cast', { pollId: opened.pollId, choice: { kind: 'single_choice', option: 'b' } })).ok).toBe(true);
    expect((await emit(facilitator, 'poll:close', { pollId: opened.pollId })).ok).toBe(true);
    expect((await emit(facilitator, 'session:end', { sessionId })).ok).toBe(true);
    expect((await team.post(`/trajectories/${ijmond}/sessions/${sessionId}/report`, {})).status).toBe(201);

    const { page } = await openFreshPage(browser);
    await page.setViewportSize({ width: 360, height: 800 });
    await signIn(page, server.url, demoEmails.municipality);
    await page.goto(`${server.url}/trajecten/${ijmond}/sessies/${sessionId}/verslag`);
    await expectHeading1(page, `Verslag: ${title}`);
    await waitUntilLoaded(page);
    const kinds = page.getByTestId('poll-kind-results');
    await kinds.waitFor();
    await kinds.getByRole('table', { name: 'Uitslag per soort aanbieder' }).waitFor();
    const rowA = kinds.getByTestId('kind-result-row').filter({ hasText: 'Variant A' });
    expect((await rowA.innerText()).replace(/\s+/g, ' ')).toMatch(/Variant A 0 0 2/);
    await kinds.getByTestId('turnout-kind-cooperative').waitFor();
    expect(await kinds.getByTestId('mandate-rule').innerText()).toContain('een stem met mandaat telt als één stem per gemachtigde praktijk');
    const csv = page.getByTestId('report-results-csv');
    expect(await csv.getAttribute('href')).toBe(`/api/trajectories/${ijmond}/reports/${(await team.get(`/trajectories/${ijmond}/sessions/${sessionId}/report`)).body.report.id}/uitslagen.csv`);
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
  }, 180_000);
});
