import { z } from 'zod';

/** An account as the administrator's erase screen lists it; an erased one has no address any more. */
export const accountDto = z.object({ id: z.string(), name: z.string(), email: z.string().nullable(), platformAdmin: z.boolean(), erasedAt: z.string().nullable() });
export type AccountDto = z.infer<typeof accountDto>;

export const erasureDto = z.object({
  id: z.string(),
  /** The pseudonym shown from now on, e.g. "oud-deelnemer (gemeente)". */
  name: z.string(),
  removed: z.object({ signIns: z.number(), passwordResetLinks: z.number(), invitations: z.number(), outboxMail: z.number(), calendarSubscriptions: z.number().optional(), visitMarks: z.number().optional() }),
  reportsUpdated: z.number(),
});
export type ErasureDto = z.infer<typeof erasureDto>;

/** The server's audit signing key, for anyone who wants to check a published document. */
export const auditPublicKeyDto = z.object({ algorithm: z.literal('Ed25519'), publicKey: z.string(), fingerprint: z.string() });
export type AuditPublicKeyDto = z.infer<typeof auditPublicKeyDto>;
