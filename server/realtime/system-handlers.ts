import type { Logger } from '../logger';
import { defineHandler } from './define-handler';
import type { AppSocket } from './socket-types';

/** Events every connected client may send, whatever room it is in. */
export function registerSystemHandlers(socket: AppSocket, log: Logger): void {
  defineHandler(socket, log, 'system:ping', () => ({ serverTime: new Date().toISOString() }));
}
