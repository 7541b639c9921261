import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { roles, type Role } from '../../shared/domain/roles';

/** A participant's comment on a draft report, for the procurement team to weigh before publishing. */
export interface ReportCommentRecord {
  _id: Types.ObjectId;
  trajectoryId: Types.ObjectId;
  reportId: Types.ObjectId;
  authorId: Types.ObjectId;
  authorRole: Role | null;
  authorOrganisationId: Types.ObjectId | null;
  text: string;
  /** A section key of the report (shared/schemas/reports), or null for the whole report. */
  section: string | null;
  createdAt: Date;
}

const schema = new Schema<ReportCommentRecord>(
  {
    trajectoryId: { type: Schema.Types.ObjectId, required: true },
    reportId: { type: Schema.Types.ObjectId, required: true, index: true },
    authorId: { type: Schema.Types.ObjectId, required: true },
    authorRole: { type: String, enum: [...roles, null], default: null },
    authorOrganisationId: { type: Schema.Types.ObjectId, default: null },
    text: { type: String, required: true },
    section: { type: String, default: null },
    createdAt: { type: Date, default: () => new Date() },
  },
  { collection: 'report_comments', versionKey: false },
);

export const reportCommentModel = (c: Connection): Model<ReportCommentRecord> =>
  (c.models.ReportComment as Model<ReportCommentRecord>) ?? c.model<ReportCommentRecord>('ReportComment', schema);
