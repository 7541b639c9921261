import { Schema, type Connection, type Model, type Types } from 'mongoose';

/**
 * One entry of an append-only, hash-chained log. `chain` is a trajectory id or `platform`;
 * the unique (chain, seq) index makes two writers racing for the same place fail, not fork.
 */
export interface AuditEventRecord {
  _id: Types.ObjectId;
  chain: string;
  seq: number;
  at: Date;
  actorId: string | null;
  action: string;
  objectType: string;
  objectId: string;
  summary: Record<string, unknown>;
  prevHash: string | null;
  hash: string;
}

const schema = new Schema<AuditEventRecord>(
  {
    chain: { type: String, required: true },
    seq: { type: Number, required: true },
    at: { type: Date, required: true },
    actorId: { type: String, default: null },
    action: { type: String, required: true },
    objectType: { type: String, required: true },
    objectId: { type: String, required: true },
    summary: { type: Schema.Types.Mixed, default: {} },
    prevHash: { type: String, default: null },
    hash: { type: String, required: true },
  },
  { collection: 'audit_events', versionKey: false, minimize: false },
);
schema.index({ chain: 1, seq: 1 }, { unique: true });

export const auditEventModel = (c: Connection): Model<AuditEventRecord> =>
  (c.models.AuditEvent as Model<AuditEventRecord>) ?? c.model<AuditEventRecord>('AuditEvent', schema);
