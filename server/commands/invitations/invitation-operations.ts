import { z } from 'zod';
import { organisationTypesByRole } from '../../../shared/domain/roles';
import { acceptInvitationRequest, type InvitationPreview } from '../../../shared/schemas/auth';
import { id, token } from '../../../shared/schemas/common';
import { inviteRequest } from '../../../shared/schemas/trajectories';
import { hashPassword } from '../../auth/passwords';
import { hashToken } from '../../auth/tokens';
import { AppError, notFound } from '../../errors';
import type { InvitationRecord } from '../../models/invitation';
import { buildMe } from '../auth/me';
import { defineOperation, defineTrajectoryOperation, noBody } from '../operation';
import { trajectoryParams } from '../trajectories/trajectory-operations';
import { invitationStatus, invitationView } from './invitation-view';
import { createInvitation } from './create-invitation';
import { isDuplicateKey } from '../../db/duplicate-key';
import { findByIds } from '../../models/by-ids';

export const invite = defineTrajectoryOperation({
  name: 'invitation.create',
  action: 'member.invite',
  params: trajectoryParams,
  body: inviteRequest,
  lock: (p) => `members:${p.trajectoryId}`,
  run: async (ctx, p, body, { trajectory, user }) => {
    const { models } = ctx.services;
    let organisation;
    if ('id' in body.organisation) {
      organisation = await models.organisations.findById(body.organisation.id).lean();
      if (!organisation) throw new AppError('validation_failed', 'The input is not valid.', { organisation: 'no such organisation' });
    } else {
      const { name, type, providerKind } = body.organisation;
      organisation = await models.organisations
        .findOneAndUpdate({ name, type }, { $setOnInsert: { providerKind: type === 'provider' ? (providerKind ?? 'institution') : null, createdAt: new Date() } }, { upsert: true, returnDocument: 'after' })
        .lean();
    }
    if (!organisationTypesByRole[body.role].includes(organisation!.type)) {
      throw new AppError('validation_failed', 'The input is not valid.', { role: 'does not fit the type of the organisation' });
    }
    const existingUser = await models.users.findOne({ email: body.email }, { _id: 1 }).lean();
    if (existingUser && (await models.memberships.exists({ trajectoryId: p.trajectoryId, userId: existingUser._id, removedAt: null }))) {
      throw new AppError('conflict', 'This person is already a member of this trajectory.');
    }
    const { invitation, audit } = await createInvitation(ctx, trajectory, { email: body.email, name: body.name, role: body.role, organisationId: String(organisation!._id) }, user.userId);
    return {
      result: invitationView(invitation, organisation!.name),
      audit: [audit],
      publish: [{ trajectoryId: p.trajectoryId, what: 'invitations' }],
    };
  },
});

export const listInvitations = defineTrajectoryOperation({
  name: 'invitation.list',
  action: 'invitation.list',
  params: trajectoryParams,
  body: noBody,
  run: async (ctx, p) => {
    const { models } = ctx.services;
    const invitations = await models.invitations.find({ trajectoryId: p.trajectoryId }).sort({ createdAt: -1 }).lean();
    const orgs = await findByIds(models.organisations, invitations.map((i) => i.organisationId));
    const names = new Map(orgs.map((o) => [String(o._id), o.name]));
    return { result: invitations.map((i) => invitationView(i, names.get(String(i.organisationId)) ?? '—')) };
  },
});

export const revokeInvitation = defineTrajectoryOperation({
  name: 'invitation.revoke',
  action: 'invitation.revoke',
  params: trajectoryParams.extend({ invitationId: id }),
  body: noBody,
  lock: () => 'invitations',
  run: async (ctx, p) => {
    const updated = await ctx.services.models.invitations
      .findOneAndUpdate({ _id: p.invitationId, trajectoryId: p.trajectoryId, acceptedAt: null, revokedAt: null }, { $set: { revokedAt: new Date() } }, { returnDocument: 'after' })
      .lean();
    if (!updated) {
      const exists = await ctx.services.models.invitations.exists({ _id: p.invitationId, trajectoryId: p.trajectoryId });
      throw exists ? new AppError('conflict', 'This invitation was already accepted or revoked.') : notFound();
    }
    return {
      result: undefined,
      audit: [{ chain: p.trajectoryId, action: 'invitation.revoke', objectType: 'invitation', objectId: p.invitationId, summary: {} }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'invitations' }],
    };
  },
});

const tokenParams = z.object({ token });

