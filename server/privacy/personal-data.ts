import { Types } from 'mongoose';
import { notFound } from '../errors';
import type { ExportDocument, ExportSection } from '../export/document';
import type { Models } from '../models';
import { findByIds } from '../models/by-ids';

/**
 * Everything Dialoogtafel stores about one person (AVG article 15): their account, sign-ins, links
 * sent to them, seats, attendance, what they wrote, and the audit events that name them by id.
 * A rare request on demand, so it may read collections by person instead of by `_id`; it never
 * runs on a hot path. Secrets are left out: password hash, session and link tokens (only their
 * dates are given), so a stolen download cannot be used to sign in.
 */
export interface PersonalData {
  generatedAt: string;
  account: { id: string; name: string; email: string; platformAdmin: boolean; createdAt: string };
  signIns: Array<{ createdAt: string; lastSeenAt: string; expiresAt: string }>;
  passwordResetLinks: Array<{ createdAt: string; expiresAt: string; usedAt: string | null }>;
  invitations: Array<{ trajectory: string; role: string; organisation: string; name: string | null; createdAt: string; expiresAt: string; acceptedAt: string | null; revokedAt: string | null }>;
  memberships: Array<{ trajectory: string; organisation: string; role: string; createdAt: string; removedAt: string | null }>;
  attendance: Array<{ trajectory: string; session: string; role: string; firstSeenAt: string; lastSeenAt: string }>;
  contributions: {
    topics: Array<{ trajectory: string; title: string; createdAt: string }>;
    comments: Array<{ trajectory: string; text: string; anonymous: boolean; createdAt: string }>;
    amendments: Array<{ trajectory: string; proposedText: string; motivation: string; status: string; createdAt: string }>;
    consultationReactions: Array<{ trajectory: string; text: string; anonymous: boolean; createdAt: string }>;
    questions: Array<{ trajectory: string; text: string; createdAt: string }>;
    reportComments: Array<{ trajectory: string; text: string; createdAt: string }>;
    namedBallots: Array<{ pollId: string; group: string; castAt: string }>;
    /** Files they uploaded (each version): what it was, not its bytes, which the trajectory keeps. */
    attachments: Array<{ trajectory: string; parentKind: string; name: string; size: number; sha256: string; uploadedAt: string }>;
  };
  auditEvents: Array<{ chain: string; seq: number; at: string; action: string; objectType: string; objectId: string }>;
  outboxMail: Array<{ subject: string; createdAt: string }>;
  /** The secret calendar address itself is not kept readable; only that it exists. */
  calendarSubscription: { createdAt: string; lastFetchedAt: string | null } | null;
  /** When the person was last in each trajectory (for the "nieuw" markers). */
  visits: Array<{ trajectory: string; previousVisitAt: string | null; lastSeenAt: string }>;
  /** Notification choices, the notification centre, and notification mail queued or sent (subject and time). */
  notifications: {
    language: string;
    choices: Array<{ trajectory: string; kind: string; mode: string }>;
    centre: Array<{ trajectory: string; kind: string; createdAt: string; read: boolean }>;
    mail: Array<{ trajectory: string; kind: string; subject: string | null; status: 'queued' | 'sent'; at: string }>;
  };
}

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);
const isoNow = (d: Date) => new Date(d).toISOString();

