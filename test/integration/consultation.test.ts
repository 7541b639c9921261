import JSZip from 'jszip';
import type { Connection } from 'mongoose';
import { PDFParse } from 'pdf-parse';
import { expectAccessiblePdf } from '../helpers/accessible-pdf';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInAmsterdam } from '../../shared/domain/calendar';
import type { ConsultationDto, ReactionDto } from '../../shared/schemas/consultations';
import { connectDatabase, demoEmails, demoTrajectoryIds, expectError, objectId, sessionCookieName, signIn, type ApiClient } from '../helpers/api-client';
import { startServer, waitFor, type RunningServer } from '../helpers/server';

const marieke = 'marieke.dekker@dialoogtafel.example';
const dayFromToday = (days: number) => todayInAmsterdam(new Date(Date.now() + days * 86_400_000));

/** Downloads a file with the client's session, as bytes. */
async function download(server: RunningServer, client: ApiClient, path: string): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const res = await fetch(`${server.url}/api${path}`, { headers: { cookie: `dt_session=${client.token}` } });
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
}

interface Clause {
  id: string;
  number: number;
  title: string;
}

describe('consultation (reactienota)', () => {
  let server: RunningServer;
  let db: Connection;
  let inkoop: ApiClient;
  let aanbieder: ApiClient;
  let tweedeAanbieder: ApiClient;
  let client: ApiClient;
  let gemeente: ApiClient;
  let facilitator: ApiClient;
  let observer: ApiClient;
  let t: string;
  let midden: string;
  let versionId: string;
  let clauseVersionId: string;
  /** The clauses of the version, in their order. */
  let clauses: Clause[];
  /** A clause added after the version was saved: not part of the consultation. */
  let laterClauseId: string;
  let clientOrganisation: string;
  let consultation: ConsultationDto;
  const reactions: Record<string, ReactionDto> = {};

  const base = () => `/trajectories/${t}/consultations/${consultation.id}`;
  const reactOn = (c: ApiClient, clauseId: string, text: string, anonymous?: boolean) =>
    c.post(`${base()}/reactions`, { clauseId, text, ...(anonymous === undefined ? {} : { anonymous }) });
  const view = async (c: ApiClient, id = consultation.id): Promise<ConsultationDto> => {
    const res = await c.get(`/trajectories/${t}/consultations/${id}`);
    expect(res.status, res.text).toBe(200);
    return res.body as ConsultationDto;
  };
  const open = (body: Record<string, unknown>) => inkoop.post(`/trajectories/${t}/consultations`, body);

  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1' } });
    db = await connectDatabase(server);
    const admin = await signIn(server, demoEmails.admin);
    ({ ijmond: t, midden } = await demoTrajectoryIds(admin));
    const signedIn = await Promise.all(
      [demoEmails.procurement, demoEmails.provider, marieke, demoEmails.client, demoEmails.municipality, demoEmails.facilitator, demoEmails.observer].map((e) => signIn(server, e)),
    );
    [inkoop, aanbieder, tweedeAanbieder, client, gemeente, facilitator, observer] = signedIn as [ApiClient, ApiClient, ApiClient, ApiClient, ApiClient, ApiClient, ApiClient];
    const agreement = (await inkoop.get(`/trajectories/${t}/agreement`)).body as { chapters: Array<{ id: string; clauses: Clause[] }> };
    clauses = agreement.chapters.flatMap((c) => c.clauses).sort((a, b) => a.number - b.number);
    expect(clauses.length).toBeGreaterThanOrEqual(3);
    const version = await inkoop.post(`/trajectories/${t}/versions`, { name: 'Concept voor consultatie', clauseId: null });
    expect(version.status, version.text).toBe(201);
    versionId = version.body.id;
    clauseVersionId = (await inkoop.post(`/trajectories/${t}/versions`, { name: 'Eén artikel', clauseId: clauses[0]!.id })).body.id;
    const later = await inkoop.post(`/trajectories/${t}/agreement/clauses`, { chapterId: agreement.chapters[0]!.id, title: 'Later toegevoegd artikel' });
    expect(later.status, later.text).toBe(201);
    laterClauseId = (later.body.chapters as Array<{ clauses: Clause[] }>).flatMap((c) => c.clauses).find((c) => c.title === 'Later toegevoegd artikel')!.id;
    const members = (await inkoop.get(`/trajectories/${t}/members`)).body as Array<{ email: string; organisation: { name: string } }>;
    clientOrganisation = members.find((m) => m.email === demoEmails.client)!.organisation.name;
  });
  afterAll(async () => {
    await db?.close();
    await server?.stop();
  });

  it('the procurement team opens a consultation on a version of the whole agreement; bad input and other roles are refused', async () => {
    const valid = { title: 'Consultatie conceptovereenkomst', explanation: 'Reageer per artikel.', versionId, closesOn: dayFromToday(14) };
    for (const [body, field] of [
      [{ ...valid, title: '' }, 'title'],
      [{ ...valid, closesOn: dayFromToday(-1) }, 'closesOn'],
      [{ ...valid, closesOn: '14-12-2026' }, 'closesOn'],
      [{ ...valid, versionId: clauseVersionId }, 'versionId'],
      [{ ...valid, versionId: 'a'.repeat(24) }, 'versionId'],
      [{ ...valid, versionId: 'niet-een-id' }, 'versionId'],
      [{ ...valid, extra: true }, 'extra'],
    ] as const) {
      const res = await open(body);
      expectError(res, 400, 'validation_failed');
      expect(res.body.error.fields, JSON.stringify(body)).toHaveProperty(field);
    }
    for (const other of [aanbieder, gemeente, client, facilitator, observer]) expectError(await other.post(`/trajectories/${t}/consultations`, valid), 403, 'forbidden');
    expect((await inkoop.get(`/trajectories/${t}/consultations`)).body.consultations).toEqual([]);

    const res = await open(valid);
    expect(res.status, res.text).toBe(201);
    consultation = res.body;
    expect(consultation).toMatchObject({ title: valid.title, explanation: valid.explanation, closesOn: valid.closesOn, status: 'open', version: { id: versionId, name: 'Concept voor consultatie' }, mayManage: true, mayReact: false });
    expect(consultation.clauses.map((c) => c.clauseId)).toEqual(clauses.map((c) => c.id));
    expect(consultation.clauses.every((c) => c.texts[0]!.variantLabel === null)).toBe(true);
    expect(consultation.clauses.map((c) => c.clauseId)).not.toContain(laterClauseId);

    const list = await aanbieder.get(`/trajectories/${t}/consultations`);
    expect(list.body).toMatchObject({ mayManage: false, mayReact: true, consultations: [{ id: consultation.id, status: 'open', reactionCount: 0, unanswered: null }] });
    expect((await facilitator.get(`/trajectories/${t}/consultations`)).body.mayReact).toBe(false);
  });

  it('members react per clause of the version; roles that may not react, clauses outside the version and bad input are refused', async () => {
    const [first, second, third] = clauses;
    const give = async (who: ApiClient, key: string, clauseId: string, text: string, anonymous?: boolean) => {
      const res = await reactOn(who, clauseId, text, anonymous);
      expect(res.status, res.text).toBe(201);
      reactions[key] = res.body;
    };
    // Out of clause order on purpose: the published list is ordered by clause.
    await give(tweedeAanbieder, 'marieke', third!.id, 'Voor kleine praktijken is de termijn te kort.');
    await give(aanbieder, 'fatima', first!.id, 'Graag een overgangstermijn van zes maanden.');
    await give(client, 'anoniem', first!.id, 'Ouders moeten zelf kunnen kiezen, ook bij een wachtlijst.', true);
    await give(gemeente, 'gemeente', second!.id, 'Haarlem wil de toegang per gemeente apart regelen.');
    await give(observer, 'raad', third!.id, 'De gemeenteraad vraagt om een evaluatie na een jaar.');
    await give(aanbieder, 'teIntrekken', second!.id, 'Deze trek ik weer in.');

    expect(reactions.fatima).toMatchObject({ clauseId: first!.id, clauseNumber: first!.number, mine: true, response: null, answered: false, mayEdit: true, author: { name: 'Fatima El Amrani', organisationName: 'Jeugdzorg Kennemerland Plus', anonymous: false, group: 'provider' } });
    // Her own anonymous reaction: she knows it is hers.
    expect(reactions.anoniem).toMatchObject({ mine: true, author: { anonymous: true, group: 'client', name: 'Joke de Ruiter' } });

    for (const who of [inkoop, facilitator]) expectError(await reactOn(who, first!.id, 'Mag ik ook?'), 403, 'forbidden');
    const notInVersion = await reactOn(aanbieder, laterClauseId, 'Over een nieuw artikel');
    expectError(notInVersion, 400, 'validation_failed');
    expect(notInVersion.body.error.fields).toHaveProperty('clauseId');
    expectError(await reactOn(aanbieder, 'a'.repeat(24), 'Over niets'), 400, 'validation_failed');
    expectError(await reactOn(aanbieder, first!.id, '   '), 400, 'validation_failed');
    const anonymousProvider = await reactOn(aanbieder, first!.id, 'Anoniem als aanbieder?', true);
    expectError(anonymousProvider, 400, 'validation_failed');
    expect(anonymousProvider.body.error.fields).toHaveProperty('anonymous');
    expectError(await aanbieder.post(`${base()}/reactions`, { clauseId: first!.id, text: 'x', extra: 1 }), 400, 'validation_failed');
    expectError(await aanbieder.post(`/trajectories/${t}/consultations/${'a'.repeat(24)}/reactions`, { clauseId: first!.id, text: 'Waar?' }), 404, 'not_found');
  });

  it('before publication each reactor sees only their own reactions, the team sees all; an anonymous reaction never names its author to others', async () => {
    const own = async (who: ApiClient) => (await view(who)).reactions.map((r) => r.id).sort();
    expect(await own(aanbieder)).toEqual([reactions.fatima!.id, reactions.teIntrekken!.id].sort());
    expect(await own(tweedeAanbieder)).toEqual([reactions.marieke!.id]);
    expect(await own(observer)).toEqual([reactions.raad!.id]);
    expect(await own(facilitator)).toEqual([]);
    const forAanbieder = await aanbieder.get(base());
    expect(forAanbieder.text).not.toMatch(/kleine praktijken|Ouders moeten|Haarlem wil/);

    const team = await view(inkoop);
    expect(team.reactions).toHaveLength(6);
    expect(team.unanswered).toBe(6);
    // Grouped per clause in the version's order.
    const numbers = team.reactions.map((r) => r.clauseNumber);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    const anonymous = team.reactions.find((r) => r.id === reactions.anoniem!.id)!;
    expect(anonymous.author).toEqual({ name: null, organisationName: null, group: 'client', anonymous: true });
    expect(team.reactions.find((r) => r.id === reactions.marieke!.id)!.author).toMatchObject({ name: 'Marieke Dekker', organisationName: 'Praktijk De Linde (vrijgevestigd orthopedagoog)' });
    const teamText = (await inkoop.get(base())).text;
    expect(teamText).not.toContain('Joke de Ruiter');
    expect(teamText).not.toContain(clientOrganisation);

    // The log records that reactions came in, not what they say; the anonymous one without an actor.
    const audit = (await inkoop.get(`/trajectories/${t}/audit`)).body as Array<{ action: string; objectId: string; actor: { name: string } | null }>;
    expect(JSON.stringify(audit.filter((e) => e.action.startsWith('consultation.')))).not.toMatch(/overgangstermijn|Ouders moeten|Joke de Ruiter/);
    expect(audit.find((e) => e.action === 'consultation.react' && e.objectId === reactions.anoniem!.id)?.actor).toBeNull();
    expect(audit.find((e) => e.action === 'consultation.react' && e.objectId === reactions.fatima!.id)?.actor?.name).toBe('Fatima El Amrani');
    expect(audit.find((e) => e.action === 'consultation.open' && e.objectId === consultation.id)?.actor?.name).toBe('Annelies Brouwer');
  });

  it('reactors change and withdraw their own reaction while it is open, and only their own', async () => {
    const path = (key: string) => `${base()}/reactions/${reactions[key]!.id}`;
    const edited = await aanbieder.patch(path('fatima'), { text: 'Graag een overgangstermijn van zes maanden, of tot het einde van de behandeling.' });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body.text).toBe('Graag een overgangstermijn van zes maanden, of tot het einde van de behandeling.');
    reactions.fatima = edited.body;
    // Someone else's reaction does not exist for them.
    expectError(await tweedeAanbieder.patch(path('fatima'), { text: 'Overgenomen door een ander' }), 404, 'not_found');
    expectError(await tweedeAanbieder.delete(path('fatima')), 404, 'not_found');
    expectError(await inkoop.patch(path('fatima'), { text: 'Door het inkoopteam' }), 403, 'forbidden');
    expectError(await aanbieder.patch(path('fatima'), { text: '' }), 400, 'validation_failed');

    expect((await aanbieder.delete(path('teIntrekken'))).status).toBe(204);
    expectError(await aanbieder.delete(path('teIntrekken')), 404, 'not_found');
    expect((await view(inkoop)).reactions.map((r) => r.id)).not.toContain(reactions.teIntrekken!.id);
    delete reactions.teIntrekken;

    const audit = (await inkoop.get(`/trajectories/${t}/audit`)).body as Array<{ action: string }>;
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['consultation.reaction.edit', 'consultation.reaction.withdraw']));
  });

  it('the team responds to each reaction; the reactor sees the response only once published; publishing waits for every response', async () => {
    const respond = (key: string, body: Record<string, unknown>) => inkoop.put(`${base()}/reactions/${reactions[key]!.id}/response`, body);
    expectError(await aanbieder.put(`${base()}/reactions/${reactions.fatima!.id}/response`, { text: 'Zelf', outcome: 'adopted' }), 403, 'forbidden');
    for (const body of [{ text: '', outcome: 'adopted' }, { text: 'Goed', outcome: 'misschien' }, { text: 'Goed', outcome: 'adopted', amendmentId: 'a'.repeat(24) }, { text: 'Goed', outcome: 'adopted', versionId: 'a'.repeat(24) }]) {
      expectError(await respond('fatima', body), 400, 'validation_failed');
    }
    expectError(await inkoop.put(`${base()}/reactions/${'a'.repeat(24)}/response`, { text: 'Niemand', outcome: 'noted' }), 404, 'not_found');

    const fatima = await respond('fatima', { text: 'Overgenomen: artikel aangepast naar zes maanden.', outcome: 'adopted', versionId });
    expect(fatima.status, fatima.text).toBe(200);
    expect(fatima.body.response).toMatchObject({ outcome: 'adopted', version: { id: versionId, name: 'Concept voor consultatie' }, amendment: null });
    // A response given: the reaction no longer changes.
    const late = await aanbieder.patch(`${base()}/reactions/${reactions.fatima!.id}`, { text: 'Toch anders' });
    expectError(late, 409, 'conflict');
    expect(late.body.error.fields).toEqual({ reason: 'answered' });
    const mine = (await view(aanbieder)).reactions.find((r) => r.id === reactions.fatima!.id)!;
    expect(mine).toMatchObject({ answered: true, response: null, mayEdit: false });

    const notYet = await inkoop.post(`${base()}/publish`, {});
    expectError(notYet, 409, 'conflict');
    expect(notYet.body.error.fields).toMatchObject({ reason: 'unanswered', unanswered: '4' });

    const amendments = (await inkoop.get(`/trajectories/${t}/amendments`)).body as Array<{ id: string; clauseTitle: string }>;
    expect((await respond('anoniem', { text: 'Deels overgenomen: keuzevrijheid staat nu in artikel 1.', outcome: 'partly_adopted', amendmentId: amendments[0]!.id })).body.response.amendment).toMatchObject({ id: amendments[0]!.id, clauseTitle: amendments[0]!.clauseTitle });
    expect((await respond('gemeente', { text: 'Niet overgenomen: de toegang blijft regionaal.', outcome: 'not_adopted' })).status).toBe(200);
    expect((await respond('marieke', { text: 'Niet overgenomen: de termijn geldt voor iedereen.', outcome: 'not_adopted' })).status).toBe(200);
    expect((await respond('raad', { text: 'Ter kennisneming: de evaluatie staat in de planning.', outcome: 'noted' })).status).toBe(200);
    expect((await view(inkoop)).unanswered).toBe(0);
  });

  it('publishes exactly once; then everyone reads every reaction with its response, anonymous ones without a name', async () => {
    const clicks = await Promise.all([1, 2, 3].map(() => inkoop.post(`${base()}/publish`, {})));
    expect(clicks.map((c) => c.status).sort()).toEqual([200, 409, 409]);
    expect(clicks.find((c) => c.status === 200)!.body.published).toBe(5);
    const twice = await inkoop.post(`${base()}/publish`, {});
    expectError(twice, 409, 'conflict');
    expect(twice.body.error.fields).toEqual({ reason: 'published' });
    const audit = (await inkoop.get(`/trajectories/${t}/audit`)).body as Array<{ action: string; objectId: string }>;
    expect(audit.filter((e) => e.action === 'consultation.publish' && e.objectId === consultation.id)).toHaveLength(1);
    expect(audit.filter((e) => e.action === 'consultation.respond').length).toBe(5);

    for (const who of [aanbieder, tweedeAanbieder, client, gemeente, facilitator, observer, inkoop]) {
      const res = await who.get(base());
      const published = res.body as ConsultationDto;
      expect(published.status).toBe('published');
      expect(published.mayReact).toBe(false);
      expect(published.reactions).toHaveLength(5);
      expect(published.reactions.every((r) => r.response !== null && r.answered)).toBe(true);
      const numbers = published.reactions.map((r) => r.clauseNumber);
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      const anonymous = published.reactions.find((r) => r.id === reactions.anoniem!.id)!;
      // Only its author and the facilitator (the agreement's anonymity rule) know who wrote it.
      if (who !== client && who !== facilitator) {
        expect(anonymous.author).toEqual({ name: null, organisationName: null, group: 'client', anonymous: true });
        expect(res.text).not.toContain('Joke de Ruiter');
        expect(res.text).not.toContain(clientOrganisation);
      }
      // The table reads organisations; names are for the team.
      if (who !== inkoop && who !== facilitator) {
        const other = published.reactions.find((r) => r.id === reactions.marieke!.id)!;
        expect(other.author).toMatchObject({ organisationName: 'Praktijk De Linde (vrijgevestigd orthopedagoog)' });
        if (who !== tweedeAanbieder) expect(other.author.name).toBeNull();
      }
    }
    // What was done with her reaction, as Fatima reads it.
    const hers = (await view(aanbieder)).reactions.find((r) => r.mine)!;
    expect(hers.response).toMatchObject({ outcome: 'adopted', text: 'Overgenomen: artikel aangepast naar zes maanden.' });

    // After publication nothing changes any more.
    const late = await reactOn(aanbieder, clauses[0]!.id, 'Nog één ding');
    expectError(late, 409, 'conflict');
    expect(late.body.error.message).toMatch(/published/);
    expectError(await inkoop.put(`${base()}/reactions/${reactions.gemeente!.id}/response`, { text: 'Toch anders', outcome: 'adopted' }), 409, 'conflict');
    expectError(await inkoop.post(`${base()}/close`, {}), 409, 'conflict');
  });

  it('exports the published reactienota to DOCX and PDF: the clauses in order, every reaction with its response, no anonymous name', async () => {
    const published = await view(tweedeAanbieder);
    const headings = [...new Map(published.reactions.map((r) => [r.clauseId, `Artikel ${r.clauseNumber} — ${r.clauseTitle}`])).values()];
    expect(headings.length).toBe(3);

    const docx = await download(server, tweedeAanbieder, `${base()}/reactienota.docx`);
    expect(docx.status).toBe(200);
    expect(docx.type).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string');
    const words = xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(words).toContain('Reactienota');
    let at = -1;
    for (const heading of headings) {
      const next = words.indexOf(heading, at + 1);
      expect(next, `${heading} after the one before`).toBeGreaterThan(at);
      at = next;
    }
    let responseAt = -1;
    for (const reaction of published.reactions) {
      const reactionAt = words.indexOf(reaction.text);
      expect(reactionAt, reaction.text).toBeGreaterThan(responseAt);
      responseAt = words.indexOf(reaction.response!.text, reactionAt);
      expect(responseAt, reaction.response!.text).toBeGreaterThan(reactionAt);
    }
    expect(words).toContain('Cliëntvertegenwoordiger (anoniem)');
    expect(words).toContain('Jeugdzorg Kennemerland Plus');
    expect(words).not.toContain('Joke de Ruiter');
    expect(words).not.toContain(clientOrganisation);

    const pdf = await download(server, tweedeAanbieder, `${base()}/reactienota.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    await expectAccessiblePdf(pdf.bytes);
    const text = (await new PDFParse({ data: new Uint8Array(pdf.bytes) }).getText()).text.replace(/\s+/g, ' ');
    expect(text).toContain('Reactienota');
    let pdfAt = -1;
    for (const heading of headings) {
      const next = text.indexOf(`Artikel ${heading.split(' ')[1]}`, pdfAt + 1);
      expect(next, heading).toBeGreaterThan(pdfAt);
      pdfAt = next;
    }
    for (const reaction of published.reactions) expect(text).toContain(reaction.response!.text.slice(0, 30));
    expect(text).not.toContain('Joke de Ruiter');
  });

  it('a consultation closed by the team or past its closing date refuses reactions with 409; its export waits for publication', async () => {
    const second = await open({ title: 'Tweede consultatie', versionId, closesOn: dayFromToday(30) });
    expect(second.status, second.text).toBe(201);
    const secondId = second.body.id as string;
    expectError(await aanbieder.post(`/trajectories/${t}/consultations/${secondId}/close`, {}), 403, 'forbidden');
    expectError(await aanbieder.get(`/trajectories/${t}/consultations/${secondId}/reactienota.docx`), 409, 'conflict');
    const closed = await inkoop.post(`/trajectories/${t}/consultations/${secondId}/close`, {});
    expect(closed.status, closed.text).toBe(200);
    expect(closed.body.status).toBe('closed');
    expectError(await inkoop.post(`/trajectories/${t}/consultations/${secondId}/close`, {}), 409, 'conflict');
    const afterClose = await aanbieder.post(`/trajectories/${t}/consultations/${secondId}/reactions`, { clauseId: clauses[0]!.id, text: 'Te laat' });
    expectError(afterClose, 409, 'conflict');
    expect(afterClose.body.error).toMatchObject({ fields: { reason: 'closed' } });
    expect(afterClose.body.error.message).toMatch(/closed/);
    // Nothing to answer: a closed consultation without reactions can be published, empty.
    expect((await inkoop.post(`/trajectories/${t}/consultations/${secondId}/publish`, {})).status).toBe(200);

    const third = await open({ title: 'Derde consultatie', versionId, closesOn: dayFromToday(0) });
    const thirdId = third.body.id as string;
    // Through the whole closing day.
    const onTheDay = await aanbieder.post(`/trajectories/${t}/consultations/${thirdId}/reactions`, { clauseId: clauses[1]!.id, text: 'Op de laatste dag' });
    expect(onTheDay.status, onTheDay.text).toBe(201);
    // The next day (the closing date moved into the past in the database).
    await db.collection('consultations').updateOne({ _id: objectId(thirdId) }, { $set: { closesOn: dayFromToday(-1) } });
    const afterDate = await aanbieder.post(`/trajectories/${t}/consultations/${thirdId}/reactions`, { clauseId: clauses[1]!.id, text: 'Een dag te laat' });
    expectError(afterDate, 409, 'conflict');
    expect(afterDate.body.error.message).toMatch(/closing date/);
    expectError(await aanbieder.patch(`/trajectories/${t}/consultations/${thirdId}/reactions/${onTheDay.body.id}`, { text: 'Gewijzigd' }), 409, 'conflict');
    expectError(await aanbieder.delete(`/trajectories/${t}/consultations/${thirdId}/reactions/${onTheDay.body.id}`), 409, 'conflict');
    const thirdView = await view(aanbieder, thirdId);
    expect(thirdView).toMatchObject({ status: 'closed', mayReact: false });
    expect(thirdView.reactions[0]).toMatchObject({ text: 'Op de laatste dag', mayEdit: false });
    // The team still responds after the closing date.
    expect((await inkoop.put(`/trajectories/${t}/consultations/${thirdId}/reactions/${onTheDay.body.id}/response`, { text: 'Dank u.', outcome: 'noted' })).status).toBe(200);
  });

  it('a member of another trajectory learns nothing, and another trajectory’s consultation is not found through this one', async () => {
    for (const path of ['consultations', `consultations/${consultation.id}`, `consultations/${consultation.id}/reactienota.pdf`]) {
      expectError(await aanbieder.get(`/trajectories/${midden}/${path}`), 404, 'not_found');
    }
    expectError(await aanbieder.post(`/trajectories/${midden}/consultations/${consultation.id}/reactions`, { clauseId: clauses[0]!.id, text: 'Buiten' }), 404, 'not_found');
    // The procurement team sits at both tables: IJmond's consultation does not exist in Midden-IJssel.
    for (const path of [`consultations/${consultation.id}`, `consultations/${consultation.id}/reactienota.docx`]) expectError(await inkoop.get(`/trajectories/${midden}/${path}`), 404, 'not_found');
    expectError(await inkoop.post(`/trajectories/${midden}/consultations/${consultation.id}/publish`, {}), 404, 'not_found');
    expectError(await inkoop.put(`/trajectories/${midden}/consultations/${consultation.id}/reactions/${reactions.fatima!.id}/response`, { text: 'x', outcome: 'noted' }), 404, 'not_found');
    // A version of IJmond cannot be consulted on in Midden-IJssel.
    expectError(await inkoop.post(`/trajectories/${midden}/consultations`, { title: 'Verkeerde versie', versionId, closesOn: dayFromToday(7) }), 400, 'validation_failed');
    expectError(await aanbieder.get(`/trajectories/${t}/consultations/niet-een-id`), 404, 'not_found');
  });

  it('changes reach the members live as consultations', async () => {
    const socket: Socket = io(server.url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie: `${sessionCookieName}=${observer.token}` } });
    const changes: string[] = [];
    socket.on('trajectory:changed', (event: { what: string }) => changes.push(event.what));
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      expect(await socket.timeout(5000).emitWithAck('trajectory:join', { trajectoryId: t })).toEqual({ ok: true });
      expect((await open({ title: 'Live consultatie', versionId, closesOn: dayFromToday(3) })).status).toBe(201);
      await waitFor(() => changes.includes('consultations'), 5000, 'trajectory:changed consultations');
    } finally {
      socket.disconnect();
    }
  });
});
