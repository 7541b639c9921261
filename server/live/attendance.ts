import type { DialogueSessionRecord } from '../models/dialogue-session';
import type { Services } from '../services';
import { presentUserIdsOf } from './live-state';

/**
 * Attendance: who took part in a session, kept for its report. A person counts once they are in
 * the session's live room while the session is live — joining during the session, or being in
 * the room when it starts. Only members of the trajectory count (a platform administrator
 * looking in is not at the table).
 */
export async function recordAttendance(services: Services, session: Pick<DialogueSessionRecord, '_id' | 'trajectoryId' | 'status'>, userIds: string[]): Promise<void> {
  if (session.status !== 'live' || userIds.length === 0) return;
  const { models } = services;
  const seats = await models.memberships.find({ trajectoryId: session.trajectoryId, userId: { $in: userIds }, removedAt: null }, { userId: 1, role: 1, organisationId: 1, anonymousPresence: 1 }).lean();
  for (const seat of seats) {
    const now = new Date();
    const key = { sessionId: session._id, userId: seat.userId };
    // A client representative who chose anonymity is kept as such: the report shows no name for them.
    const anonymous = seat.role === 'client' && seat.anonymousPresence === true;
    const seen = { trajectoryId: session.trajectoryId, role: seat.role, organisationId: seat.organisationId, anonymous, lastSeenAt: now };
    let first: boolean;
    try {
      const res = await models.sessionAttendance.updateOne(key, { $set: seen, $setOnInsert: { firstSeenAt: now } }, { upsert: true });
      first = res.upsertedCount > 0;
    } catch (error) {
      // Two tabs joining at once: the unique key lets one insert; the other just updates.
      if ((error as { code?: number }).code !== 11000) throw error;
      await models.sessionAttendance.updateOne(key, { $set: seen });
      first = false;
    }
    if (first) {
      const chain = String(session.trajectoryId);
      // Anonymous: no actor, so the log does not say who was at the table at that minute.
      await services.audit.append({ chain, actorId: anonymous ? null : String(seat.userId), action: 'session.attend', objectType: 'session', objectId: String(session._id), summary: { role: seat.role } });
      services.publisher.trajectoryChanged(chain, 'audit');
    }
  }
}

/** When a session starts, everyone already in its room has arrived. */
export async function recordPresentAttendance(services: Services, session: Pick<DialogueSessionRecord, '_id' | 'trajectoryId'>): Promise<void> {
  await recordAttendance(services, { ...session, status: 'live' }, await presentUserIdsOf(services, String(session._id)));
}
