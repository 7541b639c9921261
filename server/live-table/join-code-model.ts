import { Schema, type Connection, type Model, type Types } from 'mongoose';

/**
 * A session's join code, stored under the code itself as `_id`: looking a code up is one read
 * by `_id` (on FerretDB only `_id` reaches the storage engine), and nothing lists the codes.
 */
export interface JoinCodeRecord {
  _id: string;
  sessionId: Types.ObjectId;
  trajectoryId: Types.ObjectId;
  createdAt: Date;
}

const schema = new Schema<JoinCodeRecord>(
  {
    _id: { type: String, required: true },
    sessionId: { type: Schema.Types.ObjectId, required: true },
    trajectoryId: { type: Schema.Types.ObjectId, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'joinCodes', versionKey: false },
);

export function joinCodeModel(connection: Connection): Model<JoinCodeRecord> {
  return connection.models.JoinCode ?? connection.model<JoinCodeRecord>('JoinCode', schema);
}
