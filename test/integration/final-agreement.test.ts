import JSZip from 'jszip';
import type { Connection } from 'mongoose';
import { PDFParse } from 'pdf-parse';
import { expectAccessiblePdf } from '../helpers/accessible-pdf';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentText, encodePosition } from '../../shared/domain/clause-text';
import type { FinalAgreementDto } from '../../shared/schemas/final';
import { connectDatabase, demoEmails, demoTrajectoryIds, expectError, middenIJsselName, objectId, signIn, type ApiClient, type ApiResponse, type DemoIds } from '../helpers/api-client';
import { collabClient, type CollabClient } from '../helpers/collab-client';
import { startServer, waitFor, type RunningServer } from '../helpers/server';

/** The representative of each Midden-IJssel/Oost-Veluwe municipality in the demo. */
const representatives: Record<string, string> = {
  Apeldoorn: 'gertjan.hendriks@dialoogtafel.example',
  Brummen: 'lotte.vandijk@dialoogtafel.example',
  Epe: 'martijn.bosch@dialoogtafel.example',
  Hattem: 'esther.kok@dialoogtafel.example',
  Heerde: 'henk.willems@dialoogtafel.example',
  Lochem: 'sofie.vermeulen@dialoogtafel.example',
  Voorst: 'jan.peters@dialoogtafel.example',
  Zutphen: 'ingrid.wolters@dialoogtafel.example',
};

async function download(server: RunningServer, client: ApiClient, path: string) {
  const res = await fetch(`${server.url}/api${path}`, { headers: { cookie: `dt_session=${client.token}` } });
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition') ?? '', bytes: Buffer.from(await res.arrayBuffer()) };
}

/** Each needle found after the one before it. */
function expectInOrder(haystack: string, needles: string[], from = 0): void {
  let at = from - 1;
  for (const needle of needles) {
    const next = haystack.indexOf(needle, at + 1);
    expect(next, `"${needle}" after position ${at}`).toBeGreaterThan(at);
    at = next;
  }
}

