import { Schema, type Connection, type Model } from 'mongoose';

/** The latest event of each audit chain, stored apart, so removing the newest events is noticed too. */
export interface AuditHeadRecord {
  _id: string;
  seq: number;
  hash: string;
}

const schema = new Schema<AuditHeadRecord>(
  { _id: { type: String, required: true }, seq: { type: Number, required: true }, hash: { type: String, required: true } },
  { collection: 'audit_heads', versionKey: false },
);

export const auditHeadModel = (c: Connection): Model<AuditHeadRecord> => (c.models.AuditHead as Model<AuditHeadRecord>) ?? c.model<AuditHeadRecord>('AuditHead', schema);
