import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoEmails, demoTrajectoryIds, signIn as apiSignIn, uniqueEmail } from '../helpers/api-client';
import { expectHeading1, expectNoAxeViolations, openFreshPage, signIn, waitUntilLoaded, withDemoServerAndBrowser } from '../helpers/browser';
import type { RunningServer } from '../helpers/server';

describe('bulk invitations on the members page', () => {
  let server: RunningServer;
  let browser: Browser;

  withDemoServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('the procurement team uploads a CSV with 2 bad rows at 360 px, sees the errors, invites the 3 good ones and sees their status; a provider sees no such section', async () => {
    const { ijmond } = await demoTrajectoryIds(await apiSignIn(server, demoEmails.admin));
    const good = [uniqueEmail('bulkui-a'), uniqueEmail('bulkui-b'), uniqueEmail('bulkui-c')];
    const csv = [
      'organisatie;kvk-nummer;contactpersoon;e-mail;rol',
      `Praktijk Noord;12345678;Anna de Vries;${good[0]};aanbieder`,
      `Praktijk Zuid;87654321;Bram Jansen;geen-adres;aanbieder`,
      `Praktijk Oost;11223344;Cor Visser;${good[1]};aanbieder`,
      `Praktijk West;22334455;Dina Bakker;${uniqueEmail('bulkui-d')};koning`,
      `Praktijk Midden;33445566;Eva Smit;${good[2]};aanbieder`,
    ].join('\r\n');

    const { page } = await openFreshPage(browser);
    await page.setViewportSize({ width: 360, height: 800 });
    await signIn(page, server.url, demoEmails.procurement);
    await page.goto(`${server.url}/trajecten/${ijmond}/deelnemers`);
    await expectHeading1(page, /./);
    await waitUntilLoaded(page);
    const section = page.getByRole('region', { name: 'Uitnodigen met een bestand' });
    await section.waitFor();

    // Without a file: the field says so.
    await section.getByRole('button', { name: 'Bestand controleren' }).click();
    await section.getByText('Kies een bestand.').first().waitFor();

    await page.locator('#bulk-file').setInputFiles({ name: 'uitnodigingen.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    // Keyboard: from the file input to the check button.
    await page.locator('#bulk-file').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bestand controleren');
    await page.keyboard.press('Enter');
    await section.getByText('3 rijen in orde, 2 met fouten').waitFor();
    // Focus moved to the outcome.
    await page.waitForFunction(() => document.activeElement?.id === 'bulk-preview-heading');
    expect(await section.getByTestId('bulk-row-3').innerText()).toContain('Dit is geen geldig e-mailadres.');
    expect(await section.getByTestId('bulk-row-5').innerText()).toContain('Deze rol kennen we niet.');
    expect(await section.getByTestId('bulk-row-2').innerText()).toContain('In orde');
    // The table scrolls in its own box; the page itself does not.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await expectNoAxeViolations(page);

    await section.getByRole('button', { name: 'Nodig 3 personen uit' }).click();
    await section.getByText('3 uitnodigingen zijn verstuurd.').waitFor();
    for (const row of [2, 4, 6]) expect(await section.getByTestId(`bulk-row-${row}`).innerText()).toContain('Verstuurd');
    for (const row of [3, 5]) expect(await section.getByTestId(`bulk-row-${row}`).innerText()).toContain('Niet uitgenodigd');
    // The invitations appear in the list of invitations too.
    await page.getByTestId('invitation-table').getByText(good[2]!).waitFor();
    await expectNoAxeViolations(page);

    // The same sheet again: every good row is now already invited, so there is nobody to invite.
    await page.locator('#bulk-file').setInputFiles({ name: 'uitnodigingen.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await section.getByRole('button', { name: 'Bestand controleren' }).click();
    await section.getByText('0 rijen in orde, 5 met fouten').waitFor();
    expect(await section.getByTestId('bulk-row-2').innerText()).toContain('Deze persoon is al uitgenodigd.');
    expect(await section.getByRole('button', { name: 'Nodig 0 personen uit' }).isDisabled()).toBe(true);

    const provider = await openFreshPage(browser);
    await signIn(provider.page, server.url, demoEmails.provider);
    await provider.page.goto(`${server.url}/trajecten/${ijmond}/deelnemers`);
    await expectHeading1(provider.page, /./);
    await waitUntilLoaded(provider.page);
    expect(await provider.page.getByRole('heading', { name: 'Uitnodigen met een bestand' }).count()).toBe(0);
    expect(await provider.page.locator('#bulk-file').count()).toBe(0);
  }, 180_000);
});
