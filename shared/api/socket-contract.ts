import type { z } from 'zod';
import type { TrajectoryAction } from '../domain/permissions';
import type { BallotChoice, PollResult } from '../live-table/polls';
import type { Ack } from '../schemas/acknowledgement';
import { trajectoryChangedEvent, trajectoryRoomPayload } from '../schemas/realtime';
import { agendaGoto, castBallot, giveFloor, openPoll, pollRef, sessionRef, timerStart, type LiveState, type PollView } from '../schemas/sessions';
import { systemPingPayload, type SystemPingResult } from '../schemas/system';
import { typed, type TypedResponse } from './define';

/**
 * The socket half of the API contract (the routes are ./routes.ts and ./contract.ts). Every event
 * a client may send, with the shared zod schema its payload is parsed with, what a successful
 * acknowledgement carries and the policy action the server asks; and every event the server
 * sends, with its payload and who receives it. The server registers its handlers from it
 * (server/realtime/define-handler.ts) and emits through it (server/realtime/emit.ts); Socket.io's
 * event maps on both sides are derived from it (`ClientToServerEvents`, `ServerToClientEvents`).
 * The browser imports the types only, so the schemas stay out of its bundle.
 */

/** One event a client sends. Every one is acknowledged with `{ ok: true, ...ack }` or `{ ok: false, error }`. */
export interface ClientEventDoc {
  summary: string;
  /** The shared schema the payload is parsed with before anything else happens (bad input: `validation_failed`). */
  payload: z.ZodType;
  /** What a successful acknowledgement carries besides `ok`. */
  ack: TypedResponse<object>;
  /** The policy action the server asks (shared/policy); null: harmless for anyone connected, reveals nothing. */
  action: TrajectoryAction | null;
  /** The operation it runs (server/commands, server/live-table), by name, when it is one. */
  operation?: string;
  /** The sender need not wait for the answer (leaving a room). */
  ackOptional?: true;
}

/** Who receives an event the server sends: everyone in one kind of room, or the one connection concerned. */
export type Audience = 'session room' | 'trajectory room' | 'person room' | 'the connection';

export interface ServerEventDoc {
  summary: string;
  to: Audience;
  /** The payload's schema or type; none: the event carries nothing. */
  payload?: z.ZodType | TypedResponse<unknown>;
}

const nothing = typed<Record<never, never>>();

export const clientEvents = {
  'system:ping': { summary: 'Is the server answering events? Answers with its clock', payload: systemPingPayload, ack: typed<SystemPingResult>(), action: null },
  'trajectory:join': { summary: 'Follow a trajectory’s changes (`trajectory:changed`)', payload: trajectoryRoomPayload, ack: nothing, action: 'trajectory.view' },
  'trajectory:leave': { summary: 'Stop following a trajectory', payload: trajectoryRoomPayload, ack: nothing, action: null, ackOptional: true },
  'session:join': { summary: 'Sit at the live table: shown present, attendance recorded; answers with the whole state and one’s own ballots', payload: sessionRef, ack: typed<{ state: LiveState }>(), action: 'session.view', operation: 'session.join' },
  'session:leave': { summary: 'Leave the live table (no longer shown present)', payload: sessionRef, ack: nothing, action: null, ackOptional: true },
  'session:start': { summary: 'Start the session', payload: sessionRef, ack: nothing, action: 'session.facilitate', operation: 'session.start' },
  'session:end': { summary: 'End the session (its open polls close with it)', payload: sessionRef, ack: nothing, action: 'session.facilitate', operation: 'session.end' },
  'agenda:goto': { summary: 'Go to an agenda item', payload: agendaGoto, ack: nothing, action: 'session.facilitate', operation: 'agenda.goto' },
  'agenda:next': { summary: 'Go to the next agenda item', payload: sessionRef, ack: nothing, action: 'session.facilitate', operation: 'agenda.next' },
  'agenda:previous': { summary: 'Go to the previous agenda item', payload: sessionRef, ack: nothing, action: 'session.facilitate', operation: 'agenda.previous' },
  'timer:start': { summary: 'Start the topic timer (optionally with other minutes)', payload: timerStart, ack: nothing, action: 'session.facilitate', operation: 'timer.start' },
  'timer:pause': { summary: 'Pause the topic timer', payload: sessionRef, ack: nothing, action: 'session.facilitate', operation: 'timer.pause' },
  'timer:reset': { summary: 'Reset the topic timer', payload: sessionRef, ack: nothing, action: 'session.facilitate', operation: 'timer.reset' },
  'queue:raise': { summary: 'Raise one’s hand', payload: sessionRef, ack: nothing, action: 'session.participate', operation: 'queue.raise' },
  'queue:lower': { summary: 'Lower one’s hand', payload: sessionRef, ack: nothing, action: 'session.participate', operation: 'queue.lower' },
  'queue:give-floor': { summary: 'Give someone the floor', payload: giveFloor, ack: nothing, action: 'session.facilitate', operation: 'queue.give_floor' },
  'queue:clear-floor': { summary: 'Nobody has the floor', payload: sessionRef, ack: nothing, action: 'session.facilitate', operation: 'queue.clear_floor' },
  'poll:open': { summary: 'Open a poll (same as the route openSessionPoll)', payload: openPoll, ack: typed<{ pollId: string }>(), action: 'poll.open', operation: 'poll.open' },
  'poll:cast': { summary: 'Cast or change one’s ballot (same as castPollBallot)', payload: castBallot, ack: typed<{ pollId: string; choice: BallotChoice }>(), action: 'poll.vote', operation: 'poll.vote' },
  'poll:close': { summary: 'Close a poll and store its result (same as closeSessionPoll)', payload: pollRef, ack: typed<{ pollId: string; result: PollResult | null }>(), action: 'poll.close', operation: 'poll.close' },
} satisfies Record<string, ClientEventDoc>;

