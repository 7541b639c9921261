import type { Ack } from '../../shared/schemas/acknowledgement';
import type { BallotChoice, PollSettings } from '../../shared/live-table/polls';
import type { LiveState, PollView } from '../../shared/schemas/sessions';

/** Payloads of the live table's socket events (their zod schemas live in shared/schemas/sessions). */
export interface SessionRef {
  sessionId: string;
}
export type PollSettingsPayload = Partial<Omit<PollSettings, 'kind' | 'question'>> & Pick<PollSettings, 'kind' | 'question'>;

type Ask<P, R extends object = object> = (payload: P, ack: (result: Ack<R>) => void) => void;

/** What the live table sends; every event is acknowledged with `{ ok: true, ... }` or `{ ok: false, error }`. */
export interface SessionClientEvents {
  'session:join': Ask<SessionRef, { state: LiveState }>;
  'session:leave': (payload: SessionRef, ack?: (result: Ack<object>) => void) => void;
  'session:start': Ask<SessionRef>;
  'session:end': Ask<SessionRef>;
  'agenda:next': Ask<SessionRef>;
  'agenda:previous': Ask<SessionRef>;
  'agenda:goto': Ask<SessionRef & { index: number }>;
  'timer:start': Ask<SessionRef & { minutes?: number }>;
  'timer:pause': Ask<SessionRef>;
  'timer:reset': Ask<SessionRef>;
  'queue:raise': Ask<SessionRef>;
  'queue:lower': Ask<SessionRef>;
  'queue:give-floor': Ask<SessionRef & { userId: string }>;
  'queue:clear-floor': Ask<SessionRef>;
  'poll:open': Ask<SessionRef & { settings: PollSettingsPayload }, { pollId: string }>;
  'poll:close': Ask<{ pollId: string }>;
  'poll:cast': Ask<{ pollId: string; choice: BallotChoice }, { pollId: string; choice: BallotChoice }>;
}

export interface SessionServerEvents {
  /** The whole table after every change, to everyone in the room; without anyone's own ballots. */
  'session:state': (state: LiveState) => void;
  /** One open poll's new tally after ballots (the rest of the table did not change). */
  'poll:tally': (poll: PollView) => void;
}
