import { consultationPhase } from '../../../shared/domain/consultation';
import { roleMay } from '../../../shared/domain/permissions';
import { allowed, asMember } from '../../../shared/policy';
import { stakeholderGroupByRole, type Role } from '../../../shared/domain/roles';
import type { ConsultationDto, ConsultationSummaryDto, ReactionAuthorDto, ReactionDto, ReactionResponseDto } from '../../../shared/schemas/consultations';
import { AppError, notFound } from '../../errors';
import type { Models } from '../../models';
import type { AgreementVersionRecord } from '../../models/agreement-version';
import type { ConsultationRecord, ReactionRecord } from '../../models/consultation';
import { loadPeople, type People } from '../agreement/agreement-views';
import type { TrajectoryAccess } from '../operation';
import { findByIds } from '../../models/by-ids';

/** Who is looking, reduced to what decides what they see of a consultation. */
export interface ConsultationViewer {
  userId: string;
  role: Role | null;
}

export const viewerOf = (access: TrajectoryAccess): ConsultationViewer => ({ userId: access.user.userId, role: access.seat?.role ?? null });

/** The procurement team sees every reaction and every draft response; everyone else only their own, until publication. */
export const seesEverything = (viewer: ConsultationViewer) => viewer.role !== null && roleMay(viewer.role, 'consultation.manage');

export async function findConsultation(models: Models, trajectoryId: string, consultationId: string): Promise<ConsultationRecord> {
  const consultation = await models.consultations.findOne({ _id: consultationId, trajectoryId }).lean();
  if (!consultation) throw notFound();
  return consultation;
}

/** A consultation's version; it is kept for ever, so a missing one is a broken record rather than bad input. */
export async function findVersionOf(models: Models, consultation: ConsultationRecord): Promise<AgreementVersionRecord> {
  const version = await models.versions.findOne({ _id: consultation.versionId, trajectoryId: consultation.trajectoryId }).lean();
  if (!version) throw notFound();
  return version;
}

/** The clauses of a version in their order, each with its regional text and variants. */
export function versionClauses(version: AgreementVersionRecord): ConsultationDto['clauses'] {
  const byClause = new Map<string, ConsultationDto['clauses'][number]>();
  for (const d of version.documents) {
    const key = String(d.clauseId);
    const clause = byClause.get(key) ?? { clauseId: key, number: d.number, title: d.title, texts: [] };
    // The regional text first, then the municipality variants.
    if (d.variantId) clause.texts.push({ variantLabel: d.variantLabel, text: d.text });
    else clause.texts.unshift({ variantLabel: null, text: d.text });
    byClause.set(key, clause);
  }
  return [...byClause.values()].sort((a, b) => a.number - b.number);
}

/** Refuses a reaction or a change to one when the consultation no longer takes them. */
export function requireOpen(consultation: ConsultationRecord): void {
  const phase = consultationPhase(consultation.status, consultation.closesOn);
  if (phase === 'published') throw new AppError('conflict', 'This consultation has been published; reactions are closed.', { reason: 'published' });
  if (phase === 'closed') {
    const why = consultation.status === 'closed' ? 'The procurement team has closed this consultation' : `The closing date of this consultation (${consultation.closesOn}) has passed`;
    throw new AppError('conflict', `${why}; reactions are no longer accepted.`, { reason: 'closed' });
  }
}

/** The reactions the viewer may read now: all for the team or once published, otherwise their own. */
function visibleReactionFilter(consultation: ConsultationRecord, viewer: ConsultationViewer): Record<string, unknown> {
  const all = { consultationId: consultation._id };
  return consultation.status === 'published' || seesEverything(viewer) ? all : { ...all, authorId: viewer.userId };
}

/**
 * The author as the viewer may see them. An anonymous reaction of a client representative
 * follows the agreement's anonymity rule: only its author and the facilitator know who wrote it.
 * Names are for the team and the author; the table reads the organisation.
 */
function authorView(r: ReactionRecord, people: People, viewer: ConsultationViewer): ReactionAuthorDto {
  const group = stakeholderGroupByRole[r.authorRole];
  const own = String(r.authorId) === viewer.userId;
  if (r.anonymous && !own && !allowed(asMember(viewer.role), 'comment.revealAuthor')) return { name: null, organisationName: null, group, anonymous: true };
  const showsName = own || seesEverything(viewer) || allowed(asMember(viewer.role), 'comment.revealAuthor');
  return {
    name: showsName ? (people.users.get(String(r.authorId)) ?? '—') : null,
    organisationName: r.authorOrganisationId ? (people.organisations.get(String(r.authorOrganisationId)) ?? null) : null,
    group,
    anonymous: r.anonymous,
  };
}

interface Links {
  amendments: Map<string, { clauseTitle: string; status: string }>;
  versions: Map<string, string>;
}

