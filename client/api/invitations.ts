import type { z } from 'zod';
import type { inviteRequest } from '../../shared/schemas/trajectories';
import type { BulkInvitationUpload } from '../../shared/schemas/bulk-invitations';
import { call } from './call';

export type InviteInput = z.input<typeof inviteRequest>;

/** An invitation link, as the invited person opens it. */
export const invitationApi = {
  preview: (token: string, signal?: AbortSignal) => call('previewInvitation', { params: { token } }, signal),
  // The token travels in the path and, for the schema's sake, in the body too.
  accept: (token: string, account?: { name: string; password: string }) => call('acceptInvitation', { params: { token }, body: { token, ...account } }),
};

/** A trajectory's invitations, as its managers see them. */
export const invitationAdminApi = {
  list: (trajectoryId: string, signal?: AbortSignal) => call('listInvitations', { params: { trajectoryId } }, signal),
  invite: (trajectoryId: string, input: InviteInput) => call('inviteMember', { params: { trajectoryId }, body: input }),
  revoke: (trajectoryId: string, invitationId: string) => call('revokeInvitation', { params: { trajectoryId, invitationId } }),
  /** A sheet's rows, each with its errors; nothing is stored. */
  previewBulk: (trajectoryId: string, sheet: BulkInvitationUpload) => call('previewBulkInvitations', { params: { trajectoryId }, body: sheet }),
  /** Invites the sheet's correct rows in one step; the answer gives each row's invitation. */
  inviteBulk: (trajectoryId: string, sheet: BulkInvitationUpload) => call('inviteInBulk', { params: { trajectoryId }, body: sheet }),
};
