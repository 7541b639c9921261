import { z } from 'zod';
import { id } from './common';

/**
 * What a file can be attached to. Each kind names its parent's policy in
 * shared/domain/attachments.ts; a new kind (an admission application) is one more entry there.
 */
export const attachmentParentKinds = ['topic', 'clause', 'session', 'question', 'answer', 'consultation', 'application'] as const;
export type AttachmentParentKind = (typeof attachmentParentKinds)[number];

/**
 * A file name as people give it: no path, no control characters, no characters that are
 * unsafe in a header or on a disk; at most 200 characters.
 */
export const attachmentFileName = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(200, 'is too long')
  .refine((n) => !/[\u0000-\u001f\u007f/\\]/.test(n), 'must not contain a path or control characters')
  .refine((n) => n !== '.' && n !== '..', 'is not a file name');

export const attachmentParent = z.object({ parentKind: z.enum(attachmentParentKinds), parentId: id }).strict();
export type AttachmentParent = z.infer<typeof attachmentParent>;

const attachmentUploaderDto = z.object({ name: z.string(), organisationName: z.string().nullable() });

const attachmentVersionDto = z.object({
  /** The stored file; its download address is …/attachments/:id/files/:fileId. */
  fileId: z.string(),
  version: z.number().int().min(1),
  name: z.string(),
  size: z.number().int().min(0),
  contentType: z.string(),
  sha256: z.string(),
  uploadedAt: z.string(),
  /** Null where the parent's anonymity rules hide who uploaded (a provider's question). */
  uploader: attachmentUploaderDto.nullable(),
});
export type AttachmentVersionDto = z.infer<typeof attachmentVersionDto>;

export const attachmentDto = z.object({
  id: z.string(),
  parentKind: z.enum(attachmentParentKinds),
  parentId: z.string(),
  /** The newest version first; every earlier version stays downloadable. */
  versions: z.array(attachmentVersionDto).min(1),
  removedAt: z.string().nullable(),
  mayManage: z.boolean(),
});
export type AttachmentDto = z.infer<typeof attachmentDto>;

export const attachmentListDto = z.object({ attachments: z.array(attachmentDto), mayUpload: z.boolean(), maxBytes: z.number().int() });
export type AttachmentListDto = z.infer<typeof attachmentListDto>;