export async function collectPersonalData(models: Models, userId: string): Promise<PersonalData> {
  const user = await models.users.findById(userId).lean();
  if (!user) throw notFound();
  const id = new Types.ObjectId(userId);
  const [signIns, resets, memberships, invitations, attendance] = await Promise.all([
    models.sessions.find({ userId: id }).lean(),
    models.passwordResets.find({ userId: id }).lean(),
    models.memberships.find({ userId: id }).lean(),
    models.invitations.find({ $or: [{ email: user.email }, { acceptedBy: id }] }).lean(),
    models.sessionAttendance.find({ userId: id }).lean(),
  ]);
  const trajectoryIds = [...new Set([...memberships, ...invitations, ...attendance].map((r) => String(r.trajectoryId)))].map((t) => new Types.ObjectId(t));
  const inTrajectories = { trajectoryId: { $in: trajectoryIds } };
  const [trajectories, organisations, sessions, topics, comments, amendments, reactions, questions, reportComments, ballots, auditEvents, outbox, attachments] = await Promise.all([
    findByIds(models.trajectories, trajectoryIds, { name: 1 }),
    findByIds(models.organisations, [...memberships, ...invitations].map((r) => r.organisationId), { name: 1 }),
    findByIds(models.dialogueSessions, attendance.map((a) => a.sessionId), { title: 1 }),
    models.topics.find({ ...inTrajectories, proposedBy: id }).lean(),
    models.comments.find({ ...inTrajectories, authorId: id }).lean(),
    models.amendments.find({ ...inTrajectories, authorId: id }).lean(),
    models.consultationReactions.find({ ...inTrajectories, authorId: id }).lean(),
    models.questions.find({ ...inTrajectories, askedBy: id }).lean(),
    models.reportComments.find({ ...inTrajectories, authorId: id }).lean(),
    models.ballots.find({ voterId: id }).lean(),
    models.auditEvents.find({ chain: { $in: ['platform', ...trajectoryIds.map(String)] }, $or: [{ actorId: userId }, { objectType: 'user', objectId: userId }] }).sort({ chain: 1, seq: 1 }).lean(),
    models.outbox.find({ to: user.email }, { subject: 1, createdAt: 1 }).lean(),
    models.attachments.find({ 'versions.uploadedBy': id }).lean(),
  ]);
  const [subscription, visits] = await Promise.all([
    models.calendarSubscriptions.findById(userId).lean(),
    findByIds(models.visitMarks, trajectoryIds.map((t) => `${userId}:${String(t)}`)),
  ]);
  const trajectory = (t: unknown) => trajectories.find((x) => String(x._id) === String(t))?.name ?? String(t);
  const organisation = (o: unknown) => organisations.find((x) => String(x._id) === String(o))?.name ?? String(o);
  const anonymous = (r: unknown) => Boolean((r as { anonymous?: boolean }).anonymous);
  const text = (r: unknown) => String((r as { body?: string; text?: string }).body ?? (r as { text?: string }).text ?? '');

  return {
    generatedAt: new Date().toISOString(),
    account: { id: userId, name: user.name, email: user.email, platformAdmin: user.platformAdmin, createdAt: isoNow(user.createdAt) },
    signIns: signIns.map((s) => ({ createdAt: isoNow(s.createdAt), lastSeenAt: isoNow(s.lastSeenAt), expiresAt: isoNow(s.expiresAt) })),
    passwordResetLinks: resets.map((r) => ({ createdAt: isoNow(r.createdAt), expiresAt: isoNow(r.expiresAt), usedAt: iso(r.usedAt) })),
    invitations: invitations.map((i) => ({
      trajectory: trajectory(i.trajectoryId),
      role: i.role,
      organisation: organisation(i.organisationId),
      name: i.name,
      createdAt: isoNow(i.createdAt),
      expiresAt: isoNow(i.expiresAt),
      acceptedAt: iso(i.acceptedAt),
      revokedAt: iso(i.revokedAt),
    })),
    memberships: memberships.map((m) => ({ trajectory: trajectory(m.trajectoryId), organisation: organisation(m.organisationId), role: m.role, createdAt: isoNow(m.createdAt), removedAt: iso(m.removedAt) })),
    attendance: attendance.map((a) => ({
      trajectory: trajectory(a.trajectoryId),
      session: sessions.find((s) => String(s._id) === String(a.sessionId))?.title ?? String(a.sessionId),
      role: a.role,
      firstSeenAt: isoNow(a.firstSeenAt),
      lastSeenAt: isoNow(a.lastSeenAt),
    })),
    contributions: {
      topics: topics.map((t) => ({ trajectory: trajectory(t.trajectoryId), title: t.title, createdAt: isoNow(t.createdAt) })),
      comments: comments.map((c) => ({ trajectory: trajectory(c.trajectoryId), text: text(c), anonymous: anonymous(c), createdAt: isoNow(c.createdAt) })),
      amendments: amendments.map((a) => ({ trajectory: trajectory(a.trajectoryId), proposedText: a.proposedText, motivation: a.motivation, status: a.status, createdAt: isoNow(a.createdAt) })),
      consultationReactions: reactions.map((r) => ({ trajectory: trajectory(r.trajectoryId), text: r.text, anonymous: anonymous(r), createdAt: isoNow(r.createdAt) })),
      questions: questions.map((q) => ({ trajectory: trajectory(q.trajectoryId), text: q.text, createdAt: isoNow(q.createdAt) })),
      reportComments: reportComments.map((c) => ({ trajectory: trajectory(c.trajectoryId), text: c.text, createdAt: isoNow(c.createdAt) })),
      namedBallots: ballots.map((b) => ({ pollId: String(b.pollId), group: b.group, castAt: isoNow(b.castAt) })),
      attachments: attachments.flatMap((a) =>
        a.versions.filter((v) => String(v.uploadedBy) === userId).map((v) => ({ trajectory: trajectory(a.trajectoryId), parentKind: a.parentKind, name: v.name, size: v.size, sha256: v.sha256, uploadedAt: isoNow(v.uploadedAt) })),
      ),
    },
    auditEvents: auditEvents.map((e) => ({ chain: e.chain === 'platform' ? 'platform' : trajectory(e.chain), seq: e.seq, at: isoNow(e.at), action: e.action, objectType: e.objectType, objectId: e.objectId })),
    outboxMail: outbox.map((m) => ({ subject: m.subject, createdAt: isoNow(m.createdAt) })),
    calendarSubscription: subscription ? { createdAt: isoNow(subscription.createdAt), lastFetchedAt: iso(subscription.lastFetchedAt) } : null,
    visits: visits.map((v) => ({ trajectory: trajectory(v._id.split(':')[1]), previousVisitAt: iso(v.previousVisitAt), lastSeenAt: isoNow(v.lastSeenAt) })),
    notifications: await notificationData(models, id, trajectory),
  };
}

