import type { Socket } from 'socket.io';
import type { z } from 'zod';
import { sessionRef } from '../../shared/schemas/sessions';
import type { SocketPresence } from './presence';
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
import type { Actor } from '../policies/actor';
import type { Services } from '../services';
import { defineHandler } from '../realtime/define-handler';

type AnyOperation = Operation<z.ZodType, z.ZodType, unknown>;

/** Socket events of the live table, each a thin adapter over one operation. */
const liveEvents: Array<[string, AnyOperation]> = [
  ['session:start', startSession],
  ['session:end', endSession],
  ['agenda:goto', gotoAgendaItem],
  ['agenda:next', nextAgendaItem],
  ['agenda:previous', previousAgendaItem],
  ['timer:start', startTimer],
  ['timer:pause', pauseTimer],
  ['timer:reset', resetTimer],
  ['queue:raise', raiseHand],
  ['queue:lower', lowerHand],
  ['queue:give-floor', giveTheFloor],
  ['queue:clear-floor', clearTheFloor],
  ['poll:open', openSessionPoll],
  ['poll:cast', castPollBallot],
  ['poll:close', closeSessionPoll],
] as unknown as Array<[string, AnyOperation]>;


export function registerSessionHandlers(socket: Socket, services: Services, log: Logger): void {
  const ctx = () => ({ services, actor: socket.data.actor as Actor });

  /** Joining the room shows the person as present and answers with the whole state, their own ballots included. */
  defineHandler(socket, log, 'session:join', sessionRef, async ({ sessionId }) => {
    const { presence, session, userId } = await joinSession(ctx(), { params: { sessionId }, body: { sessionId } });
    // At once after the operation (no await between): the room's coalesced broadcast, due later, sees this socket in it.
    const data = socket.data as SocketPresence;
    // What others see (anonymous client representatives without name or id) and, apart, who it is for attendance.
    data.presence = { ...data.presence, [sessionId]: presence };
    data.presentUserIds = { ...data.presentUserIds, [sessionId]: userId };
    await socket.join(sessionRoom(sessionId));
    return { state: await buildLiveState(services, session, userId) };
  });

  defineHandler(socket, log, 'session:leave', sessionRef, async ({ sessionId }) => {
    const data = socket.data as SocketPresence;
    if (data.presence) delete data.presence[sessionId];
    if (data.presentUserIds) delete data.presentUserIds[sessionId];
    await socket.leave(sessionRoom(sessionId));
    services.publisher.sessionChanged(sessionId);
    return {};
  });

  for (const [event, operation] of liveEvents) {
    defineHandler(socket, log, event, operation.body, async (payload) => (await operation(ctx(), { params: payload, body: payload })) as object);
  }

  socket.on('disconnect', () => {
    for (const sessionId of Object.keys((socket.data as SocketPresence).presence ?? {})) services.publisher.sessionChanged(sessionId);
  });
}
