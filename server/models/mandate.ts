import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { mandateScopes, type MandateScope } from '../../shared/domain/provider-kinds';
import { announceWrites } from './change-feed';

/**
 * A mandate of an independent practitioner to a cooperative (or association) in one trajectory:
 * the organisation may speak, comment or vote on the practitioner's behalf. Revoking keeps the
 * record (who revoked, when), so what was said on someone's behalf stays traceable.
 */
export interface MandateRecord {
  _id: Types.ObjectId;
  trajectoryId: Types.ObjectId;
  organisationId: Types.ObjectId;
  practitioner: { name: string; kvk: string | null; agb: string | null; userId: Types.ObjectId | null };
  scopes: MandateScope[];
  grantedBy: Types.ObjectId;
  grantedAt: Date;
  revokedAt: Date | null;
  revokedBy: Types.ObjectId | null;
  revokeReason: string | null;
}

const schema = new Schema<MandateRecord>(
  {
    trajectoryId: { type: Schema.Types.ObjectId, required: true },
    organisationId: { type: Schema.Types.ObjectId, required: true },
    practitioner: {
      name: { type: String, required: true },
      kvk: { type: String, default: null },
      agb: { type: String, default: null },
      userId: { type: Schema.Types.ObjectId, default: null },
    },
    scopes: [{ type: String, enum: mandateScopes }],
    grantedBy: { type: Schema.Types.ObjectId, required: true },
    grantedAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
    revokedBy: { type: Schema.Types.ObjectId, default: null },
    revokeReason: { type: String, default: null },
  },
  { collection: 'mandates', versionKey: false },
);
// A trajectory's mandates are read once per node into memory (mandate-book.ts), and listed.
schema.index({ trajectoryId: 1, grantedAt: 1 });

// Held in memory for counting votes: every write makes the holders forget at once.
announceWrites(schema, 'mandates');

export const mandateModel = (c: Connection): Model<MandateRecord> => (c.models.Mandate as Model<MandateRecord>) ?? c.model<MandateRecord>('Mandate', schema);
