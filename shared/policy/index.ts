/**
 * The one policy of Dialoogtafel: who may do what, asked by the server before every write and
 * by the client before it offers an action. `decide()` is pure (no I/O, no clock): the caller
 * loads the facts it needs (a seat, a clause's status, whether the agreement is sealed) and
 * passes them in, so the client and the server reach the same answer from the same facts.
 *
 * The role × action table itself stays in `shared/domain/permissions.ts` (the permission-matrix
 * test enumerates it); this module adds what the table cannot say: who signs in, platform
 * rules, a clause's status, who votes in a poll, anonymity and moderation, and the final seal.
 */
import { platformActions, roleMay, trajectoryActions, type PlatformAction, type TrajectoryAction } from '../domain/permissions';
import { roles, type Role } from '../domain/roles';
import type { ClauseStatus } from '../domain/agreement';
// Types only from the schemas: this module is on the first page, and the schemas bring zod along.
import type { StakeholderGroup } from '../live-table/polls';
import type { Declaration } from '../schemas/sessions';

/** Who asks: nobody signed in, or a person with their seat in the trajectory at hand (role null without one). */
export type Subject =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId?: string;
      platformAdmin: boolean;
      /** The role of the person's seat in the trajectory the action is in; null without a seat. */
      role: Role | null;
      /** For platform actions: whether the person is on a procurement team somewhere (in the region at hand). */
      procurementSomewhere?: boolean;
    };

/** Rules about a clause's text: writing follows its status and the role. */
export type ClauseAction = 'clause.edit' | 'clause.comment';
/** Rules about contributions (comments, replies, reactions): anonymity and moderation. */
export type ContributionAction = 'comment.anonymous' | 'comment.revealAuthor' | 'comment.moderate';
/** Bundled voices and mediation (issue 19): rules that need facts about the mandate or the request. */
export type VoicesAction = 'mandate.revokeThis' | 'mediation.thread';
export type Action = TrajectoryAction | PlatformAction | ClauseAction | ContributionAction | VoicesAction;

/** The facts about what the action is on. Each rule reads only the fields it needs. */
export interface Resource {
  /** clause.edit, clause.comment: the clause's status. */
  clauseStatus?: ClauseStatus;
  /**
   * poll.vote: the groups the poll invites (none listed: every group that votes).
   * poll.voteOnBehalf: what the poll's outcome is (only a consultative poll takes input on someone's behalf).
   */
  poll?: { eligibleGroups: readonly StakeholderGroup[]; outcomeKind?: Declaration['outcomeKind'] };
  /** Whether every municipality approved the agreement: then nothing in it changes any more. */
  agreementFinal?: boolean;
  /** comment.moderate: the author of the contribution; authors moderate their own. */
  authorId?: string | null;
  /** mandate.revokeThis: the holder organisation, the practitioner's account (if any), and the asker's organisation. */
  mandate?: { holderOrganisationId: string; practitionerUserId: string | null; askerOrganisationId: string | null };
  /** mediation.thread: the seated mediator and the providers who asked (by account). */
  mediation?: { mediatorUserId: string | null; requesterUserIds: readonly string[] };
  /** Anything about one dialogue session (joining, its polls and ballots, its report, its calendar entry): who it is open to. */
  session?: { audience: SessionAudience | null };
}

/**
 * Who sits at a session's table: null is the whole trajectory (the default); otherwise the chosen
 * stakeholder groups and people (e.g. client representatives and the procurement team only).
 */
export interface SessionAudience {
  groups: readonly Role[];
  userIds: readonly string[];
}

/** The organisers of a session (they plan and run it) sit at every table, open or closed. */
export const sessionOrganisers: readonly Role[] = ['procurement', 'facilitator'];

/**
 * Whether a person is at a session's table: everyone with a seat when it is open to the whole
 * trajectory; for a closed session the invited groups and people, and the organisers. A platform
 * administrator without a seat administers the trajectory but is not at a closed table.
 */
export function invitedToSession(subject: Subject, audience: SessionAudience | null | undefined): boolean {
  if (subject.kind !== 'user') return false;
  if (!audience) return true;
  if (subject.role && (sessionOrganisers.includes(subject.role) || audience.groups.includes(subject.role))) return true;
  return subject.userId !== undefined && subject.role !== null && audience.userIds.includes(subject.userId);
}

