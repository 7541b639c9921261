import type { Socket } from 'socket.io';
import type { z } from 'zod';
import { sessionRef } from '../../shared/schemas/sessions';
import { AppError } from '../errors';
import { presenceOfPerson, type SocketPresence } from './presence';
import type { Operation } from '../commands/operation';
import { castPollBallot, closeSessionPoll, openSessionPoll } from './poll-operations';
import {
  clearTheFloor,
  endSession,
  giveTheFloor,
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
import { authorizeSession } from '../commands/sessions/session-access';
import { recordAttendance } from './attendance';
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
    const access = await authorizeSession(ctx(), sessionId, 'session.view');
    // A cancelled session has no table to sit at: nobody is shown present, nothing is voted.
    if (access.session.status === 'cancelled') throw new AppError('conflict', 'The session was cancelled.', { session: 'cancelled' });
    const data = socket.data as SocketPresence;
    // What others see (anonymous client representatives without name or id) and, apart, who it is for attendance.
    data.presence = { ...data.presence, [sessionId]: await presenceOfPerson(services, access.user, access.seat) };
    data.presentUserIds = { ...data.presentUserIds, [sessionId]: access.user.userId };
    await socket.join(sessionRoom(sessionId));
    await recordAttendance(services, access.session, [access.user.userId]);
    services.publisher.sessionChanged(sessionId);
    return { state: await buildLiveState(services, access.session, access.user.userId) };
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
