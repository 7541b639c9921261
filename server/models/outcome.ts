import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { actionStatuses, outcomeHorizons, outcomeCategories, outcomeStatuses } from '../../shared/schemas/outcomes';

export interface OutcomeActionRecord {
  _id: Types.ObjectId;
  description: string;
  ownerUserId: Types.ObjectId;
  dueDate: string;
  status: (typeof actionStatuses)[number];
}

/** An agreement (afspraak) on a topic; see shared/schemas/outcomes. */
export interface OutcomeRecord {
  _id: Types.ObjectId;
  trajectoryId: Types.ObjectId;
  topicId: Types.ObjectId;
  sessionId: Types.ObjectId | null;
  /** Per trajectory, in the order recorded; kept when an outcome is changed. */
  number: number;
  text: string;
  category: (typeof outcomeCategories)[number];
  horizon: (typeof outcomeHorizons)[number];
  status: (typeof outcomeStatuses)[number];
  positions: { party: string; position: string }[];
  actions: OutcomeActionRecord[];
  pollIds: Types.ObjectId[];
  amendmentIds: Types.ObjectId[];
  versionIds: Types.ObjectId[];
  clauseIds: Types.ObjectId[];
  recordedBy: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
}

const actionSchema = new Schema<OutcomeActionRecord>(
  {
    description: { type: String, required: true },
    ownerUserId: { type: Schema.Types.ObjectId, required: true },
    dueDate: { type: String, required: true },
    status: { type: String, enum: actionStatuses, default: 'open' },
  },
  { _id: true },
);

const schema = new Schema<OutcomeRecord>(
  {
    trajectoryId: { type: Schema.Types.ObjectId, required: true, index: true },
    topicId: { type: Schema.Types.ObjectId, required: true, index: true },
    sessionId: { type: Schema.Types.ObjectId, default: null },
    number: { type: Number, required: true },
    text: { type: String, required: true },
    category: { type: String, enum: outcomeCategories, required: true },
    horizon: { type: String, enum: outcomeHorizons, required: true },
    status: { type: String, enum: outcomeStatuses, required: true },
    positions: { type: [{ _id: false, party: String, position: String }], default: [] },
    actions: { type: [actionSchema], default: [] },
    pollIds: { type: [Schema.Types.ObjectId], default: [] },
    amendmentIds: { type: [Schema.Types.ObjectId], default: [] },
    versionIds: { type: [Schema.Types.ObjectId], default: [] },
    clauseIds: { type: [Schema.Types.ObjectId], default: [] },
    recordedBy: { type: Schema.Types.ObjectId, required: true },
    createdAt: { type: Date, default: () => new Date() },
    updatedAt: { type: Date, default: () => new Date() },
  },
  { collection: 'outcomes', versionKey: false },
);
schema.index({ trajectoryId: 1, number: 1 }, { unique: true });

export const outcomeModel = (c: Connection): Model<OutcomeRecord> => (c.models.Outcome as Model<OutcomeRecord>) ?? c.model<OutcomeRecord>('Outcome', schema);
