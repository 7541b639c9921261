import { z } from 'zod';
import { roles } from '../domain/roles';

/** The largest sheet accepted (bytes of the file itself). */
export const bulkInvitationMaxBytes = 2 * 1024 * 1024;
/** The most rows one upload may carry. */
export const bulkInvitationMaxRows = 1000;
const bulkInvitationFileKinds = ['csv', 'xlsx'] as const;

/**
 * A sheet of invitations: the file's name and its bytes in base64 (JSON, like every other write:
 * no form on another site can send it). The server checks size and type by the content itself.
 */
export const bulkInvitationUpload = z
  .object({
    fileName: z.string().trim().min(1, 'is required').max(200, 'is too long'),
    content: z.string().max(Math.ceil((bulkInvitationMaxBytes * 4) / 3) + 4, 'is too large (at most 2 MB)'),
  })
  .strict();
export type BulkInvitationUpload = z.infer<typeof bulkInvitationUpload>;

const bulkRowErrors = ['organisation_missing', 'kvk_invalid', 'email_invalid', 'role_unknown', 'role_mismatch', 'duplicate_in_file', 'already_member', 'already_invited'] as const;
export type BulkRowError = (typeof bulkRowErrors)[number];

const bulkInvitationRowDto = z.object({
  /** The row number in the sheet (the header is row 1). */
  row: z.number().int(),
  organisation: z.string(),
  kvk: z.string(),
  contact: z.string(),
  email: z.string(),
  role: z.string(),
  /** The role understood, when it is one. */
  roleKey: z.enum(roles).nullable(),
  errors: z.array(z.enum(bulkRowErrors)),
  /** After inviting: the invitation made for this row, and its status. */
  invitation: z.object({ id: z.string(), status: z.enum(['open', 'accepted', 'expired', 'revoked']) }).nullable(),
});
export type BulkInvitationRowDto = z.infer<typeof bulkInvitationRowDto>;

export const bulkInvitationPreviewDto = z.object({
  kind: z.enum(bulkInvitationFileKinds),
  rows: z.array(bulkInvitationRowDto),
  valid: z.number().int(),
  invalid: z.number().int(),
});
export type BulkInvitationPreviewDto = z.infer<typeof bulkInvitationPreviewDto>;
