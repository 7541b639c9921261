import { z } from 'zod';
import { id } from '../schemas/common';

/**
 * The short code on the wall with which a phone finds a session's open poll (`/stem/<code>`).
 * Eight characters of a 32-letter alphabet without look-alikes (no 0/O, 1/I): 40 bits, typed
 * on a phone in seconds, and with the lookup rate-limited far beyond guessing.
 */
export const joinCodeAlphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const joinCodeLength = 8;

/** A code as typed: spaces and dashes are ignored, lower case is read as upper case. */
const joinCode = z
  .string()
  .max(20)
  .transform((value) => value.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(new RegExp(`^[${joinCodeAlphabet}]{${joinCodeLength}}$`), 'is not a join code'));

export const joinCodeParams = z.object({ code: joinCode });

export const joinCodeDto = z.object({ code: z.string(), sessionId: id, trajectoryId: id });
export type JoinCodeDto = z.infer<typeof joinCodeDto>;