async function loadLinks(models: Models, reactions: ReactionRecord[], clauseTitles: Map<string, string>): Promise<Links> {
  const amendmentIds = reactions.flatMap((r) => (r.response?.amendmentId ? [r.response.amendmentId] : []));
  const versionIds = reactions.flatMap((r) => (r.response?.versionId ? [r.response.versionId] : []));
  const [amendments, versions] = await Promise.all([
    amendmentIds.length ? findByIds(models.amendments, amendmentIds, { clauseId: 1, status: 1 }) : [],
    versionIds.length ? findByIds(models.versions, versionIds, { name: 1 }) : [],
  ]);
  const missingTitles = amendments.filter((a) => !clauseTitles.has(String(a.clauseId))).map((a) => a.clauseId);
  const clauses = missingTitles.length ? await findByIds(models.clauses, missingTitles, { title: 1 }) : [];
  const titles = new Map([...clauseTitles, ...clauses.map((c) => [String(c._id), c.title] as const)]);
  return {
    amendments: new Map(amendments.map((a) => [String(a._id), { clauseTitle: titles.get(String(a.clauseId)) ?? '—', status: a.status }])),
    versions: new Map(versions.map((v) => [String(v._id), v.name])),
  };
}

function responseView(r: ReactionRecord, links: Links): ReactionResponseDto | null {
  const response = r.response;
  if (!response) return null;
  const amendmentId = response.amendmentId ? String(response.amendmentId) : null;
  const versionId = response.versionId ? String(response.versionId) : null;
  return {
    text: response.text,
    outcome: response.outcome,
    amendment: amendmentId ? { id: amendmentId, clauseTitle: links.amendments.get(amendmentId)?.clauseTitle ?? '—', status: links.amendments.get(amendmentId)?.status ?? 'pending' } : null,
    version: versionId ? { id: versionId, name: links.versions.get(versionId) ?? '—' } : null,
    respondedAt: response.respondedAt.toISOString(),
  };
}

/** The reactions as the viewer may read them, grouped per clause in the version's order, oldest first within a clause. */
export async function reactionViews(models: Models, consultation: ConsultationRecord, version: AgreementVersionRecord, reactions: ReactionRecord[], viewer: ConsultationViewer): Promise<ReactionDto[]> {
  const clauses = new Map(versionClauses(version).map((c) => [c.clauseId, c]));
  const [people, links] = await Promise.all([
    loadPeople(models, reactions),
    loadLinks(models, reactions, new Map([...clauses.values()].map((c) => [c.clauseId, c.title]))),
  ]);
  const phase = consultationPhase(consultation.status, consultation.closesOn);
  const showsResponses = consultation.status === 'published' || seesEverything(viewer);
  const mayReact = viewer.role !== null && roleMay(viewer.role, 'consultation.react');
  return [...reactions]
    .sort((a, b) => (clauses.get(String(a.clauseId))?.number ?? 0) - (clauses.get(String(b.clauseId))?.number ?? 0) || a.createdAt.getTime() - b.createdAt.getTime())
    .map((r) => {
      const clause = clauses.get(String(r.clauseId));
      const mine = String(r.authorId) === viewer.userId;
      return {
        id: String(r._id),
        clauseId: String(r.clauseId),
        clauseNumber: clause?.number ?? 0,
        clauseTitle: clause?.title ?? '—',
        text: r.text,
        author: authorView(r, people, viewer),
        onBehalfOf: r.onBehalfOf ?? null,
        mine,
        response: showsResponses ? responseView(r, links) : null,
        answered: r.response !== null,
        mayEdit: mine && mayReact && phase === 'open' && r.response === null,
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
      };
    });
}

export function summaryView(c: ConsultationRecord, versionName: string, counts: { visible: number; unanswered: number | null }): ConsultationSummaryDto {
  return {
    id: String(c._id),
    title: c.title,
    explanation: c.explanation,
    version: { id: String(c.versionId), name: versionName },
    closesOn: c.closesOn,
    status: consultationPhase(c.status, c.closesOn),
    reactionCount: counts.visible,
    unanswered: counts.unanswered,
    createdAt: c.createdAt.toISOString(),
    closedAt: c.closedAt ? c.closedAt.toISOString() : null,
    publishedAt: c.publishedAt ? c.publishedAt.toISOString() : null,
  };
}

/** Everything the consultation's page shows the viewer. */
export async function consultationView(models: Models, consultation: ConsultationRecord, viewer: ConsultationViewer): Promise<ConsultationDto> {
  const version = await findVersionOf(models, consultation);
  const reactions = await models.consultationReactions.find(visibleReactionFilter(consultation, viewer)).lean();
  const team = seesEverything(viewer);
  const open = consultationPhase(consultation.status, consultation.closesOn) === 'open';
  const mayReactRole = viewer.role !== null && roleMay(viewer.role, 'consultation.react');
  return {
    ...summaryView(consultation, version.name, { visible: reactions.length, unanswered: team ? reactions.filter((r) => r.response === null).length : null }),
    clauses: versionClauses(version),
    reactions: await reactionViews(models, consultation, version, reactions, viewer),
    mayManage: team,
    mayReact: mayReactRole && open,
    mayReactAnonymously: mayReactRole && open && allowed(asMember(viewer.role), 'comment.anonymous'),
    mayReactOnBehalf: open && viewer.role !== null && roleMay(viewer.role, 'contribution.onBehalf'),
  };
}
