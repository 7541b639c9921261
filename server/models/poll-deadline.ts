import { Schema, type Connection, type Model, type Types } from 'mongoose';

/**
 * An open poll with a closing time; `_id` is the poll's. The poll sweeper reads these every second
 * on every node: they leave when the poll closes, so there are only as many as polls that are open
 * with a deadline right now, while the polls themselves grow with every session of nine years.
 */
export interface PollDeadlineRecord {
  _id: Types.ObjectId;
  /** Backed up and restored with the trajectory's polls. */
  trajectoryId: Types.ObjectId;
  closesAt: Date;
}

const schema = new Schema<PollDeadlineRecord>(
  { trajectoryId: { type: Schema.Types.ObjectId, required: true }, closesAt: { type: Date, required: true } },
  { collection: 'pollDeadlines', versionKey: false },
);

export const pollDeadlineModel = (c: Connection): Model<PollDeadlineRecord> =>
  (c.models.PollDeadline as Model<PollDeadlineRecord>) ?? c.model<PollDeadlineRecord>('PollDeadline', schema);
