import { z } from 'zod';
import { roles } from '../domain/roles';
import { email, password, personName, token } from './common';

export const loginRequest = z.object({ email, password: z.string().min(1, 'is required').max(200) }).strict();
export const passwordResetRequest = z.object({ email }).strict();
export const passwordResetConfirm = z.object({ token, password }).strict();
export const acceptInvitationRequest = z
  .object({ token, name: personName.optional(), password: password.optional() })
  .strict();

const membershipSummary = z.object({
  trajectoryId: z.string(),
  trajectoryName: z.string(),
  role: z.enum(roles),
  organisationId: z.string(),
  organisationName: z.string(),
});

export const meResponse = z.object({
  user: z.object({ id: z.string(), name: z.string(), email: z.string(), platformAdmin: z.boolean() }),
  memberships: z.array(membershipSummary),
});
export type MeResponse = z.infer<typeof meResponse>;
export type MembershipSummary = z.infer<typeof membershipSummary>;

/** What the invitation page shows before the person accepts. */
export const invitationPreview = z.object({
  trajectoryName: z.string(),
  organisationName: z.string(),
  role: z.enum(roles),
  email: z.string(),
  /** True when an account with this e-mail exists: the page asks to sign in instead of choosing a password. */
  accountExists: z.boolean(),
});
export type InvitationPreview = z.infer<typeof invitationPreview>;
