import { authorizeTrajectory } from '../commands/access';
import type { Logger } from '../logger';
import { trajectoryRoom, type Services } from '../services';
import { defineHandler } from './define-handler';
import type { AppSocket } from './socket-types';

/** Joining a trajectory's room asks the same policy as reading the trajectory over REST (the contract's `trajectory.view`). */
export function registerTrajectoryHandlers(socket: AppSocket, services: Services, log: Logger): void {
  defineHandler(socket, log, 'trajectory:join', async ({ trajectoryId }, { action }) => {
    await authorizeTrajectory({ services, actor: socket.data.actor }, trajectoryId, action);
    await socket.join(trajectoryRoom(trajectoryId));
    return {};
  });
  defineHandler(socket, log, 'trajectory:leave', async ({ trajectoryId }) => {
    await socket.leave(trajectoryRoom(trajectoryId));
    return {};
  });
}
