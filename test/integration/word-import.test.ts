import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clauseDocumentName } from '../../shared/domain/agreement';
import { documentText } from '../../shared/domain/clause-text';
import { apiClient, connectDatabase, demoEmails, objectId, demoTrajectoryIds, expectError, signIn, type ApiClient, type ApiResponse, type DemoIds } from '../helpers/api-client';
import { collabClient } from '../helpers/collab-client';
import { startServer, type RunningServer } from '../helpers/server';
import { docxType, draftAgreementDocx, macroEnabledDocx, truncatedDocx, zipBombDocx } from '../helpers/word-files';
import JSZip from 'jszip';

/*
 * Issue 18, part 1: a Word draft becomes the agreement's chapters and clauses, with each clause's
 * text in its collaboration document. Files are made in the test with the `docx` package.
 */

interface Agreement {
  chapters: Array<{ id: string; title: string; clauses: Array<{ id: string; title: string; status: string }> }>;
}
interface Preview {
  previewId: string;
  sha256: string;
  chapters: Array<{ title: string; clauses: Array<{ title: string; blocks: number[] }> }>;
  blocks: unknown[];
}

const maxBytes = 64 * 1024;
const maxUnpacked = 4 * 1024 * 1024;

describe('importing a Word draft', () => {
  let server: RunningServer;
  let ids: DemoIds;
  let inkoop: ApiClient;
  let draft: Buffer;

  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1', WORD_IMPORT_MAX_BYTES: String(maxBytes), WORD_IMPORT_MAX_UNPACKED_BYTES: String(maxUnpacked) } });
    ids = await demoTrajectoryIds(await signIn(server, demoEmails.admin));
    inkoop = await signIn(server, demoEmails.procurement);
    draft = await draftAgreementDocx();
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  const base = (trajectoryId: string) => `/trajectories/${trajectoryId}/agreement`;
  const upload = (client: ApiClient, trajectoryId: string, file: Uint8Array, type = docxType) =>
    client.request('POST', `${base(trajectoryId)}/import/preview`, { raw: file, headers: { 'content-type': type, 'x-file-name': encodeURIComponent('Concept overeenkomst.docx') } });
  const agreement = async (trajectoryId: string) => (await inkoop.get(base(trajectoryId))).body as Agreement;
  const auditEvents = async (trajectoryId: string) => (await inkoop.get(`/trajectories/${trajectoryId}/audit/verify`)).body.events as number;

  /** The clause's text as the server serves it over /collab, read by the procurement team. */
  async function clauseDocument(trajectoryId: string, clauseId: string): Promise<{ text: string; xml: string }> {
    const client = collabClient(server.url, clauseDocumentName(trajectoryId, clauseId), { token: inkoop.token });
    try {
      await client.synced;
      return { text: documentText(client.doc), xml: client.fragment.toString() };
    } finally {
      client.destroy();
    }
  }

  /** Runs `attempt` and checks that neither the agreement nor the audit log of either trajectory changed. */
  async function expectNothingCreated(attempt: () => Promise<void>): Promise<void> {
    const before = { ijmond: await agreement(ids.ijmond), midden: await agreement(ids.midden), events: await auditEvents(ids.ijmond), middenEvents: await auditEvents(ids.midden) };
    await attempt();
    expect(await agreement(ids.ijmond)).toEqual(before.ijmond);
    expect(await agreement(ids.midden)).toEqual(before.midden);
    expect(await auditEvents(ids.ijmond)).toBe(before.events);
    expect(await auditEvents(ids.midden)).toBe(before.middenEvents);
  }

  it('shows a preview of chapters and clauses, and creates nothing yet', async () => {
    let res!: ApiResponse;
    await expectNothingCreated(async () => {
      res = await upload(inkoop, ids.ijmond, draft);
    });
    expect(res.status, res.text).toBe(200);
    const preview = res.body as Preview;
    expect(preview.sha256).toMatch(/^[a-f0-9]{64}$/);
    expect(preview.chapters.map((c) => c.title)).toEqual(['Inleiding', 'Algemene bepalingen', 'Kwaliteit en tarieven']);
    expect(preview.chapters.map((c) => c.clauses.map((k) => k.title))).toEqual([
      ['Deze overeenkomst regelt de inkoop van jeugdhulp in de regio.'],
      ['Begrippen', 'Looptijd'],
      ['De aanbieder levert zorg volgens de geldende kwaliteitseisen.', 'De aanbieder meldt calamiteiten binnen drie werkdagen.', 'De tarieven staan in de tabel hieronder.'],
    ]);
  });

  it('creates every chapter, clause and clause text in one audited step, with the file’s SHA-256', async () => {
    const before = await agreement(ids.ijmond);
    const preview = (await upload(inkoop, ids.ijmond, draft)).body as Preview;
    // The team merges the two clauses about quality and calamities, as the preview page lets them.
    const [intro, general, quality] = preview.chapters;
    const merged = { title: 'Kwaliteit en calamiteiten', blocks: [...quality!.clauses[0]!.blocks, ...quality!.clauses[1]!.blocks] };
    const chapters = [intro!, general!, { title: quality!.title, clauses: [merged, quality!.clauses[2]!] }];
    const eventsBefore = await auditEvents(ids.ijmond);
    const res = await inkoop.post(`${base(ids.ijmond)}/import`, { previewId: preview.previewId, chapters });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ chapters: 3, clauses: 5 });

    const after = await agreement(ids.ijmond);
    const added = after.chapters.slice(before.chapters.length);
    expect(after.chapters.slice(0, before.chapters.length)).toEqual(before.chapters);
    expect(added.map((c) => c.title)).toEqual(['Inleiding', 'Algemene bepalingen', 'Kwaliteit en tarieven']);
    expect(added.map((c) => c.clauses.map((k) => k.title))).toEqual([
      ['Deze overeenkomst regelt de inkoop van jeugdhulp in de regio.'],
      ['Begrippen', 'Looptijd'],
      ['Kwaliteit en calamiteiten', 'De tarieven staan in de tabel hieronder.'],
    ]);
    expect(added.flatMap((c) => c.clauses).every((k) => k.status === 'concept')).toBe(true);

    const [begrippen, looptijd] = added[1]!.clauses;
    // (Y.XmlFragment#toString writes node names in lower case.)
    const definitions = await clauseDocument(ids.ijmond, begrippen!.id);
    expect(definitions.text).toBe('In deze overeenkomst wordt verstaan onder jeugdhulp: hulp en ondersteuning aan jeugdigen.\ngemeente: een deelnemende gemeente;\naanbieder: de partij die jeugdhulp levert.');
    expect(definitions.xml).toContain('<bold>jeugdhulp</bold>');
    expect(definitions.xml).toContain('<italic>ondersteuning</italic>');
    expect(definitions.xml).toContain('<bulletlist><listitem><paragraph>gemeente: een deelnemende gemeente;</paragraph></listitem>');
    expect((await clauseDocument(ids.ijmond, looptijd!.id)).text).toBe('De overeenkomst loopt vier jaar.');

    const [quality2, tariffs] = added[2]!.clauses;
    const mergedText = await clauseDocument(ids.ijmond, quality2!.id);
    expect(mergedText.text).toBe('De aanbieder levert zorg volgens de geldende kwaliteitseisen.\nDe aanbieder meldt calamiteiten binnen drie werkdagen.\nbij de toezichthouder;');
    expect(mergedText.xml).toContain('<orderedlist><listitem><paragraph>bij de toezichthouder;</paragraph></listitem></orderedlist>');
    const table = await clauseDocument(ids.ijmond, tariffs!.id);
    expect(table.text).toBe('De tarieven staan in de tabel hieronder.\nProduct\nTarief\nAmbulante begeleiding\n€ 65 per uur');
    expect(table.xml).toContain('<table><tablerow><tableheader><paragraph>Product</paragraph></tableheader>');
    expect(table.xml).toContain('<tablecell><paragraph>€ 65 per uur</paragraph></tablecell>');

    const events = (await inkoop.get(`/trajectories/${ids.ijmond}/audit`)).body as Array<{ action: string; summary: Record<string, unknown> }>;
    const imported = events.filter((e) => e.action === 'agreement.import');
    expect(imported).toHaveLength(1);
    expect(imported[0]!.summary).toMatchObject({ sha256: preview.sha256, fileName: 'Concept overeenkomst.docx', chapters: 3, clauses: 5 });
    // One step: one event, no separate chapter or clause events.
    expect(await auditEvents(ids.ijmond)).toBe(eventsBefore + 1);
    expect((await inkoop.get(`/trajectories/${ids.ijmond}/audit/verify`)).body).toMatchObject({ valid: true });

    // A preview is used once.
    expectError(await inkoop.post(`${base(ids.ijmond)}/import`, { previewId: preview.previewId, chapters }), 410, 'gone');
  });

  it('refuses a confirmation that does not hold every part of the file once and in order', async () => {
    const preview = (await upload(inkoop, ids.ijmond, draft)).body as Preview;
    const [intro, general, quality] = preview.chapters;
    const dropped = [intro!, general!, { ...quality!, clauses: quality!.clauses.slice(1) }];
    const doubled = [intro!, intro!, general!, quality!];
    const swapped = [general!, intro!, quality!];
    await expectNothingCreated(async () => {
      for (const chapters of [dropped, doubled, swapped, []]) {
        const res = await inkoop.post(`${base(ids.ijmond)}/import`, { previewId: preview.previewId, chapters });
        expectError(res, 400, 'validation_failed');
        expect(Object.keys(res.body.error.fields)).toEqual(['chapters']);
      }
    });
  });

  describe('refuses, with a reason, and creates nothing', () => {
    const refused = async (res: ApiResponse, status: number, code: string, reason: string) => {
      expectError(res, status, code);
      expect(res.body.error.fields?.reason, res.text).toBe(reason);
    };

    it('a damaged (malformed) zip', async () => {
      await expectNothingCreated(async () => {
        await refused(await upload(inkoop, ids.ijmond, await truncatedDocx()), 400, 'bad_request', 'damaged');
        // The zip signature followed by rubbish.
        await refused(await upload(inkoop, ids.ijmond, Buffer.concat([Buffer.from('PK\x03\x04'), randomBytes(2000)])), 400, 'bad_request', 'damaged');
      });
    });

    it('a macro-enabled document (.docm), by its content', async () => {
      await expectNothingCreated(async () => {
        await refused(await upload(inkoop, ids.ijmond, await macroEnabledDocx()), 415, 'unsupported_media_type', 'macro_enabled');
        // Only the VBA project part, with the ordinary .docx content type: still refused.
        const zip = await JSZip.loadAsync(draft);
        zip.file('word/vbaProject.bin', Buffer.from('macro'));
        await refused(await upload(inkoop, ids.ijmond, await zip.generateAsync({ type: 'nodebuffer' })), 415, 'unsupported_media_type', 'macro_enabled');
      });
    });

    it('something that is not Word: a PDF, plain text, another zip, all sent as .docx', async () => {
      const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
      const text = Buffer.from('Dit is een tekstbestand met de naam overeenkomst.docx\n');
      const zip = new JSZip();
      zip.file('notities.txt', 'geen Word');
      const otherZip = await zip.generateAsync({ type: 'nodebuffer' });
      await expectNothingCreated(async () => {
        for (const file of [pdf, text, otherZip]) await refused(await upload(inkoop, ids.ijmond, file), 415, 'unsupported_media_type', 'not_word');
      });
    });

    it('a file over WORD_IMPORT_MAX_BYTES, and one that unpacks past WORD_IMPORT_MAX_UNPACKED_BYTES (a zip bomb)', async () => {
      const zip = await JSZip.loadAsync(draft);
      zip.file('word/media/foto.bin', randomBytes(maxBytes));
      const large = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
      expect(large.length).toBeGreaterThan(maxBytes);
      const bomb = await zipBombDocx(maxUnpacked * 4);
      expect(bomb.length).toBeLessThan(maxBytes);
      await expectNothingCreated(async () => {
        expectError(await upload(inkoop, ids.ijmond, large), 413, 'payload_too_large');
        await refused(await upload(inkoop, ids.ijmond, bomb), 413, 'payload_too_large', 'too_large_unpacked');
      });
      expect(server.logs().filter((l) => (l.level as number) >= 50)).toEqual([]);
    });

    it('a file sent as JSON or as a form, or an empty file', async () => {
      await expectNothingCreated(async () => {
        expectError(await inkoop.post(`${base(ids.ijmond)}/import/preview`, { file: 'UEsDBA==' }), 400, 'validation_failed');
        expectError(await inkoop.request('POST', `${base(ids.ijmond)}/import/preview`, { raw: 'file=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, 'unsupported_media_type');
        expectError(await inkoop.request('POST', `${base(ids.ijmond)}/import/preview`, { raw: '', headers: { 'content-type': docxType } }), 415, 'unsupported_media_type');
        // The file type is for the upload route only.
        expectError(await inkoop.request('POST', `${base(ids.ijmond)}/chapters`, { raw: draft, headers: { 'content-type': docxType } }), 415, 'unsupported_media_type');
      });
    });

    it('anyone but the procurement team', async () => {
      await expectNothingCreated(async () => {
        for (const role of ['municipality', 'provider', 'client', 'facilitator', 'observer'] as const) {
          const client = await signIn(server, demoEmails[role]);
          expectError(await upload(client, ids.ijmond, draft), 403, 'forbidden');
          expectError(await client.post(`${base(ids.ijmond)}/import`, { previewId: 'a'.repeat(24), chapters: [{ title: 'Hoofdstuk', clauses: [] }] }), 403, 'forbidden');
        }
      });
    });

    it('a foreign trajectory: not a member, or a preview made for another trajectory', async () => {
      const aanbieder = await signIn(server, demoEmails.provider);
      const preview = (await upload(inkoop, ids.ijmond, draft)).body as Preview;
      await expectNothingCreated(async () => {
        // aanbieder@ sits at the IJmond table only: Midden-IJssel is not found for them.
        expectError(await upload(aanbieder, ids.midden, draft), 404, 'not_found');
        expectError(await aanbieder.post(`${base(ids.midden)}/import`, { previewId: preview.previewId, chapters: preview.chapters }), 404, 'not_found');
        // inkoop@ is procurement in both: a preview of IJmond does not create anything in Midden-IJssel.
        expectError(await inkoop.post(`${base(ids.midden)}/import`, { previewId: preview.previewId, chapters: preview.chapters }), 410, 'gone');
        expectError(await upload(apiClient(server), ids.ijmond, draft), 401, 'unauthenticated');
      });
      // The preview still works where it was made.
      expect((await inkoop.post(`${base(ids.ijmond)}/import`, { previewId: preview.previewId, chapters: preview.chapters })).status).toBe(201);
    });
  });

  it('refuses to import into an agreement that is final, also with a preview made before', async () => {
    const preview = (await upload(inkoop, ids.midden, draft)).body as Preview;
    expect(preview.previewId).toEqual(expect.any(String));
    const db = await connectDatabase(server);
    try {
      // As the last municipality's approval leaves it (final-operations.ts), without going through the whole sign-off.
      await db.collection('final_seals').insertOne({ _id: objectId(ids.midden), revision: 1, contentHash: 'a'.repeat(64), at: new Date() });
    } finally {
      await db.close();
    }
    await expectNothingCreated(async () => {
      for (const res of [await upload(inkoop, ids.midden, draft), await inkoop.post(`${base(ids.midden)}/import`, { previewId: preview.previewId, chapters: preview.chapters })]) {
        expectError(res, 409, 'conflict');
        expect(res.body.error.fields.reason).toBe('agreement_final');
      }
    });
  });
});