export const serverEvents = {
  'session:state': { summary: 'The whole live table after a change, without anyone’s own ballots', to: 'session room', payload: typed<LiveState>() },
  'poll:tally': { summary: 'One open poll’s new tally after ballots (nothing else changed)', to: 'session room', payload: typed<PollView>() },
  'trajectory:changed': { summary: 'A part of the trajectory changed: refetch that part', to: 'trajectory room', payload: trajectoryChangedEvent },
  'notifications:changed': { summary: 'The person’s notifications changed: the bell and the centre refetch', to: 'person room', payload: nothing },
  'session:expired': { summary: 'The sign-in ended; the connection is closed next', to: 'the connection' },
} satisfies Record<string, ServerEventDoc>;

export type ClientEvents = typeof clientEvents;
export type ServerEvents = typeof serverEvents;
export type ClientEventName = keyof ClientEvents;
export type ServerEventName = keyof ServerEvents;

/** What a client sends (defaults may be left out). */
export type ClientEventPayload<E extends ClientEventName> = z.input<ClientEvents[E]['payload']>;
/** What the handler gets: the payload as its schema parsed it. */
export type ParsedClientEventPayload<E extends ClientEventName> = z.output<ClientEvents[E]['payload']>;
/** What a successful acknowledgement carries besides `ok`. */
export type ClientEventAck<E extends ClientEventName> = ClientEvents[E]['ack'] extends TypedResponse<infer R extends object> ? R : never;

type PayloadOfServerEvent<D> = D extends { payload: infer P } ? (P extends z.ZodType ? z.output<P> : P extends TypedResponse<infer T> ? T : never) : never;
/** The arguments of a server event: its payload, or none. */
export type ServerEventArgs<E extends ServerEventName> = ServerEvents[E] extends { payload: unknown } ? [payload: PayloadOfServerEvent<ServerEvents[E]>] : [];

type AckCallback<E extends ClientEventName> = (result: Ack<ClientEventAck<E>>) => void;

/** Socket.io's map of what clients send (`Server<ClientToServerEvents, …>`, `Socket<…, ClientToServerEvents>`). */
export type ClientToServerEvents = {
  [E in ClientEventName]: ClientEvents[E] extends { ackOptional: true }
    ? (payload: ClientEventPayload<E>, ack?: AckCallback<E>) => void
    : (payload: ClientEventPayload<E>, ack: AckCallback<E>) => void;
};

/** Socket.io's map of what the server sends. */
export type ServerToClientEvents = {
  [E in ServerEventName]: (...args: ServerEventArgs<E>) => void;
};

export const clientEventNames = Object.keys(clientEvents) as ClientEventName[];
export const serverEventNames = Object.keys(serverEvents) as ServerEventName[];
