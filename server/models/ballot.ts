import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { ProviderKind } from '../../shared/domain/provider-kinds';
import { stakeholderGroups, type BallotChoice, type BallotGroup } from '../../shared/live-table/polls';
import { onBehalfGroup } from '../../shared/schemas/on-behalf';

/**
 * One ballot per voter per poll. Its `_id` is the voter key, an HMAC of poll and person, so the
 * primary key itself holds "one per person per poll" and a ballot is written and found by `_id`
 * (on FerretDB only `_id` reaches the storage engine; any other filter reads the whole
 * collection). The key recognises the voter for changing their ballot; `voterId` is kept only
 * for named polls, so an anonymous poll's ballots name nobody, not even in the database.
 * `voterKey` repeats the `_id` (older databases had ObjectId ids; see migrations.ts).
 */
export interface BallotRecord {
  _id: string;
  pollId: Types.ObjectId;
  voterKey: string;
  voterId: Types.ObjectId | null;
  /** The voter's stakeholder group, or `on_behalf` for a vote recorded for someone without an account. */
  group: BallotGroup;
  /** A vote recorded on someone's behalf (issue 16): the description; its `_id` is a random key, `voterId` null. */
  onBehalfOf?: string | null;
  /** The kind of the voter's provider organisation: coarse like the group, kept in anonymous polls too. */
  providerKind?: ProviderKind | null;
  choice: BallotChoice;
  castAt: Date;
  updatedAt: Date;
}

const schema = new Schema<BallotRecord>(
  {
    _id: {
      type: String,
      required: true,
      default(this: { voterKey?: string }) {
        return this.voterKey;
      },
    },
    pollId: { type: Schema.Types.ObjectId, required: true },
    voterKey: { type: String, required: true },
    voterId: { type: Schema.Types.ObjectId, default: null },
    group: { type: String, enum: [...stakeholderGroups, onBehalfGroup], required: true },
    onBehalfOf: { type: String, default: null },
    providerKind: { type: String, default: null },
    choice: { type: Schema.Types.Mixed, required: true },
    castAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'ballots', versionKey: false },
);
// A poll's ballots are read when it closes (the frozen result) and when a node first counts it live.
schema.index({ pollId: 1 });

export const ballotModel = (c: Connection): Model<BallotRecord> => (c.models.Ballot as Model<BallotRecord>) ?? c.model<BallotRecord>('Ballot', schema);
