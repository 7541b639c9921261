import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { questionStatuses } from '../../shared/schemas/questions';

export interface QuestionRecord {
  _id: Types.ObjectId;
  trajectoryId: Types.ObjectId;
  askedBy: Types.ObjectId;
  askerOrganisationId: Types.ObjectId | null;
  text: string;
  topicId: Types.ObjectId | null;
  clauseId: Types.ObjectId | null;
  status: (typeof questionStatuses)[number];
  answer: string | null;
  answeredBy: Types.ObjectId | null;
  answeredAt: Date | null;
  /** Given at publication, continuing the trajectory's numbering. */
  number: number | null;
  publishedAt: Date | null;
  createdAt: Date;
}

const schema = new Schema<QuestionRecord>(
  {
    trajectoryId: { type: Schema.Types.ObjectId, required: true, index: true },
    askedBy: { type: Schema.Types.ObjectId, required: true },
    askerOrganisationId: { type: Schema.Types.ObjectId, default: null },
    text: { type: String, required: true },
    topicId: { type: Schema.Types.ObjectId, default: null },
    clauseId: { type: Schema.Types.ObjectId, default: null },
    status: { type: String, enum: questionStatuses, default: 'submitted' },
    answer: { type: String, default: null },
    answeredBy: { type: Schema.Types.ObjectId, default: null },
    answeredAt: { type: Date, default: null },
    number: { type: Number, default: null },
    publishedAt: { type: Date, default: null },
    createdAt: { type: Date, default: () => new Date() },
  },
  { collection: 'questions', versionKey: false },
);

// The lists of a trajectory are read in order: filter and sort from one index (query-indexes.test.ts).
schema.index({ trajectoryId: 1, createdAt: 1 });
schema.index({ trajectoryId: 1, status: 1, number: 1 });
schema.index({ trajectoryId: 1, askedBy: 1, createdAt: 1 });

export const questionModel = (c: Connection): Model<QuestionRecord> => (c.models.Question as Model<QuestionRecord>) ?? c.model<QuestionRecord>('Question', schema);
