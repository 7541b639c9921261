import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { topicStatuses } from '../../shared/schemas/topics';

export interface TopicRecord {
  _id: Types.ObjectId;
  trajectoryId: Types.ObjectId;
  title: string;
  description: string;
  /** A short summary in plain language (B1); absent or empty when none was written. */
  summary?: string;
  order: number;
  status: (typeof topicStatuses)[number];
  ownerId: Types.ObjectId | null;
  proposedBy: Types.ObjectId | null;
  decisionReason: string | null;
  createdAt: Date;
}

const schema = new Schema<TopicRecord>(
  {
    trajectoryId: { type: Schema.Types.ObjectId, required: true, index: true },
    title: { type: String, required: true },
    description: { type: String, default: '' },
    summary: { type: String, default: '' },
    order: { type: Number, required: true },
    status: { type: String, enum: topicStatuses, required: true },
    ownerId: { type: Schema.Types.ObjectId, default: null },
    proposedBy: { type: Schema.Types.ObjectId, default: null },
    decisionReason: { type: String, default: null },
    createdAt: { type: Date, default: () => new Date() },
  },
  { collection: 'topics', versionKey: false },
);

// The lists of a trajectory are read in order: filter and sort from one index (query-indexes.test.ts).
schema.index({ trajectoryId: 1, order: 1, createdAt: 1 });

export const topicModel = (c: Connection): Model<TopicRecord> => (c.models.Topic as Model<TopicRecord>) ?? c.model<TopicRecord>('Topic', schema);
