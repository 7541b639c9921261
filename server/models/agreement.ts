import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { clauseStatuses, type ClauseStatus } from '../../shared/domain/agreement';

/** A chapter of a trajectory's draft agreement; there is one agreement per trajectory. */
export interface ChapterRecord {
  _id: Types.ObjectId;
  trajectoryId: Types.ObjectId;
  title: string;
  position: number;
  createdAt: Date;
}

export interface VariantRecord {
  _id: Types.ObjectId;
  label: string;
  /** Names of participating municipalities, as the trajectory lists them. */
  municipalities: string[];
}

/** A clause (artikel). Its text lives in collaboration documents, not here. */
export interface ClauseRecord {
  _id: Types.ObjectId;
  trajectoryId: Types.ObjectId;
  chapterId: Types.ObjectId;
  position: number;
  title: string;
  /** A short summary in plain language (B1); absent or empty when none was written. */
  summary?: string;
  status: ClauseStatus;
  topicIds: Types.ObjectId[];
  variants: VariantRecord[];
  createdBy: Types.ObjectId | null;
  createdAt: Date;
  updatedAt: Date;
}

const chapterSchema = new Schema<ChapterRecord>(
  {
    trajectoryId: { type: Schema.Types.ObjectId, required: true, index: true },
    title: { type: String, required: true },
    position: { type: Number, required: true },
    createdAt: { type: Date, default: () => new Date() },
  },
  { collection: 'agreement_chapters', versionKey: false },
);

const variantSchema = new Schema<VariantRecord>({
  label: { type: String, required: true },
  municipalities: { type: [String], default: [] },
});

const clauseSchema = new Schema<ClauseRecord>(
  {
    trajectoryId: { type: Schema.Types.ObjectId, required: true, index: true },
    chapterId: { type: Schema.Types.ObjectId, required: true },
    position: { type: Number, required: true },
    title: { type: String, required: true },
    summary: { type: String, default: '' },
    status: { type: String, enum: clauseStatuses, required: true, default: 'concept' },
    topicIds: { type: [Schema.Types.ObjectId], default: [] },
    variants: { type: [variantSchema], default: [] },
    createdBy: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, default: () => new Date() },
    updatedAt: { type: Date, default: () => new Date() },
  },
  { collection: 'agreement_clauses', versionKey: false },
);

export const chapterModel = (c: Connection): Model<ChapterRecord> =>
  (c.models.AgreementChapter as Model<ChapterRecord>) ?? c.model<ChapterRecord>('AgreementChapter', chapterSchema);
export const clauseModel = (c: Connection): Model<ClauseRecord> =>
  (c.models.AgreementClause as Model<ClauseRecord>) ?? c.model<ClauseRecord>('AgreementClause', clauseSchema);
