import type { Socket } from 'socket.io';
import { trajectoryRoomPayload } from '../../shared/schemas/realtime';
import { authorizeTrajectory } from '../commands/access';
import type { Logger } from '../logger';
import type { Actor } from '../policies/actor';
import { trajectoryRoom, type Services } from '../services';
import { defineHandler } from './define-handler';

/** Joining a trajectory's room asks the same policy as reading the trajectory over REST. */
export function registerTrajectoryHandlers(socket: Socket, services: Services, log: Logger): void {
  defineHandler(socket, log, 'trajectory:join', trajectoryRoomPayload, async ({ trajectoryId }) => {
    await authorizeTrajectory({ services, actor: socket.data.actor as Actor }, trajectoryId, 'trajectory.view');
    await socket.join(trajectoryRoom(trajectoryId));
    return {};
  });
  defineHandler(socket, log, 'trajectory:leave', trajectoryRoomPayload, async ({ trajectoryId }) => {
    await socket.leave(trajectoryRoom(trajectoryId));
    return {};
  });
}