async function notificationData(models: Models, id: Types.ObjectId, trajectory: (t: unknown) => string): Promise<PersonalData['notifications']> {
  const [preferences, inbox, queued, sent] = await Promise.all([
    models.notificationPreferences.findById(id).lean(),
    models.notificationInboxes.findById(id).lean(),
    models.notificationQueue.find({ userId: id }).lean(),
    models.notificationSent.find({ userId: id }).lean(),
  ]);
  return {
    language: preferences?.language ?? 'nl',
    choices: (preferences?.choices ?? []).map((c) => ({ trajectory: trajectory(c.trajectoryId), kind: c.kind, mode: c.mode })),
    centre: (inbox?.items ?? []).map((i) => ({ trajectory: trajectory(i.trajectoryId), kind: i.kind, createdAt: isoNow(i.createdAt), read: i.read })),
    mail: [
      ...queued.map((q) => ({ trajectory: trajectory(q.event.trajectoryId), kind: q.event.kind, subject: null, status: 'queued' as const, at: isoNow(q.dueAt) })),
      ...sent.map((m) => ({ trajectory: trajectory(m.trajectoryId), kind: m.kind, subject: m.subject, status: 'sent' as const, at: isoNow(m.sentAt) })),
    ],
  };
}

const when = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'long', timeStyle: 'short' });
const at = (value: string | null) => (value ? when.format(new Date(value)) : '—');

function tableSection(heading: string, columns: string[], rows: string[][], empty = 'Niets vastgelegd.'): ExportSection {
  return rows.length ? { heading, paragraphs: [], table: { columns, rows } } : { heading, paragraphs: [{ text: empty }] };
}

