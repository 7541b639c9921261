import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { stakeholderGroups, type BallotChoice, type StakeholderGroup } from '../../shared/schemas/polls';

/**
 * One ballot per voter per poll, guaranteed by the unique (pollId, voterKey) index. The key is an
 * HMAC of poll and person, so the voter is recognised for changing their ballot; `voterId` is kept
 * only for named polls, so an anonymous poll's ballots name nobody, not even in the database.
 */
export interface BallotRecord {
  _id: Types.ObjectId;
  pollId: Types.ObjectId;
  voterKey: string;
  voterId: Types.ObjectId | null;
  group: StakeholderGroup;
  choice: BallotChoice;
  castAt: Date;
  updatedAt: Date;
}

const schema = new Schema<BallotRecord>(
  {
    pollId: { type: Schema.Types.ObjectId, required: true },
    voterKey: { type: String, required: true },
    voterId: { type: Schema.Types.ObjectId, default: null },
    group: { type: String, enum: stakeholderGroups, required: true },
    choice: { type: Schema.Types.Mixed, required: true },
    castAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'ballots', versionKey: false },
);
schema.index({ pollId: 1, voterKey: 1 }, { unique: true });

export const ballotModel = (c: Connection): Model<BallotRecord> => (c.models.Ballot as Model<BallotRecord>) ?? c.model<BallotRecord>('Ballot', schema);
