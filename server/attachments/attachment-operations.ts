import { Readable } from 'node:stream';
import { z } from 'zod';
import { attachmentFileName, attachmentParent, type AttachmentDto, type AttachmentListDto } from '../../shared/schemas/attachments';
import { id } from '../../shared/schemas/common';
import { AppError, notFound } from '../errors';
import type { Models } from '../models';
import type { AttachmentRecord, AttachmentVersionRecord } from '../models/attachment';
import { authorizeTrajectory } from '../commands/access';
import { defineOperation, noBody, type Effect, type OperationContext } from '../commands/operation';
import { trajectoryParams } from '../commands/trajectories/trajectory-operations';
import { organisationNames, userNames } from '../models/names';
import { authorizeParent, hidesUploader, type ParentAccess } from './attachment-parents';
import { readFile, storeUpload } from './attachment-store';

const attachmentParams = trajectoryParams.extend({ attachmentId: id });
const fileParams = attachmentParams.extend({ fileId: id });

/**
 * An upload as the route hands it over: the file name from the query string, the declared type
 * and length from the headers, and the request itself as the stream of bytes. Only
 * `application/octet-stream` is taken, so no body parser has read the stream before.
 */
const upload = z
  .object({
    name: attachmentFileName,
    contentType: z.literal('application/octet-stream', { error: 'must be application/octet-stream (the file as it is)' }),
    declaredLength: z.coerce.number().int().min(0).optional(),
    stream: z.custom<Readable>((v) => v instanceof Readable, 'is not a request body'),
  })
  .strict();
const newUpload = upload.extend(attachmentParent.shape).strict();

const maxBytes = (ctx: OperationContext) => ctx.services.config.attachments.maxBytes;

async function receive(ctx: OperationContext, trajectoryId: string, body: z.infer<typeof upload>, access: ParentAccess): Promise<AttachmentVersionRecord> {
  // A declared length over the limit is refused before a byte is read.
  if (body.declaredLength !== undefined && body.declaredLength > maxBytes(ctx)) throw new AppError('payload_too_large', `A file may be at most ${maxBytes(ctx)} bytes.`, { file: 'too_large' });
  const stored = await storeUpload(ctx.services.models, trajectoryId, body.name, body.stream, maxBytes(ctx));
  return {
    ...stored,
    name: body.name,
    uploadedBy: access.user.userId as never,
    uploaderOrganisationId: (access.seat?.organisationId ?? null) as never,
    uploadedAt: new Date(),
  };
}

/** The records as this person may see them: names read at read time (an erased uploader shows as "oud-deelnemer"). */
async function views(models: Models, records: AttachmentRecord[], access: ParentAccess): Promise<AttachmentDto[]> {
  const versions = records.flatMap((r) => r.versions);
  const [people, organisations] = await Promise.all([userNames(models, versions.map((v) => v.uploadedBy)), organisationNames(models, versions.map((v) => v.uploaderOrganisationId))]);
  return records.map((r) => {
    const hidden = hidesUploader(r.parentKind, access);
    return {
      id: String(r._id),
      parentKind: r.parentKind,
      parentId: String(r.parentId),
      versions: r.versions
        .map((v, i) => ({
          fileId: String(v.fileId),
          version: i + 1,
          name: v.name,
          size: v.size,
          contentType: v.contentType,
          sha256: v.sha256,
          uploadedAt: v.uploadedAt.toISOString(),
          uploader:
            hidden && String(v.uploadedBy) !== access.user.userId
              ? null
              : { name: people.get(String(v.uploadedBy)) ?? '—', organisationName: v.uploaderOrganisationId ? (organisations.get(String(v.uploaderOrganisationId)) ?? null) : null },
        }))
        .reverse(),
      removedAt: r.removedAt ? r.removedAt.toISOString() : null,
      mayManage: access.mayManage,
    };
  });
}

/**
 * The audit event of a stored file names its SHA-256. For a question it names neither the file
 * nor the person: who asked is not for the table to read, also not in the log (like question.ask).
 */
function auditOf(action: string, record: Pick<AttachmentRecord, '_id' | 'trajectoryId' | 'parentKind' | 'parentId'>, version: AttachmentVersionRecord, number: number): NonNullable<Effect<unknown>['audit']>[number] {
  const quiet = record.parentKind === 'question';
  return {
    chain: String(record.trajectoryId),
    action,
    objectType: 'attachment',
    objectId: String(record._id),
    summary: { parentKind: record.parentKind, parentId: String(record.parentId), version: number, ...(quiet ? {} : { name: version.name }), size: version.size, contentType: version.contentType, sha256: version.sha256 },
    ...(quiet ? { anonymous: true } : {}),
  };
}

const changed = (trajectoryId: string) => [{ trajectoryId, what: 'attachments' as const }];

async function findAttachment(models: Models, trajectoryId: string, attachmentId: string): Promise<AttachmentRecord> {
  const record = await models.attachments.findOne({ _id: attachmentId, trajectoryId }).lean();
  if (!record) throw notFound();
  return record;
}

