import type { z } from 'zod';
import type { BallotChoice, PollSettings } from '../../shared/live-table/polls';
import type { CancelSessionRequest, createSessionRequest, updateSessionRequest } from '../../shared/schemas/sessions';
import { call, routeUrl } from './call';

// What the client sends is the schemas' input (defaults may be left out); what it gets back
// are the DTOs the server produces. Types only: the schemas themselves stay out of the bundle.
export type CreateSessionInput = z.input<typeof createSessionRequest>;
export type UpdateSessionInput = z.input<typeof updateSessionRequest>;
export type PollSettingsInput = Partial<Omit<PollSettings, 'kind' | 'question'>> & Pick<PollSettings, 'kind' | 'question'>;

export type { AgendaProposal } from '../../shared/schemas/sessions';

export const sessionApi = {
  list: (trajectoryId: string, signal?: AbortSignal) => call('listSessions', { params: { trajectoryId } }, signal),
  create: (trajectoryId: string, input: CreateSessionInput) => call('createSession', { params: { trajectoryId }, body: input }),
  get: (sessionId: string, signal?: AbortSignal) => call('getSession', { params: { sessionId } }, signal),
  update: (sessionId: string, input: UpdateSessionInput) => call('updateSession', { params: { sessionId }, body: input }),
  cancel: (sessionId: string, input: CancelSessionRequest) => call('cancelSession', { params: { sessionId }, body: input }),
  agendaProposal: (sessionId: string, signal?: AbortSignal) => call('agendaProposal', { params: { sessionId } }, signal),
  openPoll: (sessionId: string, settings: PollSettingsInput) => call('openSessionPoll', { params: { sessionId }, body: { settings } }),
  /** Download links (plain links: the browser saves the file). */
  calendarUrl: (sessionId: string) => routeUrl('sessionCalendar', { sessionId }),
  feedUrl: (trajectoryId: string) => routeUrl('trajectoryCalendar', { trajectoryId }),
};

export const pollApi = {
  cast: (pollId: string, choice: BallotChoice) => call('castPollBallot', { params: { pollId }, body: { choice } }),
  close: (pollId: string) => call('closeSessionPoll', { params: { pollId } }),
  /** The facilitator records a vote for someone without an account in a consultative poll (issue 16). */
  voteOnBehalf: (pollId: string, recordingId: string, onBehalfOf: string, choice: BallotChoice) => call('castBallotOnBehalf', { params: { pollId }, body: { recordingId, onBehalfOf, choice } }),
};
