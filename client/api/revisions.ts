import type { z } from 'zod';
import type {
  AgreementDto,
  AmendmentDto,
  CompareResult,
  createVersionRequest,
  decideAmendmentRequest,
  replyRequest,
  restoreVersionRequest,
  VersionContentDto,
  VersionDto,
} from '../../shared/schemas/agreement';
import { request } from './client';

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

const enc = encodeURIComponent;
const trajectoryPath = (id: string) => `/api/trajectories/${enc(id)}`;

export const agreementStructureApi = {
  /** The chapters and numbered clauses, to label and choose clauses by. */
  get: (trajectoryId: string, signal?: AbortSignal) =>
    request<AgreementDto>('GET', `${trajectoryPath(trajectoryId)}/agreement`, undefined, signal),
};

export const amendmentApi = {
  list: (trajectoryId: string, signal?: AbortSignal) =>
    request<AmendmentDto[]>('GET', `${trajectoryPath(trajectoryId)}/amendments`, undefined, signal),
  reply: (trajectoryId: string, amendmentId: string, input: ReplyInput) =>
    request<AmendmentDto>('POST', `${trajectoryPath(trajectoryId)}/amendments/${enc(amendmentId)}/replies`, input),
  decide: (trajectoryId: string, amendmentId: string, input: DecideAmendmentInput) =>
    request<AmendmentDto>('POST', `${trajectoryPath(trajectoryId)}/amendments/${enc(amendmentId)}/decision`, input),
  withdraw: (trajectoryId: string, amendmentId: string) =>
    request<AmendmentDto>('POST', `${trajectoryPath(trajectoryId)}/amendments/${enc(amendmentId)}/withdraw`),
};

export const versionApi = {
  list: (trajectoryId: string, signal?: AbortSignal) =>
    request<VersionDto[]>('GET', `${trajectoryPath(trajectoryId)}/versions`, undefined, signal),
  create: (trajectoryId: string, input: CreateVersionInput) =>
    request<VersionDto>('POST', `${trajectoryPath(trajectoryId)}/versions`, input),
  get: (trajectoryId: string, versionId: string, signal?: AbortSignal) =>
    request<VersionContentDto>('GET', `${trajectoryPath(trajectoryId)}/versions/${enc(versionId)}`, undefined, signal),
  restore: (trajectoryId: string, versionId: string, input: RestoreVersionInput) =>
    request<{ restored: boolean }>('POST', `${trajectoryPath(trajectoryId)}/versions/${enc(versionId)}/restore`, input),
  compare: (trajectoryId: string, query: CompareQuery, signal?: AbortSignal) => {
    const params = new URLSearchParams({ clauseId: query.clauseId, from: query.from, to: query.to });
    if (query.variantId) params.set('variantId', query.variantId);
    return request<CompareResult>('GET', `${trajectoryPath(trajectoryId)}/compare?${params.toString()}`, undefined, signal);
  },
};
