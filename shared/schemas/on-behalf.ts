import { z } from 'zod';

/**
 * Input recorded on someone's behalf (issue 16, item 4): the facilitator or the procurement team
 * writes down what a person without an account said, e.g. "een jongere van Team Ed". A free
 * description, never a name of an account: it is counted in its own group ("inbreng namens") and
 * never mixed into the stakeholder groups that decide.
 */
export const onBehalfOf = z.string().trim().min(3, 'is too short (at least 3 characters)').max(120, 'is too long (at most 120 characters)');
export type OnBehalfOf = z.infer<typeof onBehalfOf>;

/** The group such input is counted in, apart from every stakeholder group. */
export const onBehalfGroup = 'on_behalf' as const;
