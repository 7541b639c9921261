import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { attachmentParentKinds, type AttachmentParentKind } from '../../shared/schemas/attachments';

/** One stored file: the bytes are its chunks (attachment-chunk.ts), `<fileId>:<n>`. */
export interface AttachmentVersionRecord {
  fileId: Types.ObjectId;
  name: string;
  size: number;
  contentType: string;
  sha256: string;
  chunkCount: number;
  uploadedBy: Types.ObjectId;
  uploaderOrganisationId: Types.ObjectId | null;
  uploadedAt: Date;
}

/**
 * A file on a topic, clause, session, question, answer or consultation, with every version it
 * had: replacing adds a version (numbered by its place), removing hides it but keeps the bytes
 * (see the README's *Attachments*). The list of a parent is read by (trajectory, kind, parent).
 */
export interface AttachmentRecord {
  _id: Types.ObjectId;
  trajectoryId: Types.ObjectId;
  parentKind: AttachmentParentKind;
  parentId: Types.ObjectId;
  versions: AttachmentVersionRecord[];
  createdAt: Date;
  removedAt: Date | null;
  removedBy: Types.ObjectId | null;
}

const versionSchema = new Schema<AttachmentVersionRecord>(
  {
    fileId: { type: Schema.Types.ObjectId, required: true },
    name: { type: String, required: true },
    size: { type: Number, required: true },
    contentType: { type: String, required: true },
    sha256: { type: String, required: true },
    chunkCount: { type: Number, required: true },
    uploadedBy: { type: Schema.Types.ObjectId, required: true },
    uploaderOrganisationId: { type: Schema.Types.ObjectId, default: null },
    uploadedAt: { type: Date, required: true },
  },
  { _id: false },
);

const schema = new Schema<AttachmentRecord>(
  {
    trajectoryId: { type: Schema.Types.ObjectId, required: true },
    parentKind: { type: String, enum: attachmentParentKinds, required: true },
    parentId: { type: Schema.Types.ObjectId, required: true },
    versions: { type: [versionSchema], required: true },
    createdAt: { type: Date, default: () => new Date() },
    removedAt: { type: Date, default: null },
    removedBy: { type: Schema.Types.ObjectId, default: null },
  },
  { collection: 'attachments', versionKey: false },
);

// A parent's list in order; the trajectory's list (search, backup) by its prefix; a person's uploads (privacy).
schema.index({ trajectoryId: 1, parentKind: 1, parentId: 1, createdAt: 1 });
schema.index({ 'versions.uploadedBy': 1 });

export const attachmentModel = (c: Connection): Model<AttachmentRecord> => (c.models.Attachment as Model<AttachmentRecord>) ?? c.model<AttachmentRecord>('Attachment', schema);

/**
 * A piece of an attachment's bytes (255 KB, as GridFS). Its `_id` is `<fileId>:<n>`, so a
 * download reads each piece by `_id` equality, the one filter FerretDB hands to the storage
 * engine whatever else the collection holds (bench/attachment-storage.ts). `trajectoryId` is for
 * the backup, which exports a trajectory's records by it.
 */
export interface AttachmentChunkRecord {
  _id: string;
  trajectoryId: Types.ObjectId;
  data: Buffer;
}

const chunkSchema = new Schema<AttachmentChunkRecord>(
  {
    _id: { type: String, required: true },
    trajectoryId: { type: Schema.Types.ObjectId, required: true, index: true },
    data: { type: Buffer, required: true },
  },
  { collection: 'attachmentChunks', versionKey: false },
);

export const attachmentChunkModel = (c: Connection): Model<AttachmentChunkRecord> =>
  (c.models.AttachmentChunk as Model<AttachmentChunkRecord>) ?? c.model<AttachmentChunkRecord>('AttachmentChunk', chunkSchema);

export const chunkBytes = 255 * 1024;
export const chunkId = (fileId: string, n: number) => `${fileId}:${n}`;
