import { visitDto, type VisitDto } from '../../shared/schemas/calendar';
import { defineTrajectoryOperation, noBody } from '../commands/operation';
import { trajectoryParams } from '../commands/trajectories/trajectory-operations';
import { isDuplicateKey } from '../db/duplicate-key';

/**
 * A visit ends after this long without being seen: the next page opened after that starts a new
 * visit, and what changed since the end of the last one is "nieuw". Within a visit the mark stays
 * put, so items keep their marker while the person moves between pages.
 */
const visitGapMs = 30 * 60 * 1000;

/**
 * Records that the person is in the trajectory now and answers with the end of their previous
 * visit. One record per person and trajectory, by `_id`; nothing about what they read or wrote.
 */
export const recordVisit = defineTrajectoryOperation({
  name: 'visit.record',
  action: 'trajectory.view',
  params: trajectoryParams,
  body: noBody,
  run: async (ctx, p, _b, { user }) => {
    const { visitMarks } = ctx.services.models;
    const id = `${user.userId}:${p.trajectoryId}`;
    const now = new Date();
    const mark = await visitMarks.findById(id).lean();
    let previousVisitAt: Date | null;
    if (!mark) {
      previousVisitAt = null;
      try {
        await visitMarks.create({ _id: id, previousVisitAt, lastSeenAt: now });
      } catch (error) {
        // Two pages opened at once: the other one made the record; this visit is the same.
        if (!isDuplicateKey(error)) throw error;
      }
    } else {
      const newVisit = now.getTime() - mark.lastSeenAt.getTime() > visitGapMs;
      previousVisitAt = newVisit ? mark.lastSeenAt : mark.previousVisitAt;
      await visitMarks.updateOne({ _id: id }, { $set: { previousVisitAt, lastSeenAt: now } });
    }
    const result: VisitDto = visitDto.parse({ previousVisitAt: previousVisitAt ? previousVisitAt.toISOString() : null });
    // Not audited: a visit changes nothing anyone else sees, and logging it would record who read when.
    return { result };
  },
});
