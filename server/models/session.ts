import { Schema, type Connection, type Model, type Types } from 'mongoose';

/** A signed-in browser. `_id` is the SHA-256 of the cookie's token, so a database copy holds no usable sessions. */
export interface SessionRecord {
  _id: string;
  userId: Types.ObjectId;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

const schema = new Schema<SessionRecord>(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true, index: true },
    createdAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'sessions', versionKey: false },
);
// Not a TTL index: FerretDB has none. The session store purges expired sessions itself.
schema.index({ expiresAt: 1 });

export const sessionModel = (c: Connection): Model<SessionRecord> => (c.models.Session as Model<SessionRecord>) ?? c.model<SessionRecord>('Session', schema);
