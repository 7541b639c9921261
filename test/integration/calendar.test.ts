import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from 'mongoose';
import { isNewSince } from '../../shared/domain/visits';
import { sessionMailIcs } from '../../server/calendar/session-ics';
import type { DialogueSessionRecord } from '../../server/models/dialogue-session';
import { apiClient, connectDatabase, demoEmails, demoTrajectoryIds, expectError, mailedToken, objectId, signIn, uniqueEmail, type ApiClient } from '../helpers/api-client';
import { connectSocket, emit } from '../helpers/hostile';
import { startServer, type RunningServer } from '../helpers/server';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Reads an .ics file with an independent parser (ical.js, Mozilla's) in a process of its own whose
 * time zone is neither the server's nor Amsterdam's, as a calendar program abroad would: every
 * event's start and end as instants. A floating time (no Z, no TZID) would be read as Tokyo time.
 */
function readCalendarInTokyo(ics: string): Array<{ uid: string; start: string; end: string }> {
  return readCalendarFully(ics).events.map(({ uid, start, end }) => ({ uid, start, end }));
}

interface ReadEvent {
  uid: string;
  start: string;
  end: string;
  sequence: number;
  status: string | null;
  summary: string;
  organizer: string | null;
  attendees: string[];
}

/** Like readCalendarInTokyo, with the calendar's METHOD and each event's SEQUENCE, STATUS, ORGANIZER and ATTENDEEs. */
function readCalendarFully(ics: string): { method: string | null; events: ReadEvent[] } {
  const script = `
    import ICAL from 'ical.js';
    let text = '';
    for await (const chunk of process.stdin) text += chunk;
    const calendar = new ICAL.Component(ICAL.parse(text));
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const events = calendar.getAllSubcomponents('vevent').map((v) => {
      const e = new ICAL.Event(v);
      return {
        uid: e.uid, start: e.startDate.toJSDate().toISOString(), end: e.endDate.toJSDate().toISOString(),
        sequence: e.sequence, status: v.getFirstPropertyValue('status'), summary: e.summary,
        organizer: v.getFirstPropertyValue('organizer')?.toLowerCase() ?? null, attendees: v.getAllProperties('attendee').map((a) => String(a.getFirstValue()).toLowerCase()),
      };
    });
    process.stdout.write(JSON.stringify({ method: calendar.getFirstPropertyValue('method'), events }));
  `;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, input: ics, env: { ...process.env, TZ: 'Asia/Tokyo' }, encoding: 'utf8' });
  expect(child.status, child.stderr).toBe(0);
  return JSON.parse(child.stdout) as { method: string | null; events: ReadEvent[] };
}

