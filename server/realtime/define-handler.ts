import { AppError, toAppError } from '../errors';
import type { Logger } from '../logger';
import type { Ack } from '../../shared/schemas/acknowledgement';
import { clientEvents, type ClientEventAck, type ClientEventName, type ClientEvents, type ParsedClientEventPayload } from '../../shared/api/socket-contract';
import type { AppSocket } from './socket-types';

/** What a handler gets besides the payload: its connection, and the policy action the contract names for the event. */
export interface HandlerContext<E extends ClientEventName> {
  socket: AppSocket;
  action: ClientEvents[E]['action'];
}

export type Handler<E extends ClientEventName> = (payload: ParsedClientEventPayload<E>, context: HandlerContext<E>) => Promise<ClientEventAck<E>> | ClientEventAck<E>;

/** The part of a socket defineHandler uses (the tests register on a recording stand-in). */
type Listening = Pick<AppSocket, 'on'>;

/**
 * Registers a socket event of the contract (shared/api/socket-contract.ts) the one safe way: the
 * payload is parsed with the contract's schema, the handler runs, and the client always gets
 * `{ ok: true, ... }` (the contract's ack type) or `{ ok: false, error }`. A handler error never
 * escapes to crash the process; a missing acknowledgement is fine.
 */
export function defineHandler<E extends ClientEventName>(socket: AppSocket, log: Logger, event: E, handler: Handler<E>): void {
  const { payload: schema, action } = clientEvents[event] as ClientEvents[E];
  const listener = async (...args: unknown[]) => {
    const last = args[args.length - 1];
    const ack = typeof last === 'function' ? (last as (response: Ack<ClientEventAck<E>>) => void) : undefined;
    const payload = ack ? args.slice(0, -1)[0] : args[0];
    let response: Ack<ClientEventAck<E>>;
    try {
      const parsed = schema.safeParse(payload ?? {});
      if (!parsed.success) throw AppError.fromZod(parsed.error);
      response = { ok: true, ...(await handler(parsed.data as ParsedClientEventPayload<E>, { socket, action })) };
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'internal') log.error({ err: error, event, action, socket: socket.id }, 'socket handler failed');
      response = { ok: false, error: appError.toBody() };
    }
    ack?.(response);
  };
  // Untrusted input: the listener takes any arguments (the payload may be missing, binary or extra),
  // where the contract's map describes what a well-behaved client sends.
  (socket as Listening).on(event, listener as never);
}
