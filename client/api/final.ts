import type { FinalAgreementDto, SignoffRequest } from '../../shared/schemas/final';
import { request } from './client';

// The definitive agreement and its sign-off per municipality. Types only from shared/.
export type SignoffInput = Omit<SignoffRequest, 'reason'> & { reason?: string };

/** Why the server refused (409): the reason it gives in `error.fields.reason`. */
export type FinalConflictReason = 'clauses_not_fixed' | 'empty' | 'not_assembled' | 'outdated' | 'agreement_final';

const enc = encodeURIComponent;
const finalPath = (trajectoryId: string) => `/api/trajectories/${enc(trajectoryId)}/final`;

export const finalApi = {
  get: (trajectoryId: string, signal?: AbortSignal) => request<FinalAgreementDto>('GET', finalPath(trajectoryId), undefined, signal),
  assemble: (trajectoryId: string) => request<FinalAgreementDto>('POST', `${finalPath(trajectoryId)}/assemble`),
  signOff: (trajectoryId: string, input: SignoffInput) => request<FinalAgreementDto>('POST', `${finalPath(trajectoryId)}/signoffs`, input),
  /** Download links (plain links: the browser saves the file). */
  docxUrl: (trajectoryId: string) => `${finalPath(trajectoryId)}/agreement.docx`,
  pdfUrl: (trajectoryId: string) => `${finalPath(trajectoryId)}/agreement.pdf`,
};

export const finalPagePath = (trajectoryId: string) => `/trajecten/${trajectoryId}/overeenkomst/definitief`;
