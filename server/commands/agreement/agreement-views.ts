import { clauseDocumentName, numberClauses } from '../../../shared/domain/agreement';
import { allowed, asMember, clauseAccess } from '../../../shared/policy';
import { roleMay } from '../../../shared/domain/permissions';
import { stakeholderGroupByRole, type Role } from '../../../shared/domain/roles';
import type { AgreementDto, AmendmentDto, AuthorDto, ClauseDto, CommentDto } from '../../../shared/schemas/agreement';
import { organisationNames, userNames } from '../../models/names';
import type { ChapterRecord, ClauseRecord } from '../../models/agreement';
import type { AmendmentRecord } from '../../models/amendment';
import type { AuthorFields, CommentRecord, ReplyRecord } from '../../models/clause-comment';
import type { Models } from '../../models';
import type { UserActor } from '../../policies/actor';
import type { Seat } from '../../policies/trajectory-policy';

/** Who is looking: decides what of an anonymous author is shown and what they may do. */
export interface Viewer {
  user: UserActor;
  seat: Seat | null;
}

/** Names of people and organisations, loaded once per response. */
export interface People {
  users: Map<string, string>;
  organisations: Map<string, string>;
}

export async function loadPeople(models: Models, records: AuthorFields[], extraUserIds: unknown[] = []): Promise<People> {
  const [users, organisations] = await Promise.all([
    userNames(models, [...records.map((r) => r.authorId), ...extraUserIds]),
    organisationNames(models, records.map((r) => r.authorOrganisationId)),
  ]);
  return { users, organisations };
}

/**
 * The author as the viewer may see them. An anonymous contribution of a client representative
 * shows only the group, except to the facilitator — and to its author, who knows anyway.
 */
function authorView(record: AuthorFields, people: People, viewer: Viewer): AuthorDto {
  const group = stakeholderGroupByRole[record.authorRole];
  const own = String(record.authorId) === viewer.user.userId;
  if (record.anonymous && !own && !allowed(asMember(viewer.seat?.role ?? null), 'comment.revealAuthor')) {
    return { id: null, name: null, organisationName: null, group, anonymous: true };
  }
  return {
    id: String(record.authorId),
    name: people.users.get(String(record.authorId)) ?? '—',
    organisationName: record.authorOrganisationId ? (people.organisations.get(String(record.authorOrganisationId)) ?? null) : null,
    group,
    anonymous: record.anonymous,
  };
}

const replyView = (r: ReplyRecord, people: People, viewer: Viewer) => ({
  id: String(r._id),
  body: r.body,
  author: authorView(r, people, viewer),
  createdAt: r.createdAt.toISOString(),
});

const personRef = (id: unknown, people: People) => (id ? { id: String(id), name: people.users.get(String(id)) ?? '—' } : null);

export interface ClauseLabel {
  number: number;
  title: string;
}

export function commentView(c: CommentRecord, clause: ClauseLabel, people: People, viewer: Viewer): CommentDto {
  const role = viewer.seat?.role;
  const author = authorView(c, people, viewer);
  // Resolved by its hidden author: naming who resolved it would name her.
  const resolverHidden = author.id === null && String(c.resolvedBy) === String(c.authorId);
  return {
    id: String(c._id),
    clauseId: String(c.clauseId),
    clauseNumber: clause.number,
    clauseTitle: clause.title,
    variantId: c.variantId ? String(c.variantId) : null,
    anchor: { start: c.anchor.start, end: c.anchor.end, quote: c.anchor.quote },
    body: c.body,
    author,
    onBehalfOf: c.onBehalfOf ?? null,
    status: c.status,
    resolvedBy: resolverHidden ? null : personRef(c.resolvedBy, people),
    replies: c.replies.map((r) => replyView(r, people, viewer)),
    createdAt: c.createdAt.toISOString(),
    mayResolve: allowed(asMember(role ?? null, { userId: viewer.user.userId }), 'comment.moderate', { authorId: String(c.authorId) }),
  };
}

export function amendmentView(a: AmendmentRecord, clause: ClauseLabel, people: People, viewer: Viewer): AmendmentDto {
  const role = viewer.seat?.role;
  return {
    id: String(a._id),
    clauseId: String(a.clauseId),
    clauseNumber: clause.number,
    clauseTitle: clause.title,
    variantId: a.variantId ? String(a.variantId) : null,
    anchor: a.anchor ? { start: a.anchor.start, end: a.anchor.end } : null,
    originalText: a.originalText,
    proposedText: a.proposedText,
    motivation: a.motivation,
    author: authorView(a, people, viewer),
    status: a.status,
    decidedBy: personRef(a.decidedBy, people),
    decidedAt: a.decidedAt ? a.decidedAt.toISOString() : null,
    reason: a.reason,
    replies: a.replies.map((r) => replyView(r, people, viewer)),
    createdAt: a.createdAt.toISOString(),
    mayDecide: a.status === 'pending' && role !== undefined && roleMay(role, 'amendment.decide'),
  };
}

