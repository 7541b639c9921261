import { describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiClient, mailedToken, signIn as apiSignIn, uniqueEmail, type ApiClient } from '../helpers/api-client';
import { expectNoAxeViolations, openFreshPage, signIn, withDemoServerAndBrowser } from '../helpers/browser';
import { waitFor, type RunningServer } from '../helpers/server';

const phoneSize = { width: 360, height: 740 };

/** A poll's view as it travels in a socket frame (any object carrying its id). */
type Seen = { id?: unknown; result?: unknown; namedBallots?: unknown };

/** Every object in a socket.io frame that describes the poll `pollId`. */
function pollsIn(frame: string, pollId: string): Seen[] {
  const json = frame.replace(/^\d+/, '');
  if (!json.startsWith('[')) return [];
  const found: Seen[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      if ((value as Seen).id === pollId) found.push(value as Seen);
      Object.values(value).forEach(walk);
    }
  };
  walk(JSON.parse(json));
  return found;
}

/** A phone: its own context at 360×740, signed in with its own cookie; records what its socket receives. */
async function openPhone(browser: Browser, server: RunningServer, token: string): Promise<{ context: BrowserContext; page: Page; frames: string[] }> {
  const context = await browser.newContext({ viewport: phoneSize, isMobile: true, hasTouch: true });
  await context.addCookies([{ name: 'dt_session', value: token, url: server.url }]);
  const page = await context.newPage();
  const frames: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', ({ payload }) => frames.push(String(payload))));
  return { context, page, frames };
}

async function groupVoted(screen: Page): Promise<number> {
  return screen.getByTestId('screen-turnout').locator('[data-voted]').evaluateAll((rows) => rows.reduce((sum, row) => sum + Number(row.getAttribute('data-voted')), 0));
}

async function fontPx(page: Page, testId: string): Promise<number> {
  return page.getByTestId(testId).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}

