import { Schema, type Connection, type Model, type Types } from 'mongoose';

export interface UserRecord {
  _id: Types.ObjectId;
  email: string;
  name: string;
  passwordHash: string;
  platformAdmin: boolean;
  createdAt: Date;
  /** Set when the account was erased on request (AVG): name and e-mail are then a pseudonym. */
  erasedAt?: Date | null;
}

const schema = new Schema<UserRecord>(
  {
    email: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    passwordHash: { type: String, required: true },
    platformAdmin: { type: Boolean, default: false },
    createdAt: { type: Date, default: () => new Date() },
    erasedAt: { type: Date, default: null },
  },
  { collection: 'users', versionKey: false },
);

export const userModel = (c: Connection): Model<UserRecord> => (c.models.User as Model<UserRecord>) ?? c.model<UserRecord>('User', schema);
