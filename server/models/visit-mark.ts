import { Schema, type Connection, type Model } from 'mongoose';

/**
 * When a person was last in a trajectory, for the "nieuw sinds uw vorige bezoek" markers.
 * Addressed by `_id` = `<userId>:<trajectoryId>`: read and written by `_id` equality only.
 */
export interface VisitMarkRecord {
  _id: string;
  /** The end of the previous visit: items created or changed after it are "nieuw". Null on the first visit. */
  previousVisitAt: Date | null;
  /** The latest moment this person was seen in the trajectory (this visit). */
  lastSeenAt: Date;
}

const schema = new Schema<VisitMarkRecord>(
  {
    _id: { type: String, required: true },
    previousVisitAt: { type: Date, default: null },
    lastSeenAt: { type: Date, required: true },
  },
  { collection: 'visit_marks', versionKey: false },
);

export const visitMarkModel = (c: Connection): Model<VisitMarkRecord> =>
  (c.models.VisitMark as Model<VisitMarkRecord>) ?? c.model<VisitMarkRecord>('VisitMark', schema);
