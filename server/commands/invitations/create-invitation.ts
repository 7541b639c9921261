import type { Role } from '../../../shared/domain/roles';
import type { AuditDraft } from '../../audit/audit-log';
import { newToken } from '../../auth/tokens';
import type { InvitationRecord } from '../../models/invitation';
import type { TrajectoryRecord } from '../../models/trajectory';
import { queueInvitationMails } from '../../notifications/invitation-mail';
import type { OperationContext } from '../operation';

const invitationValidMs = 14 * 24 * 60 * 60 * 1000;

export interface InvitationInput {
  email: string;
  name?: string | undefined;
  role: Role;
  organisationId: string;
}

/**
 * Stores invitations and queues their single-use links with the notification queue (one insert for
 * many: a bulk upload). The link's token is stored only sealed in the queue and in clear only in
 * the mail; the invitation keeps its hash.
 */
export async function createInvitations(
  ctx: OperationContext,
  trajectory: Pick<TrajectoryRecord, '_id' | 'name'>,
  inputs: readonly InvitationInput[],
  invitedBy: string,
): Promise<Array<{ invitation: InvitationRecord; audit: Omit<AuditDraft, 'actorId'> }>> {
  const trajectoryId = String(trajectory._id);
  const expiresAt = new Date(Date.now() + invitationValidMs);
  const tokens = inputs.map(() => newToken());
  const created = await ctx.services.models.invitations.insertMany(
    inputs.map((input, i) => ({
      trajectoryId: trajectory._id,
      email: input.email,
      name: input.name ?? null,
      organisationId: input.organisationId,
      role: input.role,
      tokenHash: tokens[i]!.hash,
      invitedBy,
      expiresAt,
    })),
    { ordered: true },
  );
  await queueInvitationMails(
    ctx.services,
    inputs.map((input, i) => ({ trajectoryId, email: input.email, role: input.role, token: tokens[i]!.token, expiresAt })),
  );
  return created.map((doc) => {
    const invitation = doc.toObject() as InvitationRecord;
    return {
      invitation,
      audit: { chain: trajectoryId, action: 'invitation.create', objectType: 'invitation', objectId: String(invitation._id), summary: { role: invitation.role, organisationId: String(invitation.organisationId) } },
    };
  });
}

/** One invitation: see createInvitations. */
export async function createInvitation(
  ctx: OperationContext,
  trajectory: Pick<TrajectoryRecord, '_id' | 'name'>,
  input: InvitationInput,
  invitedBy: string,
): Promise<{ invitation: InvitationRecord; audit: Omit<AuditDraft, 'actorId'> }> {
  return (await createInvitations(ctx, trajectory, [input], invitedBy))[0]!;
}
