import { sessionOrganisers } from '../../shared/policy';
import type { Role } from '../../shared/domain/roles';
import type { NotificationDraft } from './produce';

/**
 * The notifications the operations produce, one builder per event, so that each producer is one
 * line in its operation's effect. Parameters are titles and dates only: never a person's name, so
 * nothing here can name the author of anonymous input.
 */
const t = (trajectoryId: unknown) => `/trajecten/${String(trajectoryId)}`;
const everyone = { everyone: true } as const;

export const notifyAnswersPublished = (trajectoryId: string, through: number): NotificationDraft => ({
  kind: 'answers.published',
  trajectoryId,
  link: `${t(trajectoryId)}/vragen`,
  params: { title: `t/m vraag ${through}` },
  to: everyone,
});

interface SessionLike {
  _id: unknown;
  trajectoryId: unknown;
  title: string;
  startsAt: Date;
  /** A closed session (shared/policy: invitedToSession): only those it invites, and its organisers, hear of it. */
  audience?: { groups: readonly Role[]; userIds: readonly unknown[] } | null;
}

/** Everyone at a session's table: the whole trajectory, or a closed session's invited groups, people and organisers. */
export const atTheTable = (session: Pick<SessionLike, 'audience'>): NotificationDraft['to'] =>
  session.audience ? { roles: [...new Set([...sessionOrganisers, ...session.audience.groups])], userIds: session.audience.userIds.map(String) } : everyone;

/** A session planned, changed, cancelled or coming up: everyone at the table is concerned. */
export const notifySession = (kind: 'session.planned' | 'session.changed' | 'session.cancelled' | 'session.reminder', session: SessionLike, except?: string): NotificationDraft => ({
  kind,
  trajectoryId: String(session.trajectoryId),
  link: `/sessies/${String(session._id)}`,
  params: { title: session.title, at: session.startsAt.toISOString() },
  sessionId: String(session._id),
  to: atTheTable(session),
  ...(except ? { except: [except] } : {}),
});

/**
 * For the calendar work: call when a session is cancelled (its effect's `notify`). The mail carries
 * the session's calendar entry through notifications/session-calendar.ts.
 */
export const notifySessionCancelled = (session: SessionLike, by?: string) => notifySession('session.cancelled', session, by);

export const notifyAgendaPublished = (session: SessionLike): NotificationDraft => ({
  kind: 'agenda.published',
  trajectoryId: String(session.trajectoryId),
  link: `/sessies/${String(session._id)}`,
  params: { title: session.title, at: session.startsAt.toISOString() },
  to: atTheTable(session),
});

interface ConsultationLike {
  _id: unknown;
  trajectoryId: unknown;
  title: string;
  closesOn: string;
}

export const notifyConsultation = (kind: 'consultation.opened' | 'consultation.closing', c: ConsultationLike): NotificationDraft => ({
  kind,
  trajectoryId: String(c.trajectoryId),
  link: `${t(c.trajectoryId)}/overeenkomst/consultatie/${String(c._id)}`,
  params: { title: c.title, on: c.closesOn },
  to: everyone,
});

export const notifyReport = (kind: 'report.comments' | 'report.published', trajectoryId: unknown, sessionId: unknown, title: string, session: Pick<SessionLike, 'audience'> = {}): NotificationDraft => ({
  kind,
  trajectoryId: String(trajectoryId),
  link: `${t(trajectoryId)}/sessies/${String(sessionId)}/verslag`,
  params: { title },
  to: atTheTable(session),
});

/** A reply: to the author of the comment or amendment replied to, never to the one who replied. */
export const notifyReply = (trajectoryId: unknown, authorId: unknown, replierId: string, title: string, link: string, anonymous = false): NotificationDraft => ({
  kind: 'comment.reply',
  ...(anonymous ? { batched: true } : {}),
  trajectoryId: String(trajectoryId),
  link: `${t(trajectoryId)}${link}`,
  params: { title },
  to: { userIds: [String(authorId)] },
  except: [replierId],
});

export const notifyAmendmentDecided = (trajectoryId: unknown, authorId: unknown, title: string): NotificationDraft => ({
  kind: 'amendment.decided',
  trajectoryId: String(trajectoryId),
  link: `${t(trajectoryId)}/overeenkomst/wijzigingsvoorstellen`,
  params: { title },
  to: { userIds: [String(authorId)] },
});

/** The definitive agreement: the signers of the municipalities (their members with the municipality role). */
export const notifyFinalSignOff = (trajectoryId: unknown, organisationIds?: readonly string[]): NotificationDraft => ({
  kind: 'final.signoff',
  trajectoryId: String(trajectoryId),
  link: `${t(trajectoryId)}/overeenkomst/definitief`,
  params: {},
  to: organisationIds ? { organisationIds } : { roles: ['municipality'] },
});

export const notifyRoleChanged = (trajectoryId: unknown, userId: unknown, role: Role): NotificationDraft => ({
  kind: 'member.role',
  trajectoryId: String(trajectoryId),
  link: t(trajectoryId),
  params: { role },
  to: { userIds: [String(userId)] },
});

export const notifyRemoved = (trajectoryId: unknown, userId: unknown): NotificationDraft => ({
  kind: 'member.removed',
  trajectoryId: String(trajectoryId),
  link: '/trajecten',
  params: {},
  to: { userIds: [String(userId)] },
});