export type DenialCode = 'unauthenticated' | 'not_found' | 'forbidden' | 'agreement_final' | 'clause_closed' | 'not_eligible' | 'not_invited' | 'not_consultative';
export type Decision = { allowed: true } | { allowed: false; code: DenialCode };

const allow: Decision = { allowed: true };
const deny = (code: DenialCode): Decision => ({ allowed: false, code });

/** Platform actions open to procurement-team members too (the caller checks the region). */
const forProcurement: readonly PlatformAction[] = ['region.list', 'organisation.list', 'trajectory.create'];

/**
 * Who writes a clause's text in which status. During the dialogue the parties to the contract
 * write together; before and after it the procurement team holds the pen. A fixed clause is
 * read-only for everyone, and nobody comments on it any more.
 */
const editorsByStatus: Record<ClauseStatus, readonly Role[]> = {
  concept: ['procurement'],
  in_dialogue: ['procurement', 'municipality', 'provider'],
  agreed: ['procurement'],
  fixed: [],
};

const contributionRoles: Record<ContributionAction, readonly Role[]> = {
  // Only client representatives comment anonymously: it protects the client's voice.
  'comment.anonymous': ['client'],
  // Only the facilitator may see who wrote an anonymous contribution of a client representative.
  'comment.revealAuthor': ['facilitator'],
  // Anyone resolves their own comment; the procurement team and the facilitator every comment.
  'comment.moderate': ['procurement', 'facilitator'],
};

/**
 * Actions that change the agreement. Once it is final (every municipality approved), they are
 * refused for everyone; the server asks under the agreement's lock, which the seal holds too.
 */
export const sealedActions: ReadonlySet<Action> = new Set<Action>([
  'agreement.manage',
  'comment.create',
  'amendment.propose',
  'amendment.decide',
  'version.restore',
  'final.assemble',
  'final.signoff',
  'clause.edit',
  'clause.comment',
]);

const trajectoryActionSet: ReadonlySet<string> = new Set(trajectoryActions);
const isTrajectoryAction = (action: Action): action is TrajectoryAction => trajectoryActionSet.has(action);
const platformActionSet: ReadonlySet<string> = new Set(platformActions);
const isPlatformAction = (action: Action): action is PlatformAction => platformActionSet.has(action);

function decideByRole(subject: Extract<Subject, { kind: 'user' }>, action: Exclude<Action, PlatformAction>, resource: Resource): Decision {
  const role = subject.role;
  if (isTrajectoryAction(action)) {
    // Someone without a seat is told the trajectory does not exist; platform administrators administer every trajectory.
    if (!role) {
      if (!subject.platformAdmin) return deny('not_found');
      // An administrator without a seat administers, but belongs to no group that votes, and sits at no closed table.
      if (resource.session?.audience) return deny('not_invited');
      return action === 'poll.vote' && resource.poll ? deny('not_eligible') : allow;
    }
    if (!roleMay(role, action)) return deny('forbidden');
    // A closed session: whoever is not invited takes no part in it, whatever the role allows.
    if (resource.session && !invitedToSession(subject, resource.session.audience)) return deny('not_invited');
    if (action === 'poll.vote' && resource.poll && !mayVoteIn(resource.poll, role)) return deny('not_eligible');
    return allow;
  }
  if (action === 'mandate.revokeThis' || action === 'mediation.thread') return decideVoices(subject, action, resource);
  // Authors moderate their own contributions, whatever their seat now.
  if (action === 'comment.moderate' && subject.userId !== undefined && resource.authorId === subject.userId) return allow;
  if (!role) return deny('forbidden');
  switch (action) {
    case 'clause.edit':
      return resource.clauseStatus !== undefined && editorsByStatus[resource.clauseStatus].includes(role) ? allow : deny(resource.clauseStatus === 'fixed' ? 'clause_closed' : 'forbidden');
    case 'clause.comment':
      // Everyone at the table comments, until the clause is fixed.
      return resource.clauseStatus !== undefined && resource.clauseStatus !== 'fixed' ? allow : deny('clause_closed');
    default:
      return contributionRoles[action].includes(role) ? allow : deny('forbidden');
  }
}

/**
 * mandate.revokeThis: the practitioner (with an account) revokes their own mandate whatever their
 * seat; a member of the holding organisation and the procurement team revoke any of its mandates.
 *
 * mediation.thread: confidential between the seated mediator and the providers who asked. Nobody
 * else reads it: not the procurement team, not the municipalities, not a platform administrator
 * who is not the mediator (the pilots' premise: "volstreekte geheimhouding").
 */