async function usableInvitation(ctx: Parameters<typeof invite>[0], tokenValue: string): Promise<InvitationRecord> {
  const invitation = await ctx.services.models.invitations.findOne({ tokenHash: hashToken(tokenValue) }).lean();
  if (!invitation) throw new AppError('not_found', 'This invitation does not exist.');
  const status = invitationStatus(invitation);
  if (status !== 'open') throw new AppError('gone', status === 'expired' ? 'This invitation has expired.' : status === 'revoked' ? 'This invitation was withdrawn.' : 'This invitation has been used already.');
  return invitation;
}

/** What the invitation page shows; the token in the link is the only credential. */
export const previewInvitation = defineOperation({
  name: 'invitation.preview',
  params: tokenParams,
  body: noBody,
  authorize: async () => undefined,
  run: async (ctx, p) => {
    const { models } = ctx.services;
    const invitation = await usableInvitation(ctx, p.token);
    const [trajectory, organisation, account] = await Promise.all([
      models.trajectories.findById(invitation.trajectoryId, { name: 1 }).lean(),
      models.organisations.findById(invitation.organisationId, { name: 1 }).lean(),
      models.users.exists({ email: invitation.email }),
    ]);
    const result: InvitationPreview = {
      trajectoryName: trajectory?.name ?? '—',
      organisationName: organisation?.name ?? '—',
      role: invitation.role,
      email: invitation.email,
      accountExists: Boolean(account),
    };
    return { result };
  },
});

/**
 * Accepts an invitation: for a new person it creates the account; an existing account must be
 * signed in as the invited e-mail address. The link is claimed atomically, so it works once.
 */
export const acceptInvitation = defineOperation({
  name: 'invitation.accept',
  params: tokenParams,
  body: acceptInvitationRequest,
  // Invitations change rarely: one lock for all of them keeps accepting and withdrawing from racing.
  lock: () => 'invitations',
  authorize: async () => undefined,
  run: async (ctx, p, body) => {
    const { models, sessions } = ctx.services;
    const invitation = await usableInvitation(ctx, p.token);
    const existing = await models.users.findOne({ email: invitation.email }).lean();
    if (ctx.actor.kind === 'user' && ctx.actor.email !== invitation.email) {
      throw new AppError('conflict', 'This invitation is for another e-mail address. Sign out first, or ask for an invitation to your own address.');
    }
    if (existing && ctx.actor.kind !== 'user') throw new AppError('unauthenticated', 'An account with this e-mail address exists. Sign in first, then accept.');
    if (!existing) {
      const fields: Record<string, string> = {};
      if (!body.name) fields.name = 'is required';
      if (!body.password) fields.password = 'is required';
      if (Object.keys(fields).length) throw new AppError('validation_failed', 'The input is not valid.', fields);
    }
    const passwordHash = existing ? null : await hashPassword(body.password!);
    const now = new Date();
    const claimed = await models.invitations.findOneAndUpdate(
      { _id: invitation._id, acceptedAt: null, revokedAt: null, expiresAt: { $gt: now } },
      { $set: { acceptedAt: now } },
      { returnDocument: 'after' },
    ).lean();
    if (!claimed) throw new AppError('gone', 'This invitation has been used already.');
    let userId: string;
    let createdAccount = false;
    try {
      if (existing) userId = String(existing._id);
      else {
        const user = await models.users.create({ email: invitation.email, name: body.name!, passwordHash: passwordHash! });
        userId = String(user._id);
        createdAccount = true;
      }
    } catch (error) {
      await models.invitations.updateOne({ _id: invitation._id }, { $set: { acceptedAt: null } });
      if (isDuplicateKey(error)) throw new AppError('conflict', 'An account with this e-mail address was just created. Sign in first, then accept.');
      throw error;
    }
    // A removed member who is invited again gets their old seat back, with the new role.
    const membership = await models.memberships.findOneAndUpdate(
      { trajectoryId: invitation.trajectoryId, userId },
      { $set: { organisationId: invitation.organisationId, role: invitation.role, removedAt: null }, $setOnInsert: { createdAt: now } },
      { upsert: true, returnDocument: 'after' },
    ).lean();
    await models.invitations.updateOne({ _id: invitation._id }, { $set: { acceptedBy: userId } });
    const token = ctx.actor.kind === 'user' ? null : await sessions.create(userId);
    const trajectoryId = String(invitation.trajectoryId);
    return {
      result: { token, me: await buildMe(ctx.services, userId) },
      audit: [
        { chain: trajectoryId, action: 'invitation.accept', objectType: 'invitation', objectId: String(invitation._id), summary: { createdAccount } },
        { chain: trajectoryId, action: 'member.add', objectType: 'membership', objectId: String(membership!._id), summary: { role: invitation.role, organisationId: String(invitation.organisationId) } },
      ],
      publish: [
        { trajectoryId, what: 'members' },
        { trajectoryId, what: 'invitations' },
      ],
    };
  },
});
