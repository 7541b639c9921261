import ExcelJS from 'exceljs';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, demoEmails, demoTrajectoryIds, expectError, signIn, uniqueEmail, type ApiClient } from '../helpers/api-client';
import { startServer, waitFor, type RunningServer } from '../helpers/server';

describe('bulk invitations from a sheet', () => {
  let server: RunningServer;
  let db: Connection;
  let inkoop: ApiClient;
  let aanbieder: ApiClient;
  let t: string;

  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1', NOTIFY_POLL_MS: '200' }, timeoutMs: 120_000 });
    db = await connectDatabase(server);
    [inkoop, aanbieder] = await Promise.all([signIn(server, demoEmails.procurement), signIn(server, demoEmails.provider)]);
    t = (await demoTrajectoryIds(await signIn(server, demoEmails.admin))).ijmond;
  }, 180_000);
  afterAll(async () => {
    await db?.close();
    await server?.stop();
  });

  it('300 rows with 12 bad ones: a preview names each bad row, one step invites the 288 others, queued, in seconds', async () => {
    const lines = ['organisatie;kvk-nummer;contactpersoon;e-mail;rol'];
    const bad: number[] = [];
    for (let i = 0; i < 300; i++) {
      let row = `Praktijk ${i};${String(10000000 + i)};Contact ${i};${uniqueEmail(`bulk${i}`)};aanbieder`;
      if (i % 25 === 0) {
        bad.push(i + 2);
        row = [`Praktijk ${i};12;Contact;geen-adres;aanbieder`, `Praktijk ${i};${10000000 + i};C;${uniqueEmail('x')};koning`, `;${10000000 + i};C;${uniqueEmail('y')};aanbieder`, `Praktijk ${i};${10000000 + i};C;${demoEmails.municipality};gemeente`][(i / 25) % 4]!;
      }
      lines.push(row);
    }
    const content = Buffer.from(lines.join('\r\n')).toString('base64');
    const preview = await inkoop.post(`/trajectories/${t}/invitations/bulk/preview`, { fileName: 'uitnodigingen.csv', content });
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body).toMatchObject({ kind: 'csv', valid: 288, invalid: 12 });
    expect(preview.body.rows.filter((r: { errors: string[] }) => r.errors.length > 0).map((r: { row: number }) => r.row)).toEqual(bad);
    expect(preview.body.rows[1 - 1 + 0].errors).toEqual(expect.arrayContaining(['kvk_invalid', 'email_invalid']));
    expect(await db.collection('invitations').countDocuments({ email: { $regex: '^bulk' } })).toBe(0);

    expectError(await aanbieder.post(`/trajectories/${t}/invitations/bulk/preview`, { fileName: 'x.csv', content }), 403, 'forbidden');
    expectError(await inkoop.post(`/trajectories/${t}/invitations/bulk`, { fileName: 'x.csv', content: Buffer.from('\u0000\u0001binary').toString('base64') }), 400, 'validation_failed');

    const started = Date.now();
    const done = await inkoop.post(`/trajectories/${t}/invitations/bulk`, { fileName: 'uitnodigingen.csv', content });
    expect(done.status, done.text).toBe(201);
    expect(Date.now() - started).toBeLessThan(30_000);
    const invitedRows = done.body.rows.filter((r: { invitation: unknown }) => r.invitation);
    expect(invitedRows).toHaveLength(288);
    expect(invitedRows.every((r: { invitation: { status: string } }) => r.invitation.status === 'open')).toBe(true);
    // Mails through the queue: every one delivered (the outbox without SMTP).
    await waitFor(async () => (await db.collection('outbox').countDocuments({ to: { $regex: '^bulk' } })) === 288, 120_000, 'the 288 invitation mails');
    // Sending the same sheet again: every row is now already invited.
    const again = await inkoop.post(`/trajectories/${t}/invitations/bulk/preview`, { fileName: 'uitnodigingen.csv', content });
    expect(again.body.valid).toBe(0);

    // The same from an .xlsx.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Uitnodigingen');
    sheet.addRow(['Organisation', 'KvK', 'Contact', 'E-mail', 'Role']);
    sheet.addRow(['Excel Praktijk', '12345678', 'Ex Cel', uniqueEmail('xlsx'), 'provider']);
    sheet.addRow(['Excel Praktijk', '12345678', 'Ex Cel', 'kapot@', 'provider']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const fromExcel = await inkoop.post(`/trajectories/${t}/invitations/bulk/preview`, { fileName: 'lijst.xlsx', content: xlsx });
    expect(fromExcel.status, fromExcel.text).toBe(200);
    expect(fromExcel.body).toMatchObject({ kind: 'xlsx', valid: 1, invalid: 1 });
  }, 240_000);
});