function decideVoices(subject: Extract<Subject, { kind: 'user' }>, action: VoicesAction, resource: Resource): Decision {
  const me = subject.userId;
  if (action === 'mandate.revokeThis') {
    const mandate = resource.mandate;
    if (!mandate) return deny('forbidden');
    if (me !== undefined && mandate.practitionerUserId === me) return allow;
    if (subject.role === 'procurement') return allow;
    if (subject.role === 'provider' && mandate.askerOrganisationId === mandate.holderOrganisationId) return allow;
    return subject.role === null && !subject.platformAdmin ? deny('not_found') : deny('forbidden');
  }
  const mediation = resource.mediation;
  if (!mediation || me === undefined) return deny('forbidden');
  if (mediation.mediatorUserId === me) return allow;
  if (subject.role === 'provider' && mediation.requesterUserIds.includes(me)) return allow;
  return subject.role === null && !subject.platformAdmin ? deny('not_found') : deny('forbidden');
}

/**
 * The outcomes that are advice only: a vote recorded on someone's behalf (issue 16) is taken in
 * such a poll only, never where the table proposes or decides.
 */
const consultativeOutcomes: ReadonlyArray<Declaration['outcomeKind']> = ['advice'];
const isConsultative = (outcomeKind: Declaration['outcomeKind']): boolean => consultativeOutcomes.includes(outcomeKind);

/** A poll's groups: none listed means every group that votes; facilitators and observers never vote (see poll.vote). */
function mayVoteIn(poll: { eligibleGroups: readonly StakeholderGroup[] }, group: StakeholderGroup): boolean {
  return poll.eligibleGroups.length === 0 || poll.eligibleGroups.includes(group);
}

/** The one question: may `subject` take `action` on `resource`? A denial says why, as a code. */
export function decide(subject: Subject, action: Action, resource: Resource = {}): Decision {
  if (subject.kind !== 'user') return deny('unauthenticated');
  if (isPlatformAction(action)) {
    if (subject.platformAdmin) return allow;
    return subject.procurementSomewhere && forProcurement.includes(action) ? allow : deny('forbidden');
  }
  const decision = decideByRole(subject, action, resource);
  if (decision.allowed && action === 'poll.voteOnBehalf' && resource.poll?.outcomeKind !== undefined && !isConsultative(resource.poll.outcomeKind)) return deny('not_consultative');
  if (decision.allowed && resource.agreementFinal && sealedActions.has(action)) return deny('agreement_final');
  return decision;
}

export const allowed = (subject: Subject, action: Action, resource?: Resource): boolean => decide(subject, action, resource).allowed;

/** A member's subject in a trajectory: their role, or none. Convenient where only the role is known. */
export const asMember = (role: Role | null, extra: { userId?: string; platformAdmin?: boolean } = {}): Subject => ({
  kind: 'user',
  role,
  platformAdmin: extra.platformAdmin ?? false,
  ...(extra.userId !== undefined ? { userId: extra.userId } : {}),
});

/** What one person may do with a clause's text. */
export type ClauseAccess = 'edit' | 'comment' | 'read';

/** The clause rules as one answer: edit, comment or read. */
export function clauseAccess(role: Role, status: ClauseStatus, agreementFinal = false): ClauseAccess {
  const subject = asMember(role);
  if (allowed(subject, 'clause.edit', { clauseStatus: status, agreementFinal })) return 'edit';
  return allowed(subject, 'clause.comment', { clauseStatus: status, agreementFinal }) ? 'comment' : 'read';
}

/** The roles that write a clause's text in a status (for "who writes now" texts). */
export const clauseWriters = (status: ClauseStatus): Role[] => roles.filter((role) => clauseAccess(role, status) === 'edit');

/** The groups that vote at all: the ones the poll.vote rule lets vote. */
export const votingGroups: readonly StakeholderGroup[] = roles.filter((group) => roleMay(group, 'poll.vote'));

/** Whether a person of `group` votes in `poll`: the poll.vote rule with the poll's invited groups. */
export const mayVote = (group: StakeholderGroup, poll: { eligibleGroups: readonly StakeholderGroup[] }): boolean =>
  allowed(asMember(group), 'poll.vote', { poll });
