import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Connection } from 'mongoose';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, connectDatabase, demoEmails, demoTrajectoryIds, objectId, signIn, uniqueEmail, type ApiClient } from '../helpers/api-client';
import { connectSocket, emit } from '../helpers/hostile';
import { freshDatabaseUri, startServer, waitFor, type RunningServer } from '../helpers/server';
import { TestSmtpServer, type ReceivedMail } from '../helpers/smtp';

const hasHeader = (mail: ReceivedMail, name: string) => mail.parsed.headerLines.some((h) => h.key === name.toLowerCase());
const amsterdamDay = (days: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(Date.now() + days * 24 * 60 * 60 * 1000));

/** The producers of issue 17 beyond the first ones: invited, an action assigned and coming due, a poll open after its session, a role changed. */
describe('notifications: each producer mails exactly the people concerned', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dialoogtafel-producers-'));
  let smtp: TestSmtpServer;
  let server: RunningServer;
  let db: Connection;
  let inkoop: ApiClient;
  let facilitator: ApiClient;
  let t: string;
  const sockets: Socket[] = [];

  const mailsWith = (subject: RegExp) => smtp.received.filter((m) => subject.test(m.parsed.subject ?? ''));
  const queueEmpty = async () => (await db.collection('notification_queue').countDocuments({ mode: 'immediate' })) === 0;
  const seatedEmails = async (withObservers: boolean) => {
    const seats = await db.collection('memberships').find({ trajectoryId: objectId(t), removedAt: null, ...(withObservers ? {} : { role: { $ne: 'observer' } }) }).toArray();
    const users = await db.collection('users').find({ _id: { $in: seats.map((s) => s.userId) } }).toArray();
    return users.map((u) => u.email as string).sort();
  };

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    server = await startServer({ mongoUri: freshDatabaseUri(), dataDir, env: { DEMO: '1', SMTP_URL: smtp.url, NOTIFY_POLL_MS: '200', NOTIFY_RETRY_MS: '200' }, timeoutMs: 120_000 });
    db = await connectDatabase(server);
    [inkoop, facilitator] = await Promise.all([signIn(server, demoEmails.procurement), signIn(server, demoEmails.facilitator)]);
    t = (await demoTrajectoryIds(await signIn(server, demoEmails.admin))).ijmond;
  }, 180_000);
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await server?.stop();
    await db?.close();
    await smtp?.stop();
  });

  it('an invitation goes through the queue to the invited address only, by procedure, with a working single-use link', async () => {
    const email = uniqueEmail('genodigd');
    const invited = await inkoop.post(`/trajectories/${t}/invitations`, { email, role: 'provider', organisation: { name: 'Praktijk De Meldingen', type: 'provider' } });
    expect(invited.status, invited.text).toBe(201);
    await waitFor(() => mailsWith(/^Uitnodiging voor de dialoogtafel/).some((m) => m.to.includes(email)), 30_000, 'the invitation mail');
    const mails = smtp.received.filter((m) => m.to.includes(email));
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.parsed.subject).toMatch(/als aanbieder/);
    expect(hasHeader(mail, 'List-Unsubscribe')).toBe(false);
    expect(mail.parsed.text).toContain('bij de procedure hoort');
    const token = mail.parsed.text!.match(/\/uitnodiging\/([A-Za-z0-9_-]+)/)![1]!;
    // The token is in the mail only: neither the queue nor the sent log holds it in clear.
    await waitFor(queueEmpty, 30_000, 'the queue to empty');
    const sent = await db.collection('notification_sent').find({ to: email }).toArray();
    expect(sent).toHaveLength(1);
    expect(JSON.stringify(sent)).not.toContain(token);
    const accepted = await apiClient(server).post(`/invitations/${token}/accept`, { token, name: 'Nieuwe Deelnemer', password: 'een-lang-wachtwoord-2026' });
    expect(accepted.status, accepted.text).toBe(200);
  }, 120_000);

  it('an action assigned goes to its owner only, and the day before it is due the owner is reminded once', async () => {
    const members = (await inkoop.get(`/trajectories/${t}/members`)).body as Array<{ userId: string; email: string; role: string }>;
    const owner = members.find((m) => m.email === demoEmails.provider)!;
    const topics = (await inkoop.get(`/trajectories/${t}/topics`)).body as Array<{ id: string; title: string }>;
    const budget = topics.find((x) => x.title === 'Bekostiging en budgetplafond')!;
    const description = `Cijfers aanleveren ${Date.now()}`;
    const recorded = await inkoop.post(`/trajectories/${t}/outcomes`, {
      topicId: budget.id,
      text: 'De aanbieders leveren de cijfers aan.',
      category: 'financial',
      horizon: 'before_start',
      status: 'open',
      actions: [{ description, ownerUserId: owner.userId, dueDate: amsterdamDay(1) }],
    });
    expect(recorded.status, recorded.text).toBe(201);
    const about = (m: ReceivedMail) => (m.parsed.subject ?? '').includes(description);
    await waitFor(() => smtp.received.some((m) => about(m) && /^Actie aan u toegewezen/.test(m.parsed.subject!)), 30_000, 'the assignment mail');
    await waitFor(() => smtp.received.some((m) => about(m) && /^Actie morgen verwacht/.test(m.parsed.subject!)), 60_000, 'the due reminder');
    await waitFor(queueEmpty, 30_000, 'the queue to empty');
    expect(smtp.received.filter(about).flatMap((m) => m.to)).toEqual([demoEmails.provider, demoEmails.provider]);
    const assigned = smtp.received.find((m) => about(m) && /^Actie aan u toegewezen/.test(m.parsed.subject!))!;
    expect(assigned.parsed.text).toContain(`/trajecten/${t}/onderwerpen/${budget.id}`);
    expect(hasHeader(assigned, 'List-Unsubscribe')).toBe(true);

    // Changing the text keeps the owner: no new assignment. Handing it to the municipality member tells only them.
    const action = recorded.body.actions[0] as { id: string };
    const other = members.find((m) => m.email === demoEmails.municipality)!;
    const body = (ownerUserId: string, text: string) => ({ topicId: budget.id, text, category: 'financial', horizon: 'before_start', status: 'open', actions: [{ id: action.id, description, ownerUserId, dueDate: amsterdamDay(5) }] });
    expect((await inkoop.put(`/trajectories/${t}/outcomes/${recorded.body.id}`, body(owner.userId, 'Andere tekst.'))).status).toBe(200);
    expect((await inkoop.put(`/trajectories/${t}/outcomes/${recorded.body.id}`, body(other.userId, 'Andere tekst.'))).status).toBe(200);
    await waitFor(() => smtp.received.some((m) => about(m) && m.to.includes(demoEmails.municipality)), 30_000, 'the new owner’s mail');
    await waitFor(queueEmpty, 30_000, 'the queue to empty');
    expect(smtp.received.filter((m) => about(m) && /^Actie aan u toegewezen/.test(m.parsed.subject!)).flatMap((m) => m.to)).toEqual([demoEmails.provider, demoEmails.municipality]);
  }, 180_000);

  it('a poll that stays open after its session (a later closing time) is announced to the table; one without closes with the session', async () => {
    const topics = (await inkoop.get(`/trajectories/${t}/topics`)).body as Array<{ id: string }>;
    const created = await inkoop.post(`/trajectories/${t}/sessions`, {
      title: 'Sessie met een open stemming',
      startsAt: new Date().toISOString(),
      location: 'Stadhuis Haarlem',
      agenda: topics.slice(0, 1).map((x) => ({ topicId: x.id, minutes: 20 })),
      declaration: { outcomeKind: 'advice', decidedBy: 'de colleges van B&W' },
    });
    expect(created.status, created.text).toBe(201);
    const sessionId = created.body.id as string;
    const chair = await connectSocket(server, facilitator.token);
    sockets.push(chair);
    expect((await emit(chair, 'session:join', { sessionId })).ok).toBe(true);
    expect((await emit(chair, 'session:start', { sessionId })).ok).toBe(true);
    const question = `Blijft open ${Date.now()}`;
    const staying = await emit(chair, 'poll:open', { sessionId, settings: { kind: 'consent', question, closesAt: new Date(Date.now() + 3 * 60 * 60 * 1000).toISOString() } });
    const closing = await emit(chair, 'poll:open', { sessionId, settings: { kind: 'consent', question: `Sluit mee ${Date.now()}` } });
    expect(staying.ok && closing.ok, JSON.stringify([staying, closing])).toBe(true);
    expect((await emit(chair, 'session:end', { sessionId })).ok).toBe(true);

    const pollOf = async (id: unknown) => db.collection('polls').findOne({ _id: objectId(String(id)) });
    expect((await pollOf((staying as { pollId?: string }).pollId))!.status).toBe('open');
    expect((await pollOf((closing as { pollId?: string }).pollId))!.status).toBe('closed');

    const expected = await seatedEmails(false);
    const about = (m: ReceivedMail) => (m.parsed.subject ?? '').includes(question);
    await waitFor(() => smtp.received.filter(about).length >= expected.length, 60_000, 'the table’s mails');
    await waitFor(queueEmpty, 30_000, 'the queue to empty');
    const mails = smtp.received.filter(about);
    expect(mails.flatMap((m) => m.to).sort()).toEqual(expected);
    expect(mails[0]!.parsed.subject).toMatch(/^Stemming staat nog open na de sessie/);
    expect(mails[0]!.parsed.text).toContain(`/sessies/${sessionId}`);
    // Observers get it in the digest: queued, not sent.
    expect(await db.collection('notification_queue').countDocuments({ 'event.kind': 'poll.open_after_session', mode: 'digest' })).toBe((await seatedEmails(true)).length - expected.length);
  }, 180_000);

  it('a role changed is told to that person only, by procedure', async () => {
    const members = (await inkoop.get(`/trajectories/${t}/members`)).body as Array<{ id: string; email: string; role: string }>;
    const seat = members.find((m) => m.email === demoEmails.observer)!;
    const before = smtp.received.length;
    const changed = await inkoop.patch(`/trajectories/${t}/members/${seat.id}`, { role: 'facilitator' });
    expect(changed.status, changed.text).toBe(200);
    await waitFor(() => smtp.received.slice(before).some((m) => /rol in .* is gewijzigd/.test(m.parsed.subject ?? '')), 30_000, 'the role mail');
    await waitFor(queueEmpty, 30_000, 'the queue to empty');
    const mails = smtp.received.slice(before).filter((m) => /rol in .* is gewijzigd/.test(m.parsed.subject ?? ''));
    expect(mails.flatMap((m) => m.to)).toEqual([demoEmails.observer]);
    expect(hasHeader(mails[0]!, 'List-Unsubscribe')).toBe(false);
  }, 120_000);
  it('the planning: the procurement team moves phases and the question deadline; the table is told, the deadline moves, others may not', async () => {
    const aanbieder = await signIn(server, demoEmails.provider);
    const before = (await inkoop.get(`/trajectories/${t}`)).body as { phases: Array<{ name: string; status: string }>; milestones: Array<{ kind: string; title: string; date: string }> };
    const deadline = amsterdamDay(40);
    const milestones = [
      ...before.milestones.filter((m) => m.kind !== 'questions_deadline').map(({ kind, title, date }) => ({ kind, title, date })),
      { kind: 'questions_deadline', title: 'Deadline voor het stellen van vragen', date: deadline },
    ];
    const phases = before.phases.map((p, i) => ({ name: p.name, status: p.status, ...(i === 0 ? { startsOn: '2026-01-05', endsOn: '2026-02-27' } : {}) }));

    // Not the provider; and a phase ending before it starts is refused on the field, nothing changed.
    expect((await aanbieder.patch(`/trajectories/${t}`, { milestones })).status).toBe(403);
    const wrong = await inkoop.patch(`/trajectories/${t}`, { phases: [{ ...phases[0]!, startsOn: '2026-03-01', endsOn: '2026-02-01' }] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toHaveProperty('phases.0.endsOn');

    const sentBefore = smtp.received.length;
    const changed = await inkoop.patch(`/trajectories/${t}`, { phases, milestones });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body.phases[0]).toMatchObject({ startsOn: '2026-01-05', endsOn: '2026-02-27' });
    // The question deadline follows the planning at once.
    expect((await aanbieder.get(`/trajectories/${t}/questions`)).body.deadline).toBe(deadline);

    const planningMail = (m: ReceivedMail) => /^Planning gewijzigd/.test(m.parsed.subject ?? '');
    const expected = (await seatedEmails(false)).filter((e) => e !== demoEmails.procurement);
    await waitFor(() => smtp.received.slice(sentBefore).filter(planningMail).length >= expected.length, 60_000, 'the planning mails');
    await waitFor(queueEmpty, 30_000, 'the queue to empty');
    const mails = smtp.received.slice(sentBefore).filter(planningMail);
    expect(mails.flatMap((m) => m.to).sort()).toEqual(expected);
    expect(mails[0]!.parsed.subject).toContain('Deadline voor het stellen van vragen');
    expect(mails[0]!.parsed.subject).toContain(before.phases[0]!.name);
    expect(hasHeader(mails[0]!, 'List-Unsubscribe')).toBe(true);

    // Saving the same planning again changes nothing and tells no one.
    const quiet = smtp.received.length;
    expect((await inkoop.patch(`/trajectories/${t}`, { phases, milestones })).status).toBe(200);
    // A notification is queued before the answer comes back: an empty queue means none was made.
    await waitFor(queueEmpty, 30_000, 'the queue to empty');
    expect(smtp.received.slice(quiet).filter(planningMail)).toHaveLength(0);
  }, 180_000);
});
