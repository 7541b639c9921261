import { z } from 'zod';
import { errorCodes } from '../domain/errors';

/** Every socket event is acknowledged with either `{ ok: true, ... }` or `{ ok: false, error }`. */
export const errorBodySchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  fields: z.record(z.string(), z.string()).optional(),
});

const failedAckSchema = z.object({ ok: z.literal(false), error: errorBodySchema });

export type FailedAck = z.infer<typeof failedAckSchema>;
export type Ack<T extends object> = ({ ok: true } & T) | FailedAck;