/** A parent's files, in the order they were added; removed ones only for those who manage them. */
export const listAttachments = defineOperation({
  name: 'attachment.list',
  params: trajectoryParams,
  body: attachmentParent,
  authorize: (ctx, p, b) => authorizeParent(ctx, p.trajectoryId, b.parentKind, b.parentId, 'view'),
  run: async (ctx, p, b, access): Promise<Effect<AttachmentListDto>> => {
    const records = await ctx.services.models.attachments
      .find({ trajectoryId: p.trajectoryId, parentKind: b.parentKind, parentId: b.parentId })
      .sort({ createdAt: 1 })
      .lean();
    const shown = records.filter((r) => !r.removedAt || access.mayManage);
    return { result: { attachments: await views(ctx.services.models, shown, access), mayUpload: access.mayManage, maxBytes: maxBytes(ctx) } };
  },
});

/** Attaches a new file; its type is decided by its content, its SHA-256 goes into the audit log. */
export const addAttachment = defineOperation({
  name: 'attachment.add',
  params: trajectoryParams,
  body: newUpload,
  authorize: (ctx, p, b) => authorizeParent(ctx, p.trajectoryId, b.parentKind, b.parentId, 'manage'),
  run: async (ctx, p, b, access): Promise<Effect<AttachmentDto>> => {
    const version = await receive(ctx, p.trajectoryId, b, access);
    const record = await ctx.services.models.attachments.create({ trajectoryId: p.trajectoryId, parentKind: b.parentKind, parentId: b.parentId, versions: [version] });
    const [view] = await views(ctx.services.models, [record.toObject()], access);
    return { result: view!, audit: [auditOf('attachment.add', record, version, 1)], publish: changed(p.trajectoryId) };
  },
});

/** Loads an attachment and asks its parent's policy; the trajectory policy answers first, so outsiders learn nothing. */
async function authorizeAttachment(ctx: OperationContext, trajectoryId: string, attachmentId: string, need: 'view' | 'manage'): Promise<ParentAccess & { record: AttachmentRecord }> {
  await authorizeTrajectory(ctx, trajectoryId, 'trajectory.view');
  const record = await findAttachment(ctx.services.models, trajectoryId, attachmentId);
  const access = await authorizeParent(ctx, trajectoryId, record.parentKind, String(record.parentId), need);
  if (record.removedAt && (need === 'manage' || !access.mayManage)) throw notFound();
  return { ...access, record };
}

/** Replaces a file: the new version is added, every earlier one stays listed and downloadable. */
export const replaceAttachment = defineOperation({
  name: 'attachment.replace',
  params: attachmentParams,
  body: upload,
  authorize: (ctx, p) => authorizeAttachment(ctx, p.trajectoryId, p.attachmentId, 'manage'),
  run: async (ctx, p, b, access): Promise<Effect<AttachmentDto>> => {
    const version = await receive(ctx, p.trajectoryId, b, access);
    // $push is atomic: two replacements at once both land, numbered by their place.
    const record = await ctx.services.models.attachments.findOneAndUpdate({ _id: p.attachmentId, removedAt: null }, { $push: { versions: version } }, { returnDocument: 'after' }).lean();
    if (!record) throw notFound();
    const number = record.versions.findIndex((v) => String(v.fileId) === String(version.fileId)) + 1;
    const [view] = await views(ctx.services.models, [record], access);
    return { result: view!, audit: [auditOf('attachment.replace', record, version, number)], publish: changed(p.trajectoryId) };
  },
});

/**
 * Removes a file from its parent's list. The bytes and every version stay (the procurement file
 * must show what was on the table, and the audit log's SHA-256 can then still be checked); those
 * who manage the parent still see it, marked as removed.
 */
export const removeAttachment = defineOperation({
  name: 'attachment.remove',
  params: attachmentParams,
  body: noBody,
  authorize: (ctx, p) => authorizeAttachment(ctx, p.trajectoryId, p.attachmentId, 'manage'),
  run: async (ctx, p, _b, access): Promise<Effect<undefined>> => {
    const result = await ctx.services.models.attachments.updateOne({ _id: p.attachmentId, removedAt: null }, { $set: { removedAt: new Date(), removedBy: access.user.userId } });
    if (result.modifiedCount === 0) throw notFound();
    const record = access.record;
    const last = record.versions[record.versions.length - 1]!;
    return { result: undefined, audit: [auditOf('attachment.remove', record, last, record.versions.length)], publish: changed(p.trajectoryId) };
  },
});

export interface Download {
  version: AttachmentVersionRecord;
  bytes: () => AsyncGenerator<Buffer>;
}

/** One version's bytes, for whoever may see the parent. */
export const downloadAttachment = defineOperation({
  name: 'attachment.download',
  params: fileParams,
  body: noBody,
  authorize: (ctx, p) => authorizeAttachment(ctx, p.trajectoryId, p.attachmentId, 'view'),
  run: async (ctx, p, _b, access): Promise<Effect<Download>> => {
    const version = access.record.versions.find((v) => String(v.fileId) === p.fileId);
    if (!version) throw notFound();
    return { result: { version, bytes: () => readFile(ctx.services.models, p.fileId, version.chunkCount) } };
  },
});
