import { ApiError } from '../api/client';
import { httpStatusByCode, isErrorCode } from '../../shared/domain/errors';
import type { Ack } from '../../shared/schemas/acknowledgement';
import type { AckResult, ClientEventName, PayloadOf } from '../realtime/events';
import type { AppSocket } from '../realtime/socket';

export type { AckResult, PayloadOf } from '../realtime/events';

export const ackTimeoutMs = 10_000;

/** A refused acknowledgement as the same ApiError the REST client throws, so screens show it alike. */
export function ackError(result: Extract<Ack<object>, { ok: false }>): ApiError {
  const code = isErrorCode(result.error.code) ? result.error.code : 'internal';
  return new ApiError(httpStatusByCode[code], code, result.error.message, result.error.fields);
}

interface LooseEmitter {
  emit(event: string, payload: unknown, ack: (error: Error | null, result: Ack<object>) => void): void;
}

/**
 * Sends one event of the socket contract (shared/api/socket-contract.ts) and resolves with its
 * acknowledgement as the contract types it, or rejects with an ApiError: the server's refusal,
 * or `unavailable` when there is no connection or no answer in time.
 */
export function emitWithAck<E extends ClientEventName>(socket: AppSocket, event: E, payload: PayloadOf<E>): Promise<AckResult<E>> {
  return new Promise((resolve, reject) => {
    if (!socket.connected) {
      reject(new ApiError(0, 'unavailable', 'Not connected.'));
      return;
    }
    // socket.io's typed emit cannot take an event name chosen by a type parameter; the map above keeps callers typed.
    (socket.timeout(ackTimeoutMs) as unknown as LooseEmitter).emit(event, payload, (error, result) => {
      if (error) reject(new ApiError(0, 'unavailable', 'No answer in time.'));
      else if (!result.ok) reject(ackError(result));
      else resolve(result as Ack<object> as AckResult<E>);
    });
  });
}
