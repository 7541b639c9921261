import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import { clauseDocumentName } from '../../shared/domain/agreement';
import { clauseFragment, replaceContent } from '../../shared/domain/clause-text';
import { confirmWordImportRequest, outlineProblems, uploadWordImportRequest, type WordImportPreviewDto, type WordImportResult } from '../../shared/schemas/word-import';
import { defaultWordImportLimits } from '../config';
import type { Services } from '../services';
import { AppError } from '../errors';
import { defineTrajectoryOperation } from '../commands/operation';
import { trajectoryParams } from '../commands/trajectories/trajectory-operations';
import { blocksToYjs } from './blocks-to-yjs';
import { isFinal } from '../commands/guards';
import { enforce } from '../commands/access';
import { decideTrajectoryAction } from '../policies/trajectory-policy';
import { WordImportPreviews, wordImportPreviewsFor, type WordImportPreview } from './preview-store';
import { checkWordFile, wordFileRefusal } from './word-file';
import { wordOutline } from './word-outline';

/** The title of the chapter that holds what comes before the document's first Heading 1. */
const firstChapterTitle = 'Inleiding';

const previewGone = () =>
  new AppError('gone', 'The preview of this import has expired or was already used; upload the file again.', { reason: 'preview_expired' });

/**
 * Step 1: the file in, a preview out. Nothing of the agreement changes; the parsed outline is
 * kept server-side for a short while under a random id, so that the confirmation can only
 * regroup the file's own text (and the audit's SHA-256 describes what was imported).
 */
export const previewWordImport = defineTrajectoryOperation({
  name: 'agreement.import.preview',
  action: 'agreement.manage',
  params: trajectoryParams,
  body: uploadWordImportRequest,
  run: async (ctx, p, body, access) => {
    const { models, config } = ctx.services;
    // Early and without the agreement's lock (reading a file takes seconds; nothing of the
    // agreement is written here): the confirmation checks again under the lock.
    enforce(decideTrajectoryAction(ctx.actor, access.seat, 'agreement.manage', { agreementFinal: await isFinal(models, p.trajectoryId) }));
    const limits = config.wordImport ?? defaultWordImportLimits;
    // The route's body limit already refused larger uploads; this holds for any other caller.
    if (body.file.length > limits.maxFileBytes) throw new AppError('payload_too_large', 'The file is larger than the import accepts.', { reason: 'too_large' });
    await checkWordFile(body.file, limits.maxUnpackedBytes);
    const outline = await wordOutline(body.file, { chapter: firstChapterTitle });
    const content = WordImportPreviews.serialise(outline);
    if (content === null) throw wordFileRefusal('too_long');
    const sha256 = createHash('sha256').update(body.file).digest('hex');
    const fileName = body.fileName.slice(0, 255);
    const saved = await wordImportPreviewsFor(models).save({ trajectoryId: p.trajectoryId, userId: access.user.userId, fileName, sha256, content, images: outline.skipped.images });
    const result: WordImportPreviewDto = {
      previewId: saved.id,
      fileName,
      sha256,
      expiresAt: saved.expiresAt.toISOString(),
      chapters: outline.chapters,
      blocks: outline.blocks,
      skipped: outline.skipped,
    };
    return { result };
  },
});

/**
 * Step 2: the confirmed outline in; every chapter, clause and clause text created in one
 * audited step, under the agreement's lock (which the final sign-off holds too).
 */
export const confirmWordImport = defineTrajectoryOperation({
  name: 'agreement.import',
  action: 'agreement.manage',
  params: trajectoryParams,
  body: confirmWordImportRequest,
  locks: ['agreement'],
  guards: ['agreementOpen'],
  run: async (ctx, p, body, access) => {
    const { models } = ctx.services;
    const previews = wordImportPreviewsFor(models);
    const preview = await previews.find(body.previewId);
    // Someone else's preview, or another trajectory's, is as absent as an expired one.
    if (!preview || preview.trajectoryId !== p.trajectoryId || preview.userId !== access.user.userId) throw previewGone();
    const problem = outlineProblems(body.chapters, preview.blocks.length);
    if (problem) throw new AppError('validation_failed', 'The input is not valid.', { chapters: problem });

    const created = await createAgreementParts(ctx.services, p.trajectoryId, access.user.userId, body.chapters, preview);
    await previews.remove(preview.id);
    const result: WordImportResult = { chapters: created.chapterIds.length, clauses: created.clauseCount, chapterIds: created.chapterIds };
    return {
      result,
      audit: [
        {
          chain: p.trajectoryId,
          action: 'agreement.import',
          objectType: 'agreement',
          objectId: p.trajectoryId,
          summary: { sha256: preview.sha256, fileName: preview.fileName, chapters: result.chapters, clauses: result.clauses, chapterIds: created.chapterIds },
        },
      ],
      publish: [{ trajectoryId: p.trajectoryId, what: 'agreement' }],
    };
  },
});

/**
 * Clause texts first, then the structure in two writes: until the clauses exist nobody can open
 * their documents, so a failure leaves no half-made agreement in view. When the structure write
 * fails, what it did write is removed again.
 */
async function createAgreementParts(services: Services, trajectoryId: string, userId: string, chapters: ConfirmChapters, preview: WordImportPreview) {
  const { models, documents } = services;
  const firstPosition = await models.chapters.countDocuments({ trajectoryId });
  const now = new Date();
  const chapterRecords = chapters.map((chapter, index) => ({ _id: new Types.ObjectId(), trajectoryId: new Types.ObjectId(trajectoryId), title: chapter.title, position: firstPosition + index, createdAt: now }));
  const clauseRecords = chapters.flatMap((chapter, c) =>
    chapter.clauses.map((clause, position) => ({
      record: {
        _id: new Types.ObjectId(),
        trajectoryId: new Types.ObjectId(trajectoryId),
        chapterId: chapterRecords[c]!._id,
        position,
        title: clause.title,
        status: 'concept' as const,
        topicIds: [],
        variants: [],
        createdBy: new Types.ObjectId(userId),
        createdAt: now,
        updatedAt: now,
      },
      blocks: clause.blocks.map((i) => preview.blocks[i]!),
    })),
  );
  for (const { record, blocks } of clauseRecords) {
    if (blocks.length === 0) continue;
    await documents.change(clauseDocumentName(trajectoryId, String(record._id)), (doc) => replaceContent(clauseFragment(doc), blocksToYjs(blocks)));
  }
  try {
    await models.chapters.insertMany(chapterRecords, { ordered: true });
    if (clauseRecords.length) await models.clauses.insertMany(clauseRecords.map((c) => c.record), { ordered: true });
  } catch (error) {
    await models.clauses.deleteMany({ _id: { $in: clauseRecords.map((c) => c.record._id) } }).catch(() => undefined);
    await models.chapters.deleteMany({ _id: { $in: chapterRecords.map((c) => c._id) } }).catch(() => undefined);
    throw error;
  }
  return { chapterIds: chapterRecords.map((c) => String(c._id)), clauseCount: clauseRecords.length };
}

type ConfirmChapters = ReturnType<typeof confirmWordImportRequest.parse>['chapters'];
