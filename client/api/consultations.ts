import type { z } from 'zod';
import type {
  ConsultationDto,
  ConsultationListDto,
  editReactionRequest,
  openConsultationRequest,
  publishConsultationResult,
  reactRequest,
  ReactionDto,
  respondRequest,
} from '../../shared/schemas/consultations';
import { ApiError, request } from './client';

// Consultation (reactienota) on a version of the agreement. Types only from shared/: the schemas
// themselves stay out of the browser bundle.
export type OpenConsultationInput = z.input<typeof openConsultationRequest>;
export type ReactInput = z.input<typeof reactRequest>;
export type EditReactionInput = z.input<typeof editReactionRequest>;
export type RespondInput = z.input<typeof respondRequest>;
export type PublishConsultationResult = z.infer<typeof publishConsultationResult>;

/** Why the server refused (409): the reason it gives in `error.fields.reason`. */
export type ConsultationConflictReason = 'closed' | 'published' | 'answered' | 'unanswered' | 'not_published';

export function consultationConflict(error: unknown): ConsultationConflictReason | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  const reason = error.fields?.reason;
  return reason === 'closed' || reason === 'published' || reason === 'answered' || reason === 'unanswered' || reason === 'not_published' ? reason : undefined;
}

const enc = encodeURIComponent;
const listPath = (trajectoryId: string) => `/api/trajectories/${enc(trajectoryId)}/consultations`;
const onePath = (trajectoryId: string, consultationId: string) => `${listPath(trajectoryId)}/${enc(consultationId)}`;
const reactionPath = (trajectoryId: string, consultationId: string, reactionId: string) => `${onePath(trajectoryId, consultationId)}/reactions/${enc(reactionId)}`;

export const consultationApi = {
  list: (trajectoryId: string, signal?: AbortSignal) => request<ConsultationListDto>('GET', listPath(trajectoryId), undefined, signal),
  open: (trajectoryId: string, input: OpenConsultationInput) => request<ConsultationDto>('POST', listPath(trajectoryId), input),
  get: (trajectoryId: string, consultationId: string, signal?: AbortSignal) => request<ConsultationDto>('GET', onePath(trajectoryId, consultationId), undefined, signal),
  close: (trajectoryId: string, consultationId: string) => request<ConsultationDto>('POST', `${onePath(trajectoryId, consultationId)}/close`),
  publish: (trajectoryId: string, consultationId: string) => request<PublishConsultationResult>('POST', `${onePath(trajectoryId, consultationId)}/publish`),
  react: (trajectoryId: string, consultationId: string, input: ReactInput) => request<ReactionDto>('POST', `${onePath(trajectoryId, consultationId)}/reactions`, input),
  edit: (trajectoryId: string, consultationId: string, reactionId: string, input: EditReactionInput) =>
    request<ReactionDto>('PATCH', reactionPath(trajectoryId, consultationId, reactionId), input),
  withdraw: (trajectoryId: string, consultationId: string, reactionId: string) => request<void>('DELETE', reactionPath(trajectoryId, consultationId, reactionId)),
  respond: (trajectoryId: string, consultationId: string, reactionId: string, input: RespondInput) =>
    request<ReactionDto>('PUT', `${reactionPath(trajectoryId, consultationId, reactionId)}/response`, input),
  /** Download links for the published reactienota (plain links: the browser saves the file). */
  docxUrl: (trajectoryId: string, consultationId: string) => `${onePath(trajectoryId, consultationId)}/reactienota.docx`,
  pdfUrl: (trajectoryId: string, consultationId: string) => `${onePath(trajectoryId, consultationId)}/reactienota.pdf`,
};

/** Where the consultation screens live, under the agreement. */
export const consultationsPath = (trajectoryId: string) => `/trajecten/${trajectoryId}/overeenkomst/consultatie`;
export const consultationPath = (trajectoryId: string, consultationId: string) => `${consultationsPath(trajectoryId)}/${consultationId}`;
