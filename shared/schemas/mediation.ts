import { z } from 'zod';
import { email, id, longText } from './common';

export const mediationStatuses = ['filed', 'seated', 'closed'] as const;
export type MediationStatus = (typeof mediationStatuses)[number];

const issue = z.string().trim().min(1, 'is required').max(5000, 'is too long');

export const fileMediationRequest = z.object({ issue }).strict();
export const seatMediatorRequest = z
  .object({
    /** The mediator's account; without one, an invitation with the role intermediair is mailed. */
    email,
    name: z.string().trim().min(1).max(120).optional(),
    organisationName: z.string().trim().min(1).max(200).default('Intermediair'),
  })
  .strict();
export const mediationMessageRequest = z.object({ text: z.string().trim().min(1, 'is required').max(5000, 'is too long') }).strict();
export const closeMediationRequest = z.object({ outcome: longText.pipe(z.string().min(1, 'is required')) }).strict();
export const mediationParams = z.object({ trajectoryId: id, requestId: id });

export interface MediationRequestDto {
  id: string;
  issue: string;
  filedBySide: 'procurement' | 'providers';
  status: MediationStatus;
  /** Organisations of the providers who asked: both sides see who asked (not what they said in confidence). */
  requesters: Array<{ id: string; name: string }>;
  mediator: { name: string } | null;
  outcome: string | null;
  filedAt: string;
  seatedAt: string | null;
  closedAt: string | null;
  /** What the asker may do with it. */
  may: { join: boolean; readThread: boolean; seat: boolean; close: boolean };
}

export interface MediationMessageDto {
  id: string;
  author: { name: string; mine: boolean; mediator: boolean };
  text: string;
  at: string;
}
