import type { z } from 'zod';
import type {
  createVersionRequest,
  decideAmendmentRequest,
  replyRequest,
  restoreVersionRequest,
} from '../../shared/schemas/agreement';
import { call } from './call';

// The draft agreement's revisions: amendments (wijzigingsvoorstellen), named versions and the
// word-level comparison. Types only from shared/: the schemas themselves stay out of the bundle.
export type ReplyInput = z.input<typeof replyRequest>;
export type DecideAmendmentInput = z.input<typeof decideAmendmentRequest>;
export type CreateVersionInput = z.input<typeof createVersionRequest>;
export type RestoreVersionInput = z.input<typeof restoreVersionRequest>;

/** A version id, or the text as it is now. */
export type CompareSide = string | 'current';

export interface CompareQuery {
  clauseId: string;
  /** Absent or null: the regional text. */
  variantId?: string | null;
  from: CompareSide;
  to: CompareSide;
}

export type { CompareResult } from '../../shared/schemas/agreement';

export const agreementStructureApi = {
  /** The chapters and numbered clauses, to label and choose clauses by. */
  get: (trajectoryId: string, signal?: AbortSignal) => call('getAgreement', { params: { trajectoryId } }, signal),
};

export const amendmentApi = {
  list: (trajectoryId: string, signal?: AbortSignal) => call('listAmendments', { params: { trajectoryId } }, signal),
  reply: (trajectoryId: string, amendmentId: string, input: ReplyInput) => call('replyToAmendment', { params: { trajectoryId, amendmentId }, body: input }),
  decide: (trajectoryId: string, amendmentId: string, input: DecideAmendmentInput) => call('decideAmendment', { params: { trajectoryId, amendmentId }, body: input }),
  withdraw: (trajectoryId: string, amendmentId: string) => call('withdrawAmendment', { params: { trajectoryId, amendmentId } }),
};

export const versionApi = {
  list: (trajectoryId: string, signal?: AbortSignal) => call('listVersions', { params: { trajectoryId } }, signal),
  create: (trajectoryId: string, input: CreateVersionInput) => call('createVersion', { params: { trajectoryId }, body: input }),
  get: (trajectoryId: string, versionId: string, signal?: AbortSignal) => call('getVersion', { params: { trajectoryId, versionId } }, signal),
  restore: (trajectoryId: string, versionId: string, input: RestoreVersionInput) => call('restoreVersion', { params: { trajectoryId, versionId }, body: input }),
  compare: (trajectoryId: string, query: CompareQuery, signal?: AbortSignal) => call('compareVersions', { params: { trajectoryId }, query: { ...query, variantId: query.variantId ?? undefined } }, signal),
};
