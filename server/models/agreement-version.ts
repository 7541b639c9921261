import { Schema, type Connection, type Model, type Types } from 'mongoose';

export interface VersionDocumentRecord {
  clauseId: Types.ObjectId;
  variantId: Types.ObjectId | null;
  number: number;
  title: string;
  variantLabel: string | null;
  /** Y.encodeStateAsUpdate of the document at the moment the version was made. */
  state: Buffer;
  text: string;
}

/** A named version of one clause or of the whole agreement; read-only for ever. */
export interface AgreementVersionRecord {
  _id: Types.ObjectId;
  trajectoryId: Types.ObjectId;
  clauseId: Types.ObjectId | null;
  name: string;
  documents: VersionDocumentRecord[];
  createdBy: Types.ObjectId | null;
  createdAt: Date;
}

const documentSchema = new Schema<VersionDocumentRecord>(
  {
    clauseId: { type: Schema.Types.ObjectId, required: true },
    variantId: { type: Schema.Types.ObjectId, default: null },
    number: { type: Number, required: true },
    title: { type: String, required: true },
    variantLabel: { type: String, default: null },
    state: { type: Buffer, required: true },
    text: { type: String, default: '' },
  },
  { _id: false },
);

const schema = new Schema<AgreementVersionRecord>(
  {
    trajectoryId: { type: Schema.Types.ObjectId, required: true, index: true },
    clauseId: { type: Schema.Types.ObjectId, default: null },
    name: { type: String, required: true },
    documents: { type: [documentSchema], default: [] },
    createdBy: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, default: () => new Date() },
  },
  { collection: 'agreement_versions', versionKey: false },
);

// The lists of a trajectory are read in order: filter and sort from one index (query-indexes.test.ts).
schema.index({ trajectoryId: 1, createdAt: 1 });

export const agreementVersionModel = (c: Connection): Model<AgreementVersionRecord> =>
  (c.models.AgreementVersion as Model<AgreementVersionRecord>) ?? c.model<AgreementVersionRecord>('AgreementVersion', schema);
