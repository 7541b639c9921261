import { z } from 'zod';
import { id, personName } from './common';
import { mandateRules, mandateScopes, providerKinds, type MandateCounts, type MandateRule, type MandateScope, type ProviderKind } from '../domain/provider-kinds';

/** KvK: 8 digits. AGB code: 8 digits. Both optional: a practitioner need not give them. */
const kvk = z.string().trim().regex(/^\d{8}$/, 'must be 8 digits');
const agb = z.string().trim().regex(/^\d{8}$/, 'must be 8 digits');

export const grantMandateRequest = z
  .object({
    /** The cooperative that holds the mandate; a member of it grants (registers) it. */
    organisationId: id,
    practitioner: z
      .object({
        name: personName,
        kvk: kvk.optional(),
        agb: agb.optional(),
        /** The practitioner's account, if they have one: then they can revoke it themselves. */
        email: z.string().trim().toLowerCase().max(254).pipe(z.email({ error: 'is not a valid e-mail address' })).optional(),
      })
      .strict(),
    scopes: z.array(z.enum(mandateScopes)).min(1, 'choose at least one').max(3).refine((s) => new Set(s).size === s.length, 'must not repeat a scope'),
  })
  .strict();
export type GrantMandateRequest = z.infer<typeof grantMandateRequest>;

export const revokeMandateRequest = z.object({ reason: z.string().trim().max(1000).optional() }).strict();

export const providerKindRequest = z.object({ providerKind: z.enum(providerKinds) }).strict();
export const mandateRuleRequest = z.object({ mandateRule: z.enum(mandateRules) }).strict();

export interface MandateDto {
  id: string;
  organisation: { id: string; name: string };
  practitioner: { name: string; kvk: string | null; agb: string | null; hasAccount: boolean };
  scopes: MandateScope[];
  grantedAt: string;
  revokedAt: string | null;
  revokeReason: string | null;
  /** Whether the asker may revoke it (the holder's member, the procurement team, the practitioner). */
  mayRevoke: boolean;
}

/** Per organisation: "namens 14 vrijgevestigden", per scope. */
export interface MandateHolderDto {
  organisation: { id: string; name: string; providerKind: ProviderKind | null };
  counts: MandateCounts;
}

export interface MandatesOverviewDto {
  mandates: MandateDto[];
  holders: MandateHolderDto[];
  /** The organisations the asker may grant mandates for (their own, when it is a cooperative). */
  mayGrantFor: Array<{ id: string; name: string }>;
  sessions: Array<{ id: string; title: string; startsAt: string; mandateRule: MandateRule }>;
  mayDeclareRule: boolean;
}
