import type { MandateRule, ProviderKind } from '../../shared/domain/provider-kinds';
import type { GrantMandateRequest } from '../../shared/schemas/mandates';
import { call } from './call';

/** Mandates of independent practitioners and the kind of a provider organisation (issue 19 item 3). */
export const mandateApi = {
  // The contract names no response schema for these routes: the DTOs of shared/schemas say what comes back.
  list: (trajectoryId: string, signal?: AbortSignal) => call('listMandates', { params: { trajectoryId } }, signal),
  grant: (trajectoryId: string, body: GrantMandateRequest) => call('grantMandate', { params: { trajectoryId }, body }),
  revoke: (trajectoryId: string, mandateId: string, reason?: string) =>
    call('revokeMandate', { params: { trajectoryId, mandateId }, body: reason ? { reason } : {} }),
  setProviderKind: (trajectoryId: string, organisationId: string, providerKind: ProviderKind) =>
    call('setProviderKind', { params: { trajectoryId, organisationId }, body: { providerKind } }),
  declareRule: (trajectoryId: string, sessionId: string, mandateRule: MandateRule) =>
    call('declareMandateRule', { params: { trajectoryId, sessionId }, body: { mandateRule } }),
};
