import { Schema, type Connection, type Model, type Types } from 'mongoose';

export interface PasswordResetRecord {
  _id: Types.ObjectId;
  userId: Types.ObjectId;
  tokenHash: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

const schema = new Schema<PasswordResetRecord>(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    tokenHash: { type: String, required: true, unique: true },
    createdAt: { type: Date, default: () => new Date() },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date, default: null },
  },
  { collection: 'password_resets', versionKey: false },
);

export const passwordResetModel = (c: Connection): Model<PasswordResetRecord> =>
  (c.models.PasswordReset as Model<PasswordResetRecord>) ?? c.model<PasswordResetRecord>('PasswordReset', schema);
