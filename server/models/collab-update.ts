import { Schema, type Connection, type Model, type Types } from 'mongoose';

/** One stored Yjs update of a collaboration document; compaction folds these into a snapshot. */
export interface CollabUpdateRecord {
  _id: Types.ObjectId;
  doc: string;
  update: Buffer;
  createdAt: Date;
}

const schema = new Schema<CollabUpdateRecord>(
  {
    doc: { type: String, required: true },
    update: { type: Buffer, required: true },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { collection: 'collab_updates', versionKey: false },
);
schema.index({ doc: 1, _id: 1 });

export function collabUpdateModel(connection: Connection): Model<CollabUpdateRecord> {
  return (connection.models.CollabUpdate as Model<CollabUpdateRecord> | undefined) ?? connection.model<CollabUpdateRecord>('CollabUpdate', schema);
}
