import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ijmondName, signIn as apiSignIn, type ApiClient } from '../helpers/api-client';
import { expectNoAxeViolations, openFreshPage, signIn } from '../helpers/browser';
import { withDemoServerAndBrowser } from '../helpers/browser';
import type { RunningServer } from '../helpers/server';

const screenshots = 'docs/screenshots';
const phoneSize = { width: 360, height: 740 };
const screenSizes = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
];

/** The IJmond members who vote in these polls (demo accounts): every voting group is there. */
const voters = [
  'inkoop@dialoogtafel.example',
  'gemeente@dialoogtafel.example',
  'yvonne.mulder@dialoogtafel.example',
  'aanbieder@dialoogtafel.example',
  'marieke.dekker@dialoogtafel.example',
  'jeroen.smit@dialoogtafel.example',
  'client@dialoogtafel.example',
  'karim.bouzid@dialoogtafel.example',
];

/**
 * What the room must be able to read without anyone touching the screen: each element fully inside
 * the window and not cut off by a panel, no scrolling, and the smallest type of each kind.
 */
async function layoutProblems(screen: Page, minimumFontPx: Record<string, number>): Promise<string[]> {
  return screen.evaluate((minimum) => {
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollHeight > window.innerHeight) problems.push(`the page scrolls: scrollHeight ${doc.scrollHeight} > ${window.innerHeight}`);
    if (doc.scrollWidth > window.innerWidth) problems.push(`the page scrolls sideways: scrollWidth ${doc.scrollWidth} > ${window.innerWidth}`);

    const hiddenForScreenReadersOnly = (el: Element) => el.closest('.dt-visually-hidden') !== null || getComputedStyle(el).position === 'absolute';
    const inView = (el: Element, name: string) => {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) return problems.push(`${name} has no size`);
      if (box.top < 0 || box.left < 0 || box.bottom > window.innerHeight + 0.5 || box.right > window.innerWidth + 0.5) {
        return problems.push(`${name} is outside the window (${Math.round(box.top)}–${Math.round(box.bottom)} of ${window.innerHeight})`);
      }
      // Not cut off by a panel that clips its overflow.
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        const style = getComputedStyle(up);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const clip = up.getBoundingClientRect();
        if (box.bottom > clip.bottom + 0.5 || box.right > clip.right + 0.5 || box.top < clip.top - 0.5) {
          return problems.push(`${name} is cut off by ${up.className || up.tagName}`);
        }
      }
    };
    const must = (testId: string) => {
      const found = [...document.querySelectorAll(`[data-testid="${testId}"]`)];
      if (found.length === 0) problems.push(`${testId} is missing`);
      found.forEach((el, i) => inView(el, `${testId}[${i}]`));
    };
    for (const testId of ['screen-declaration', 'screen-topic', 'screen-timer', 'screen-speaker', 'screen-queue', 'join-code', 'join-qr', 'screen-question']) must(testId);
    if (document.querySelector('[data-testid="screen-result"]')) {
      for (const testId of ['screen-turnout', 'screen-option']) must(testId);
      document.querySelectorAll('[data-testid^="screen-turnout-"]').forEach((el) => inView(el, el.getAttribute('data-testid')!));
      // Per group: the figures, or in a compact long poll the bar's segments keyed by the turnout swatches.
      document.querySelectorAll('[data-testid^="screen-option-"]').forEach((el) => {
        if (!hiddenForScreenReadersOnly(el.parentElement!)) inView(el, el.getAttribute('data-testid')!);
      });
      document.querySelectorAll('.dt-screen__segment').forEach((el, i) => inView(el, `bar segment ${i}`));
    }

    // Type sizes, per kind of text.
    for (const [selector, px] of Object.entries(minimum)) {
      const found = [...document.querySelectorAll(selector)].filter((el) => !hiddenForScreenReadersOnly(el) && !hiddenForScreenReadersOnly(el.parentElement!));
      if (found.length === 0) problems.push(`nothing matches ${selector}`);
      for (const el of found) {
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (size < px) problems.push(`${selector} "${el.textContent?.slice(0, 30)}" is ${size.toFixed(1)}px, below ${px}px`);
      }
    }
    return problems;
  }, minimumFontPx);
}

