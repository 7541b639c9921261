import { z } from 'zod';

/** `system:ping`: a liveness check a client may send at any time. */
export const systemPingPayload = z
  .object({ sentAt: z.iso.datetime().optional() })
  .strict();

export type SystemPingPayload = z.infer<typeof systemPingPayload>;
export type SystemPingResult = { serverTime: string };

const readinessResponse = z.object({
  status: z.enum(['ready', 'unavailable']),
  database: z.enum(['up', 'down']),
});
export type ReadinessResponse = z.infer<typeof readinessResponse>;
