import type { Role } from './roles';

/**
 * Every action in a trajectory, and the roles that may take it. This table is the single
 * source for the server's policies and for what the client offers; the permission-matrix test
 * enumerates it. A person who is not a member of a trajectory may do nothing in it and is
 * told it does not exist.
 */
export const trajectoryPermissions = {
  'trajectory.view': ['procurement', 'municipality', 'provider', 'client', 'facilitator', 'observer', 'intermediair'],
  'trajectory.update': ['procurement'],
  'member.list': ['procurement', 'municipality', 'provider', 'client', 'facilitator', 'observer', 'intermediair'],
  'member.invite': ['procurement'],
  'member.changeRole': ['procurement'],
  'member.remove': ['procurement'],
  // Only a client representative may be shown to others without name ("een cliëntvertegenwoordiger").
  'member.chooseAnonymity': ['client'],
  'invitation.list': ['procurement'],
  'invitation.revoke': ['procurement'],
  'topic.list': ['procurement', 'municipality', 'provider', 'client', 'facilitator', 'observer', 'intermediair'],
  'topic.propose': ['procurement', 'municipality', 'provider', 'client', 'facilitator'],
  'topic.decide': ['procurement'],
  'topic.update': ['procurement'],
  'audit.view': ['procurement', 'municipality', 'facilitator', 'observer'],
  'session.view': ['procurement', 'municipality', 'provider', 'client', 'facilitator', 'observer', 'intermediair'],
  'session.manage': ['procurement'],
  'session.facilitate': ['procurement', 'facilitator'],
  // Calling a session off (with a reason): whoever plans or chairs it.
  'session.cancel': ['procurement', 'facilitator'],
  // The mediator (intermediair) takes part in sessions, never votes (poll.vote).
  'session.participate': ['procurement', 'municipality', 'provider', 'client', 'facilitator', 'intermediair'],
  'poll.open': ['procurement', 'facilitator'],
  'poll.close': ['procurement', 'facilitator'],
  // The facilitator is impartial and observers only follow: neither votes.
  'poll.vote': ['procurement', 'municipality', 'provider', 'client'],
  // A vote recorded for someone without an account (issue 16): by the impartial facilitator only,
  // and only in a consultative poll (shared/policy); it is counted apart as "inbreng namens".
  'poll.voteOnBehalf': ['facilitator'],
  'agreement.view': ['procurement', 'municipality', 'provider', 'client', 'facilitator', 'observer', 'intermediair'],
  // Chapters, clauses, their status, topics and variants: the structure is the procurement team's.
  'agreement.manage': ['procurement'],
  // Who may change the text itself follows the clause's status too: see shared/domain/agreement.
  'comment.create': ['procurement', 'municipality', 'provider', 'client', 'facilitator', 'observer'],
  // Input on someone's behalf (issue 16): a comment recorded for a person without an account,
  // marked with a description and counted apart from the groups that decide.
  'contribution.onBehalf': ['procurement', 'facilitator'],
  'amendment.propose': ['procurement', 'municipality', 'provider', 'client'],
  'amendment.decide': ['procurement'],
  'version.create': ['procurement', 'facilitator'],
  'version.restore': ['procurement'],
  'question.list': ['procurement', 'municipality', 'provider', 'client', 'facilitator', 'observer', 'intermediair'],
  // Providers ask; the procurement team answers and publishes to everyone at once.
  'question.ask': ['provider'],
  'question.answer': ['procurement'],
  'question.publish': ['procurement'],
  // Agreements (afspraken) per topic: everyone at the table reads them; the procurement team records them.
  'outcome.list': ['procurement', 'municipality', 'provider', 'client', 'facilitator', 'observer', 'intermediair'],
  'outcome.record': ['procurement'],
  // Session reports: generated and published by the procurement team; participants comment on the draft.
  'report.view': ['procurement', 'municipality', 'provider', 'client', 'facilitator', 'observer', 'intermediair'],
  'report.manage': ['procurement'],
  'report.comment': ['procurement', 'municipality', 'provider', 'client', 'facilitator'],
  // Consultation (reactienota) on a version of the draft: invited councils take part as observers.
  'consultation.view': ['procurement', 'municipality', 'provider', 'client', 'facilitator', 'observer', 'intermediair'],
  'consultation.manage': ['procurement'],
  'consultation.react': ['municipality', 'provider', 'client', 'observer'],
  // The definitive agreement: assembled by the procurement team, signed off per municipality by its own representative.
  'final.view': ['procurement', 'municipality', 'provider', 'client', 'facilitator', 'observer', 'intermediair'],
  'final.assemble': ['procurement'],
  'final.signoff': ['municipality'],
  // Admission under Open House: the procurement team reviews applications and sets the procedure (server/admission).
  'admission.review': ['procurement'],
  // Bundled voices (issue 19): everyone at the table sees on whose behalf an organisation acts.
  // A member of a cooperative registers its mandates (its kind is checked); the mandate can be
  // revoked by that organisation, the procurement team, or the practitioner with an account
  // (shared/policy: mandate.revoke).
  'mandate.list': ['procurement', 'municipality', 'provider', 'client', 'facilitator', 'observer', 'intermediair'],
  'mandate.grant': ['provider'],
  'mandate.revoke': ['procurement', 'provider'],
  // The session's declared rule of how a ballot with vote mandates counts.
  'mandate.rule': ['procurement'],
  // Mediation (bemiddelingsverzoek): either side files, both read the request and its outcome;
  // only a platform administrator seats the mediator (no role here); the mediator closes it. The
  // confidential thread is a rule of its own in shared/policy (mediation.thread).
  'mediation.list': ['procurement', 'municipality', 'provider', 'facilitator', 'intermediair'],
  'mediation.request': ['procurement', 'provider'],
  'mediation.join': ['provider'],
  'mediation.seat': [],
  'mediation.close': ['intermediair'],
} as const satisfies Record<string, readonly Role[]>;

export type TrajectoryAction = keyof typeof trajectoryPermissions;
export const trajectoryActions = Object.keys(trajectoryPermissions) as TrajectoryAction[];

export function roleMay(role: Role, action: TrajectoryAction): boolean {
  return (trajectoryPermissions[action] as readonly Role[]).includes(role);
}

/** Actions of the platform as a whole; only platform administrators take them. */
export const platformActions = ['region.create', 'region.list', 'trajectory.create', 'organisation.list', 'outbox.read', 'audit.platform', 'account.list', 'account.erase'] as const;
export type PlatformAction = (typeof platformActions)[number];
