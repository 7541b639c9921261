import { z } from 'zod';

export const auditEventDto = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string(),
  summary: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type AuditEventDto = z.infer<typeof auditEventDto>;

export const auditVerification = z.object({
  valid: z.boolean(),
  events: z.number(),
  lastHash: z.string().nullable(),
  /** The first event whose hash or link does not match, when the chain is broken. */
  brokenAt: z.object({ seq: z.number(), reason: z.enum(['hash_mismatch', 'link_mismatch', 'sequence_gap', 'events_missing']) }).nullable(),
});
export type AuditVerification = z.infer<typeof auditVerification>;

export const outboxMessageDto = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  createdAt: z.string(),
  /** Notification mail still in the durable queue is `queued` (with its next attempt); the rest is sent. */
  status: z.enum(['queued', 'sent']).optional(),
  dueAt: z.string().nullable().optional(),
  attempts: z.number().optional(),
  headers: z.record(z.string(), z.string()).nullable().optional(),
});
export type OutboxMessageDto = z.infer<typeof outboxMessageDto>;
