import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { FinalSnapshotDto } from '../../shared/schemas/final';

export interface SignoffRecord {
  municipality: string;
  decision: 'approve' | 'reject';
  reason: string | null;
  userId: Types.ObjectId;
  organisationId: Types.ObjectId;
  at: Date;
}

/** The assembled definitive agreement of a trajectory (one per trajectory, `_id` is the trajectory's id). */
export interface FinalAgreementRecord {
  _id: Types.ObjectId;
  /** Counts assemblies; sign-offs belong to the current one. */
  revision: number;
  snapshot: FinalSnapshotDto;
  contentHash: string;
  /** Hash of the chapters and clause texts alone: to see whether the agreement changed after assembly. */
  textHash: string;
  assembledBy: Types.ObjectId;
  assembledAt: Date;
  signoffs: SignoffRecord[];
  status: 'assembled' | 'final';
  finalAt: Date | null;
}

/**
 * The seal that makes an agreement final: inserted once, under a unique key (the trajectory's
 * id), so the agreement becomes final exactly once even if two last approvals meet.
 */
export interface FinalSealRecord {
  _id: Types.ObjectId;
  revision: number;
  contentHash: string;
  at: Date;
}

const signoffSchema = new Schema<SignoffRecord>(
  {
    municipality: { type: String, required: true },
    decision: { type: String, enum: ['approve', 'reject'], required: true },
    reason: { type: String, default: null },
    userId: { type: Schema.Types.ObjectId, required: true },
    organisationId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
);

const schema = new Schema<FinalAgreementRecord>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    revision: { type: Number, required: true },
    snapshot: { type: Schema.Types.Mixed, required: true },
    contentHash: { type: String, required: true },
    textHash: { type: String, required: true },
    assembledBy: { type: Schema.Types.ObjectId, required: true },
    assembledAt: { type: Date, required: true },
    signoffs: { type: [signoffSchema], default: [] },
    status: { type: String, enum: ['assembled', 'final'], default: 'assembled' },
    finalAt: { type: Date, default: null },
  },
  { collection: 'final_agreements', versionKey: false, minimize: false },
);

const sealSchema = new Schema<FinalSealRecord>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    revision: { type: Number, required: true },
    contentHash: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'final_seals', versionKey: false },
);

export const finalAgreementModel = (c: Connection): Model<FinalAgreementRecord> =>
  (c.models.FinalAgreement as Model<FinalAgreementRecord>) ?? c.model<FinalAgreementRecord>('FinalAgreement', schema);
export const finalSealModel = (c: Connection): Model<FinalSealRecord> => (c.models.FinalSeal as Model<FinalSealRecord>) ?? c.model<FinalSealRecord>('FinalSeal', sealSchema);
