import type { ExtendedError, Socket } from 'socket.io';
import type { Ack } from '../../shared/schemas/acknowledgement';
import type { Limits } from '../config';
import { ConnectionCounter, tooManyConnections } from './connection-counter';
import { TokenBucket } from './token-bucket';

type Middleware = (socket: Socket, next: (error?: ExtendedError) => void) => void;

/**
 * Refuses a handshake beyond the person's connection limit. The client sees a connect_error
 * whose message is `too_many_connections` (and `data` says it in the API's error format).
 * Register it as the last middleware: the slot is released when the socket disconnects.
 */
export function connectionLimit(counter: ConnectionCounter, max: number): Middleware {
  return (socket, next) => {
    const userId = socket.data.userId as string | undefined;
    if (!userId) return next();
    const release = counter.acquire(userId);
    if (!release) {
      const error: ExtendedError = new Error(tooManyConnections);
      error.data = { code: tooManyConnections, message: `You have more than ${max} connections open. Close some tabs or windows and try again.` };
      return next(error);
    }
    socket.once('disconnect', release);
    next();
  };
}

const rateLimited: Extract<Ack<object>, { ok: false }> = {
  ok: false,
  error: { code: 'rate_limited', message: 'Too many messages in a short time. Wait a moment and try again.' },
};

/**
 * Every incoming event of a connection, known or unknown, takes a token; without one the event
 * is not handled and its acknowledgement (if asked for) says `rate_limited`.
 */
export function eventRateLimit(socket: Socket, limits: Pick<Limits, 'eventsPerSecond' | 'eventBurst'>): void {
  const bucket = new TokenBucket(limits.eventsPerSecond, limits.eventBurst);
  socket.use((packet, next) => {
    if (bucket.take()) return next();
    const ack = packet[packet.length - 1];
    if (typeof ack === 'function') (ack as (response: unknown) => void)(rateLimited);
  });
}
