import { randomBytes } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import type { Models } from '../models';
import { wordImportPreviewMinutes, type ContentBlock, type OutlineChapter } from '../../shared/schemas/word-import';

/**
 * A parsed Word file waiting for the procurement team's confirmation. Kept in the database (not
 * in this process) so that the confirmation may reach any node, for a short while only, and
 * found by `_id` alone: a random id that also binds it to the trajectory and the person who
 * uploaded it. The outline and blocks are stored as one JSON string: the document's nesting is
 * no concern of the database.
 */
export interface WordImportPreviewRecord {
  _id: string;
  trajectoryId: string;
  userId: string;
  fileName: string;
  sha256: string;
  /** JSON of { chapters, blocks }. */
  content: string;
  images: number;
  expiresAt: Date;
}

export interface WordImportPreview {
  id: string;
  trajectoryId: string;
  userId: string;
  fileName: string;
  sha256: string;
  chapters: OutlineChapter[];
  blocks: ContentBlock[];
  images: number;
  expiresAt: Date;
}

/** Far below MongoDB's 16 MB per document; a larger outline is refused before it is stored. */
const maxPreviewChars = 8 * 1024 * 1024;
const lifetimeMs = wordImportPreviewMinutes * 60 * 1000;

const schema = new Schema<WordImportPreviewRecord>(
  {
    _id: { type: String, required: true },
    trajectoryId: { type: String, required: true },
    userId: { type: String, required: true },
    fileName: { type: String, default: '' },
    sha256: { type: String, required: true },
    content: { type: String, required: true },
    images: { type: Number, default: 0 },
    expiresAt: { type: Date, required: true, index: true },
  },
  { collection: 'word_import_previews', versionKey: false },
);

const previewModel = (c: Connection): Model<WordImportPreviewRecord> =>
  (c.models.WordImportPreview as Model<WordImportPreviewRecord>) ?? c.model<WordImportPreviewRecord>('WordImportPreview', schema);

export class WordImportPreviews {
  private readonly model: Model<WordImportPreviewRecord>;
  private purgedAt = 0;

  constructor(models: Models) {
    this.model = previewModel(models.sessions.db);
  }

  /** The JSON to store, or null when it is too large to keep. */
  static serialise(outline: { chapters: OutlineChapter[]; blocks: ContentBlock[] }): string | null {
    const json = JSON.stringify(outline);
    return json.length > maxPreviewChars ? null : json;
  }

  /** Removes previews nobody confirmed (FerretDB has no TTL index); the collection only holds minutes of them. */
  private async purgeExpired(now: number): Promise<void> {
    if (now - this.purgedAt <= lifetimeMs) return;
    this.purgedAt = now;
    await this.model.deleteMany({ expiresAt: { $lte: new Date(now) } });
  }

  async save(preview: Omit<WordImportPreviewRecord, '_id' | 'expiresAt'>): Promise<{ id: string; expiresAt: Date }> {
    const now = Date.now();
    await this.purgeExpired(now);
    const id = randomBytes(12).toString('hex');
    const expiresAt = new Date(now + lifetimeMs);
    await this.model.create({ ...preview, _id: id, expiresAt });
    return { id, expiresAt };
  }

  /** The preview, or null when there is none or it expired. */
  async find(id: string): Promise<WordImportPreview | null> {
    await this.purgeExpired(Date.now());
    const record = await this.model.findById(id).lean();
    if (!record || record.expiresAt <= new Date()) return null;
    const { chapters, blocks } = JSON.parse(record.content) as { chapters: OutlineChapter[]; blocks: ContentBlock[] };
    return { id: record._id, trajectoryId: record.trajectoryId, userId: record.userId, fileName: record.fileName, sha256: record.sha256, chapters, blocks, images: record.images, expiresAt: record.expiresAt };
  }

  async remove(id: string): Promise<void> {
    await this.model.deleteOne({ _id: id });
  }
}

const stores = new WeakMap<Models, WordImportPreviews>();
export function wordImportPreviewsFor(models: Models): WordImportPreviews {
  let found = stores.get(models);
  if (!found) stores.set(models, (found = new WordImportPreviews(models)));
  return found;
}
