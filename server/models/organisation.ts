import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { organisationTypes, providerKinds, type OrganisationType, type ProviderKind } from '../../shared/domain/roles';

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
    providerKind: { type: String, enum: [...providerKinds, null], default: null },
    createdAt: { type: Date, default: () => new Date() },
  },
  { collection: 'organisations', versionKey: false },
);
schema.index({ name: 1, type: 1 }, { unique: true });

export const organisationModel = (c: Connection): Model<OrganisationRecord> =>
  (c.models.Organisation as Model<OrganisationRecord>) ?? c.model<OrganisationRecord>('Organisation', schema);