/**
 * Labels (group names above all) that break inside a word: each character's line, from its
 * rendered box, compared with the word boundaries of the text; and no label wider than its box.
 */
async function midWordBreaks(screen: Page): Promise<string[]> {
  return screen.evaluate(() => {
    const broken: string[] = [];
    for (const label of document.querySelectorAll('.dt-screen__label')) {
      const block = label.closest('li, p, div, h2, h3')!;
      if (block.scrollWidth > block.clientWidth + 1) broken.push(`"${label.textContent}" is wider than its box (${block.scrollWidth} > ${block.clientWidth})`);
      const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
      let previous: { top: number; char: string } | undefined;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let i = 0; i < text.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const box = range.getClientRects()[0];
          if (!box) continue;
          const char = text[i]!;
          if (previous && box.top > previous.top + box.height / 2 && /\S/.test(previous.char) && /\S/.test(char) && previous.char !== '-') {
            broken.push(`"${label.textContent}" breaks inside a word, before "${text.slice(i)}"`);
            break;
          }
          previous = { top: box.top, char };
        }
      }
    }
    return broken;
  });
}

/** Readable from the back of the room: the least each kind of text may measure, in CSS pixels. */
const minimumFontPx = {
  '[data-testid="screen-topic"]': 30,
  '[data-testid="screen-question"]': 30,
  '[data-testid="screen-timer"]': 48,
  '[data-testid="join-code"]': 48,
  '[data-testid="screen-declaration"]': 24,
  '[data-testid="screen-speaker"]': 24,
  '.dt-screen__option-label': 24,
  '.dt-screen__option-total': 24,
  '.dt-screen__chip-text': 20,
  '.dt-screen__by-group-item': 20,
  '.dt-screen__eyebrow': 20,
  '[data-testid="screen-queue"] li': 20,
  '.dt-screen__group': 20,
  '.dt-screen__how': 20,
};

async function checkScreen(screen: Page, what: string, ballots: number): Promise<void> {
  for (const size of screenSizes) {
    await screen.setViewportSize(size);
    // The poll packs itself after each render; wait until it has settled with every ballot shown.
    await screen.waitForFunction(
      (n) => {
        const rows = [...document.querySelectorAll('[data-testid="screen-turnout"] [data-voted]')];
        const poll = document.querySelector('[data-testid="screen-poll"]')!;
        return rows.reduce((sum, row) => sum + Number(row.getAttribute('data-voted')), 0) === n && poll.scrollHeight <= poll.clientHeight + 1;
      },
      ballots,
      { timeout: 10_000 },
    );
    const { width, height } = size;
    const fonts = { ...minimumFontPx } as Record<string, number>;
    const compact = await screen.locator('[data-testid="screen-poll"][data-density^="compact"]').count();
    if (compact) {
      // A long poll packs its options tighter: smaller, still readable from the back.
      delete fonts['.dt-screen__by-group-item'];
      fonts['.dt-screen__option-label'] = 20;
      fonts['.dt-screen__option-total'] = 20;
    }
    const problems = [...(await layoutProblems(screen, fonts)), ...(await midWordBreaks(screen))];
    expect(problems, `${what} at ${width}×${height}`).toEqual([]);
  }
}

async function openPhone(browser: Browser, server: RunningServer, token?: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: phoneSize, isMobile: true, hasTouch: true });
  if (token) await context.addCookies([{ name: 'dt_session', value: token, url: server.url }]);
  return { context, page: await context.newPage() };
}