/** Numbers and titles of every clause of a trajectory, for labelling comments and amendments. */
export async function clauseLabels(models: Models, trajectoryId: string): Promise<Map<string, ClauseLabel>> {
  const [chapters, clauses] = await Promise.all([
    models.chapters.find({ trajectoryId }, { position: 1 }).lean(),
    models.clauses.find({ trajectoryId }, { chapterId: 1, position: 1, title: 1 }).lean(),
  ]);
  const numbers = numberClauses(
    chapters.map((c) => ({ id: String(c._id), position: c.position })),
    clauses.map((c) => ({ id: String(c._id), chapterId: String(c.chapterId), position: c.position })),
  );
  return new Map(clauses.map((c) => [String(c._id), { number: numbers.get(String(c._id)) ?? 0, title: c.title }]));
}

function clauseView(
  clause: ClauseRecord,
  number: number,
  topics: Map<string, string>,
  counts: { openComments: number; pendingAmendments: number },
  viewerRole: Role | null,
): ClauseDto {
  const trajectoryId = String(clause.trajectoryId);
  const id = String(clause._id);
  return {
    id,
    chapterId: String(clause.chapterId),
    number,
    position: clause.position,
    title: clause.title,
    summary: clause.summary ?? '',
    status: clause.status,
    topics: clause.topicIds.flatMap((t) => (topics.has(String(t)) ? [{ id: String(t), title: topics.get(String(t))! }] : [])),
    variants: clause.variants.map((v) => ({
      id: String(v._id),
      label: v.label,
      municipalities: v.municipalities,
      documentName: clauseDocumentName(trajectoryId, id, String(v._id)),
    })),
    documentName: clauseDocumentName(trajectoryId, id),
    access: viewerRole ? clauseAccess(viewerRole, clause.status) : 'read',
    openComments: counts.openComments,
    pendingAmendments: counts.pendingAmendments,
    updatedAt: clause.updatedAt.toISOString(),
  };
}

/** The whole agreement as the viewer sees it: chapters in order, clauses numbered straight through. */
export async function agreementView(models: Models, trajectoryId: string, trajectoryName: string, viewer: Viewer): Promise<AgreementDto> {
  const [chapters, clauses, topics, openComments, pendingAmendments] = await Promise.all([
    models.chapters.find({ trajectoryId }).lean(),
    models.clauses.find({ trajectoryId }).lean(),
    models.topics.find({ trajectoryId }, { title: 1 }).lean(),
    models.comments.find({ trajectoryId, status: 'open' }, { clauseId: 1 }).lean(),
    models.amendments.find({ trajectoryId, status: 'pending' }, { clauseId: 1 }).lean(),
  ]);
  const numbers = numberClauses(
    chapters.map((c) => ({ id: String(c._id), position: c.position })),
    clauses.map((c) => ({ id: String(c._id), chapterId: String(c.chapterId), position: c.position })),
  );
  const topicTitles = new Map(topics.map((t) => [String(t._id), t.title]));
  const count = (list: Array<{ clauseId: unknown }>) => {
    const m = new Map<string, number>();
    for (const x of list) m.set(String(x.clauseId), (m.get(String(x.clauseId)) ?? 0) + 1);
    return m;
  };
  const comments = count(openComments);
  const amendments = count(pendingAmendments);
  const role = viewer.seat?.role ?? null;
  const sortedChapters = [...chapters].sort((a: ChapterRecord, b: ChapterRecord) => a.position - b.position);
  return {
    trajectoryId,
    title: `Concept-inkoopovereenkomst ${trajectoryName}`,
    mayManage: role !== null && roleMay(role, 'agreement.manage'),
    chapters: sortedChapters.map((chapter, index) => ({
      id: String(chapter._id),
      number: index + 1,
      position: chapter.position,
      title: chapter.title,
      clauses: clauses
        .filter((c) => String(c.chapterId) === String(chapter._id))
        .sort((a, b) => a.position - b.position)
        .map((c) =>
          clauseView(c, numbers.get(String(c._id)) ?? 0, topicTitles, { openComments: comments.get(String(c._id)) ?? 0, pendingAmendments: amendments.get(String(c._id)) ?? 0 }, role),
        ),
    })),
  };
}
