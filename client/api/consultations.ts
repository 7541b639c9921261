import type { z } from 'zod';
import type {
  editReactionRequest,
  openConsultationRequest,
  publishConsultationResult,
  reactOnBehalfRequest,
  reactRequest,
  respondRequest,
} from '../../shared/schemas/consultations';
import { call, routeUrl } from './call';
import { ApiError } from './client';

// Consultation (reactienota) on a version of the agreement. Types only from shared/: the schemas
// themselves stay out of the browser bundle.
export type OpenConsultationInput = z.input<typeof openConsultationRequest>;
export type ReactInput = z.input<typeof reactRequest>;
export type ReactOnBehalfInput = z.input<typeof reactOnBehalfRequest>;
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

export const consultationApi = {
  list: (trajectoryId: string, signal?: AbortSignal) => call('listConsultations', { params: { trajectoryId } }, signal),
  open: (trajectoryId: string, input: OpenConsultationInput) => call('openConsultation', { params: { trajectoryId }, body: input }),
  get: (trajectoryId: string, consultationId: string, signal?: AbortSignal) => call('getConsultation', { params: { trajectoryId, consultationId } }, signal),
  close: (trajectoryId: string, consultationId: string) => call('closeConsultation', { params: { trajectoryId, consultationId } }),
  publish: (trajectoryId: string, consultationId: string) => call('publishConsultation', { params: { trajectoryId, consultationId } }),
  react: (trajectoryId: string, consultationId: string, input: ReactInput) => call('reactToClause', { params: { trajectoryId, consultationId }, body: input }),
  reactOnBehalf: (trajectoryId: string, consultationId: string, input: ReactOnBehalfInput) => call('reactOnBehalf', { params: { trajectoryId, consultationId }, body: input }),
  edit: (trajectoryId: string, consultationId: string, reactionId: string, input: EditReactionInput) =>
    call('editReaction', { params: { trajectoryId, consultationId, reactionId }, body: input }),
  withdraw: (trajectoryId: string, consultationId: string, reactionId: string) => call('withdrawReaction', { params: { trajectoryId, consultationId, reactionId } }),
  respond: (trajectoryId: string, consultationId: string, reactionId: string, input: RespondInput) =>
    call('respondToReaction', { params: { trajectoryId, consultationId, reactionId }, body: input }),
  /** Download links for the published reactienota (plain links: the browser saves the file). */
  docxUrl: (trajectoryId: string, consultationId: string) => routeUrl('reactienotaDocumentDocx', { trajectoryId, consultationId }),
  pdfUrl: (trajectoryId: string, consultationId: string) => routeUrl('reactienotaDocumentPdf', { trajectoryId, consultationId }),
};

/** Where the consultation screens live, under the agreement. */
export const consultationsPath = (trajectoryId: string) => `/trajecten/${trajectoryId}/overeenkomst/consultatie`;
export const consultationPath = (trajectoryId: string, consultationId: string) => `${consultationsPath(trajectoryId)}/${consultationId}`;
