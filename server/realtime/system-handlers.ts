import type { Socket } from 'socket.io';
import { systemPingPayload, type SystemPingResult } from '../../shared/schemas/system';
import type { Logger } from '../logger';
import { defineHandler } from './define-handler';

/** Events every connected client may send, whatever room it is in. */
export function registerSystemHandlers(socket: Socket, log: Logger): void {
  defineHandler(socket, log, 'system:ping', systemPingPayload, (): SystemPingResult => ({ serverTime: new Date().toISOString() }));
}