describe('the definitive agreement and its sign-off per municipality', () => {
  let server: RunningServer;
  let ids: DemoIds;
  let inkoop: ApiClient;
  let reps: Map<string, ApiClient>;
  let provider: ApiClient;
  let ijmondOnly: ApiClient;
  let db: Connection;
  let m: string;
  const clients: CollabClient[] = [];

  const view = async (client: ApiClient = inkoop): Promise<FinalAgreementDto> => {
    const res = await client.get(`${m}/final`);
    expect(res.status, res.text).toBe(200);
    return res.body as FinalAgreementDto;
  };
  const signOff = (client: ApiClient, body: Record<string, unknown>) => client.post(`${m}/final/signoffs`, body);

  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1' } });
    const admin = await signIn(server, demoEmails.admin);
    ids = await demoTrajectoryIds(admin);
    m = `/trajectories/${ids.midden}`;
    [inkoop, provider, ijmondOnly] = await Promise.all([signIn(server, demoEmails.procurement), signIn(server, 'noor.jansen@dialoogtafel.example'), signIn(server, demoEmails.municipality)]);
    const entries = Object.entries(representatives);
    reps = new Map(await Promise.all(entries.map(async ([municipality, email]) => [municipality, await signIn(server, email)] as const)));
    db = await connectDatabase(server);
    // Eleven sign-ins on a busy machine: more than the default hook time.
  }, 120_000);
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await db?.close();
    await server?.stop();
  });

  it('refuses to assemble while clauses are not fixed, naming them; only the procurement team assembles', async () => {
    // IJmond's draft has clauses in dialogue and in concept.
    const ijmond = `/trajectories/${ids.ijmond}`;
    const readiness = (await inkoop.get(`${ijmond}/final`)).body as FinalAgreementDto;
    expect(readiness.status).toBe('not_assembled');
    expect(readiness.notFixed.map((c) => c.title)).toContain('Acceptatieplicht');
    const refused = await inkoop.post(`${ijmond}/final/assemble`, {});
    expectError(refused, 409, 'conflict');
    expect(refused.body.error.fields.reason).toBe('clauses_not_fixed');
    for (const c of readiness.notFixed) expect(refused.body.error.message).toContain(`Artikel ${c.number} ${c.title}`);

    // In Midden-IJssel a new concept clause blocks assembly until it is fixed too.
    const agreement = (await inkoop.get(`${m}/agreement`)).body;
    const created = await inkoop.post(`${m}/agreement/clauses`, { chapterId: agreement.chapters[0].id, title: 'Geschillen', text: 'Partijen lossen geschillen eerst in overleg op.' });
    expect(created.status, created.text).toBe(201);
    const clause = created.body.chapters[0].clauses.at(-1);
    const blocked = await inkoop.post(`${m}/final/assemble`, {});
    expectError(blocked, 409, 'conflict');
    expect(blocked.body.error.message).toContain(`Artikel ${clause.number} Geschillen`);
    expect((await view()).notFixed.map((c) => c.title)).toEqual(['Geschillen']);
    expect((await inkoop.patch(`${m}/agreement/clauses/${clause.id}`, { status: 'fixed' })).status).toBe(200);
    expect((await view()).notFixed).toEqual([]);

    for (const client of [reps.get('Apeldoorn')!, provider]) expectError(await client.post(`${m}/final/assemble`, {}), 403, 'forbidden');
    expect((await view()).status).toBe('not_assembled');
  });

  it('assembles chapters and clauses in order, marks variants and traces each clause; the annex ends with the audit head', async () => {
    const head = (await inkoop.get(`${m}/audit`)).body[0] as { seq: number; hash: string };
    const res = await inkoop.post(`${m}/final/assemble`, {});
    expect(res.status, res.text).toBe(200);
    const final = res.body as FinalAgreementDto;
    expect(final.status).toBe('assembled');
    const snapshot = final.assembled!.snapshot;
    expect(snapshot.title).toBe(`Inkoopovereenkomst ${middenIJsselName}`);

    // Same order and numbering as the agreement itself, with the text of each clause.
    const agreement = (await inkoop.get(`${m}/agreement`)).body as { chapters: Array<{ title: string; clauses: Array<{ number: number; title: string }> }> };
    expect(snapshot.chapters.map((c) => c.title)).toEqual(agreement.chapters.map((c) => c.title));
    expect(snapshot.chapters.flatMap((c) => c.clauses.map((k) => `${k.number} ${k.title}`))).toEqual(agreement.chapters.flatMap((c) => c.clauses.map((k) => `${k.number} ${k.title}`)));
    expect(snapshot.chapters.flatMap((c) => c.clauses).map((k) => k.number)).toEqual(snapshot.chapters.flatMap((c) => c.clauses).map((_k, i) => i + 1));
    const bridging = snapshot.chapters.flatMap((c) => c.clauses).find((k) => k.title === 'Overbruggingsafspraken')!;
    expect(bridging.text).toContain('houdt die hulp tot 1 juli 2026');
    expect(bridging.variants).toEqual([expect.objectContaining({ label: 'Zutphen en Lochem: eigen toegangsteam', municipalities: ['Zutphen', 'Lochem'] })]);
    expect(bridging.variants[0]!.text).toContain('toegangsteam van de gemeente');

    // The annex: topics, the session that had them on the agenda, the poll with its result, the agreement (afspraak).
    const entry = snapshot.annex.entries.find((e) => e.clauseId === bridging.id)!;
    expect(entry.topics.map((t) => t.title)).toContain('Zorgcontinuïteit en overbruggingsafspraken');
    expect(entry.sessions.map((s) => s.title)).toEqual(['Dialoogsessie 4 van 4: afronding concept-inkoopovereenkomst']);
    expect(entry.polls).toHaveLength(1);
    expect(entry.polls[0]).toMatchObject({ via: 'topic', session: { title: 'Dialoogsessie 4 van 4: afronding concept-inkoopovereenkomst' } });
    expect(entry.polls[0]!.result!.ballots).toBeGreaterThan(0);
    expect(entry.polls[0]!.result!.consent).not.toBeNull();
    expect(entry.outcomes.map((o) => o.text)).toEqual([expect.stringContaining('overbruggingsovereenkomsten lopen tot 1 juli 2026')]);
    const definitions = snapshot.annex.entries.find((e) => e.clauseTitle === 'Begripsbepalingen')!;
    expect(definitions).toMatchObject({ topics: [], sessions: [], polls: [], outcomes: [] });
    expect(snapshot.annex.entries.map((e) => e.clauseNumber)).toEqual(snapshot.chapters.flatMap((c) => c.clauses.map((k) => k.number)));

    // The audit head at assembly, and the assembly's own event right after it, with the content hash.
    expect(snapshot.annex.audit).toMatchObject({ seq: head.seq, hash: head.hash });
    const events = (await inkoop.get(`${m}/audit`)).body as Array<{ seq: number; action: string; summary: Record<string, unknown> }>;
    expect(events[0]).toMatchObject({ seq: head.seq + 1, action: 'final.assemble', summary: { revision: 1, contentHash: final.assembled!.contentHash, auditSeq: head.seq } });
    expect(final.assembled!.contentHash).toMatch(/^[a-f0-9]{64}$/);
    expect((await inkoop.get(`${m}/audit/verify`)).body.valid).toBe(true);
    expect(final.signoffs.every((s) => s.status === 'pending')).toBe(true);
    expect(final.signoffs.map((s) => s.municipality).sort()).toEqual(Object.keys(representatives).sort());
  });

  it('lets a representative sign off only for their own municipality, and a rejection needs a reason', async () => {
    const apeldoorn = reps.get('Apeldoorn')!;
    expect((await view(apeldoorn)).signsFor).toBe('Apeldoorn');
    expect((await view(provider)).signsFor).toBeNull();

    expectError(await signOff(apeldoorn, { municipality: 'Zutphen', decision: 'approve' }), 403, 'forbidden');
    expectError(await signOff(apeldoorn, { municipality: 'Haarlem', decision: 'approve' }), 400, 'validation_failed');
    expectError(await signOff(provider, { municipality: 'Apeldoorn', decision: 'approve' }), 403, 'forbidden');
    expectError(await signOff(inkoop, { municipality: 'Apeldoorn', decision: 'approve' }), 403, 'forbidden');
    const noReason = await signOff(apeldoorn, { municipality: 'Apeldoorn', decision: 'reject', reason: '   ' });
    expectError(noReason, 400, 'validation_failed');
    expect(noReason.body.error.fields).toHaveProperty('reason');
    expectError(await signOff(apeldoorn, { municipality: 'Apeldoorn', decision: 'maybe' }), 400, 'validation_failed');
    expect((await view()).signoffs.every((s) => s.status === 'pending')).toBe(true);

    const rejected = await signOff(apeldoorn, { municipality: 'Apeldoorn', decision: 'reject', reason: 'Het college wil eerst de tarieven laten doorrekenen.' });
    expect(rejected.status, rejected.text).toBe(200);
    expect(rejected.body.signoffs.find((s: { municipality: string }) => s.municipality === 'Apeldoorn')).toMatchObject({
      status: 'rejected',
      reason: 'Het college wil eerst de tarieven laten doorrekenen.',
      by: { name: 'Gert-Jan Hendriks' },
    });
    const events = (await inkoop.get(`${m}/audit`)).body;
    expect(events[0]).toMatchObject({ action: 'final.reject', summary: { municipality: 'Apeldoorn', reason: 'Het college wil eerst de tarieven laten doorrekenen.' } });

    // Changing one's mind is allowed until the agreement is final.
    const approved = await signOff(apeldoorn, { municipality: 'Apeldoorn', decision: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body.signoffs.find((s: { municipality: string }) => s.municipality === 'Apeldoorn')).toMatchObject({ status: 'approved', reason: null });

    // Reassembly starts the sign-off afresh, and is logged.
    const again = await inkoop.post(`${m}/final/assemble`, {});
    expect(again.status).toBe(200);
    expect(again.body.assembled.revision).toBe(2);
    expect(again.body.signoffs.every((s: { status: string }) => s.status === 'pending')).toBe(true);
    expect((await inkoop.get(`${m}/audit`)).body[0]).toMatchObject({ action: 'final.assemble', summary: { revision: 2, signoffsReset: 1 } });
  });

  it('exports DOCX and PDF with a table of contents, the clauses in order, the annex and the audit hash', async () => {
    const final = await view();
    const snapshot = final.assembled!.snapshot;
    const headings = snapshot.chapters.flatMap((c) => [`Hoofdstuk ${c.number} ${c.title}`, ...c.clauses.map((k) => `Artikel ${k.number} ${k.title}`)]);
    const hash = snapshot.annex.audit!.hash;

    const docx = await download(server, reps.get('Zutphen')!, `${m}/final/agreement.docx`);
    expect(docx.status).toBe(200);
    expect(docx.type).toContain('wordprocessingml');
    expect(decodeURIComponent(docx.disposition)).toContain(`Inkoopovereenkomst ${middenIJsselName}.docx`);
    const xml = await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string');
    // A real TOC field, with the headings already written in it.
    expect(xml).toMatch(/<w:instrText[^>]*>\s*TOC /);
    const words = xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    const contents = words.indexOf('Inhoudsopgave');
    expect(contents).toBeGreaterThan(-1);
    expectInOrder(words, headings, contents);
    const body = words.indexOf(headings[0]!, words.indexOf(headings.at(-1)!, contents) + 1);
    expect(body, 'the headings again in the body, after the table of contents').toBeGreaterThan(-1);
    expectInOrder(words, [...headings, 'Bijlage: herleidbaarheid per artikel', 'Bijlage bij artikel 1 Begripsbepalingen', 'Auditlog bij het samenstellen', hash], body);
    expect(words).toContain('Gemeentelijke variant (Zutphen, Lochem):');
    expect(words).toContain('Dialoogsessie 4 van 4: afronding concept-inkoopovereenkomst');
    expect(words).toMatch(/Overbruggingsovereenkomsten lopen tot 1 juli 2026, met een warme overdracht\. Akkoord\? — consent/);

    const pdf = await download(server, provider, `${m}/final/agreement.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    await expectAccessiblePdf(pdf.bytes);
    const parsed = await new PDFParse({ data: new Uint8Array(pdf.bytes) }).getText();
    const text = parsed.text.replace(/\s+/g, ' ');
    const pdfContents = text.indexOf('Inhoudsopgave');
    expect(pdfContents).toBeGreaterThan(-1);
    // The contents page lists each heading with the page it is on.
    for (const heading of headings) {
      const page = parsed.pages.findIndex((p, i) => i > 1 && p.text.replace(/\s+/g, ' ').includes(heading));
      expect(page, heading).toBeGreaterThan(1);
      expect(text.slice(pdfContents)).toContain(`${heading} ${page + 1}`);
    }
    const pdfBody = text.indexOf(headings[0]!, text.indexOf(headings.at(-1)!, pdfContents) + 1);
    expectInOrder(text, [...headings, 'Bijlage: herleidbaarheid per artikel', 'Auditlog bij het samenstellen'], pdfBody);
    expect(text.replace(/\s+/g, '')).toContain(hash);
    expect(text).toContain('Gemeentelijke variant (Zutphen, Lochem):');
  });

  it('becomes final once every municipality approved: every change is refused and open documents turn read-only', async () => {
    const agreement = (await inkoop.get(`${m}/agreement`)).body;
    const tariffs = agreement.chapters.flatMap((c: { clauses: unknown[] }) => c.clauses).find((c: { title: string }) => c.title === 'Tarieven');
    // A connection that may write until the moment of locking: the clause's status is set back in
    // the database (a fixed clause is read-only anyway), so only the lock can take the pen away.
    await db.collection('agreement_clauses').updateOne({ _id: objectId(tariffs.id) }, { $set: { status: 'agreed' } });
    const writer = collabClient(server.url, tariffs.documentName, { token: inkoop.token! });
    clients.push(writer);
    await writer.synced;
    const before = documentText(writer.doc);

    const names = Object.keys(representatives);
    for (const municipality of names.slice(0, -1)) {
      const res = await signOff(reps.get(municipality)!, { municipality, decision: 'approve' });
      expect(res.status, res.text).toBe(200);
      expect(res.body.status).toBe('assembled');
    }
    // Comments race the last approval: each lands before the seal or is refused, never after it
    // (comments hold the agreement's lock, as the seal does).
    const text = (writer.fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const anchor = {
      start: encodePosition(Y.createRelativePositionFromTypeIndex(text, 0)),
      end: encodePosition(Y.createRelativePositionFromTypeIndex(text, 4)),
      quote: text.toString().slice(0, 4),
    };
    const last = names.at(-1)!;
    const commenters = [inkoop, provider, reps.get('Epe')!, reps.get('Zutphen')!];
    // Each commenter keeps posting while the approval is on its way, and once more after it.
    let sealed = false;
    const racing: ApiResponse[] = [];
    const commentWhileSealing = async (client: ApiClient, n: number) => {
      for (let round = 0; ; round++) {
        const after = sealed;
        racing.push(await client.post(`${m}/agreement/clauses/${tariffs.id}/comments`, { anchor, body: `Wedloop ${n}.${round}` }));
        if (after) return;
      }
    };
    const [sealing] = await Promise.all([
      signOff(reps.get(last)!, { municipality: last, decision: 'approve' }).finally(() => (sealed = true)),
      ...commenters.map((client, n) => commentWhileSealing(client, n)),
    ]);
    // Every commenter posted once more after the seal, so refusals happened; whether any racing
    // comment won the lock first depends on the machine's load, so that outcome is not asserted —
    // only that a comment which did land was written before the seal.
    expect(racing.some((res) => res.status === 409)).toBe(true);
    expect(sealing.status, sealing.text).toBe(200);
    expect(sealing.body.status).toBe('final');
    const seal = await db.collection('final_seals').findOne({ _id: objectId(ids.midden) });
    expect(seal).not.toBeNull();
    for (const res of racing) {
      if (res.status === 201) {
        const stored = await db.collection('clause_comments').findOne({ _id: objectId(res.body.id) });
        expect(stored!.createdAt.getTime(), 'a comment written after the seal').toBeLessThanOrEqual((seal!.at as Date).getTime());
      } else {
        expectError(res, 409, 'conflict');
        expect(res.body.error.fields.reason).toBe('agreement_final');
      }
    }
    const raced = ((await inkoop.get(`${m}/comments?clauseId=${tariffs.id}`)).body as Array<{ body: string }>).filter((c) => c.body.startsWith('Wedloop'));
    expect(raced).toHaveLength(racing.filter((res) => res.status === 201).length);
    const final = await view();
    expect(final.status).toBe('final');
    expect(final.finalAt).not.toBeNull();
    expect(final.signoffs.every((s) => s.status === 'approved')).toBe(true);
    expect(final.mayAssemble).toBe(false);
    expect((await inkoop.get(`${m}/audit`)).body.filter((e: { action: string }) => e.action === 'final.lock')).toHaveLength(1);

    // The open connection lost the pen at the moment of locking.
    const paragraph = writer.fragment.get(0) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).insert(0, 'NA-DEFINITIEF ');
    await waitFor(() => writer.denied.includes('read-only'), 5000, 'the permission-denied message');
    const reader = collabClient(server.url, tariffs.documentName, { token: reps.get('Epe')!.token! });
    clients.push(reader);
    await reader.synced;
    expect(documentText(reader.doc)).toBe(before);

    // Every change over REST: 409, the agreement is final.
    const chapter = agreement.chapters[0];
    const clause = chapter.clauses[0];
    const refused = [
      await inkoop.post(`${m}/agreement/chapters`, { title: 'Nog een hoofdstuk' }),
      await inkoop.patch(`${m}/agreement/chapters/${chapter.id}`, { title: 'Anders' }),
      await inkoop.post(`${m}/agreement/clauses`, { chapterId: chapter.id, title: 'Nieuw artikel' }),
      await inkoop.patch(`${m}/agreement/clauses/${clause.id}`, { title: 'Andere titel' }),
      await inkoop.patch(`${m}/agreement/clauses/${clause.id}`, { status: 'in_dialogue' }),
      await inkoop.post(`${m}/agreement/clauses/${clause.id}/variants`, { label: 'Epe', municipalities: ['Epe'] }),
      await provider.post(`${m}/agreement/clauses/${clause.id}/amendments`, { originalText: '', proposedText: 'Iets anders.', motivation: 'Graag.' }),
      await inkoop.post(`${m}/final/assemble`, {}),
      await signOff(reps.get('Apeldoorn')!, { municipality: 'Apeldoorn', decision: 'reject', reason: 'Toch niet.' }),
    ];
    const version = await inkoop.post(`${m}/versions`, { name: 'Definitief', clauseId: clause.id });
    expect(version.status, version.text).toBe(201);
    refused.push(await inkoop.post(`${m}/versions/${version.body.id}/restore`, { clauseId: clause.id }));
    for (const res of refused) {
      expectError(res, 409, 'conflict');
      expect(res.body.error.fields.reason).toBe('agreement_final');
      expect(res.body.error.message).toMatch(/^De overeenkomst is definitief/);
    }
    expect((await inkoop.get(`${m}/agreement`)).body.chapters.map((c: { title: string }) => c.title)).toEqual(agreement.chapters.map((c: { title: string }) => c.title));
  });

  it('tells a member of another trajectory nothing', async () => {
    for (const path of ['final', 'final/agreement.docx', 'final/agreement.pdf']) expectError(await ijmondOnly.get(`${m}/${path}`), 404, 'not_found');
    expectError(await ijmondOnly.post(`${m}/final/assemble`, {}), 404, 'not_found');
    expectError(await signOff(ijmondOnly, { municipality: 'Apeldoorn', decision: 'approve' }), 404, 'not_found');
    // Haarlem's representative in IJmond, where nothing is assembled yet: no export to make.
    expectError(await ijmondOnly.get(`/trajectories/${ids.ijmond}/final/agreement.pdf`), 409, 'conflict');
  });
});
