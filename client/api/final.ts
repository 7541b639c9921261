import type { SignoffRequest } from '../../shared/schemas/final';
import { call, routeUrl } from './call';

// The definitive agreement and its sign-off per municipality. Types only from shared/.
export type SignoffInput = Omit<SignoffRequest, 'reason'> & { reason?: string };

/** Why the server refused (409): the reason it gives in `error.fields.reason`. */
export type FinalConflictReason = 'clauses_not_fixed' | 'empty' | 'not_assembled' | 'outdated' | 'agreement_final';

export const finalApi = {
  get: (trajectoryId: string, signal?: AbortSignal) => call('getFinalAgreement', { params: { trajectoryId } }, signal),
  assemble: (trajectoryId: string) => call('assembleFinalAgreement', { params: { trajectoryId } }),
  signOff: (trajectoryId: string, input: SignoffInput) => call('signOffFinalAgreement', { params: { trajectoryId }, body: input }),
  /** Download links (plain links: the browser saves the file). */
  docxUrl: (trajectoryId: string) => routeUrl('finalAgreementDocumentDocx', { trajectoryId }),
  pdfUrl: (trajectoryId: string) => routeUrl('finalAgreementDocumentPdf', { trajectoryId }),
};

export const finalPagePath = (trajectoryId: string) => `/trajecten/${trajectoryId}/overeenkomst/definitief`;
