import JSZip from 'jszip';
import { PDFParse } from 'pdf-parse';
import { expectAccessiblePdf } from '../helpers/accessible-pdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInAmsterdam } from '../../shared/domain/calendar';
import { demoEmails, demoTrajectoryIds, expectError, signIn, type ApiClient } from '../helpers/api-client';
import { startServer, type RunningServer } from '../helpers/server';

const marieke = 'marieke.dekker@dialoogtafel.example';
const dayFromToday = (days: number) => todayInAmsterdam(new Date(Date.now() + days * 86_400_000));

/** Downloads a file with the client's session, as bytes. */
async function download(server: RunningServer, client: ApiClient, path: string): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const res = await fetch(`${server.url}/api${path}`, { headers: { cookie: `dt_session=${client.token}` } });
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('questions and answers (nota van inlichtingen)', () => {
  let server: RunningServer;
  let inkoop: ApiClient;
  let aanbieder: ApiClient;
  let tweedeAanbieder: ApiClient;
  let others: ApiClient[];
  let t: string;
  let milestones: Array<{ kind: string; title: string; date: string }>;

  const setQuestionDeadline = async (date: string | null) => {
    const res = await inkoop.patch(`/trajectories/${t}`, {
      milestones: [...milestones.filter((m) => m.kind !== 'questions_deadline'), ...(date ? [{ kind: 'questions_deadline', title: 'Deadline vragen dialoogfase', date }] : [])],
    });
    expect(res.status, res.text).toBe(200);
  };
  const ask = (client: ApiClient, text: string) => client.post(`/trajectories/${t}/questions`, { text });

  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1' } });
    const admin = await signIn(server, demoEmails.admin);
    t = (await demoTrajectoryIds(admin)).ijmond;
    [inkoop, aanbieder, tweedeAanbieder] = await Promise.all([signIn(server, demoEmails.procurement), signIn(server, demoEmails.provider), signIn(server, marieke)]);
    others = await Promise.all([demoEmails.municipality, demoEmails.client, demoEmails.facilitator, demoEmails.observer].map((e) => signIn(server, e)));
    const trajectory = await inkoop.get(`/trajectories/${t}`);
    milestones = trajectory.body.milestones.map(({ kind, title, date }: { kind: string; title: string; date: string }) => ({ kind, title, date }));
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('refuses questions after the deadline, accepts them through the deadline’s whole day, and without a deadline', async () => {
    // The demo's question deadline (31 August 2026) has passed.
    expectError(await ask(aanbieder, 'Te laat?'), 409, 'conflict');
    const late = await ask(aanbieder, 'Te laat?');
    expect(late.body.error.fields).toEqual({ reason: 'deadline_passed' });
    expect((await aanbieder.get(`/trajectories/${t}/questions`)).body).toMatchObject({ open: false, deadline: '2026-08-31', questions: [] });

    await setQuestionDeadline(dayFromToday(0));
    expect((await ask(aanbieder, 'Op de laatste dag?')).status).toBe(201);
    await setQuestionDeadline(null);
    const overview = await aanbieder.get(`/trajectories/${t}/questions`);
    expect(overview.body).toMatchObject({ open: true, deadline: null, mayAsk: true, mayAnswer: false });
    await setQuestionDeadline(dayFromToday(7));
  });

  it('only providers ask; before publication no provider sees another’s question, and nobody else does', async () => {
    const asked = await ask(aanbieder, 'Mogen onderaannemers de intake doen?');
    expect(asked.status, asked.text).toBe(201);
    expect(asked.body).toMatchObject({ status: 'submitted', answer: null, askedBy: null, number: null });
    for (const client of [inkoop, ...others]) expectError(await ask(client, 'Mag ik ook?'), 403, 'forbidden');

    const second = await tweedeAanbieder.get(`/trajectories/${t}/questions`);
    expect(second.text).not.toContain('onderaannemers');
    expect(second.body.questions).toEqual([]);
    for (const client of others) expect((await client.get(`/trajectories/${t}/questions`)).text).not.toContain('onderaannemers');
    // The log names the question, not its text.
    expect((await inkoop.get(`/trajectories/${t}/audit`)).text).not.toContain('onderaannemers');

    const all = await inkoop.get(`/trajectories/${t}/questions`);
    const seen = all.body.questions.find((q: { text: string }) => q.text.includes('onderaannemers'));
    expect(seen.askedBy).toEqual({ name: 'Fatima El Amrani', organisationName: 'Jeugdzorg Kennemerland Plus' });
  });

  it('publishes every answered question at one moment, numbered, without who asked; the asker sees the answer only then', async () => {
    const q1 = (await ask(aanbieder, 'Hoe lang duurt de overgangstermijn?')).body;
    const q2 = (await ask(tweedeAanbieder, 'Kunnen vrijgevestigden maandelijks declareren?')).body;
    const q3 = (await ask(tweedeAanbieder, 'Is er een budgetplafond?')).body;
    for (const [q, answer] of [
      [q1, 'Zes maanden, of tot het einde van de lopende behandeling.'],
      [q2, 'Ja, iedere maand.'],
    ] as const) {
      const res = await inkoop.put(`/trajectories/${t}/questions/${q.id}/answer`, { answer });
      expect(res.status, res.text).toBe(200);
      expect(res.body.status).toBe('answered');
    }
    expectError(await aanbieder.put(`/trajectories/${t}/questions/${q1.id}/answer`, { answer: 'Zelf beantwoord' }), 403, 'forbidden');
    // A draft answer is not the asker's to read yet.
    const draft = (await aanbieder.get(`/trajectories/${t}/questions`)).body.questions.find((q: { id: string }) => q.id === q1.id);
    expect(draft).toMatchObject({ status: 'answered', answer: null });

    // Three clicks at once are one publication.
    const clicks = await Promise.all([1, 2, 3].map(() => inkoop.post(`/trajectories/${t}/questions/publish`, {})));
    expect(clicks.map((c) => c.status).sort()).toEqual([200, 409, 409]);
    const published = clicks.find((c) => c.status === 200)!.body;
    expect(published.published).toBeGreaterThanOrEqual(2);

    for (const client of [aanbieder, tweedeAanbieder, ...others]) {
      const res = await client.get(`/trajectories/${t}/questions`);
      const list = res.body.published as Array<{ number: number; text: string; answer: string; publishedAt: string }>;
      expect(list.map((q) => q.number)).toEqual(list.map((_q, i) => i + 1));
      expect(new Set(list.map((q) => q.publishedAt)).size).toBe(1);
      expect(list.find((q) => q.text === q1.text)?.answer).toBe('Zes maanden, of tot het einde van de lopende behandeling.');
      expect(list.some((q) => q.text === q3.text)).toBe(false);
      // Not who asked: no name, organisation or id of an asker anywhere in what the others read.
      if (client !== aanbieder) expect(res.text).not.toMatch(/Fatima El Amrani|Jeugdzorg Kennemerland Plus/);
      if (client !== tweedeAanbieder) expect(res.text).not.toMatch(/Marieke Dekker|Praktijk De Linde/);
    }
    const mine = (await aanbieder.get(`/trajectories/${t}/questions`)).body.questions.find((q: { id: string }) => q.id === q1.id);
    expect(mine).toMatchObject({ status: 'published', answer: 'Zes maanden, of tot het einde van de lopende behandeling.' });
    expect(mine.number).toBeGreaterThan(0);

    // A published answer does not change; with nothing answered there is nothing to publish.
    const again = await inkoop.put(`/trajectories/${t}/questions/${q1.id}/answer`, { answer: 'Toch anders' });
    expectError(again, 409, 'conflict');
    expect(again.body.error.fields).toEqual({ reason: 'published' });
    const twice = await inkoop.post(`/trajectories/${t}/questions/publish`, {});
    expectError(twice, 409, 'conflict');
    expect(twice.body.error.fields).toEqual({ reason: 'nothing_to_publish' });

    // The next publication numbers on.
    await inkoop.put(`/trajectories/${t}/questions/${q3.id}/answer`, { answer: 'Nee, er is geen budgetplafond per aanbieder.' });
    expect((await inkoop.post(`/trajectories/${t}/questions/publish`, {})).status).toBe(200);
    const list = (await tweedeAanbieder.get(`/trajectories/${t}/questions`)).body.published as Array<{ number: number; text: string }>;
    expect(list.at(-1)).toMatchObject({ number: list.length, text: q3.text });
    expect(new Set(list.map((q) => q.number)).size).toBe(list.length);
  });

  it('exports the published nota to DOCX and PDF: the questions in order with their answers, no askers', async () => {
    const published = (await aanbieder.get(`/trajectories/${t}/questions`)).body.published as Array<{ number: number; text: string; answer: string }>;
    expect(published.length).toBeGreaterThanOrEqual(3);

    const docx = await download(server, tweedeAanbieder, `/trajectories/${t}/questions/nota.docx`);
    expect(docx.status).toBe(200);
    expect(docx.type).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string');
    const words = xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(words).toContain('Nota van inlichtingen');
    let at = -1;
    for (const q of published) {
      const next = words.indexOf(`Vraag ${q.number}`, at + 1);
      expect(next, `Vraag ${q.number} after the one before`).toBeGreaterThan(at);
      expect(words.indexOf(q.text, next)).toBeGreaterThan(next);
      expect(words).toContain(q.answer);
      at = next;
    }
    expect(words).not.toMatch(/Fatima El Amrani|Marieke Dekker|Jeugdzorg Kennemerland Plus|Praktijk De Linde/);

    const pdf = await download(server, tweedeAanbieder, `/trajectories/${t}/questions/nota.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    await expectAccessiblePdf(pdf.bytes);
    const text = (await new PDFParse({ data: new Uint8Array(pdf.bytes) }).getText()).text.replace(/\s+/g, ' ');
    expect(text).toContain('Nota van inlichtingen');
    for (const q of published) expect(text).toContain(`Vraag ${q.number}`);
    expect(text.indexOf(published[0]!.text.slice(0, 30))).toBeLessThan(text.indexOf(published.at(-1)!.text.slice(0, 20)));
    expect(text).not.toMatch(/Fatima El Amrani|Marieke Dekker/);
  });

  it('a member of another trajectory learns nothing: 404 for the list, the exports and answering', async () => {
    const midden = (await demoTrajectoryIds(await signIn(server, demoEmails.admin))).midden;
    for (const path of ['questions', 'questions/nota.docx', 'questions/nota.pdf']) expectError(await aanbieder.get(`/trajectories/${midden}/${path}`), 404, 'not_found');
    expectError(await aanbieder.post(`/trajectories/${midden}/questions`, { text: 'Buiten?' }), 404, 'not_found');
    // Bad input changes nothing.
    expectError(await aanbieder.post(`/trajectories/${t}/questions`, { text: '' }), 400, 'validation_failed');
    expectError(await aanbieder.post(`/trajectories/${t}/questions`, { text: 'Over een onbekend onderwerp?', topicId: 'a'.repeat(24) }), 400, 'validation_failed');
    expectError(await inkoop.put(`/trajectories/${t}/questions/${'a'.repeat(24)}/answer`, { answer: 'Niemand' }), 404, 'not_found');
  });
});
