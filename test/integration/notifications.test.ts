import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, demoEmails, demoTrajectoryIds, objectId, signIn, type ApiClient } from '../helpers/api-client';
import { freshDatabaseUri, startServer, waitFor, type RunningServer } from '../helpers/server';
import { TestSmtpServer, type ReceivedMail } from '../helpers/smtp';

/** A header as sent, unfolded (mailparser parses List-* headers into objects; the raw line is what mail programs read). */
const header = (mail: ReceivedMail, name: string) => {
  const line = mail.parsed.headerLines.find((h) => h.key === name.toLowerCase())?.line;
  return line?.replace(/\r?\n[ \t]+/g, ' ').slice(name.length + 1).trim();
};

describe('notifications by mail: a durable queue delivered over SMTP', () => {
  const mongoUri = freshDatabaseUri();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dialoogtafel-notify-'));
  let smtp: TestSmtpServer;
  let server: RunningServer;
  let db: Connection;
  let inkoop: ApiClient;
  let aanbieder: ApiClient;
  let t: string;
  let round = 0;

  const start = async () => {
    server = await startServer({ mongoUri, dataDir, env: { DEMO: '1', SMTP_URL: smtp.url, NOTIFY_POLL_MS: '200', NOTIFY_RETRY_MS: '200' } });
    [inkoop, aanbieder] = await Promise.all([signIn(server, demoEmails.procurement), signIn(server, demoEmails.provider)]);
  };

  /** Asks, answers and publishes one question; resolves with the subject words of the round and how many mails the publication queued at once. */
  const publishRound = async (): Promise<{ title: string; queuedAtOnce: number }> => {
    round++;
    const asked = await aanbieder.post(`/trajectories/${t}/questions`, { text: `Vraag voor ronde ${round}?` });
    expect(asked.status, asked.text).toBe(201);
    expect((await inkoop.put(`/trajectories/${t}/questions/${asked.body.id}/answer`, { answer: `Antwoord ${round}` })).status).toBe(200);
    const published = await inkoop.post(`/trajectories/${t}/questions/publish`);
    expect(published.status, published.text).toBe(200);
    const through = (await inkoop.get(`/trajectories/${t}/questions`)).body.published.at(-1).number as number;
    const title = `t/m vraag ${through}`;
    // Queued for everyone in the one write before the answer came back: queue plus already sent.
    const queue = await db.collection('notification_queue').find({ 'event.params.title': title }).toArray();
    const sent = await db.collection('notification_sent').find({ subject: { $regex: title.replace(/\//g, '\\/') } }).toArray();
    return { title, queuedAtOnce: queue.length + sent.length };
  };

  /** The e-mail addresses of everyone sitting at the table now (observers get the procurement steps in the digest by default). */
  const members = async (withObservers = false) => {
    const seats = await db.collection('memberships').find({ trajectoryId: objectId(t), removedAt: null, ...(withObservers ? {} : { role: { $ne: 'observer' } }) }).toArray();
    const users = await db.collection('users').find({ _id: { $in: seats.map((s) => s.userId) } }).toArray();
    return users.map((u) => u.email as string).sort();
  };
  const mailsOf = (title: string) => smtp.received.filter((m) => (m.parsed.subject ?? '').includes(`${title})`));
  const queueEmpty = async () => (await db.collection('notification_queue').countDocuments({ mode: 'immediate' })) === 0;

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    await start();
    db = await connectDatabase(server);
    t = (await demoTrajectoryIds(await signIn(server, demoEmails.admin))).ijmond;
    // No question deadline, so the provider can ask.
    const trajectory = await inkoop.get(`/trajectories/${t}`);
    const milestones = trajectory.body.milestones.filter((m: { kind: string }) => m.kind !== 'questions_deadline').map(({ kind, title, date }: Record<string, string>) => ({ kind, title, date }));
    expect((await inkoop.patch(`/trajectories/${t}`, { milestones })).status).toBe(200);
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    await db?.close();
    await smtp?.stop();
  });

  it('sends published answers to every member at once, in their language, with a link and a one-click unsubscribe', async () => {
    expect((await aanbieder.put('/notifications/preferences', { language: 'en' })).status).toBe(200);
    const expected = await members();
    const askerName = (await db.collection('users').findOne({ email: demoEmails.provider }))!.name as string;
    const { title, queuedAtOnce } = await publishRound();
    expect(queuedAtOnce).toBe((await members(true)).length);
    await waitFor(() => mailsOf(title).length >= expected.length, 60_000, 'every member’s mail');
    await waitFor(queueEmpty, 30_000, 'the queue to empty');
    const mails = mailsOf(title);
    expect(mails.flatMap((m) => m.to).sort()).toEqual(expected);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(mails.length);

    const english = mails.find((m) => m.to.includes(demoEmails.provider))!;
    expect(english.parsed.subject).toMatch(/^Answers published/);
    const dutch = mails.find((m) => m.to.includes(demoEmails.municipality))!;
    expect(dutch.parsed.subject).toMatch(/^Antwoorden gepubliceerd/);
    // Without PUBLIC_URL the links use the address the server announces (localhost and its port).
    const base = server.url.replace('127.0.0.1', 'localhost');
    for (const m of [english, dutch]) {
      expect(m.parsed.text).toContain(`${base}/trajecten/${t}/vragen`);
      expect(m.parsed.html).toContain(`href="${base}/trajecten/${t}/vragen"`);
      // The asker is anonymous to the table: no mail names them.
      expect(m.raw).not.toContain(askerName);
      expect(header(m, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
      expect(header(m, 'List-Unsubscribe')).toMatch(new RegExp(`^<${base}/api/notifications/unsubscribe/[\\w.-]+>$`));
    }
    expect(dutch.parsed.html).toContain('lang="nl"');
    expect(english.parsed.html).toContain('lang="en"');

    // One click in the mail program: a POST with a form body, no cookie. A GET (a link scanner) changes nothing.
    const unsubscribe = header(english, 'List-Unsubscribe')!.slice(1, -1).replace(base, server.url);
    expect((await fetch(unsubscribe)).status).toBe(200);
    const modeOf = async () => (await aanbieder.get('/notifications/preferences')).body.trajectories.find((x: { trajectoryId: string }) => x.trajectoryId === t).kinds.find((k: { kind: string }) => k.kind === 'answers.published').mode;
    expect(await modeOf()).toBe('immediate');
    const posted = await fetch(unsubscribe, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(posted.status).toBe(200);
    expect(await modeOf()).toBe('off');
    const forged = await fetch(unsubscribe.replace(/.{4}$/, 'AAAA'), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(forged.status).toBe(404);

    const next = await publishRound();
    await waitFor(() => mailsOf(next.title).length >= expected.length - 1, 60_000, 'the next round');
    await waitFor(queueEmpty, 30_000, 'the queue to empty');
    expect(mailsOf(next.title).flatMap((m) => m.to)).not.toContain(demoEmails.provider);
  }, 180_000);

  it('mail by procedure (removal) says so and has no unsubscribe', async () => {
    const seat = await db.collection('memberships').findOne({ trajectoryId: objectId(t), role: 'facilitator', removedAt: null });
    const user = await db.collection('users').findOne({ _id: seat!.userId });
    expect((await inkoop.delete(`/trajectories/${t}/members/${String(seat!._id)}`)).status).toBe(204);
    await waitFor(() => smtp.to(user!.email).some((m) => /verwijderd/.test(m.parsed.subject ?? '')), 30_000, 'the removal mail');
    const mail = smtp.to(user!.email).find((m) => /verwijderd/.test(m.parsed.subject ?? ''))!;
    expect(header(mail, 'List-Unsubscribe')).toBeUndefined();
    expect(mail.parsed.text).toContain('omdat het bij de procedure hoort');
  }, 60_000);

  it('an SMTP outage delays mail; once the server is back each message arrives exactly once', async () => {
    const expected = await members();
    await smtp.stop();
    let title = '';
    try {
      const failuresBefore = server.logs().filter((l) => l.event === 'notification_send_failed').length;
      ({ title } = await publishRound());
      await waitFor(() => server.logs().filter((l) => l.event === 'notification_send_failed').length > failuresBefore + 1, 30_000, 'failed attempts');
      expect(mailsOf(title)).toHaveLength(0);
      const attempts = await db.collection('notification_queue').find({ 'event.params.title': title }).toArray();
      expect(attempts.length).toBeGreaterThan(0);
    } finally {
      await smtp.listen();
    }
    await waitFor(queueEmpty, 60_000, 'the queue to empty after the outage');
    const mails = mailsOf(title);
    expect(mails.flatMap((m) => m.to).sort()).toEqual(expected.filter((e) => e !== demoEmails.provider));
  }, 120_000);

  it('reports the author of an anonymous reply to no one: batched into the digest, which does not name them', async () => {
    const client = await signIn(server, demoEmails.client);
    const clientUser = await db.collection('users').findOne({ email: demoEmails.client });
    const clauses = await db.collection('agreement_clauses').find({ trajectoryId: objectId(t), status: { $ne: 'fixed' } }).toArray();
    const comment = await db.collection('clause_comments').findOne({ trajectoryId: objectId(t), clauseId: { $in: clauses.map((c) => c._id) }, authorId: { $ne: clientUser!._id } });
    const author = await db.collection('users').findOne({ _id: comment!.authorId });
    const reply = await client.post(`/trajectories/${t}/comments/${String(comment!._id)}/replies`, { body: 'Anoniem antwoord', anonymous: true });
    expect(reply.status, reply.text).toBe(201);
    const queued = await db.collection('notification_queue').findOne({ userId: comment!.authorId, 'event.kind': 'comment.reply' });
    expect(queued).toMatchObject({ mode: 'digest', batched: true });
    // Not in the author's centre yet either: it would tell the moment of writing.
    const authorClient = await signIn(server, author!.email);
    expect((await authorClient.get('/notifications')).body.items.some((i: { kind: string }) => i.kind === 'comment.reply')).toBe(false);
    // The digest hour comes (moved forward here): one mail, without the name.
    await db.collection('notification_queue').updateOne({ _id: queued!._id }, { $set: { dueAt: new Date() } });
    await waitFor(() => smtp.to(author!.email).some((m) => /veranderd sinds gisteren|changed since yesterday/i.test(m.parsed.subject ?? '')), 30_000, 'the digest');
    const digest = smtp.to(author!.email).find((m) => /veranderd sinds gisteren|changed since yesterday/i.test(m.parsed.subject ?? ''))!;
    expect(digest.raw).not.toContain(clientUser!.name as string);
    expect(digest.parsed.text).toMatch(/Nieuwe reactie op uw inbreng|A new reply to your contribution/);
    await waitFor(async () => (await authorClient.get('/notifications')).body.items.some((i: { kind: string }) => i.kind === 'comment.reply'), 10_000, 'the centre item after the digest');
  }, 90_000);

  it('sends one publication to 300 more members exactly once, also across a restart of the app mid-queue', async () => {
    const provider = await db.collection('memberships').findOne({ trajectoryId: objectId(t), role: 'provider' });
    const people = Array.from({ length: 300 }, (_, i) => ({ email: `lid${i}.${Date.now()}@voorbeeld.example`, name: `Lid ${i}`, passwordHash: 'x', platformAdmin: false, createdAt: new Date(), erasedAt: null }));
    const inserted = await db.collection('users').insertMany(people);
    await db.collection('memberships').insertMany(Object.values(inserted.insertedIds).map((userId) => ({ trajectoryId: objectId(t), userId, organisationId: provider!.organisationId, role: 'provider', anonymousPresence: false, createdAt: new Date(), removedAt: null })));
    // Whoever switched this kind off (the provider, in the first test) is not sent it.
    const off = (await aanbieder.get('/notifications/preferences')).body.trajectories.find((x: { trajectoryId: string }) => x.trajectoryId === t).kinds.find((k: { kind: string }) => k.kind === 'answers.published').mode === 'off';
    const expected = (await members()).filter((e) => !(off && e === demoEmails.provider));
    expect(expected.length).toBeGreaterThan(300);

    smtp.delayMs = 25; // slow enough to stop the app halfway
    const { title, queuedAtOnce } = await publishRound();
    expect(queuedAtOnce).toBeGreaterThanOrEqual(expected.length);
    await waitFor(() => mailsOf(title).length >= 20, 60_000, 'the first mails');
    await server.stop();
    const atStop = mailsOf(title).length;
    expect(atStop).toBeLessThan(expected.length);
    smtp.delayMs = 0;
    await start();
    await waitFor(queueEmpty, 120_000, 'the queue to empty after the restart');
    const mails = mailsOf(title);
    const recipients = mails.flatMap((m) => m.to);
    expect(recipients).toHaveLength(new Set(recipients).size);
    expect(recipients.sort()).toEqual(expected);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(mails.length);
  }, 400_000);
});

describe('without SMTP: the development outbox shows queued and sent notification mail', () => {
  let server: RunningServer;
  afterAll(async () => {
    await server?.stop();
  });

  it('lists every message', async () => {
    server = await startServer({ env: { DEMO: '1', NOTIFY_POLL_MS: '200' } });
    const admin = await signIn(server, demoEmails.admin);
    const inkoop = await signIn(server, demoEmails.procurement);
    const t = (await demoTrajectoryIds(admin)).ijmond;
    const session = await inkoop.post(`/trajectories/${t}/sessions`, { title: 'Extra dialoogsessie', startsAt: new Date(Date.now() + 5 * 86_400_000).toISOString(), location: 'Haarlem', declaration: { outcomeKind: 'advice', decidedBy: 'inkoopteam' } });
    expect(session.status, session.text).toBe(201);
    await waitFor(async () => {
      const outbox = (await admin.get('/admin/outbox')).body as Array<{ subject: string; status: string }>;
      return outbox.some((m) => m.status === 'sent' && m.subject.startsWith('Dialoogsessie gepland: Extra dialoogsessie'));
    }, 30_000, 'the session mail in the outbox');
    // The bell of a member counts it.
    const aanbieder = await signIn(server, demoEmails.provider);
    const centre = (await aanbieder.get('/notifications')).body;
    expect(centre.unread).toBeGreaterThan(0);
    expect(centre.items.find((i: { kind: string }) => i.kind === 'session.planned')).toMatchObject({ link: `/sessies/${session.body.id}` });
    expect((await aanbieder.post('/notifications/read', { all: true })).body).toEqual({ unread: 0 });
  }, 120_000);
});
