import type { z } from 'zod';
import type { BallotChoice, PollResult, PollSettings } from '../../shared/live-table/polls';
import type { AgendaProposal, CancelSessionRequest, createSessionRequest, SessionDto, updateSessionRequest } from '../../shared/schemas/sessions';
import { request } from './client';

// What the client sends is the schemas' input (defaults may be left out); what it gets back
// are the DTOs the server produces. Types only: the schemas themselves stay out of the bundle.
export type CreateSessionInput = z.input<typeof createSessionRequest>;
export type UpdateSessionInput = z.input<typeof updateSessionRequest>;
export type PollSettingsInput = Partial<Omit<PollSettings, 'kind' | 'question'>> & Pick<PollSettings, 'kind' | 'question'>;

export type { AgendaProposal } from '../../shared/schemas/sessions';

const enc = encodeURIComponent;
const sessionPath = (id: string) => `/api/sessions/${enc(id)}`;

export const sessionApi = {
  list: (trajectoryId: string, signal?: AbortSignal) =>
    request<SessionDto[]>('GET', `/api/trajectories/${enc(trajectoryId)}/sessions`, undefined, signal),
  create: (trajectoryId: string, input: CreateSessionInput) =>
    request<SessionDto>('POST', `/api/trajectories/${enc(trajectoryId)}/sessions`, input),
  get: (sessionId: string, signal?: AbortSignal) => request<SessionDto>('GET', sessionPath(sessionId), undefined, signal),
  update: (sessionId: string, input: UpdateSessionInput) => request<SessionDto>('PATCH', sessionPath(sessionId), input),
  cancel: (sessionId: string, input: CancelSessionRequest) => request<SessionDto>('POST', `${sessionPath(sessionId)}/cancel`, input),
  agendaProposal: (sessionId: string, signal?: AbortSignal) =>
    request<AgendaProposal>('GET', `${sessionPath(sessionId)}/agenda-proposal`, undefined, signal),
  openPoll: (sessionId: string, settings: PollSettingsInput) =>
    request<{ pollId: string }>('POST', `${sessionPath(sessionId)}/polls`, { settings }),
  /** Download links (plain links: the browser saves the file). */
  calendarUrl: (sessionId: string) => `${sessionPath(sessionId)}/calendar.ics`,
  feedUrl: (trajectoryId: string) => `/api/trajectories/${enc(trajectoryId)}/sessions.ics`,
};

export const pollApi = {
  cast: (pollId: string, choice: BallotChoice) =>
    request<{ pollId: string; choice: BallotChoice }>('POST', `/api/polls/${enc(pollId)}/ballot`, { choice }),
  close: (pollId: string) => request<{ pollId: string; result: PollResult }>('POST', `/api/polls/${enc(pollId)}/close`),
};