describe('the room: the screen on the wall and twenty phones', () => {
  let server: RunningServer;
  let browser: Browser;
  withDemoServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('shows turnout and results live as twenty phones vote through the code, and keeps a hidden result hidden everywhere until closing', async () => {
    const admin = await apiSignIn(server, 'admin@dialoogtafel.example');
    const inkoop = await apiSignIn(server, 'inkoop@dialoogtafel.example');
    const trajectoryId = (await inkoop.get('/trajectories')).body.find((t: { name: string }) => t.name.includes('IJmond')).id as string;
    const orgs = new Map<string, string>((await inkoop.get('/organisations')).body.map((o: { name: string; id: string }) => [o.name, o.id]));

    // Twenty participants, invited and accepting as people do: fourteen providers, six municipalities.
    const tokens: string[] = [];
    for (let i = 0; i < 20; i++) {
      const email = uniqueEmail('zaal');
      const [role, organisation] = i < 14 ? ['provider', 'Jeugdzorg Kennemerland Plus'] : ['municipality', 'Gemeente Haarlem'];
      const invited = await inkoop.post(`/trajectories/${trajectoryId}/invitations`, { email, role, organisation: { id: orgs.get(organisation) } });
      expect(invited.status, invited.text).toBe(201);
      const token = (await mailedToken(admin, email, 'uitnodiging'))!;
      const person: ApiClient = apiClient(server);
      const accepted = await person.post(`/invitations/${token}/accept`, { token, name: `Deelnemer ${i + 1}`, password: 'een-goed-wachtwoord' });
      expect(accepted.status, accepted.text).toBe(200);
      tokens.push(person.token!);
    }

    const topics = await inkoop.get(`/trajectories/${trajectoryId}/topics`);
    const created = await inkoop.post(`/trajectories/${trajectoryId}/sessions`, {
      title: 'Dialoogsessie in het stadhuis',
      startsAt: new Date().toISOString(),
      location: 'Stadhuis Haarlem',
      agenda: topics.body.slice(0, 2).map((t: { id: string }) => ({ topicId: t.id, minutes: 30 })),
      declaration: { outcomeKind: 'advice', decidedBy: 'de colleges van B&W' },
    });
    expect(created.status, created.text).toBe(201);
    const sessionId = created.body.id as string;

    // --- The facilitator starts the session and opens the screen in a second window.
    const { page: f } = await openFreshPage(browser);
    await signIn(f, server.url, 'facilitator@dialoogtafel.example');
    await f.goto(`${server.url}/sessies/${sessionId}`);
    await f.getByTestId('live-table').waitFor();
    await f.getByRole('button', { name: 'Sessie beginnen' }).click();
    await f.getByTestId('current-topic-title').waitFor();
    const [screen] = await Promise.all([f.context().waitForEvent('page'), f.getByTestId('open-screen').click()]);
    const screenErrors: string[] = [];
    screen.on('pageerror', (error) => screenErrors.push(error.message));
    screen.on('console', (message) => message.type() === 'error' && screenErrors.push(message.text()));
    await screen.setViewportSize({ width: 1920, height: 1080 });
    await screen.getByTestId('screen').waitFor();
    await screen.getByTestId('screen-topic').waitFor();
    expect(await screen.getByTestId('screen-declaration').innerText()).toBe('Uitkomst: advies — besluit door de colleges van B&W');
    await screen.getByTestId('join-code').waitFor({ timeout: 10_000 }).catch(() => undefined);
    expect(screenErrors).toEqual([]);
    const code = (await screen.getByTestId('join-code').getAttribute('data-code'))!;
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    await screen.getByTestId('join-qr').locator('svg').waitFor();

    const question = 'Welke aanpak van de wachtlijst heeft uw voorkeur?';
    const opened = await inkoop.post(`/sessions/${sessionId}/polls`, {
      settings: { kind: 'single_choice', question, options: [{ id: 'regio', label: 'Regionale wachtlijst' }, { id: 'eigen', label: 'Per aanbieder' }, { id: 'mix', label: 'Een mengvorm' }] },
    });
    expect(opened.status, opened.text).toBe(201);
    await screen.getByTestId('screen-question').filter({ hasText: question }).waitFor();

    // --- Twenty phones open /stem/<code> and vote, a few at a time.
    const phones = [];
    for (const token of tokens) phones.push(await openPhone(browser, server, token));
    const choices = ['regio', 'regio', 'mix', 'eigen'];
    const labels: Record<string, string> = { regio: 'Regionale wachtlijst', eigen: 'Per aanbieder', mix: 'Een mengvorm' };
    for (let start = 0; start < phones.length; start += 5) {
      await Promise.all(
        phones.slice(start, start + 5).map(async ({ page }, k) => {
          const i = start + k;
          await page.goto(`${server.url}/stem/${code}`);
          const poll = page.getByTestId('vote-poll').filter({ hasText: question });
          await poll.waitFor({ timeout: 30_000 });
          await poll.getByLabel(labels[choices[i % 4]!]!, { exact: true }).check();
          await poll.getByRole('button', { name: 'Stem uitbrengen' }).click();
          await poll.locator('[data-testid="vote-delivery"][data-state="received"]').waitFor({ timeout: 30_000 });
          expect(await poll.getByTestId('vote-delivery').innerText()).toContain('Uw stem is ontvangen.');
        }),
      );
    }
    const phone = phones[0]!.page;
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phoneSize.width);
    await expectNoAxeViolations(phone);
    // The README's picture of the phone ballot is made by screen-layout.test.ts.

    // The screen follows: twenty ballots, ten for "regio", in each group's bar.
    await screen.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid="screen-turnout"] [data-voted]')];
      return rows.reduce((sum, row) => sum + Number(row.getAttribute('data-voted')), 0) === 20;
    }, undefined, { timeout: 30_000 });
    expect(await groupVoted(screen)).toBe(20);
    expect(await screen.getByTestId('screen-turnout-provider').innerText()).toContain('14 van');
    expect(await screen.getByTestId('screen-turnout-municipality').innerText()).toContain('6 van');
    await screen.locator('[data-testid="screen-option"][data-option="regio"][data-score="10"]').waitFor({ timeout: 10_000 });
    expect(await screen.locator('[data-option="mix"]').getAttribute('data-score')).toBe('5');
    expect(await screen.locator('[data-option="eigen"]').getAttribute('data-score')).toBe('5');
    await expectNoAxeViolations(screen);
    // The README's picture of the screen is made by screen-layout.test.ts (with the floor and the queue).

    // Readable from the back of the room, at full HD and at 1280×720 (every element and size: screen-layout.test.ts).
    for (const size of [{ width: 1920, height: 1080 }, { width: 1280, height: 720 }]) {
      await screen.setViewportSize(size);
      expect(await fontPx(screen, 'screen-question'), `question at ${size.width}`).toBeGreaterThanOrEqual(30);
      expect(await fontPx(screen, 'screen-topic'), `topic at ${size.width}`).toBeGreaterThanOrEqual(30);
      expect(await fontPx(screen, 'screen-option'), `options at ${size.width}`).toBeGreaterThanOrEqual(24);
      expect(await fontPx(screen, 'screen-turnout-provider'), `turnout at ${size.width}`).toBeGreaterThanOrEqual(24);
      expect(await fontPx(screen, 'join-code'), `code at ${size.width}`).toBeGreaterThanOrEqual(48);
      expect(await screen.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(await screen.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
    }
    expect((await inkoop.post(`/polls/${opened.body.pollId}/close`, {})).status).toBe(200);

    // --- A hidden, anonymous poll: nothing of its result on the screen or in any phone's traffic until closing.
    const hiddenQuestion = 'Steunt u de acceptatieplicht zoals voorgesteld?';
    const screenFrames: string[] = [];
    screen.on('websocket', (ws) => ws.on('framereceived', ({ payload }) => screenFrames.push(String(payload))));
    await screen.reload();
    await screen.getByTestId('screen').waitFor();
    const hidden = await inkoop.post(`/sessions/${sessionId}/polls`, { settings: { kind: 'consent', question: hiddenQuestion, anonymous: true, resultsVisibility: 'after_close' } });
    expect(hidden.status, hidden.text).toBe(201);
    const hiddenId = hidden.body.pollId as string;
    await screen.getByTestId('screen-question').filter({ hasText: hiddenQuestion }).waitFor();
    for (const p of phones) p.frames.length = 0;
    const framesBefore = screenFrames.length;
    await Promise.all(
      phones.slice(0, 6).map(async ({ page }) => {
        const poll = page.getByTestId('vote-poll').filter({ hasText: hiddenQuestion });
        await poll.waitFor({ timeout: 30_000 });
        await poll.getByLabel(/^Akkoord/).check();
        await poll.getByRole('button', { name: 'Stem uitbrengen' }).click();
        await poll.locator('[data-testid="vote-delivery"][data-state="received"]').waitFor({ timeout: 30_000 });
      }),
    );
    // The whole table follows a quiet moment after the ballots: wait for that state on the screen, then look.
    await waitFor(() => screenFrames.slice(framesBefore).some((frame) => frame.includes('"session:state"') && pollsIn(frame, hiddenId).length > 0), 30_000, 'the table after the hidden ballots');
    expect(await screen.getByTestId('screen-result-hidden').innerText()).toBe('De uitslag wordt getoond zodra de peiling sluit.');
    expect(await screen.getByTestId('screen-result').count()).toBe(0);
    for (const frames of [screenFrames, ...phones.map((p) => p.frames)]) {
      for (const seen of frames.flatMap((frame) => pollsIn(frame, hiddenId))) {
        expect(seen.result ?? null).toBeNull();
        expect(seen.namedBallots).toBeUndefined();
      }
    }
    expect(phones.slice(0, 6).some((p) => p.frames.some((frame) => pollsIn(frame, hiddenId).length > 0))).toBe(true);

    // Closing reveals the result on the screen, without names.
    const closed = await inkoop.post(`/polls/${hiddenId}/close`, {});
    expect(closed.status, closed.text).toBe(200);
    await screen.locator('[data-testid="screen-poll"][data-status="closed"]').filter({ hasText: hiddenQuestion }).waitFor({ timeout: 10_000 });
    await screen.locator('[data-option="agree"][data-score="6"]').waitFor();
    expect(await screen.getByTestId('screen-poll').innerText()).not.toContain('Deelnemer');
    await expectNoAxeViolations(screen);

    for (const p of phones) await p.context.close();
  }, 600_000);

  it('asks for the code when none is given and says so when a code leads nowhere', async () => {
    const { page } = await openFreshPage(browser);
    await page.setViewportSize(phoneSize);
    // Not signed in: sign in first, then on to the page with the code.
    await page.goto(`${server.url}/stem/22222222`);
    await page.waitForURL(/\/inloggen/);
    await page.getByLabel('E-mailadres').fill('aanbieder@dialoogtafel.example');
    await page.getByLabel('Wachtwoord', { exact: true }).fill('dialoog-demo');
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.waitForURL(/\/stem\/22222222$/);
    await page.getByTestId('vote-not-found').waitFor();
    await expectNoAxeViolations(page);
  }, 120_000);
});
