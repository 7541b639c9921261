import type { InvitationDto } from '../../../shared/schemas/trajectories';
import type { InvitationRecord } from '../../models/invitation';

/** An invitation record → its DTO. Only what the schema names leaves the server. */
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
