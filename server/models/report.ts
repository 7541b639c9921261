import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { reportStatuses, type ReportContent, type ReportStatus } from '../../shared/schemas/reports';

/** A session's report (verslag); at most one per session, by the unique key on `sessionId`. */
export interface ReportRecord {
  _id: Types.ObjectId;
  trajectoryId: Types.ObjectId;
  sessionId: Types.ObjectId;
  status: ReportStatus;
  /** The snapshot taken at (re)generation; see shared/schemas/reports. */
  content: ReportContent;
  summary: string;
  generatedAt: Date;
  generatedBy: Types.ObjectId;
  publishedAt: Date | null;
  publishedBy: Types.ObjectId | null;
  createdAt: Date;
}

const schema = new Schema<ReportRecord>(
  {
    trajectoryId: { type: Schema.Types.ObjectId, required: true, index: true },
    sessionId: { type: Schema.Types.ObjectId, required: true },
    status: { type: String, enum: reportStatuses, default: 'draft' },
    content: { type: Schema.Types.Mixed, required: true },
    summary: { type: String, default: '' },
    generatedAt: { type: Date, required: true },
    generatedBy: { type: Schema.Types.ObjectId, required: true },
    publishedAt: { type: Date, default: null },
    publishedBy: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, default: () => new Date() },
  },
  { collection: 'reports', versionKey: false, minimize: false },
);
schema.index({ sessionId: 1 }, { unique: true });

export const reportModel = (c: Connection): Model<ReportRecord> => (c.models.Report as Model<ReportRecord>) ?? c.model<ReportRecord>('Report', schema);
