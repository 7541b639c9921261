import { call } from './call';

/** Mediation requests, their confidential thread and outcome (issue 19 item 3). */
export const mediationApi = {
  list: (trajectoryId: string, signal?: AbortSignal) => call('listMediation', { params: { trajectoryId } }, signal),
  file: (trajectoryId: string, issue: string) => call('fileMediation', { params: { trajectoryId }, body: { issue } }),
  join: (trajectoryId: string, requestId: string) => call('joinMediation', { params: { trajectoryId, requestId } }),
  seat: (trajectoryId: string, requestId: string, email: string, name?: string) =>
    call('seatMediator', { params: { trajectoryId, requestId }, body: { email, ...(name ? { name } : {}) } }),
  thread: (trajectoryId: string, requestId: string, signal?: AbortSignal) => call('readMediationThread', { params: { trajectoryId, requestId } }, signal),
  post: (trajectoryId: string, requestId: string, text: string) => call('postMediationMessage', { params: { trajectoryId, requestId }, body: { text } }),
  close: (trajectoryId: string, requestId: string, outcome: string) => call('closeMediation', { params: { trajectoryId, requestId }, body: { outcome } }),
};
