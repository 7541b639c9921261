import type { z } from 'zod';
import type {
  AgreementDto,
  AmendmentDto,
  CommentDto,
  createChapterRequest,
  createClauseRequest,
  createCommentRequest,
  proposeAmendmentRequest,
  replyRequest,
  updateChapterRequest,
  updateClauseRequest,
  variantRequest,
} from '../../shared/schemas/agreement';
import { request } from './client';

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

const enc = encodeURIComponent;
const agreementPath = (trajectoryId: string) => `/api/trajectories/${enc(trajectoryId)}/agreement`;
const clausePath = (trajectoryId: string, clauseId: string) => `${agreementPath(trajectoryId)}/clauses/${enc(clauseId)}`;
const commentsPath = (trajectoryId: string) => `/api/trajectories/${enc(trajectoryId)}/comments`;

export const agreementApi = {
  get: (trajectoryId: string, signal?: AbortSignal) => request<AgreementDto>('GET', agreementPath(trajectoryId), undefined, signal),
  addChapter: (trajectoryId: string, input: CreateChapterInput) =>
    request<AgreementDto>('POST', `${agreementPath(trajectoryId)}/chapters`, input),
  updateChapter: (trajectoryId: string, chapterId: string, input: UpdateChapterInput) =>
    request<AgreementDto>('PATCH', `${agreementPath(trajectoryId)}/chapters/${enc(chapterId)}`, input),
  addClause: (trajectoryId: string, input: CreateClauseInput) =>
    request<AgreementDto>('POST', `${agreementPath(trajectoryId)}/clauses`, input),
  updateClause: (trajectoryId: string, clauseId: string, input: UpdateClauseInput) =>
    request<AgreementDto>('PATCH', clausePath(trajectoryId, clauseId), input),
  setClauseSummary: (trajectoryId: string, clauseId: string, summary: string) =>
    request<AgreementDto>('PUT', `${clausePath(trajectoryId, clauseId)}/summary`, { summary }),
  addVariant: (trajectoryId: string, clauseId: string, input: VariantInput) =>
    request<AgreementDto>('POST', `${clausePath(trajectoryId, clauseId)}/variants`, input),
  updateVariant: (trajectoryId: string, clauseId: string, variantId: string, input: VariantInput) =>
    request<AgreementDto>('PATCH', `${clausePath(trajectoryId, clauseId)}/variants/${enc(variantId)}`, input),
};

export const commentApi = {
  list: (trajectoryId: string, filter: { clauseId?: string; status?: 'open' | 'resolved' }, signal?: AbortSignal) => {
    const params = new URLSearchParams();
    if (filter.clauseId) params.set('clauseId', filter.clauseId);
    if (filter.status) params.set('status', filter.status);
    const query = params.toString();
    return request<CommentDto[]>('GET', `${commentsPath(trajectoryId)}${query ? `?${query}` : ''}`, undefined, signal);
  },
  create: (trajectoryId: string, clauseId: string, input: CreateCommentInput) =>
    request<CommentDto>('POST', `${clausePath(trajectoryId, clauseId)}/comments`, input),
  reply: (trajectoryId: string, commentId: string, input: CommentReplyInput) =>
    request<CommentDto>('POST', `${commentsPath(trajectoryId)}/${enc(commentId)}/replies`, input),
  setStatus: (trajectoryId: string, commentId: string, status: 'open' | 'resolved') =>
    request<CommentDto>('PUT', `${commentsPath(trajectoryId)}/${enc(commentId)}/status`, { status }),
};

export const proposalApi = {
  propose: (trajectoryId: string, clauseId: string, input: ProposeAmendmentInput) =>
    request<AmendmentDto>('POST', `${clausePath(trajectoryId, clauseId)}/amendments`, input),
};

/** Where the pages of the agreement live. */
export const agreementPaths = {
  agreement: (trajectoryId: string) => `/trajecten/${trajectoryId}/overeenkomst`,
  clause: (trajectoryId: string, clauseId: string) => `/trajecten/${trajectoryId}/overeenkomst/artikelen/${clauseId}`,
  amendments: (trajectoryId: string) => `/trajecten/${trajectoryId}/overeenkomst/wijzigingsvoorstellen`,
  versions: (trajectoryId: string) => `/trajecten/${trajectoryId}/overeenkomst/versies`,
};
