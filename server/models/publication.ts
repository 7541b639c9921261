import { Schema, type Connection, type Model, type Types } from 'mongoose';

const publicationKinds = ['report', 'nota', 'reactienota', 'final'] as const;
export type PublicationKind = (typeof publicationKinds)[number];

/**
 * The signed head of a trajectory's audit chain at the moment a document was published. `_id` is
 * `<kind>:<id of what was published>` (a report, a consultation, the trajectory for the nota and
 * the final agreement), so an export finds it by `_id`; a later publication of the same thing
 * replaces it, as the document it goes into does.
 */
export interface PublicationRecord {
  _id: string;
  trajectoryId: Types.ObjectId;
  kind: PublicationKind;
  chain: string;
  seq: number;
  hash: string;
  signature: string;
  keyFingerprint: string;
  signedAt: Date;
}

const schema = new Schema<PublicationRecord>(
  {
    _id: { type: String, required: true },
    trajectoryId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, enum: publicationKinds, required: true },
    chain: { type: String, required: true },
    seq: { type: Number, required: true },
    hash: { type: String, required: true },
    signature: { type: String, required: true },
    keyFingerprint: { type: String, required: true },
    signedAt: { type: Date, required: true },
  },
  { collection: 'publications', versionKey: false },
);

export const publicationModel = (c: Connection): Model<PublicationRecord> =>
  (c.models.Publication as Model<PublicationRecord>) ?? c.model<PublicationRecord>('Publication', schema);