describe('the screen on the wall fits one screenful and the phone finds its poll', () => {
  let server: RunningServer;
  let browser: Browser;
  withDemoServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('shows topic, timer, floor, queue, code, turnout and the result per option and group at 1920×1080 and 1280×720 without scrolling, also for a long poll', async () => {
    mkdirSync(screenshots, { recursive: true });
    const inkoop = await apiSignIn(server, 'inkoop@dialoogtafel.example');
    const trajectoryId = (await inkoop.get('/trajectories')).body.find((t: { name: string }) => t.name === ijmondName).id as string;
    const topics = await inkoop.get(`/trajectories/${trajectoryId}/topics`);
    const created = await inkoop.post(`/trajectories/${trajectoryId}/sessions`, {
      title: 'Dialoogsessie wachtlijsten en zorgcontinuïteit',
      startsAt: new Date().toISOString(),
      location: 'Stadhuis Haarlem',
      agenda: topics.body.slice(0, 3).map((t: { id: string }) => ({ topicId: t.id, minutes: 30 })),
      declaration: { outcomeKind: 'advice', decidedBy: 'de colleges van B&W' },
    });
    expect(created.status, created.text).toBe(201);
    const sessionId = created.body.id as string;

    // The facilitator starts; three people raise a hand, one of them gets the floor.
    const { page: f } = await openFreshPage(browser);
    await signIn(f, server.url, 'facilitator@dialoogtafel.example');
    await f.goto(`${server.url}/sessies/${sessionId}`);
    await f.getByTestId('live-table').waitFor();
    await f.getByRole('button', { name: 'Sessie beginnen' }).click();
    await f.getByTestId('current-topic-title').waitFor();
    for (const email of ['client@dialoogtafel.example', 'karim.bouzid@dialoogtafel.example', 'aanbieder@dialoogtafel.example']) {
      const { page } = await openFreshPage(browser);
      await signIn(page, server.url, email);
      await page.goto(`${server.url}/sessies/${sessionId}`);
      await page.getByRole('button', { name: 'Hand opsteken' }).click();
      await page.getByRole('button', { name: 'Hand laten zakken' }).waitFor();
    }
    await f.getByRole('button', { name: 'Geef het woord aan Joke de Ruiter' }).click();

    const screen = await f.context().newPage();
    await screen.setViewportSize(screenSizes[0]!);
    await screen.goto(`${server.url}/trajecten/${trajectoryId}/sessies/${sessionId}/scherm`);
    await screen.getByTestId('screen-speaker').filter({ hasText: 'Joke de Ruiter' }).waitFor();
    await screen.getByTestId('screen-queue').filter({ hasText: 'Fatima El Amrani' }).waitFor();
    await screen.getByTestId('join-qr').locator('svg').waitFor();

    // An open poll with three options, every voter's ballot in.
    const clients = new Map<string, ApiClient>();
    for (const email of voters) clients.set(email, await apiSignIn(server, email));
    const question = 'Welke aanpak van de wachtlijst heeft uw voorkeur?';
    const opened = await inkoop.post(`/sessions/${sessionId}/polls`, {
      settings: { kind: 'single_choice', question, options: [{ id: 'regio', label: 'Regionale wachtlijst' }, { id: 'eigen', label: 'Per aanbieder' }, { id: 'mix', label: 'Een mengvorm' }] },
    });
    expect(opened.status, opened.text).toBe(201);
    const pollId = opened.body.pollId as string;
    const choices = ['regio', 'regio', 'mix', 'eigen', 'regio', 'mix', 'regio', 'eigen'];
    for (const [i, email] of voters.entries()) {
      const cast = await clients.get(email)!.post(`/polls/${pollId}/ballot`, { choice: { kind: 'single_choice', option: choices[i] } });
      expect(cast.status, cast.text).toBe(200);
    }
    await screen.getByTestId('screen-question').filter({ hasText: question }).waitFor();
    await screen.locator('[data-testid="screen-option"][data-option="regio"][data-score="4"]').waitFor();
    await checkScreen(screen, 'an open poll', voters.length);
    // The group names are whole words, on the screen as in the tally.
    expect(await screen.getByTestId('screen-turnout-client').innerText()).toContain('Cliëntvertegenwoordigers');
    await screen.setViewportSize(screenSizes[0]!);
    await expectNoAxeViolations(screen);
    await screen.screenshot({ path: `${screenshots}/screen-view.png` });

    // Closed: the result stays, as large.
    expect((await inkoop.post(`/polls/${pollId}/close`, {})).status).toBe(200);
    await screen.locator('[data-testid="screen-poll"][data-status="closed"]').waitFor();
    await checkScreen(screen, 'a closed poll', voters.length);

    // A long poll: twelve options, three choices each; it packs itself to fit.
    const labels = [
      'Regionale wachtlijst met één loket',
      'Wachtlijstbemiddeling door het inkoopbureau',
      'Overbruggingszorg tijdens het wachten',
      'Voorrang voor crisisplaatsingen',
      'Vaste contactpersoon per gezin',
      'Ambulante hulp thuis eerst',
      'Meer gezinshuizen in de regio',
      'Ervaringsdeskundigen in het team',
      'Maandelijkse wachtlijstcijfers per aanbieder',
      'Samenwerking met het onderwijs',
      'Minder administratie voor aanbieders',
      'Een gezamenlijke triage',
    ];
    const long = await inkoop.post(`/sessions/${sessionId}/polls`, {
      settings: { kind: 'multiple_choice', maxChoices: 3, question: 'Welke maatregelen tegen wachttijden moeten voorrang krijgen in het nieuwe contract?', options: labels.map((label, i) => ({ id: `m${i + 1}`, label })) },
    });
    expect(long.status, long.text).toBe(201);
    const expected = new Map<string, number>();
    for (const [i, email] of voters.entries()) {
      const options = [`m${(i % 12) + 1}`, `m${((i * 5) % 12) + 1}`, `m${((i * 7 + 3) % 12) + 1}`].filter((id, k, all) => all.indexOf(id) === k);
      for (const id of options) expected.set(id, (expected.get(id) ?? 0) + 1);
      const cast = await clients.get(email)!.post(`/polls/${long.body.pollId}/ballot`, { choice: { kind: 'multiple_choice', options } });
      expect(cast.status, cast.text).toBe(200);
    }
    await screen.locator(`[data-testid="screen-poll"][data-poll-id="${long.body.pollId}"]`).waitFor();
    await checkScreen(screen, 'a poll with twelve options', voters.length);
    const left = (shown: ReadonlyArray<readonly [string, number]>) => labels.map((_, i) => `m${i + 1}`).filter((id) => !shown.some(([shownId]) => shownId === id));
    // Every option is there, or, when not all fit, the leading ones by score and the rest summed up.
    for (const size of screenSizes) {
      await screen.setViewportSize(size);
      await screen.waitForFunction(() => {
        const poll = document.querySelector('[data-testid="screen-poll"]')!;
        return poll.scrollHeight <= poll.clientHeight + 1;
      });
      const shown = await screen.getByTestId('screen-option').evaluateAll((els) => els.map((el) => [el.getAttribute('data-option')!, Number(el.getAttribute('data-score'))] as const));
      const moreLine = screen.getByTestId('screen-options-more');
      const more = (await moreLine.count()) ? Number(await moreLine.getAttribute('data-count')) : 0;
      expect(shown.length + more, `options at ${size.width}`).toBe(12);
      expect(shown.length, `options at ${size.width}`).toBeGreaterThanOrEqual(6);
      if (more) expect(await moreLine.innerText()).toBe(`En nog ${more} opties met samen ${left(shown).reduce((sum, id) => sum + (expected.get(id) ?? 0), 0)} stemmen.`);
      for (const [id, score] of shown) expect(score, id).toBe(expected.get(id) ?? 0);
      for (const id of left(shown)) expect(expected.get(id) ?? 0).toBeLessThanOrEqual(Math.min(...shown.map(([, score]) => score)));
    }
    await expectNoAxeViolations(screen);
  }, 300_000);

  it('takes a phone at 360×740 to the open poll by its code, signed in or not, and says plainly when a code leads nowhere, no poll is open or the session has ended', async () => {
    mkdirSync(screenshots, { recursive: true });
    const inkoop = await apiSignIn(server, 'inkoop@dialoogtafel.example');
    const trajectoryId = (await inkoop.get('/trajectories')).body.find((t: { name: string }) => t.name === ijmondName).id as string;
    const topics = await inkoop.get(`/trajectories/${trajectoryId}/topics`);
    const created = await inkoop.post(`/trajectories/${trajectoryId}/sessions`, {
      title: 'Dialoogsessie vanaf de telefoon',
      startsAt: new Date().toISOString(),
      location: 'Stadhuis Haarlem',
      agenda: topics.body.slice(0, 1).map((t: { id: string }) => ({ topicId: t.id, minutes: 30 })),
      declaration: { outcomeKind: 'advice', decidedBy: 'de colleges van B&W' },
    });
    expect(created.status, created.text).toBe(201);
    const sessionId = created.body.id as string;
    const { page: f } = await openFreshPage(browser);
    await signIn(f, server.url, 'facilitator@dialoogtafel.example');
    await f.goto(`${server.url}/sessies/${sessionId}`);
    await f.getByRole('button', { name: 'Sessie beginnen' }).click();
    await f.getByTestId('current-topic-title').waitFor();
    const code = (await inkoop.get(`/sessions/${sessionId}/join-code`)).body.code as string;

    // Signed in, no poll open yet: the phone says so and waits.
    const provider = await apiSignIn(server, 'aanbieder@dialoogtafel.example');
    const phone = await openPhone(browser, server, provider.token!);
    await phone.page.goto(`${server.url}/stem/${code}`);
    expect(await phone.page.getByTestId('vote-waiting').innerText()).toContain('Er is nu geen peiling open.');
    await expectNoAxeViolations(phone.page);

    // A poll opens: it appears on the phone by itself, and the vote goes through.
    const question = 'Kunt u instemmen met de voorgestelde wachtlijstaanpak?';
    const opened = await inkoop.post(`/sessions/${sessionId}/polls`, { settings: { kind: 'consent', question } });
    expect(opened.status, opened.text).toBe(201);
    const poll = phone.page.getByTestId('vote-poll').filter({ hasText: question });
    await poll.waitFor();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phoneSize.width);
    await expectNoAxeViolations(phone.page);
    await poll.getByLabel(/^Akkoord/).check();
    await poll.getByRole('button', { name: 'Stem uitbrengen' }).click();
    await poll.locator('[data-testid="vote-delivery"][data-state="received"]').waitFor();
    await expectNoAxeViolations(phone.page);
    // The picture shows the question, the choice and the acknowledgement together.
    await poll.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await phone.page.screenshot({ path: `${screenshots}/phone-ballot.png` });

    // Not signed in: the sign-in page first, then straight on to the poll.
    const stranger = await openPhone(browser, server);
    await stranger.page.goto(`${server.url}/stem/${code}`);
    await stranger.page.waitForURL(/\/inloggen/);
    await stranger.page.getByLabel('E-mailadres').waitFor();
    expect(await stranger.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phoneSize.width);
    await expectNoAxeViolations(stranger.page);
    await stranger.page.getByLabel('E-mailadres').fill('gemeente@dialoogtafel.example');
    await stranger.page.getByLabel('Wachtwoord', { exact: true }).fill('dialoog-demo');
    await stranger.page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await stranger.page.waitForURL(new RegExp(`/stem/${code}$`));
    await stranger.page.getByTestId('vote-poll').filter({ hasText: question }).waitFor();
    await expectNoAxeViolations(stranger.page);

    // A code that leads nowhere: a plain Dutch message and the form to try again.
    await phone.page.goto(`${server.url}/stem/22222222`);
    expect(await phone.page.getByTestId('vote-not-found').innerText()).toBe('Deze code hoort niet bij een sessie waaraan u deelneemt. Controleer de code op het scherm.');
    await phone.page.getByLabel('Code van het scherm').waitFor();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phoneSize.width);
    await expectNoAxeViolations(phone.page);

    // The session ends: its code says that voting is over.
    await f.getByRole('button', { name: 'Sessie afsluiten' }).click();
    await f.getByRole('button', { name: 'Ja, sessie afsluiten' }).click();
    await phone.page.goto(`${server.url}/stem/${code}`);
    expect(await phone.page.getByTestId('vote-ended').innerText()).toBe('Deze sessie is afgelopen. Er kan niet meer worden gestemd.');
    expect(await phone.page.getByTestId('vote-poll').count()).toBe(0);
    await expectNoAxeViolations(phone.page);
    await phone.context.close();
    await stranger.context.close();
  }, 180_000);
});
