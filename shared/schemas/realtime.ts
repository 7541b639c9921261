import { z } from 'zod';
import { id } from './common';

/** `trajectory:join` / `trajectory:leave`: follow a trajectory's live changes. */
export const trajectoryRoomPayload = z.object({ trajectoryId: id }).strict();

/** Sent to a trajectory's room when something in it changed; clients refetch that part. */
export const trajectoryChangedEvent = z.object({
  trajectoryId: z.string(),
  what: z.enum(['trajectory', 'topics', 'members', 'invitations', 'audit', 'sessions', 'agreement', 'comments', 'amendments', 'versions', 'questions', 'outcomes', 'reports', 'consultations', 'final', 'attachments', 'admission', 'mandates', 'mediation']),
});
export type TrajectoryChangedEvent = z.infer<typeof trajectoryChangedEvent>;
