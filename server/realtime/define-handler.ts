import type { Socket } from 'socket.io';
import type { z } from 'zod';
import type { Ack } from '../../shared/schemas/acknowledgement';
import { AppError, toAppError } from '../errors';
import type { Logger } from '../logger';

type Handler<S extends z.ZodType, R extends object> = (payload: z.infer<S>, socket: Socket) => Promise<R> | R;

/**
 * Registers a socket event the one safe way: the payload is parsed with its shared schema,
 * the handler runs, and the client always gets `{ ok: true, ... }` or `{ ok: false, error }`.
 * A handler error never escapes to crash the process; a missing acknowledgement is fine.
 */
export function defineHandler<S extends z.ZodType, R extends object>(
  socket: Socket,
  log: Logger,
  event: string,
  schema: S,
  handler: Handler<S, R>,
): void {
  socket.on(event, async (...args: unknown[]) => {
    const last = args[args.length - 1];
    const ack = typeof last === 'function' ? (last as (response: Ack<R>) => void) : undefined;
    const payload = ack ? args.slice(0, -1)[0] : args[0];
    let response: Ack<R>;
    try {
      const parsed = schema.safeParse(payload ?? {});
      if (!parsed.success) throw AppError.fromZod(parsed.error);
      response = { ok: true, ...(await handler(parsed.data, socket)) };
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'internal') log.error({ err: error, event, socket: socket.id }, 'socket handler failed');
      response = { ok: false, error: appError.toBody() };
    }
    ack?.(response);
  });
}
