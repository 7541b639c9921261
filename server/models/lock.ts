import { Schema, type Connection, type Model } from 'mongoose';

/** A held lock; `_id` is the lock's key, so the unique primary key decides who holds it. */
export interface LockRecord {
  _id: string;
  owner: string;
  expiresAt: Date;
}

const schema = new Schema<LockRecord>(
  { _id: { type: String, required: true }, owner: { type: String, required: true }, expiresAt: { type: Date, required: true } },
  { collection: 'locks', versionKey: false },
);

export const lockModel = (c: Connection): Model<LockRecord> => (c.models.Lock as Model<LockRecord>) ?? c.model<LockRecord>('Lock', schema);
