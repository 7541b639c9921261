import type { InvitationDto, MemberDto, OrganisationDto, RegionDto, TrajectoryDto } from '../../shared/schemas/trajectories';
import type { TopicDto } from '../../shared/schemas/topics';
import type { AuditEventDto } from '../../shared/schemas/audit';
import type { Role } from '../../shared/domain/roles';
import type { AuditEventRecord } from '../models/audit-event';
import type { InvitationRecord } from '../models/invitation';
import type { MembershipRecord } from '../models/membership';
import type { OrganisationRecord } from '../models/organisation';
import type { RegionRecord } from '../models/region';
import type { TopicRecord } from '../models/topic';
import type { TrajectoryRecord } from '../models/trajectory';

/** Records → the DTOs of shared/schemas. Only what the schema names leaves the server. */
export function trajectoryView(t: TrajectoryRecord, regionName: string, myRole: Role | null): TrajectoryDto {
  return {
    id: String(t._id),
    regionId: String(t.regionId),
    regionName,
    name: t.name,
    description: t.description,
    model: t.model,
    municipalities: t.municipalities,
    phases: t.phases.map((p) => ({ name: p.name, status: p.status, startsOn: p.startsOn ?? null, endsOn: p.endsOn ?? null })),
    milestones: [...t.milestones]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((m) => ({ id: String(m._id), kind: m.kind, title: m.title, date: m.date })),
    myRole,
    createdAt: t.createdAt.toISOString(),
  };
}

export const regionView = (r: RegionRecord): RegionDto => ({ id: String(r._id), name: r.name, municipalities: r.municipalities });

export const organisationView = (o: OrganisationRecord): OrganisationDto => ({ id: String(o._id), name: o.name, type: o.type, providerKind: o.providerKind ?? null });

export function memberView(m: MembershipRecord, user: { _id: unknown; name: string; email: string } | undefined, org: OrganisationRecord | undefined, showEmail: boolean): MemberDto {
  return {
    id: String(m._id),
    userId: String(m.userId),
    name: user?.name ?? '—',
    ...(showEmail && user ? { email: user.email } : {}),
    role: m.role,
    organisation: org ? { id: String(org._id), name: org.name, type: org.type } : { id: String(m.organisationId), name: '—', type: 'provider' },
    joinedAt: m.createdAt.toISOString(),
  };
}

export function invitationStatus(i: InvitationRecord, now = new Date()): InvitationDto['status'] {
  if (i.acceptedAt) return 'accepted';
  if (i.revokedAt) return 'revoked';
  if (i.expiresAt <= now) return 'expired';
  return 'open';
}

export const invitationView = (i: InvitationRecord, organisationName: string): InvitationDto => ({
  id: String(i._id),
  email: i.email,
  role: i.role,
  organisationName,
  status: invitationStatus(i),
  expiresAt: i.expiresAt.toISOString(),
  createdAt: i.createdAt.toISOString(),
});

export function topicView(t: TopicRecord, names: Map<string, string>): TopicDto {
  const person = (id: unknown) => (id ? { id: String(id), name: names.get(String(id)) ?? '—' } : null);
  return {
    id: String(t._id),
    title: t.title,
    description: t.description,
    summary: t.summary ?? '',
    order: t.order,
    status: t.status,
    owner: person(t.ownerId),
    proposedBy: person(t.proposedBy),
    decisionReason: t.decisionReason ?? null,
    createdAt: t.createdAt.toISOString(),
  };
}

export function auditView(e: AuditEventRecord, names: Map<string, string>): AuditEventDto {
  return {
    seq: e.seq,
    at: new Date(e.at).toISOString(),
    actor: e.actorId ? { id: e.actorId, name: names.get(e.actorId) ?? '—' } : null,
    action: e.action,
    objectType: e.objectType,
    objectId: e.objectId,
    summary: e.summary ?? {},
    hash: e.hash,
  };
}

