import type { Role } from '../../../shared/domain/roles';
import type { AuditDraft } from '../../audit/audit-log';
import { newToken } from '../../auth/tokens';
import type { InvitationRecord } from '../../models/invitation';
import type { TrajectoryRecord } from '../../models/trajectory';
import type { OperationContext } from '../operation';

export const invitationValidMs = 14 * 24 * 60 * 60 * 1000;

const roleNames: Record<Role, string> = {
  procurement: 'lid van het inkoopteam',
  municipality: 'vertegenwoordiger van de gemeente',
  provider: 'vertegenwoordiger van de zorgaanbieder',
  client: 'cliëntvertegenwoordiger',
  facilitator: 'gespreksleider',
  intermediair: 'intermediair',
  observer: 'toehoorder',
};

/** Stores an invitation and mails its single-use link; the link's token exists only in the mail. */
export async function createInvitation(
  ctx: OperationContext,
  trajectory: Pick<TrajectoryRecord, '_id' | 'name'>,
  input: { email: string; name?: string | undefined; role: Role; organisationId: string },
  invitedBy: string,
): Promise<{ invitation: InvitationRecord; audit: Omit<AuditDraft, 'actorId'> }> {
  const { token, hash } = newToken();
  const created = await ctx.services.models.invitations.create({
    trajectoryId: trajectory._id,
    email: input.email,
    name: input.name ?? null,
    organisationId: input.organisationId,
    role: input.role,
    tokenHash: hash,
    invitedBy,
    expiresAt: new Date(Date.now() + invitationValidMs),
  });
  const expires = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'long' }).format(created.expiresAt);
  await ctx.services.mailer.send({
    to: input.email,
    subject: `Uitnodiging voor de dialoogtafel ${trajectory.name}`,
    text:
      `${input.name ? `Beste ${input.name}` : 'Beste lezer'},\n\n` +
      `U bent uitgenodigd om als ${roleNames[input.role]} deel te nemen aan de dialoogtafel van ${trajectory.name}.\n\n` +
      `Neem de uitnodiging aan via deze link (één keer te gebruiken, geldig tot en met ${expires}):\n\n` +
      `${ctx.services.publicUrl()}/uitnodiging/${token}\n`,
  });
  const trajectoryId = String(trajectory._id);
  return {
    invitation: created.toObject(),
    audit: { chain: trajectoryId, action: 'invitation.create', objectType: 'invitation', objectId: String(created._id), summary: { role: input.role, organisationId: input.organisationId } },
  };
}
