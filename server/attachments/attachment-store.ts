import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import { AppError } from '../errors';
import type { Models } from '../models';
import { chunkBytes, chunkId } from '../models/attachment';
import { checkFileType, headBytes, textChecker } from './file-check';

export interface StoredFile {
  fileId: Types.ObjectId;
  size: number;
  sha256: string;
  chunkCount: number;
  contentType: string;
}

const tooLarge = (maxBytes: number) => new AppError('payload_too_large', `A file may be at most ${maxBytes} bytes.`, { file: 'too_large' });

/**
 * Stores an upload as it arrives: hashed (SHA-256) piece by piece, written in chunks of 255 KB
 * addressed by `<fileId>:<n>`. Nothing is written before the first megabyte (or the whole file,
 * if smaller) has passed the type check; a file that turns out too large, or a connection that
 * breaks off, has its chunks removed again, so a refused upload leaves nothing behind.
 */
export async function storeUpload(models: Models, trajectoryId: string, name: string, body: AsyncIterable<Buffer | string>, maxBytes: number): Promise<StoredFile> {
  const fileId = new Types.ObjectId();
  const hash = createHash('sha256');
  let size = 0;
  let written = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let head: Buffer[] | null = [];
  let contentType = '';
  let text: ReturnType<typeof textChecker> | null = null;

  const writeChunk = async (data: Buffer) => {
    await models.attachmentChunks.create({ _id: chunkId(String(fileId), written), trajectoryId, data });
    written++;
  };
  const take = async (piece: Buffer, final: boolean) => {
    text?.push(piece);
    pending.push(piece);
    pendingBytes += piece.length;
    while (pendingBytes >= chunkBytes || (final && pendingBytes > 0)) {
      const all = Buffer.concat(pending);
      await writeChunk(all.subarray(0, chunkBytes));
      const rest = all.subarray(chunkBytes);
      pending = rest.length ? [rest] : [];
      pendingBytes = rest.length;
    }
  };
  const check = async () => {
    const start = Buffer.concat(head!);
    head = null;
    if (start.length === 0) throw new AppError('validation_failed', 'The file is empty.', { file: 'empty' });
    const decided = await checkFileType(name, start);
    contentType = decided.mime;
    if (decided.type === 'csv' || decided.type === 'txt') text = textChecker();
    await take(start, false);
  };

  // A refusal mid-stream reads the rest of the body without keeping it: breaking off the request
  // would reset the connection before the client reads the answer that says why.
  let refusal: unknown = null;
  try {
    for await (const raw of body) {
      if (refusal) continue;
      try {
        const piece = typeof raw === 'string' ? Buffer.from(raw) : raw;
        size += piece.length;
        if (size > maxBytes) throw tooLarge(maxBytes);
        hash.update(piece);
        if (head) {
          head.push(piece);
          if (size >= headBytes) await check();
        } else await take(piece, false);
      } catch (error) {
        refusal = error;
      }
    }
    if (refusal) throw refusal;
    if (head) await check();
    await take(Buffer.alloc(0), true);
    (text as ReturnType<typeof textChecker> | null)?.end();
  } catch (error) {
    await removeChunks(models, String(fileId), written);
    throw error;
  }
  return { fileId, size, sha256: hash.digest('hex'), chunkCount: written, contentType };
}

/** Removes a file's chunks one `_id` at a time (used only to undo a refused upload). */
export async function removeChunks(models: Models, fileId: string, count: number): Promise<void> {
  for (let n = 0; n < count; n++) await models.attachmentChunks.deleteOne({ _id: chunkId(fileId, n) });
}

/** A stored file's bytes in order, one chunk read by `_id` at a time. */
export async function* readFile(models: Models, fileId: string, chunkCount: number): AsyncGenerator<Buffer> {
  for (let n = 0; n < chunkCount; n++) {
    const chunk = await models.attachmentChunks.findById(chunkId(fileId, n)).lean();
    if (!chunk) throw new Error(`attachment chunk ${chunkId(fileId, n)} is missing`);
    const data = chunk.data as unknown as Buffer | { buffer: Uint8Array };
    yield Buffer.isBuffer(data) ? data : Buffer.from(data.buffer);
  }
}