/** The same data as a readable document (in Dutch, like the other exports), for DOCX and PDF. */
export function personalDataDocument(data: PersonalData): ExportDocument {
  const c = data.contributions;
  return {
    title: `Mijn gegevens: ${data.account.name}`,
    subtitle: `Alles wat Dialoogtafel over u bewaart, opgesteld op ${at(data.generatedAt)}`,
    sections: [
      {
        heading: 'Account',
        paragraphs: [
          { label: 'Naam:', text: data.account.name },
          { label: 'E-mailadres:', text: data.account.email },
          { label: 'Platformbeheerder:', text: data.account.platformAdmin ? 'ja' : 'nee' },
          { label: 'Aangemaakt:', text: at(data.account.createdAt) },
          { label: 'Wachtwoord:', text: 'alleen als onomkeerbare hash bewaard (argon2id); niet in dit overzicht.', style: 'small' },
        ],
      },
      tableSection('Inlogsessies', ['Begonnen', 'Laatst gezien', 'Verloopt'], data.signIns.map((s) => [at(s.createdAt), at(s.lastSeenAt), at(s.expiresAt)])),
      tableSection('Links om het wachtwoord te herstellen', ['Verstuurd', 'Verloopt', 'Gebruikt'], data.passwordResetLinks.map((r) => [at(r.createdAt), at(r.expiresAt), at(r.usedAt)])),
      tableSection('Uitnodigingen', ['Traject', 'Organisatie', 'Rol', 'Verstuurd', 'Aanvaard'], data.invitations.map((i) => [i.trajectory, i.organisation, i.role, at(i.createdAt), at(i.acceptedAt)])),
      tableSection('Deelname aan trajecten', ['Traject', 'Organisatie', 'Rol', 'Sinds', 'Tot'], data.memberships.map((m) => [m.trajectory, m.organisation, m.role, at(m.createdAt), at(m.removedAt)])),
      tableSection('Aanwezigheid bij sessies', ['Traject', 'Sessie', 'Rol', 'Van', 'Tot'], data.attendance.map((a) => [a.trajectory, a.session, a.role, at(a.firstSeenAt), at(a.lastSeenAt)])),
      tableSection('Voorgestelde onderwerpen', ['Traject', 'Titel', 'Datum'], c.topics.map((t) => [t.trajectory, t.title, at(t.createdAt)])),
      tableSection('Opmerkingen bij artikelen', ['Traject', 'Tekst', 'Anoniem', 'Datum'], c.comments.map((x) => [x.trajectory, x.text, x.anonymous ? 'ja' : 'nee', at(x.createdAt)])),
      tableSection('Wijzigingsvoorstellen', ['Traject', 'Voorgestelde tekst', 'Toelichting', 'Status', 'Datum'], c.amendments.map((a) => [a.trajectory, a.proposedText, a.motivation, a.status, at(a.createdAt)])),
      tableSection('Reacties op consultaties', ['Traject', 'Tekst', 'Anoniem', 'Datum'], c.consultationReactions.map((r) => [r.trajectory, r.text, r.anonymous ? 'ja' : 'nee', at(r.createdAt)])),
      tableSection('Gestelde vragen', ['Traject', 'Vraag', 'Datum'], c.questions.map((q) => [q.trajectory, q.text, at(q.createdAt)])),
      tableSection('Opmerkingen bij verslagen', ['Traject', 'Tekst', 'Datum'], c.reportComments.map((r) => [r.trajectory, r.text, at(r.createdAt)])),
      tableSection('Stemmen in niet-anonieme peilingen', ['Peiling', 'Groep', 'Datum'], c.namedBallots.map((b) => [b.pollId, b.group, at(b.castAt)])),
      tableSection('Geüploade bestanden', ['Traject', 'Bij', 'Bestand', 'Bytes', 'Datum'], c.attachments.map((a) => [a.trajectory, a.parentKind, a.name, String(a.size), at(a.uploadedAt)])),
      tableSection('Logboek (handelingen op uw naam)', ['Logboek', 'Nr.', 'Tijdstip', 'Handeling'], data.auditEvents.map((e) => [e.chain, String(e.seq), at(e.at), e.action])),
      tableSection('Niet verzonden e-mail in het postvak', ['Onderwerp', 'Datum'], data.outboxMail.map((m) => [m.subject, at(m.createdAt)])),
      tableSection(
        'Agenda-abonnement (het geheime adres zelf staat er niet in)',
        ['Gemaakt', 'Laatst opgehaald'],
        data.calendarSubscription ? [[at(data.calendarSubscription.createdAt), at(data.calendarSubscription.lastFetchedAt)]] : [],
      ),
      tableSection('Bezoeken (voor de labels “Nieuw”)', ['Traject', 'Vorig bezoek', 'Laatst gezien'], data.visits.map((v) => [v.trajectory, at(v.previousVisitAt), at(v.lastSeenAt)])),
      tableSection('Meldingen: uw keuzes', ['Traject', 'Soort', 'Per e-mail'], data.notifications.choices.map((c) => [c.trajectory, c.kind, c.mode])),
      tableSection('Meldingen in uw meldingencentrum', ['Traject', 'Soort', 'Datum', 'Gelezen'], data.notifications.centre.map((i) => [i.trajectory, i.kind, at(i.createdAt), i.read ? 'ja' : 'nee'])),
      tableSection('E-mail met meldingen', ['Traject', 'Onderwerp', 'Status', 'Tijdstip'], data.notifications.mail.map((m) => [m.trajectory, m.subject ?? m.kind, m.status === 'sent' ? 'verzonden' : 'in de wachtrij', at(m.at)])),
    ],
    footer: 'Stemmen in anonieme peilingen worden zonder uw naam bewaard en zijn niet aan u te koppelen; ze staan daarom niet in dit overzicht.',
  };
}
