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

/**
 * The key of one recording, made by the form when it is filled in: a vote on someone's behalf is
 * a voice of its own, so nothing else tells a second recording from a retry of the first (an
 * answer lost on the way). The server stores a recording once per key.
 */
export const recordingId = z.uuid('is not a recording key (a UUID)');

/** A new recording key, also where `crypto.randomUUID` is missing (a page served over plain http). */
export function newRecordingId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
