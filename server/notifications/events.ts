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
const atTheTable = (session: Pick<SessionLike, 'audience'>): NotificationDraft['to'] =>
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

/** A change round's version is sealed: every provider at the table is told which version applies to them from which day. */
export const notifyVersionApplies = (trajectoryId: unknown, label: string, appliesFrom: string): NotificationDraft => ({
  kind: 'final.version',
  trajectoryId: String(trajectoryId),
  link: `${t(trajectoryId)}/overeenkomst/definitief`,
  params: { title: label, on: appliesFrom },
  to: { roles: ['provider'] },
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

interface ActionLike {
  _id: unknown;
  description: string;
  ownerUserId: unknown;
  dueDate: string;
  status: string;
}

interface OutcomeLike {
  trajectoryId: unknown;
  topicId: unknown;
  actions: readonly ActionLike[];
}

const actionDraft = (kind: 'action.assigned' | 'action.due', outcome: OutcomeLike, action: ActionLike): NotificationDraft => ({
  kind,
  trajectoryId: String(outcome.trajectoryId),
  link: `${t(outcome.trajectoryId)}/onderwerpen/${String(outcome.topicId)}`,
  params: { title: action.description.length > 120 ? `${action.description.slice(0, 119)}…` : action.description, on: action.dueDate },
  to: { userIds: [String(action.ownerUserId)] },
});

/**
 * An action assigned: to its owner, when the action is new or changed hands (not when only its text
 * or date changed), and never to the person who assigned it to themselves.
 */
export function notifyActionsAssigned(after: OutcomeLike, before: OutcomeLike | null, by: string): NotificationDraft[] {
  const ownerBefore = new Map((before?.actions ?? []).map((a) => [String(a._id), String(a.ownerUserId)]));
  return after.actions
    .filter((a) => a.status === 'open' && ownerBefore.get(String(a._id)) !== String(a.ownerUserId) && String(a.ownerUserId) !== by)
    .map((a) => actionDraft('action.assigned', after, a));
}

/** An open action due tomorrow: to its owner (notifications/scheduler.ts). */
export const notifyActionDue = (outcome: OutcomeLike, action: ActionLike) => actionDraft('action.due', outcome, action);

interface PollLike {
  _id: unknown;
  trajectoryId: unknown;
  sessionId: unknown;
  question: string;
  closesAt: Date | null;
}

/** A poll that stays open after its session ended (it has a later closing time): everyone at the table. */
export const notifyPollOpenAfterSession = (poll: PollLike): NotificationDraft => ({
  kind: 'poll.open_after_session',
  trajectoryId: String(poll.trajectoryId),
  link: `/sessies/${String(poll.sessionId)}`,
  params: { title: poll.question, ...(poll.closesAt ? { at: poll.closesAt.toISOString() } : {}) },
  to: everyone,
});

/** The planning (phases, milestones) changed: everyone at the table but the one who changed it. */
export const notifyPlanningChanged = (trajectoryId: unknown, summary: string, by: string): NotificationDraft => ({
  kind: 'planning.changed',
  trajectoryId: String(trajectoryId),
  link: t(trajectoryId),
  params: { title: summary },
  to: everyone,
  except: [by],
});
