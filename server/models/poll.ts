import { announceWrites } from './change-feed';
import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { outcomeKinds } from '../../shared/schemas/sessions';
import { pollKinds, stakeholderGroups, type PollResult, type StakeholderGroup } from '../../shared/live-table/polls';

export interface PollRecord {
  _id: Types.ObjectId;
  trajectoryId: Types.ObjectId;
  sessionId: Types.ObjectId | null;
  topicId: Types.ObjectId | null;
  amendmentId: Types.ObjectId | null;
  kind: (typeof pollKinds)[number];
  question: string;
  options: Array<{ id: string; label: string }>;
  maxChoices: number | null;
  points: number | null;
  anonymous: boolean;
  resultsVisibility: 'live' | 'after_close';
  eligibleGroups: StakeholderGroup[];
  status: 'open' | 'closed';
  openedBy: Types.ObjectId | null;
  openedAt: Date;
  closesAt: Date | null;
  closedAt: Date | null;
  /** Frozen at closing: the result, the electorate per group and the session's declaration. */
  result: PollResult | null;
  electorate: Partial<Record<StakeholderGroup, number>> | null;
  declaration: { outcomeKind: (typeof outcomeKinds)[number]; decidedBy: string };
}

const schema = new Schema<PollRecord>(
  {
    trajectoryId: { type: Schema.Types.ObjectId, required: true, index: true },
    sessionId: { type: Schema.Types.ObjectId, default: null, index: true },
    topicId: { type: Schema.Types.ObjectId, default: null },
    amendmentId: { type: Schema.Types.ObjectId, default: null },
    kind: { type: String, enum: pollKinds, required: true },
    question: { type: String, required: true },
    options: [{ _id: false, id: { type: String, required: true }, label: { type: String, required: true } }],
    maxChoices: { type: Number, default: null },
    points: { type: Number, default: null },
    anonymous: { type: Boolean, default: false },
    resultsVisibility: { type: String, enum: ['live', 'after_close'], default: 'live' },
    eligibleGroups: { type: [String], enum: stakeholderGroups, default: [] },
    status: { type: String, enum: ['open', 'closed'], default: 'open' },
    openedBy: { type: Schema.Types.ObjectId, default: null },
    openedAt: { type: Date, required: true },
    closesAt: { type: Date, default: null },
    closedAt: { type: Date, default: null },
    result: { type: Schema.Types.Mixed, default: null },
    electorate: { type: Schema.Types.Mixed, default: null },
    declaration: { outcomeKind: { type: String, enum: outcomeKinds, required: true }, decidedBy: { type: String, required: true } },
  },
  { collection: 'polls', versionKey: false, minimize: false },
);

// Seats and open polls are held in memory (read-cache.ts): every write makes the holders forget.
announceWrites(schema, 'polls');

// A session's polls in order (query-indexes.test.ts). Open polls with a closing time are in poll-deadline.ts.
schema.index({ sessionId: 1, openedAt: 1 });

export const pollModel = (c: Connection): Model<PollRecord> => (c.models.Poll as Model<PollRecord>) ?? c.model<PollRecord>('Poll', schema);
