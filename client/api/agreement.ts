import type { z } from 'zod';
import type {
  createChapterRequest,
  createClauseRequest,
  createCommentRequest,
  proposeAmendmentRequest,
  replyRequest,
  updateChapterRequest,
  updateClauseRequest,
  variantRequest,
} from '../../shared/schemas/agreement';
import { call } from './call';

// The draft agreement as the table works on it: structure, comments and proposing other
// wording. Types only from shared/: the schemas themselves stay out of the browser bundle.
export type CreateChapterInput = z.input<typeof createChapterRequest>;
export type UpdateChapterInput = z.input<typeof updateChapterRequest>;
export type CreateClauseInput = z.input<typeof createClauseRequest>;
export type UpdateClauseInput = z.input<typeof updateClauseRequest>;
export type VariantInput = z.input<typeof variantRequest>;
export type CreateCommentInput = z.input<typeof createCommentRequest>;
export type CommentReplyInput = z.input<typeof replyRequest>;
export type ProposeAmendmentInput = z.input<typeof proposeAmendmentRequest>;


export const agreementApi = {
  get: (trajectoryId: string, signal?: AbortSignal) => call('getAgreement', { params: { trajectoryId } }, signal),
  addChapter: (trajectoryId: string, input: CreateChapterInput) => call('createChapter', { params: { trajectoryId }, body: input }),
  updateChapter: (trajectoryId: string, chapterId: string, input: UpdateChapterInput) => call('updateChapter', { params: { trajectoryId, chapterId }, body: input }),
  addClause: (trajectoryId: string, input: CreateClauseInput) => call('createClause', { params: { trajectoryId }, body: input }),
  updateClause: (trajectoryId: string, clauseId: string, input: UpdateClauseInput) => call('updateClause', { params: { trajectoryId, clauseId }, body: input }),
  setClauseSummary: (trajectoryId: string, clauseId: string, summary: string) => call('setClauseSummary', { params: { trajectoryId, clauseId }, body: { summary } }),
  addVariant: (trajectoryId: string, clauseId: string, input: VariantInput) => call('createVariant', { params: { trajectoryId, clauseId }, body: input }),
  updateVariant: (trajectoryId: string, clauseId: string, variantId: string, input: VariantInput) =>
    call('updateVariant', { params: { trajectoryId, clauseId, variantId }, body: input }),
};

export const commentApi = {
  list: (trajectoryId: string, filter: { clauseId?: string; status?: 'open' | 'resolved' }, signal?: AbortSignal) =>
    call('listComments', { params: { trajectoryId }, query: filter }, signal),
  create: (trajectoryId: string, clauseId: string, input: CreateCommentInput) => call('createComment', { params: { trajectoryId, clauseId }, body: input }),
  reply: (trajectoryId: string, commentId: string, input: CommentReplyInput) => call('replyToComment', { params: { trajectoryId, commentId }, body: input }),
  setStatus: (trajectoryId: string, commentId: string, status: 'open' | 'resolved') =>
    call('setCommentStatus', { params: { trajectoryId, commentId }, body: { status } }),
};

export const proposalApi = {
  propose: (trajectoryId: string, clauseId: string, input: ProposeAmendmentInput) =>
    call('proposeAmendment', { params: { trajectoryId, clauseId }, body: input }),
};

/** Where the pages of the agreement live. */
export const agreementPaths = {
  agreement: (trajectoryId: string) => `/trajecten/${trajectoryId}/overeenkomst`,
  clause: (trajectoryId: string, clauseId: string) => `/trajecten/${trajectoryId}/overeenkomst/artikelen/${clauseId}`,
  amendments: (trajectoryId: string) => `/trajecten/${trajectoryId}/overeenkomst/wijzigingsvoorstellen`,
  versions: (trajectoryId: string) => `/trajecten/${trajectoryId}/overeenkomst/versies`,
};
