import type { Types } from 'mongoose';
import type { Services } from '../services';

/**
 * The demo's past session had everyone at the table: their attendance is what the live room
 * would have recorded, so its report shows who took part. Arrivals are a few minutes apart.
 */
export async function seedDemoAttendance(services: Services, session: { _id: Types.ObjectId; trajectoryId: Types.ObjectId; live: { startedAt: Date | null; endedAt: Date | null } }): Promise<void> {
  const { models } = services;
  const seats = await models.memberships.find({ trajectoryId: session.trajectoryId, removedAt: null }).sort({ _id: 1 }).lean();
  const start = session.live.startedAt ?? new Date();
  const end = session.live.endedAt ?? start;
  await models.sessionAttendance.insertMany(
    seats.map((seat, i) => ({
      trajectoryId: session.trajectoryId,
      sessionId: session._id,
      userId: seat.userId,
      role: seat.role,
      organisationId: seat.organisationId,
      firstSeenAt: new Date(start.getTime() - 5 * 60_000 + i * 20_000),
      lastSeenAt: end,
    })),
  );
}
