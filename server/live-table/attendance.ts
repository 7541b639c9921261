import type { DialogueSessionRecord } from '../models/dialogue-session';
import type { Services } from '../services';
import type { Effect } from '../commands/operation';

type AuditEntries = NonNullable<Effect<unknown>['audit']>;
import { presentUserIdsOf } from './live-state';
import { readCacheOf } from '../models/read-cache';
import { attendanceId } from '../models/session-attendance';

/**
 * Attendance: who took part in a session, kept for its report. A person counts once they are in
 * the session's live room while the session is live — joining during the session, or being in
 * the room when it starts. Only members of the trajectory count (a platform administrator
 * looking in is not at the table). Writes the records and answers with the audit entries of those
 * seen for the first time: the operation that records them (joining, starting) audits them.
 */
export async function recordAttendance(services: Services, session: Pick<DialogueSessionRecord, '_id' | 'trajectoryId' | 'status'>, userIds: string[]): Promise<AuditEntries> {
  const audit: AuditEntries = [];
  if (session.status !== 'live' || userIds.length === 0) return audit;
  const { models } = services;
  const seats = await readCacheOf(services).seatsOf(String(session.trajectoryId));
  for (const userId of new Set(userIds)) {
    const seat = seats.get(userId);
    if (!seat) continue;
    const now = new Date();
    const _id = attendanceId(String(session._id), userId);
    // A client representative who chose anonymity is kept as such: the report shows no name for them.
    const anonymous = seat.role === 'client' && seat.anonymousPresence === true;
    const seen = { trajectoryId: session.trajectoryId, role: seat.role, organisationId: seat.organisationId, anonymous, lastSeenAt: now };
    let first: boolean;
    try {
      // By `_id`: joining reads nothing, however many sessions a region has held.
      await models.sessionAttendance.create({ _id, sessionId: session._id, userId, firstSeenAt: now, ...seen });
      first = true;
    } catch (error) {
      // Seen before (or two tabs joining at once): the first insert wins, this one just updates.
      if ((error as { code?: number }).code !== 11000) throw error;
      const res = await models.sessionAttendance.updateOne({ _id }, { $set: seen });
      // A record from before `_id` was the key (a session that was live during the upgrade).
      if (res.matchedCount === 0) await models.sessionAttendance.updateOne({ sessionId: session._id, userId }, { $set: seen });
      first = false;
    }
    if (first) {
      // Anonymous: no actor, so the log does not say who was at the table at that minute.
      audit.push({ chain: String(session.trajectoryId), action: 'session.attend', objectType: 'session', objectId: String(session._id), summary: { role: seat.role }, ...(anonymous ? { anonymous: true } : { actorId: userId }) });
    }
  }
  return audit;
}

/** When a session starts, everyone already in its room has arrived. */
export async function recordPresentAttendance(services: Services, session: Pick<DialogueSessionRecord, '_id' | 'trajectoryId'>): Promise<AuditEntries> {
  return recordAttendance(services, { ...session, status: 'live' }, await presentUserIdsOf(services, String(session._id)));
}
