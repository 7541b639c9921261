import { Schema, type Connection, type Model } from 'mongoose';

/** The compacted state of a collaboration document; `_id` is the document name. */
export interface CollabSnapshotRecord {
  _id: string;
  state: Buffer;
  updatedAt: Date;
}

const schema = new Schema<CollabSnapshotRecord>(
  {
    _id: { type: String, required: true },
    state: { type: Buffer, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'collab_snapshots', versionKey: false },
);

export function collabSnapshotModel(connection: Connection): Model<CollabSnapshotRecord> {
  return (connection.models.CollabSnapshot as Model<CollabSnapshotRecord> | undefined) ?? connection.model<CollabSnapshotRecord>('CollabSnapshot', schema);
}
