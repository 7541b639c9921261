import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { roles, type Role } from '../../shared/domain/roles';

export interface InvitationRecord {
  _id: Types.ObjectId;
  trajectoryId: Types.ObjectId;
  email: string;
  name: string | null;
  organisationId: Types.ObjectId;
  role: Role;
  /** SHA-256 of the link's token; the token itself is only in the e-mail. */
  tokenHash: string;
  invitedBy: Types.ObjectId | null;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  acceptedBy: Types.ObjectId | null;
  revokedAt: Date | null;
}

const schema = new Schema<InvitationRecord>(
  {
    trajectoryId: { type: Schema.Types.ObjectId, required: true, index: true },
    email: { type: String, required: true },
    name: { type: String, default: null },
    organisationId: { type: Schema.Types.ObjectId, required: true },
    role: { type: String, enum: roles, required: true },
    tokenHash: { type: String, required: true, unique: true },
    invitedBy: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, default: () => new Date() },
    expiresAt: { type: Date, required: true },
    acceptedAt: { type: Date, default: null },
    acceptedBy: { type: Schema.Types.ObjectId, default: null },
    revokedAt: { type: Date, default: null },
  },
  { collection: 'invitations', versionKey: false },
);

export const invitationModel = (c: Connection): Model<InvitationRecord> =>
  (c.models.Invitation as Model<InvitationRecord>) ?? c.model<InvitationRecord>('Invitation', schema);
