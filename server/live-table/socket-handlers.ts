import type { z } from 'zod';
import type { ClientEventAck, ClientEventName, ClientEvents } from '../../shared/api/socket-contract';
import type { Operation } from '../commands/operation';
import { castPollBallot, closeSessionPoll, openSessionPoll } from './poll-operations';
import {
  clearTheFloor,
  endSession,
  giveTheFloor,
  joinSession,
  gotoAgendaItem,
  lowerHand,
  nextAgendaItem,
  pauseTimer,
  previousAgendaItem,
  raiseHand,
  resetTimer,
  startSession,
  startTimer,
} from './live-operations';
import { buildLiveState, sessionRoom } from './live-state';
import type { Logger } from '../logger';
import type { Services } from '../services';
import { defineHandler } from '../realtime/define-handler';
import type { AppSocket } from '../realtime/socket-types';

/** An operation fit to serve event `E`: it parses the contract's payload schema and answers with the contract's ack. */
type OperationFor<E extends ClientEventName> = Operation<z.ZodType, ClientEvents[E]['payload'], ClientEventAck<E>>;

/** The events whose contract row names an operation, but for joining (its own adapter below). */
type OperationEvent = Exclude<{ [E in ClientEventName]: ClientEvents[E] extends { operation: string } ? E : never }[ClientEventName], 'session:join'>;

/**
 * Socket events of the live table that are one operation each, a thin adapter per event: every
 * event whose row names an operation must be here (it does not compile otherwise). The unit
 * test checks that each operation parses with the contract's schema and asks its action.
 */
export const sessionOperationEvents: { [E in OperationEvent]: OperationFor<E> } = {
  'session:start': startSession,
  'session:end': endSession,
  'agenda:goto': gotoAgendaItem,
  'agenda:next': nextAgendaItem,
  'agenda:previous': previousAgendaItem,
  'timer:start': startTimer,
  'timer:pause': pauseTimer,
  'timer:reset': resetTimer,
  'queue:raise': raiseHand,
  'queue:lower': lowerHand,
  'queue:give-floor': giveTheFloor,
  'queue:clear-floor': clearTheFloor,
  'poll:open': openSessionPoll,
  'poll:cast': castPollBallot,
  'poll:close': closeSessionPoll,
};

/** Operations behind events with their own adapter below (joining answers with the state, not the operation's result). */
export const sessionAdapterOperations = { 'session:join': joinSession } satisfies { [E in ClientEventName]?: Operation<z.ZodType, ClientEvents[E]['payload'], unknown> };

export function registerSessionHandlers(socket: AppSocket, services: Services, log: Logger): void {
  const ctx = () => ({ services, actor: socket.data.actor });

  /** Joining the room shows the person as present and answers with the whole state, their own ballots included. */
  defineHandler(socket, log, 'session:join', async ({ sessionId }) => {
    const { presence, session, userId } = await joinSession(ctx(), { params: { sessionId }, body: { sessionId } });
    // At once after the operation (no await between): the room's coalesced broadcast, due later, sees this socket in it.
    // What others see (anonymous client representatives without name or id) and, apart, who it is for attendance.
    socket.data.presence = { ...socket.data.presence, [sessionId]: presence };
    socket.data.presentUserIds = { ...socket.data.presentUserIds, [sessionId]: userId };
    await socket.join(sessionRoom(sessionId));
    return { state: await buildLiveState(services, session, userId) };
  });

  defineHandler(socket, log, 'session:leave', async ({ sessionId }) => {
    const data = socket.data;
    if (data.presence) delete data.presence[sessionId];
    if (data.presentUserIds) delete data.presentUserIds[sessionId];
    await socket.leave(sessionRoom(sessionId));
    services.publisher.sessionChanged(sessionId);
    return {};
  });

  const adapt = <E extends OperationEvent>(event: E) => {
    const operation: OperationFor<E> = sessionOperationEvents[event];
    defineHandler(socket, log, event, (payload) => operation(ctx(), { params: payload, body: payload }));
  };
  for (const event of Object.keys(sessionOperationEvents) as OperationEvent[]) adapt(event);

  socket.on('disconnect', () => {
    for (const sessionId of Object.keys(socket.data.presence ?? {})) services.publisher.sessionChanged(sessionId);
  });
}
