import { z } from 'zod';

/**
 * A person's secret calendar-subscription token: their user id, then 43 random characters
 * (32 bytes, base64url). The id lets the server find the record by `_id`; the rest is the secret.
 */
const subscriptionToken = z.string().regex(/^[a-f0-9]{24}[A-Za-z0-9_-]{43}$/);
export const calendarFeedParams = z.object({ token: subscriptionToken });

/** What "Mijn gegevens" shows of the subscription. The addresses are there only right after making one. */
export const calendarSubscriptionDto = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
  lastFetchedAt: z.string().nullable(),
  urls: z.object({ webcal: z.string(), https: z.string() }).nullable(),
});
export type CalendarSubscriptionDto = z.infer<typeof calendarSubscriptionDto>;

/** The previous visit to a trajectory: what changed after it is marked "nieuw". Null on a first visit. */
export const visitDto = z.object({ previousVisitAt: z.string().nullable() });
export type VisitDto = z.infer<typeof visitDto>;
