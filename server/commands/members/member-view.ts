import type { MemberDto } from '../../../shared/schemas/trajectories';
import type { MembershipRecord } from '../../models/membership';
import type { OrganisationRecord } from '../../models/organisation';

/** A membership record → its DTO. Only what the schema names leaves the server. */
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
