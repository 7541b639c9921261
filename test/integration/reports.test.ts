import JSZip from 'jszip';
import type { Connection } from 'mongoose';
import { PDFParse } from 'pdf-parse';
import { expectAccessiblePdf } from '../helpers/accessible-pdf';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDto, SessionReportPage } from '../../shared/schemas/reports';
import { connectDatabase, demoEmails, demoTrajectoryIds, expectError, objectId, sessionCookieName, signIn, type ApiClient } from '../helpers/api-client';
import { startServer, waitFor, type RunningServer } from '../helpers/server';

type Ack<T = Record<string, unknown>> = T & { ok: boolean; error?: { code: string; message: string } };

async function connect(server: RunningServer, client: ApiClient): Promise<Socket> {
  const socket = io(server.url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie: `${sessionCookieName}=${client.token}` } });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}
const emit = <T = Record<string, unknown>>(socket: Socket, event: string, payload: unknown): Promise<Ack<T>> => socket.timeout(5000).emitWithAck(event, payload);

async function download(server: RunningServer, client: ApiClient, path: string) {
  const res = await fetch(`${server.url}/api${path}`, { headers: { cookie: `${sessionCookieName}=${client.token}` } });
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
}

/** Each needle found after the one before it. */
function expectInOrder(text: string, needles: string[]) {
  let at = -1;
  for (const needle of needles) {
    const next = text.indexOf(needle, at + 1);
    expect(next, `"${needle}" after the text before it`).toBeGreaterThan(at);
    at = next;
  }
}

