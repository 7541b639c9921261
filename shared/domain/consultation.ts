import { todayInAmsterdam } from './calendar';

/*
 * A consultation (reactienota): a version of the draft agreement is put out for reactions per
 * clause; the procurement team responds to each; publishing shows every reaction with its
 * response to everyone at the table, so everyone can see what was done with their input.
 */

/** What the procurement team did with a reaction (overgenomen / deels / niet / ter kennisneming). */
export const responseOutcomes = ['adopted', 'partly_adopted', 'not_adopted', 'noted'] as const;
export type ResponseOutcome = (typeof responseOutcomes)[number];

/** The Dutch words of the reactienota itself, which is a Dutch public document whatever the reader's language. */
export const responseOutcomeDutch: Record<ResponseOutcome, string> = {
  adopted: 'Overgenomen',
  partly_adopted: 'Deels overgenomen',
  not_adopted: 'Niet overgenomen',
  noted: 'Ter kennisneming',
};

/** How an anonymous reaction of a client representative is shown to everyone who may not know who wrote it. */
export const anonymousClientLabel = 'Cliëntvertegenwoordiger (anoniem)';

/** What the team set: open until the closing date, closed early by the team, or published. */
export const consultationStatuses = ['open', 'closed', 'published'] as const;
export type ConsultationStatus = (typeof consultationStatuses)[number];

/**
 * Where a consultation stands today. Reactions are accepted through the whole closing day in
 * Amsterdam; after it, or once the team closed or published it, they are refused.
 */
export function consultationPhase(status: ConsultationStatus, closesOn: string, today: string = todayInAmsterdam()): ConsultationStatus {
  if (status !== 'open') return status;
  return closesOn >= today ? 'open' : 'closed';
}
