import { organisationTypesByRole, roles, type OrganisationType, type Role } from '../../../shared/domain/roles';
import { bulkInvitationUpload, type BulkInvitationPreviewDto, type BulkInvitationRowDto, type BulkRowError } from '../../../shared/schemas/bulk-invitations';
import { email as emailSchema } from '../../../shared/schemas/common';
import type { OperationContext } from '../operation';
import { defineTrajectoryOperation } from '../operation';
import { trajectoryParams } from '../trajectories/trajectory-operations';
import { invitationStatus } from './invitation-view';
import { createInvitations } from './create-invitation';
import { readInvitationSheet } from './invitation-sheet';
import { findByIds } from '../../models/by-ids';

/** Role names as people write them in a sheet, Dutch and English, to the role. */
const roleWords: Record<string, Role> = {
  ...Object.fromEntries(roles.map((r) => [r, r])),
  inkoopteam: 'procurement',
  inkoper: 'procurement',
  gemeente: 'municipality',
  aanbieder: 'provider',
  zorgaanbieder: 'provider',
  client: 'client',
  clientvertegenwoordiger: 'client',
  gespreksleider: 'facilitator',
  waarnemer: 'observer',
  toehoorder: 'observer',
};
const roleOf = (word: string): Role | null => roleWords[word.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')] ?? null;

/** A new organisation's type: the first that fits the role. */
const typeFor = (role: Role): OrganisationType => organisationTypesByRole[role][0]!;

/**
 * Checks every row against the sheet itself and the trajectory: a few reads for the whole sheet
 * (the seats, the open invitations, the organisations named), never one per row.
 */
async function checkRows(ctx: OperationContext, trajectoryId: string, base64: string): Promise<BulkInvitationPreviewDto> {
  const { models } = ctx.services;
  const { kind, rows } = await readInvitationSheet(base64);
  const seats = await models.memberships.find({ trajectoryId, removedAt: null }, { userId: 1 }).lean();
  const members = new Set((await findByIds(models.users, seats.map((s) => s.userId), { email: 1 })).map((u) => u.email));
  const now = new Date();
  const invited = new Set((await models.invitations.find({ trajectoryId }, { email: 1, acceptedAt: 1, revokedAt: 1, expiresAt: 1 }).lean()).filter((i) => !i.acceptedAt && !i.revokedAt && i.expiresAt > now).map((i) => i.email));
  const orgs = await models.organisations.find({ name: { $in: [...new Set(rows.map((r) => r.organisation))] } }, { name: 1, type: 1 }).lean();
  const seen = new Map<string, number>();
  const checked: BulkInvitationRowDto[] = rows.map((r) => {
    const errors: BulkRowError[] = [];
    const parsed = emailSchema.safeParse(r.email);
    const address = parsed.success ? parsed.data : r.email.trim().toLowerCase();
    const roleKey = roleOf(r.role);
    if (!r.organisation) errors.push('organisation_missing');
    if (r.kvk && !/^\d{8}$/.test(r.kvk.replace(/\s/g, ''))) errors.push('kvk_invalid');
    if (!parsed.success) errors.push('email_invalid');
    if (!roleKey) errors.push('role_unknown');
    if (roleKey && r.organisation) {
      const named = orgs.filter((o) => o.name === r.organisation);
      if (named.length > 0 && !named.some((o) => organisationTypesByRole[roleKey].includes(o.type))) errors.push('role_mismatch');
    }
    if (parsed.success) {
      if (seen.has(address)) errors.push('duplicate_in_file');
      else seen.set(address, r.row);
      if (members.has(address)) errors.push('already_member');
      else if (invited.has(address)) errors.push('already_invited');
    }
    return { row: r.row, organisation: r.organisation, kvk: r.kvk, contact: r.contact, email: address, role: r.role, roleKey, errors, invitation: null };
  });
  const invalidCount = checked.filter((r) => r.errors.length > 0).length;
  return { kind, rows: checked, valid: checked.length - invalidCount, invalid: invalidCount };
}

/** The preview: each row with its errors; nothing is stored. */
export const previewBulkInvitations = defineTrajectoryOperation({
  name: 'invitation.bulk_preview',
  action: 'member.invite',
  params: trajectoryParams,
  body: bulkInvitationUpload,
  run: async (ctx, p, body) => ({ result: await checkRows(ctx, p.trajectoryId, body.content) }),
});

/**
 * Invites every correct row of the sheet in one step: the rows are checked again (the sheet is
 * sent again, so what is invited is what was previewed, checked against the state of now), the
 * organisations named are found or made, the invitations stored in one write and their mails
 * queued in one write with the notification queue; one audit entry names them all.
 */
export const inviteInBulk = defineTrajectoryOperation({
  name: 'invitation.bulk_create',
  action: 'member.invite',
  params: trajectoryParams,
  body: bulkInvitationUpload,
  lock: (p) => `members:${p.trajectoryId}`,
  run: async (ctx, p, body, { trajectory, user }) => {
    const { models } = ctx.services;
    const preview = await checkRows(ctx, p.trajectoryId, body.content);
    const good = preview.rows.filter((r) => r.errors.length === 0);
    const orgIdFor = new Map<string, string>();
    for (const r of good) {
      const key = `${r.organisation}\u0000${r.roleKey!}`;
      if (orgIdFor.has(key)) continue;
      const types = organisationTypesByRole[r.roleKey!];
      const existing = await models.organisations.findOne({ name: r.organisation, type: { $in: [...types] } }, { _id: 1 }).lean();
      const org =
        existing ??
        (await models.organisations
          .findOneAndUpdate({ name: r.organisation, type: typeFor(r.roleKey!) }, { $setOnInsert: { providerKind: typeFor(r.roleKey!) === 'provider' ? 'institution' : null, createdAt: new Date() } }, { upsert: true, returnDocument: 'after' })
          .lean());
      orgIdFor.set(key, String(org!._id));
    }
    const created = await createInvitations(
      ctx,
      trajectory,
      good.map((r) => ({ email: r.email, role: r.roleKey!, organisationId: orgIdFor.get(`${r.organisation}\u0000${r.roleKey!}`)!, ...(r.contact ? { name: r.contact } : {}) })),
      user.userId,
    );
    good.forEach((r, i) => {
      const invitation = created[i]!.invitation;
      r.invitation = { id: String(invitation._id), status: invitationStatus(invitation) };
    });
    return {
      result: preview,
      audit: [{ chain: p.trajectoryId, action: 'invitation.bulk_create', objectType: 'trajectory', objectId: p.trajectoryId, summary: { rows: preview.rows.length, invited: good.length, refused: preview.invalid, invitationIds: created.map((c) => String(c.invitation._id)) } }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'invitations' }],
    };
  },
});