describe('session reports (verslagen)', () => {
  let server: RunningServer;
  let db: Connection;
  const c: Record<'inkoop' | 'gemeente' | 'aanbieder' | 'client' | 'facilitator' | 'observer', ApiClient> = {} as never;
  const sockets: Socket[] = [];
  let t: string;
  let midden: string;
  let sessionId: string;
  let plannedId: string;
  let agenda: Array<{ id: string; title: string }>;
  let pollId: string;
  let report: ReportDto;
  const base = () => `/trajectories/${t}/reports/${report.id}`;
  const changes: string[] = [];

  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1' } });
    db = await connectDatabase(server);
    for (const who of Object.keys({ inkoop: 1, gemeente: 1, aanbieder: 1, client: 1, facilitator: 1, observer: 1 }) as Array<keyof typeof c>) {
      c[who] = await signIn(server, `${who}@dialoogtafel.example`);
    }
    ({ ijmond: t, midden } = await demoTrajectoryIds(await signIn(server, demoEmails.admin)));
    const topics = (await c.inkoop.get(`/trajectories/${t}/topics`)).body as Array<{ id: string; title: string; status: string }>;
    agenda = topics.filter((x) => x.status === 'accepted').slice(6, 9);
    const created = await c.inkoop.post(`/trajectories/${t}/sessions`, {
      title: 'Dialoogsessie 3: wachtlijsten',
      startsAt: new Date().toISOString(),
      location: 'Stadhuis Haarlem',
      agenda: agenda.map((x) => ({ topicId: x.id, minutes: 30 })),
      declaration: { outcomeKind: 'proposal', decidedBy: 'de colleges van B&W' },
    });
    expect(created.status, created.text).toBe(201);
    sessionId = created.body.id;
    const planned = await c.inkoop.post(`/trajectories/${t}/sessions`, { title: 'Nog te houden', startsAt: new Date().toISOString(), declaration: { outcomeKind: 'advice', decidedBy: 'het college' } });
    plannedId = planned.body.id;

    const watcher = await connect(server, c.aanbieder);
    sockets.push(watcher);
    watcher.on('trajectory:changed', (e: { what: string }) => changes.push(e.what));
    expect((await emit(watcher, 'trajectory:join', { trajectoryId: t })).ok).toBe(true);
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await db?.close();
    await server?.stop();
  });

  const attendance = () => db.collection('session_attendance').find({ sessionId: objectId(sessionId) }).toArray();

  it('records attendance through joins of the live room while the session is live, once per person', async () => {
    const facilitator = await connect(server, c.facilitator);
    sockets.push(facilitator);
    expect((await emit(facilitator, 'session:join', { sessionId })).ok).toBe(true);
    // Before the start nobody has attended yet.
    expect(await attendance()).toEqual([]);
    expect((await emit(facilitator, 'session:start', { sessionId })).ok).toBe(true);
    // Who was in the room at the start counts from the start.
    await waitFor(async () => (await attendance()).length === 1, 5000, 'the facilitator recorded at the start');

    for (const who of ['gemeente', 'aanbieder', 'aanbieder', 'observer', 'client'] as const) {
      const socket = await connect(server, c[who]);
      sockets.push(socket);
      expect((await emit(socket, 'session:join', { sessionId })).ok).toBe(true);
    }
    const records = await attendance();
    expect(records.map((r) => r.role).sort()).toEqual(['client', 'facilitator', 'municipality', 'observer', 'provider']);
    const provider = records.find((r) => r.role === 'provider')!;
    expect(provider.lastSeenAt.getTime()).toBeGreaterThanOrEqual(provider.firstSeenAt.getTime());
    expect(provider.organisationId).toBeTruthy();

    // The facilitator skips the second item; a poll on the first topic is voted on and closed.
    const opened = await emit<{ pollId: string }>(facilitator, 'poll:open', {
      sessionId,
      settings: { kind: 'single_choice', question: 'Welke aanpak van de wachtlijst eerst?', topicId: agenda[0]!.id, options: [{ id: 'a', label: 'Regionale wachtlijstcoördinator' }, { id: 'b', label: 'Overbruggingszorg' }] },
    });
    expect(opened.ok, JSON.stringify(opened)).toBe(true);
    pollId = opened.pollId;
    for (const [who, option] of [['gemeente', 'a'], ['aanbieder', 'b'], ['client', 'b']] as const) {
      expect((await c[who].post(`/polls/${pollId}/ballot`, { choice: { kind: 'single_choice', option } })).status).toBe(200);
    }
    expect((await c.facilitator.post(`/polls/${pollId}/close`, {})).status).toBe(200);
    expect((await emit(facilitator, 'agenda:goto', { sessionId, index: 2 })).ok).toBe(true);
    // An agreement recorded at this session (outcomes are recorded by their own feature; here straight into the store).
    const members = (await c.inkoop.get(`/trajectories/${t}/members`)).body as Array<{ userId: string; email: string }>;
    const owner = members.find((m) => m.email === demoEmails.municipality)!.userId;
    await db.collection('outcomes').insertOne({
      trajectoryId: objectId(t),
      topicId: objectId(agenda[2]!.id),
      sessionId: objectId(sessionId),
      number: 901,
      text: 'Elke gemeente wijst een contactpersoon voor de wachtlijst aan.',
      category: 'substantive',
      horizon: 'before_start',
      status: 'agreed',
      positions: [],
      actions: [
        { _id: objectId('a'.repeat(24)), description: 'Contactpersonen doorgeven aan het inkoopbureau', ownerUserId: objectId(owner), dueDate: '2026-12-15', status: 'open' },
        { _id: objectId('b'.repeat(24)), description: 'Afgeronde actie', ownerUserId: objectId(owner), dueDate: '2026-11-01', status: 'done' },
      ],
      pollIds: [],
      amendmentIds: [],
      versionIds: [],
      clauseIds: [],
      recordedBy: objectId(owner),
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    expect((await emit(facilitator, 'session:end', { sessionId })).ok).toBe(true);
  });

  it('generates a draft only for the procurement team and only for a session that was held; once per session', async () => {
    for (const who of ['gemeente', 'aanbieder', 'client', 'facilitator', 'observer'] as const) expectError(await c[who].post(`/trajectories/${t}/sessions/${sessionId}/report`, {}), 403, 'forbidden');
    const planned = await c.inkoop.post(`/trajectories/${t}/sessions/${plannedId}/report`, {});
    expectError(planned, 409, 'conflict');
    expect(planned.body.error.fields).toEqual({ reason: 'not_held' });

    const empty = await c.gemeente.get(`/trajectories/${t}/sessions/${sessionId}/report`);
    expect(empty.body).toMatchObject({ report: null, mayManage: false, mayComment: true, session: { id: sessionId, status: 'ended' } });

    // The first topic has a summary in plain language: the report keeps it.
    expect((await c.inkoop.put(`/trajectories/${t}/topics/${agenda[0]!.id}/summary`, { summary: 'Hoe korten we de wachttijd?' })).status).toBe(200);
    const generated = await c.inkoop.post(`/trajectories/${t}/sessions/${sessionId}/report`, {});
    expect(generated.status, generated.text).toBe(201);
    report = generated.body;
    expect(report).toMatchObject({ status: 'draft', summary: '', sessionId, publishedAt: null, comments: [] });
    const again = await c.inkoop.post(`/trajectories/${t}/sessions/${sessionId}/report`, {});
    expectError(again, 409, 'conflict');
    expect(again.body.error.fields).toEqual({ reason: 'exists' });
    await waitFor(() => changes.includes('reports'), 5000, 'a live change of the reports');
  });

  it('snapshots attendance per organisation and role, the declaration, the agenda as held, polls per group, agreements and open actions', () => {
    const { content } = report;
    expect(content.declaration).toEqual({ outcomeKind: 'proposal', decidedBy: 'de colleges van B&W' });
    expect(content.attendance.map((g) => [g.role, g.organisation.name, g.people.map((p) => p.name)])).toEqual([
      ['municipality', 'Gemeente Haarlem', ['Ruud Kramer']],
      ['provider', 'Jeugdzorg Kennemerland Plus', ['Fatima El Amrani']],
      ['client', 'Adviesraad Sociaal Domein Haarlem', ['Joke de Ruiter']],
      ['facilitator', 'Bureau Onafhankelijke Gespreksleiding', ['Pieter Hoogland']],
      ['observer', 'Gemeente Heemstede', ['Sanne Visser']],
    ]);
    expect(content.agenda.map((a) => [a.title, a.plannedMinutes, a.held])).toEqual([
      [agenda[0]!.title, 30, 'discussed'],
      [agenda[1]!.title, 30, 'skipped'],
      [agenda[2]!.title, 30, 'discussed'],
    ]);
    expect(content.agenda[0]!.actualMinutes).toEqual(expect.any(Number));
    expect(content.agenda[1]!.actualMinutes).toBeNull();

    expect(content.topics.map((x) => x.title)).toEqual(agenda.map((a) => a.title));
    const [first, second, third] = content.topics;
    expect(first!.polls).toHaveLength(1);
    const poll = first!.polls[0]!;
    expect(poll).toMatchObject({ id: pollId, question: 'Welke aanpak van de wachtlijst eerst?', status: 'closed', declaration: { outcomeKind: 'proposal' } });
    // The stored result, per stakeholder group.
    expect(poll.result.ballots).toBe(3);
    expect(poll.result.leaders).toEqual(['b']);
    expect(poll.result.options.find((o) => o.optionId === 'b')!.byGroup).toMatchObject({ provider: 1, client: 1, municipality: 0 });
    expect(poll.result.turnout.municipality).toMatchObject({ voted: 1 });
    expect(second!.polls).toEqual([]);
    expect([first!.summary, second!.summary]).toEqual(['Hoe korten we de wachttijd?', undefined]);
    expect(third!.outcomes.map((o) => [o.number, o.text, o.status])).toEqual([[901, 'Elke gemeente wijst een contactpersoon voor de wachtlijst aan.', 'agreed']]);
    expect(content.actions).toEqual([
      { outcomeNumber: 901, description: 'Contactpersonen doorgeven aan het inkoopbureau', owner: { name: 'Ruud Kramer', organisationName: 'Gemeente Haarlem' }, dueDate: '2026-12-15' },
    ]);
  });

  it('the team writes the summary of the draft; others may not; bad input changes nothing', async () => {
    const saved = await c.inkoop.put(`${base()}/summary`, { summary: '  De tafel koos voor overbruggingszorg als eerste stap.  ' });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.summary).toBe('De tafel koos voor overbruggingszorg als eerste stap.');
    for (const who of ['gemeente', 'facilitator', 'observer'] as const) expectError(await c[who].put(`${base()}/summary`, { summary: 'Niet van mij' }), 403, 'forbidden');
    for (const body of [{ summary: 'x'.repeat(20_001) }, { summary: 3 }, {}, { summary: 'ok', extra: true }]) {
      expectError(await c.inkoop.put(`${base()}/summary`, body), 400, 'validation_failed');
    }
    const page = (await c.gemeente.get(`/trajectories/${t}/sessions/${sessionId}/report`)).body as SessionReportPage;
    expect(page.report!.summary).toBe('De tafel koos voor overbruggingszorg als eerste stap.');
  });

  it('participants comment on the draft, about a part or the whole; the team sees every comment, others their own; observers only read', async () => {
    const topicKey = `topic:${agenda[1]!.id}`;
    const commented = await c.gemeente.post(`${base()}/comments`, { text: 'Het tweede onderwerp is wel kort besproken.', section: topicKey });
    expect(commented.status, commented.text).toBe(201);
    expect(commented.body).toMatchObject({ section: topicKey, mine: true, author: { name: 'Ruud Kramer', organisationName: 'Gemeente Haarlem', role: 'municipality' } });
    expect((await c.aanbieder.post(`${base()}/comments`, { text: 'Akkoord met het verslag.' })).status).toBe(201);
    expectError(await c.observer.post(`${base()}/comments`, { text: 'Mag ik?' }), 403, 'forbidden');
    const bad = await c.client.post(`${base()}/comments`, { text: 'Over iets anders', section: `topic:${'c'.repeat(24)}` });
    expectError(bad, 400, 'validation_failed');
    expect(bad.body.error.fields).toHaveProperty('section');
    for (const body of [{ text: '' }, { text: '   ' }, { text: 'x'.repeat(5001) }, { text: 'ok', section: 'everything' }, { text: 'ok', mood: 'happy' }, [{ text: 'ok' }]]) {
      expectError(await c.client.post(`${base()}/comments`, body), 400, 'validation_failed');
    }
    expectError(await c.client.post(`${base()}/comments`, 'tekst'), 400, 'bad_request');

    const team = (await c.inkoop.get(`/trajectories/${t}/sessions/${sessionId}/report`)).body as SessionReportPage;
    expect(team.report!.comments.map((x) => x.author.name)).toEqual(['Ruud Kramer', 'Fatima El Amrani']);
    const gemeente = (await c.gemeente.get(`/trajectories/${t}/sessions/${sessionId}/report`)).body as SessionReportPage;
    expect(gemeente.report!.comments.map((x) => x.text)).toEqual(['Het tweede onderwerp is wel kort besproken.']);
    const observer = (await c.observer.get(`/trajectories/${t}/sessions/${sessionId}/report`)).body as SessionReportPage;
    expect(observer).toMatchObject({ mayComment: false, mayManage: false, report: { status: 'draft', comments: [] } });
    // The log names the comment, not its text.
    const audit = await c.inkoop.get(`/trajectories/${t}/audit`);
    expect(audit.text).not.toContain('kort besproken');
    expect(audit.body.some((e: { action: string }) => e.action === 'report.comment')).toBe(true);
  });

  it('regenerating refreshes the snapshot and keeps the summary and the comments', async () => {
    expectError(await c.gemeente.post(`${base()}/regenerate`, {}), 403, 'forbidden');
    await db.collection('outcomes').updateOne({ number: 901, trajectoryId: objectId(t) }, { $set: { text: 'Elke gemeente wijst vóór 15 december een contactpersoon aan.' } });
    const refreshed = await c.inkoop.post(`${base()}/regenerate`, {});
    expect(refreshed.status, refreshed.text).toBe(200);
    expect(refreshed.body.content.topics[2].outcomes[0].text).toBe('Elke gemeente wijst vóór 15 december een contactpersoon aan.');
    expect(refreshed.body.summary).toBe('De tafel koos voor overbruggingszorg als eerste stap.');
    expect(refreshed.body.comments).toHaveLength(2);
    expect(Date.parse(refreshed.body.generatedAt)).toBeGreaterThanOrEqual(Date.parse(report.generatedAt));
    report = refreshed.body;
  });

  it('exports DOCX and PDF with the attendance, the agenda, the polls with their results per group, the agreements and the summary, in order', async () => {
    const expected = [
      'Verslag: Dialoogsessie 3: wachtlijsten',
      'Aanwezig',
      'Toegang:',
      'open voor het hele traject',
      'Gemeente Haarlem (gemeente):',
      'Ruud Kramer',
      'Jeugdzorg Kennemerland Plus (zorgaanbieder):',
      'Fatima El Amrani',
      'Bureau Onafhankelijke Gespreksleiding (gespreksleider):',
      'Pieter Hoogland',
      'Gemeente Heemstede (toehoorder):',
      'Wat de uitkomsten betekenen',
      'een voorstel',
      'Agenda zoals gehouden',
      `1. ${agenda[0]!.title}:`,
      `2. ${agenda[1]!.title}:`,
      'niet aan bod gekomen',
      `3. ${agenda[2]!.title}:`,
      `Onderwerp: ${agenda[0]!.title}`,
      'Welke aanpak van de wachtlijst eerst?',
      'Meeste steun: Overbruggingszorg',
      'Regionale wachtlijstcoördinator:',
      '1 stemmen (gemeenten 1',
      'Overbruggingszorg:',
      '2 stemmen (gemeenten 0',
      `Onderwerp: ${agenda[1]!.title}`,
      `Onderwerp: ${agenda[2]!.title}`,
      'Afspraak A901',
      'Elke gemeente wijst vóór 15 december een contactpersoon aan.',
      'Openstaande acties',
      'Contactpersonen doorgeven aan het inkoopbureau',
      'Samenvatting van het inkoopteam',
      'De tafel koos voor overbruggingszorg als eerste stap.',
    ];
    const docx = await download(server, c.observer, `${base()}/verslag.docx`);
    expect(docx.status).toBe(200);
    expect(docx.type).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string');
    const words = xml.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    expectInOrder(words, expected);
    expect(words).toContain('concept');
    expect(words).not.toContain('Afgeronde actie');
    // Comments are for the team, not for the document.
    expect(words).not.toContain('kort besproken');

    const pdf = await download(server, c.aanbieder, `${base()}/verslag.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    await expectAccessiblePdf(pdf.bytes);
    const text = (await new PDFParse({ data: new Uint8Array(pdf.bytes) }).getText()).text.replace(/\s+/g, ' ');
    expectInOrder(text, expected);
  });

  it('publishing locks the report and shows it to everyone; a second publication, edits and comments are refused', async () => {
    expectError(await c.gemeente.post(`${base()}/publish`, {}), 403, 'forbidden');
    expectError(await c.facilitator.post(`${base()}/publish`, {}), 403, 'forbidden');
    const before = changes.length;
    const published = await c.inkoop.post(`${base()}/publish`, {});
    expect(published.status, published.text).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
    await waitFor(() => changes.slice(before).includes('reports'), 5000, 'the publication heard live');

    for (const [res, what] of [
      [await c.inkoop.post(`${base()}/publish`, {}), 'publish twice'],
      [await c.inkoop.put(`${base()}/summary`, { summary: 'Later gewijzigd' }), 'summary'],
      [await c.inkoop.post(`${base()}/regenerate`, {}), 'regenerate'],
      [await c.gemeente.post(`${base()}/comments`, { text: 'Te laat' }), 'comment'],
    ] as const) {
      expectError(res, 409, 'conflict');
      expect(res.body.error.fields, what).toEqual({ reason: 'published' });
    }
    const seen = (await c.aanbieder.get(`/trajectories/${t}/sessions/${sessionId}/report`)).body as SessionReportPage;
    expect(seen.report).toMatchObject({ status: 'published', summary: 'De tafel koos voor overbruggingszorg als eerste stap.' });
    const docx = await download(server, c.aanbieder, `${base()}/verslag.docx`);
    const words = (await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(words).toContain('gepubliceerd op');
    expect(words).not.toContain('Later gewijzigd');

    const actions = ((await c.inkoop.get(`/trajectories/${t}/audit`)).body as Array<{ action: string; objectId: string }>).filter((e) => e.objectId === report.id).map((e) => e.action);
    expect(actions.reverse()).toEqual(['report.generate', 'report.summary', 'report.comment', 'report.comment', 'report.regenerate', 'report.publish']);
    expect((await c.inkoop.get(`/trajectories/${t}/audit/verify`)).body.valid).toBe(true);
  });

  it('another trajectory’s member learns nothing: 404 for the page, the report, its exports and every change', async () => {
    const reportId = report.id;
    // The IJmond report addressed through Midden-IJssel, where the procurement team is also a member.
    for (const path of [`/trajectories/${midden}/reports/${reportId}/verslag.pdf`, `/trajectories/${midden}/sessions/${sessionId}/report`]) {
      expectError(await c.inkoop.get(path), 404, 'not_found');
    }
    expectError(await c.inkoop.post(`/trajectories/${midden}/reports/${reportId}/publish`, {}), 404, 'not_found');
    expectError(await c.inkoop.put(`/trajectories/${midden}/reports/${reportId}/summary`, { summary: 'x' }), 404, 'not_found');
    // A provider of IJmond only: Midden-IJssel does not exist for them.
    const middenSession = (await c.inkoop.post(`/trajectories/${midden}/sessions`, { title: 'Midden', startsAt: new Date().toISOString(), declaration: { outcomeKind: 'advice', decidedBy: 'het college' } })).body.id as string;
    expectError(await c.aanbieder.get(`/trajectories/${midden}/sessions/${middenSession}/report`), 404, 'not_found');
    expectError(await c.aanbieder.post(`/trajectories/${midden}/reports/${reportId}/comments`, { text: 'Hallo' }), 404, 'not_found');
    expectError(await c.inkoop.get(`/trajectories/${t}/reports/${'d'.repeat(24)}/verslag.docx`), 404, 'not_found');
    expectError(await c.inkoop.get(`/trajectories/${t}/reports/nope/verslag.docx`), 404, 'not_found');
  });

  it('the demo’s ended session has its attendance, so its report lists who took part', async () => {
    const sessions = (await c.inkoop.get(`/trajectories/${t}/sessions`)).body as Array<{ id: string; status: string; title: string }>;
    const ended = sessions.find((s) => s.status === 'ended' && s.title.startsWith('Dialoogsessie 1'))!;
    const generated = await c.inkoop.post(`/trajectories/${t}/sessions/${ended.id}/report`, {});
    expect(generated.status, generated.text).toBe(201);
    const content = (generated.body as ReportDto).content;
    expect(content.attendance.flatMap((g) => g.people.map((p) => p.name))).toEqual(expect.arrayContaining(['Annelies Brouwer', 'Ruud Kramer', 'Fatima El Amrani', 'Pieter Hoogland', 'Sanne Visser']));
    expect(content.agenda.every((a) => a.held === 'discussed')).toBe(true);
    expect(content.topics.flatMap((x) => x.polls)).toHaveLength(2);
  });
});
