import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmails, demoTrajectoryIds, signIn as apiSignIn } from '../helpers/api-client';
import { expectNoAxeViolations, launchBrowser, openFreshPage, signIn, waitUntilLoaded } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('attachments on a topic', () => {
  let server: RunningServer;
  let browser: Browser;
  let topicUrl: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ env: { DEMO: '1' }, timeoutMs: 120_000 }), launchBrowser()]);
    const { ijmond } = await demoTrajectoryIds(await apiSignIn(server, demoEmails.admin));
    const topics = (await (await apiSignIn(server, demoEmails.procurement)).get(`/trajectories/${ijmond}/topics`)).body as Array<{ id: string }>;
    topicUrl = `${server.url}/trajecten/${ijmond}/onderwerpen/${topics[0]!.id}`;
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 90_000);

  it('the procurement team attaches a file; a provider sees it appear live and downloads the same bytes', async () => {
    const team = await openFreshPage(browser);
    const provider = await openFreshPage(browser);
    await signIn(team.page, server.url, demoEmails.procurement);
    await signIn(provider.page, server.url, demoEmails.provider);
    await team.page.goto(topicUrl);
    await waitUntilLoaded(team.page);
    await provider.page.goto(topicUrl);
    await waitUntilLoaded(provider.page);
    const providerSection = provider.page.getByTestId('attachments-topic');
    await providerSection.getByText('Er zijn nog geen bijlagen.').waitFor();
    // The provider may read but not attach.
    expect(await providerSection.getByLabel('Bestand toevoegen').count()).toBe(0);

    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(300 * 1024), Buffer.from('\n%%EOF\n')]);
    const section = team.page.getByTestId('attachments-topic');
    await section.getByLabel('Bestand toevoegen').setInputFiles({ name: 'Kwaliteitskader jeugdhulp.pdf', mimeType: 'application/pdf', buffer: bytes });
    await section.getByRole('link', { name: 'Kwaliteitskader jeugdhulp.pdf downloaden' }).waitFor();
    await team.page.getByRole('status').filter({ hasText: 'Kwaliteitskader jeugdhulp.pdf is toegevoegd.' }).waitFor({ state: 'attached' });

    // A file whose content is not what its name says is refused with a clear message.
    await section.getByLabel('Bestand toevoegen').setInputFiles({ name: 'pagina.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<!doctype html><script>alert(1)</script>') });
    await section.getByTestId('attachment-problem').getByText('Dit soort bestand kan niet als bijlage worden toegevoegd.').waitFor();
    await expectNoAxeViolations(team.page);

    // Live on the provider's open page, without reloading; then downloaded.
    const link = providerSection.getByRole('link', { name: 'Kwaliteitskader jeugdhulp.pdf downloaden' });
    await link.waitFor();
    expect(await providerSection.getByTestId('attachment').innerText()).toContain('Annelies Brouwer');
    const [download] = await Promise.all([provider.page.waitForEvent('download'), link.focus().then(() => provider.page.keyboard.press('Enter'))]);
    expect(download.suggestedFilename()).toBe('Kwaliteitskader jeugdhulp.pdf');
    expect(sha256(await readFile((await download.path())!))).toBe(sha256(bytes));
    await expectNoAxeViolations(provider.page);

    // A new version keeps the earlier one, under a disclosure.
    const [chooser] = await Promise.all([team.page.waitForEvent('filechooser'), section.getByRole('button', { name: 'Nieuwe versie van Kwaliteitskader jeugdhulp.pdf' }).click()]);
    await chooser.setFiles({ name: 'Kwaliteitskader jeugdhulp v2.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([bytes, Buffer.from('v2')]) });
    await providerSection.getByText('1 eerdere versie').waitFor();
    await providerSection.getByText('1 eerdere versie').click();
    await providerSection.getByRole('link', { name: 'Kwaliteitskader jeugdhulp.pdf downloaden' }).waitFor();

    // At 360 px the list wraps instead of scrolling sideways.
    await provider.page.setViewportSize({ width: 360, height: 800 });
    const wide = await provider.page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="attachments-topic"] *')].filter((e) => e.getBoundingClientRect().right > 361).map((e) => `${e.tagName}.${e.className}`),
    );
    expect(wide).toEqual([]);
    await expectNoAxeViolations(provider.page);
    expect([...team.console, ...provider.console].filter((m) => m.startsWith('pageerror'))).toEqual([]);
  }, 180_000);
});