describe('calendar files outside the Netherlands’ time zone', () => {
  let server: RunningServer;
  let person: ApiClient;
  let trajectoryId: string;
  let sessions: Array<{ id: string; startsAt: string; endsAt: string | null }>;
  let host: string;

  beforeAll(async () => {
    // The server runs in UTC, as in most containers.
    server = await startServer({ env: { DEMO: '1', TZ: 'UTC' }, timeoutMs: 90_000 });
    person = await signIn(server, demoEmails.municipality);
    trajectoryId = (await demoTrajectoryIds(await signIn(server, demoEmails.admin))).ijmond;
    sessions = (await person.get(`/trajectories/${trajectoryId}/sessions`)).body;
    expect(sessions.length).toBeGreaterThan(0);
    // The UID's host is PUBLIC_URL's: read it from an address the server makes.
    host = new URL((await person.post('/me/calendar-subscription')).body.urls.https).host;
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  const expected = (s: { id: string; startsAt: string; endsAt: string | null }) => ({
    uid: `${s.id}@${host}`,
    start: new Date(s.startsAt).toISOString(),
    end: new Date(s.endsAt ?? new Date(new Date(s.startsAt).getTime() + 2 * 3600_000)).toISOString(),
  });

  it('one session’s .ics starts and ends at the session’s own instants, wherever it is read', async () => {
    for (const s of sessions) {
      const res = await fetch(`${server.url}/api/sessions/${s.id}/calendar.ics`, { headers: { cookie: `dt_session=${person.token}` } });
      expect(res.status).toBe(200);
      const ics = await res.text();
      // Never a floating time: UTC (…Z) or a TZID that the file defines.
      for (const line of ics.split(/\r?\n/).filter((l) => /^DT(START|END)/.test(l))) expect(line, line).toMatch(/(Z$)|(^DT(START|END);TZID=)/);
      expect(readCalendarInTokyo(ics)).toEqual([expected(s)]);
    }
  });

  it('the trajectory’s feed holds every session at its own instants', async () => {
    const res = await fetch(`${server.url}/api/trajectories/${trajectoryId}/sessions.ics`, { headers: { cookie: `dt_session=${person.token}` } });
    expect(res.status).toBe(200);
    const read = readCalendarInTokyo(await res.text());
    expect(read.sort((a, b) => a.uid.localeCompare(b.uid))).toEqual(sessions.map(expected).sort((a, b) => a.uid.localeCompare(b.uid)));
  });
});

describe('calendars that follow: cancelling, the secret subscription, and "nieuw" markers', () => {
  let server: RunningServer;
  let db: Connection;
  let admin: ApiClient;
  let inkoop: ApiClient;
  let gemeente: ApiClient;
  let facilitator: ApiClient;
  let ijmond: string;
  const declaration = { outcomeKind: 'advice', decidedBy: 'Het college van B&W' };

  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1', TZ: 'UTC' }, timeoutMs: 90_000 });
    db = await connectDatabase(server);
    admin = await signIn(server, demoEmails.admin);
    ijmond = (await demoTrajectoryIds(admin)).ijmond;
    [inkoop, gemeente, facilitator] = await Promise.all([signIn(server, demoEmails.procurement), signIn(server, demoEmails.municipality), signIn(server, demoEmails.facilitator)]);
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    await server?.stop();
  });

  const plan = async (title: string, days = 7) => {
    // Whole minutes, as people plan (an .ics has no milliseconds).
    const startsAt = new Date(Math.floor((Date.now() + days * 86_400_000) / 60_000) * 60_000).toISOString();
    const res = await inkoop.post(`/trajectories/${ijmond}/sessions`, { title, startsAt, location: 'Stadhuis Haarlem', declaration });
    expect(res.status, res.text).toBe(201);
    return res.body as { id: string; startsAt: string };
  };
  const subscribe = async (client: ApiClient): Promise<string> => {
    const res = await client.post('/me/calendar-subscription');
    expect(res.status, res.text).toBe(200);
    expect(res.body.urls.webcal).toMatch(/^webcal:\/\//);
    return res.body.urls.https as string;
  };
  /** As a calendar program fetches it: no cookie. */
  const fetchFeed = async (url: string) => {
    const res = await fetch(url);
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  };
  const eventOf = (ics: string, sessionId: string) => readCalendarFully(ics).events.find((e) => e.uid.startsWith(`${sessionId}@`));

  it('a moved session keeps its UID with a higher SEQUENCE; a cancelled one gets STATUS:CANCELLED, a higher SEQUENCE still', async () => {
    const url = await subscribe(gemeente);
    const session = await plan('Sessie die verschuift');
    const first = await fetchFeed(url);
    expect(first.status).toBe(200);
    expect(first.type).toMatch(/^text\/calendar/);
    const before = eventOf(first.text, session.id)!;
    expect(before).toMatchObject({ start: session.startsAt, status: 'CONFIRMED' });
    expect(before.uid).toBe(`${session.id}@${new URL(url).host}`);

    const movedTo = new Date(Date.parse(session.startsAt) + 86_400_000).toISOString();
    expect((await inkoop.patch(`/sessions/${session.id}`, { startsAt: movedTo })).status).toBe(200);
    const moved = eventOf((await fetchFeed(url)).text, session.id)!;
    expect(moved.uid).toBe(before.uid);
    expect(moved.start).toBe(movedTo);
    expect(moved.sequence).toBeGreaterThan(before.sequence);

    // A change a calendar does not show (the agenda) leaves the SEQUENCE as it is.
    expect((await inkoop.patch(`/sessions/${session.id}`, { description: 'Met koffie' })).status).toBe(200);
    expect(eventOf((await fetchFeed(url)).text, session.id)!.sequence).toBe(moved.sequence);

    const cancelled = await inkoop.post(`/sessions/${session.id}/cancel`, { reason: 'Te weinig aanmeldingen' });
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancellation: { reason: 'Te weinig aanmeldingen' } });
    const gone = eventOf((await fetchFeed(url)).text, session.id)!;
    expect(gone).toMatchObject({ uid: before.uid, status: 'CANCELLED', start: movedTo });
    expect(gone.sequence).toBeGreaterThan(moved.sequence);

    // The mail to the people concerned: METHOD:CANCEL, same UID, same SEQUENCE, organizer and attendees for Outlook.
    const record = (await db.collection('dialogue_sessions').findOne({ _id: objectId(session.id) })) as unknown as DialogueSessionRecord;
    const mail = sessionMailIcs(record, { name: 'IJmond', publicUrl: new URL(url).origin, organizer: 'Dialoogtafel <noreply@dialoogtafel.example>', attendees: [{ email: demoEmails.municipality, name: 'Gemeente' }] });
    expect(mail.method).toBe('CANCEL');
    const read = readCalendarFully(mail.ics);
    expect(read.method).toBe('CANCEL');
    expect(read.events).toEqual([expect.objectContaining({ uid: before.uid, sequence: gone.sequence, status: 'CANCELLED', organizer: 'mailto:noreply@dialoogtafel.example', attendees: [`mailto:${demoEmails.municipality}`] })]);

    // In the history, shown as cancelled; the trajectory's audit log says who and why.
    const listed = (await gemeente.get(`/trajectories/${ijmond}/sessions`)).body.find((s: { id: string }) => s.id === session.id);
    expect(listed).toMatchObject({ status: 'cancelled', cancellation: { reason: 'Te weinig aanmeldingen' } });
    const audit = await db.collection('audit_events').findOne({ chain: ijmond, action: 'session.cancel', objectId: session.id });
    expect(audit?.summary).toMatchObject({ reason: 'Te weinig aanmeldingen' });
  });

  it('a planned session’s mail is a METHOD:REQUEST with the same UID', async () => {
    const session = await plan('Sessie met uitnodiging');
    const record = (await db.collection('dialogue_sessions').findOne({ _id: objectId(session.id) })) as unknown as DialogueSessionRecord;
    const mail = sessionMailIcs(record, { name: 'IJmond', publicUrl: server.url, organizer: 'noreply@dialoogtafel.example', attendees: [{ email: demoEmails.provider }] });
    const read = readCalendarFully(mail.ics);
    expect(read.method).toBe('REQUEST');
    expect(read.events[0]).toMatchObject({ uid: `${session.id}@${new URL(server.url).host}`, sequence: 0, status: 'CONFIRMED', start: session.startsAt });
  });

  it('only the procurement team and the facilitator cancel, with a reason; a cancelled session cannot be started, joined, changed or cancelled again', async () => {
    const session = await plan('Sessie die de gespreksleider afzegt');
    expectError(await facilitator.post(`/sessions/${session.id}/cancel`, { reason: '' }), 400, 'validation_failed');
    for (const email of [demoEmails.municipality, demoEmails.provider, demoEmails.client, demoEmails.observer]) {
      expectError(await (await signIn(server, email)).post(`/sessions/${session.id}/cancel`, { reason: 'Ik wil niet' }), 403, 'forbidden');
    }
    expect((await inkoop.get(`/sessions/${session.id}`)).body.status).toBe('planned');
    expect((await facilitator.post(`/sessions/${session.id}/cancel`, { reason: 'Ziek' })).status).toBe(200);
    expectError(await inkoop.post(`/sessions/${session.id}/cancel`, { reason: 'Nog eens' }), 409, 'conflict');
    expectError(await inkoop.patch(`/sessions/${session.id}`, { title: 'Toch' }), 409, 'conflict');

    const socket = await connectSocket(server, gemeente.token);
    const facilitatorSocket = await connectSocket(server, facilitator.token);
    try {
      const joined = await emit(socket, 'session:join', { sessionId: session.id });
      expect(joined).toMatchObject({ ok: false, error: { code: 'conflict', fields: { session: 'cancelled' } } });
      expect(await emit(facilitatorSocket, 'session:start', { sessionId: session.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(await emit(facilitatorSocket, 'poll:open', { sessionId: session.id, settings: { kind: 'consent', question: 'Nog stemmen?' } })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    } finally {
      socket.disconnect();
      facilitatorSocket.disconnect();
    }
    expect((await inkoop.get(`/sessions/${session.id}`)).body.status).toBe('cancelled');
    // No report of a session that was never held.
    expectError(await inkoop.post(`/trajectories/${ijmond}/sessions/${session.id}/report`, {}), 409, 'conflict');
  });

  it('a revoked or renewed address answers 404; a bad one too, without a cookie and without the token in the answer', async () => {
    const first = await subscribe(gemeente);
    expect((await fetchFeed(first)).status).toBe(200);
    const second = await subscribe(gemeente);
    expect((await fetchFeed(first)).status).toBe(404);
    expect((await fetchFeed(second)).status).toBe(200);
    const revoked = await gemeente.delete('/me/calendar-subscription');
    expect(revoked.body).toMatchObject({ active: false, urls: null });
    const after = await fetchFeed(second);
    expect(after.status).toBe(404);
    expect(after.text).not.toContain(new URL(second).pathname.split('/').pop()!.replace('.ics', ''));
    expect((await fetchFeed(`${server.url}/api/calendar/${'a'.repeat(24)}${'b'.repeat(43)}.ics`)).status).toBe(404);
    expect((await fetchFeed(`${server.url}/api/calendar/niets.ics`)).status).toBe(404);
    expect((await gemeente.get('/me/calendar-subscription')).body).toMatchObject({ active: false });
    // Only the hash is stored.
    const stored = await db.collection('calendar_subscriptions').find({}).toArray();
    for (const record of stored) expect(JSON.stringify(record)).not.toMatch(/[A-Za-z0-9_-]{43}/);
  });

  it('a removed member’s feed no longer shows that trajectory’s sessions', async () => {
    const email = uniqueEmail('abonnee');
    const organisations = (await admin.get('/organisations')).body as Array<{ id: string; name: string }>;
    const provider = organisations.find((o) => o.name === 'Jeugdzorg Kennemerland Plus')!;
    const invited = await inkoop.post(`/trajectories/${ijmond}/invitations`, { email, role: 'provider', organisation: { id: provider.id } });
    expect(invited.status, invited.text).toBe(201);
    const token = (await mailedToken(admin, email, 'uitnodiging'))!;
    const member = apiClient(server);
    expect((await member.post(`/invitations/${token}/accept`, { token, name: 'Abonnee', password: 'een-goed-wachtwoord' })).status).toBe(200);
    const url = await subscribe(member);
    const session = await plan('Sessie voor abonnees');
    expect(eventOf((await fetchFeed(url)).text, session.id)).toBeDefined();

    const memberId = ((await inkoop.get(`/trajectories/${ijmond}/members`)).body as Array<{ id: string; email?: string }>).find((m) => m.email === email)!.id;
    expect((await inkoop.delete(`/trajectories/${ijmond}/members/${memberId}`)).status).toBe(204);
    const after = await fetchFeed(url);
    expect(after.status).toBe(200);
    expect(readCalendarFully(after.text).events).toEqual([]);
  });

  it('marks what was added after the previous visit, not what was there before; a visit lasts until 30 minutes away', async () => {
    const topics = `/trajectories/${ijmond}/topics`;
    const old = (await inkoop.post(topics, { title: `Oud onderwerp ${Date.now()}` })).body as { id: string };
    // It was there long ago: two hours before this test.
    await db.collection('topics').updateOne({ _id: objectId(old.id) }, { $set: { createdAt: new Date(Date.now() - 2 * 3_600_000) } });

    const visit = () => gemeente.put(`/trajectories/${ijmond}/visit`);
    const firstVisit = await visit();
    expect(firstVisit.status, firstVisit.text).toBe(200);
    const me = (await gemeente.get('/me')).body.user.id as string;
    // The person left an hour ago (the visit's last moment moves back; nothing else changes).
    await db.collection('visit_marks').updateOne({ _id: `${me}:${ijmond}` as never }, { $set: { lastSeenAt: new Date(Date.now() - 3_600_000), previousVisitAt: null } });

    const fresh = (await inkoop.post(topics, { title: `Nieuw onderwerp ${Date.now()}` })).body as { id: string };
    const back = (await visit()).body as { previousVisitAt: string };
    expect(back.previousVisitAt).not.toBeNull();
    const listed = (await gemeente.get(topics)).body as Array<{ id: string; createdAt: string }>;
    const marked = (id: string) => isNewSince(listed.find((t) => t.id === id)!.createdAt, back.previousVisitAt);
    expect(marked(fresh.id)).toBe(true);
    expect(marked(old.id)).toBe(false);

    // Moments later, still the same visit: the mark stays, so the marker does not vanish on the next page.
    expect((await visit()).body.previousVisitAt).toBe(back.previousVisitAt);
    // Addressed by _id only, and about nobody else.
    expect(await db.collection('visit_marks').countDocuments({ _id: `${me}:${ijmond}` as never })).toBe(1);
  });
});
