import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { organisationTypes, providerKinds, type OrganisationType, type ProviderKind } from '../../shared/domain/roles';
import { announceWrites } from './change-feed';

export interface OrganisationRecord {
  _id: Types.ObjectId;
  name: string;
  type: OrganisationType;
  providerKind: ProviderKind | null;
  createdAt: Date;
}

const schema = new Schema<OrganisationRecord>(
  {
    name: { type: String, required: true },
    type: { type: String, enum: organisationTypes, required: true },
    // 'independent_practitioner' is how older databases stored 'independent' (read through providerKindOf).
    providerKind: { type: String, enum: [...providerKinds, 'independent_practitioner', null], default: null },
    createdAt: { type: Date, default: () => new Date() },
  },
  { collection: 'organisations', versionKey: false },
);
schema.index({ name: 1, type: 1 }, { unique: true });
// Provider kinds are held in memory for breaking results down (server/commands/mandates/held-voices.ts).
announceWrites(schema, 'organisations');

export const organisationModel = (c: Connection): Model<OrganisationRecord> =>
  (c.models.Organisation as Model<OrganisationRecord>) ?? c.model<OrganisationRecord>('Organisation', schema);
