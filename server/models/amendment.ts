import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { amendmentStatuses } from '../../shared/schemas/agreement';
import { authorFields, replySchema, type AuthorFields, type ReplyRecord } from './clause-comment';

/** A proposal for other wording of a clause or a part of it; it keeps its outcome for ever. */
export interface AmendmentRecord extends AuthorFields {
  _id: Types.ObjectId;
  trajectoryId: Types.ObjectId;
  clauseId: Types.ObjectId;
  variantId: Types.ObjectId | null;
  anchor: { start: string; end: string } | null;
  originalText: string;
  proposedText: string;
  motivation: string;
  status: (typeof amendmentStatuses)[number];
  decidedBy: Types.ObjectId | null;
  decidedAt: Date | null;
  reason: string | null;
  replies: ReplyRecord[];
  createdAt: Date;
}

const schema = new Schema<AmendmentRecord>(
  {
    trajectoryId: { type: Schema.Types.ObjectId, required: true, index: true },
    clauseId: { type: Schema.Types.ObjectId, required: true, index: true },
    variantId: { type: Schema.Types.ObjectId, default: null },
    anchor: { type: new Schema({ start: String, end: String }, { _id: false }), default: null },
    originalText: { type: String, default: '' },
    proposedText: { type: String, required: true },
    motivation: { type: String, required: true },
    ...authorFields,
    status: { type: String, enum: amendmentStatuses, default: 'pending' },
    decidedBy: { type: Schema.Types.ObjectId, default: null },
    decidedAt: { type: Date, default: null },
    reason: { type: String, default: null },
    replies: { type: [replySchema], default: [] },
    createdAt: { type: Date, default: () => new Date() },
  },
  { collection: 'amendments', versionKey: false },
);

// The lists of a trajectory are read in order: filter and sort from one index (query-indexes.test.ts).
schema.index({ trajectoryId: 1, createdAt: 1 });

export const amendmentModel = (c: Connection): Model<AmendmentRecord> =>
  (c.models.Amendment as Model<AmendmentRecord>) ?? c.model<AmendmentRecord>('Amendment', schema);
