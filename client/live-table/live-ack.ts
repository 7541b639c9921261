import { ApiError } from '../api/client';
import { httpStatusByCode, isErrorCode } from '../../shared/domain/errors';
import type { Ack } from '../../shared/schemas/acknowledgement';
import type { SessionClientEvents } from './session-events';
import type { AppSocket } from '../realtime/socket';

export const ackTimeoutMs = 10_000;

type AckOf<E extends keyof SessionClientEvents> = Parameters<SessionClientEvents[E]>[1];
/** What a successful acknowledgement of `E` carries (without `ok`). */
export type AckResult<E extends keyof SessionClientEvents> =
  NonNullable<AckOf<E>> extends (result: infer R) => void ? Omit<Extract<R, { ok: true }>, 'ok'> : never;
export type PayloadOf<E extends keyof SessionClientEvents> = Parameters<SessionClientEvents[E]>[0];

/** A refused acknowledgement as the same ApiError the REST client throws, so screens show it alike. */
export function ackError(result: Extract<Ack<object>, { ok: false }>): ApiError {
  const code = isErrorCode(result.error.code) ? result.error.code : 'internal';
  return new ApiError(httpStatusByCode[code], code, result.error.message, result.error.fields);
}

interface LooseEmitter {
  emit(event: string, payload: unknown, ack: (error: Error | null, result: Ack<object>) => void): void;
}

/**
 * Sends one live-table event and resolves with its acknowledgement, or rejects with an ApiError:
 * the server's refusal, or `unavailable` when there is no connection or no answer in time.
 */
export function emitWithAck<E extends keyof SessionClientEvents>(socket: AppSocket, event: E, payload: PayloadOf<E>): Promise<AckResult<E>> {
  return new Promise((resolve, reject) => {
    if (!socket.connected) {
      reject(new ApiError(0, 'unavailable', 'Not connected.'));
      return;
    }
    // socket.io's typed emit cannot take an event name chosen by a type parameter; the map above keeps callers typed.
    (socket.timeout(ackTimeoutMs) as unknown as LooseEmitter).emit(event, payload, (error, result) => {
      if (error) reject(new ApiError(0, 'unavailable', 'No answer in time.'));
      else if (!result.ok) reject(ackError(result));
      else resolve(result as unknown as AckResult<E>);
    });
  });
}
