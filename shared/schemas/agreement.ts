import { z } from 'zod';
import { clauseStatuses } from '../domain/agreement';
import { id, title } from './common';
import { stakeholderGroups } from '../live-table/polls';
import { onBehalfOf } from './on-behalf';

/*
 * The draft agreement (concept-inkoopovereenkomst): chapters with numbered clauses, whose
 * text lives in Yjs documents at /collab/<clauseDocumentName(...)>. Everything else about a
 * clause (title, status, topics, variants) is structure kept in MongoDB and changed through REST.
 */

const shortTitle = title;
const body = z.string().trim().min(1, 'is required').max(5000, 'is too long');
const reason = z.string().trim().min(1, 'a reason is required').max(2000, 'is too long');

// ---------- structure ----------

export const createChapterRequest = z.object({ title: shortTitle }).strict();
export const updateChapterRequest = z
  .object({ title: shortTitle.optional(), position: z.number().int().min(0).max(1000).optional() })
  .strict();

export const createClauseRequest = z
  .object({
    chapterId: id,
    title: shortTitle,
    topicIds: z.array(id).max(50).default([]),
    /** Plain text to start from; paragraphs separated by blank lines. */
    text: z.string().max(50_000, 'is too long').default(''),
  })
  .strict();

export const updateClauseRequest = z
  .object({
    title: shortTitle.optional(),
    status: z.enum(clauseStatuses).optional(),
    topicIds: z.array(id).max(50).optional(),
    /** Moving: to another chapter and/or another place (0 = first). */
    chapterId: id.optional(),
    position: z.number().int().min(0).max(1000).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });

export const variantRequest = z
  .object({
    label: shortTitle,
    /** Names of the trajectory's participating municipalities the variant applies to. */
    municipalities: z.array(z.string().trim().min(1).max(120)).min(1, 'choose at least one municipality').max(50),
  })
  .strict();

const variantDto = z.object({
  id: z.string(),
  label: z.string(),
  municipalities: z.array(z.string()),
  documentName: z.string(),
});
export type VariantDto = z.infer<typeof variantDto>;

const clauseDto = z.object({
  id: z.string(),
  chapterId: z.string(),
  number: z.number(),
  position: z.number(),
  title: z.string(),
  /** A short summary in plain language (B1), empty when none was written. */
  summary: z.string(),
  status: z.enum(clauseStatuses),
  topics: z.array(z.object({ id: z.string(), title: z.string() })),
  variants: z.array(variantDto),
  documentName: z.string(),
  /** What the person asking may do with the text now. */
  access: z.enum(['edit', 'comment', 'read']),
  openComments: z.number(),
  pendingAmendments: z.number(),
  updatedAt: z.string(),
});
export type ClauseDto = z.infer<typeof clauseDto>;

const chapterDto = z.object({
  id: z.string(),
  number: z.number(),
  position: z.number(),
  title: z.string(),
  clauses: z.array(clauseDto),
});
export type ChapterDto = z.infer<typeof chapterDto>;

export const agreementDto = z.object({
  trajectoryId: z.string(),
  title: z.string(),
  chapters: z.array(chapterDto),
  /** What the person asking may do with the structure. */
  mayManage: z.boolean(),
});
export type AgreementDto = z.infer<typeof agreementDto>;

// ---------- comments ----------

/** A Yjs relative position, encoded with Y.encodeRelativePosition and base64. */
const relativePosition = z
  .string()
  .max(400, 'is too long')
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'is not an encoded position');

const textAnchor = z
  .object({
    /** null: the regional text; otherwise the municipality variant. */
    variantId: id.nullable().default(null),
    start: relativePosition,
    end: relativePosition,
    /** The words the anchor covered when it was made, shown when they are edited away. */
    quote: z.string().trim().min(1, 'select some text first').max(2000, 'is too long'),
  })
  .strict();
export type TextAnchor = z.infer<typeof textAnchor>;

export const createCommentRequest = z
  .object({
    anchor: textAnchor,
    body,
    /** Client representatives only: the table sees "cliëntvertegenwoordiger", the facilitator sees who. */
    anonymous: z.boolean().default(false),
    /** The facilitator and the procurement team only: recorded for someone without an account. */
    onBehalfOf: onBehalfOf.optional(),
  })
  .strict();
export const replyRequest = z.object({ body, anonymous: z.boolean().default(false) }).strict();
export const commentStatusRequest = z.object({ status: z.enum(['open', 'resolved']) }).strict();

const authorDto = z.object({
  /** null when the author is hidden from the person asking. */
  id: z.string().nullable(),
  name: z.string().nullable(),
  organisationName: z.string().nullable(),
  group: z.enum(stakeholderGroups),
  anonymous: z.boolean(),
});
export type AuthorDto = z.infer<typeof authorDto>;

const commentReplyDto = z.object({
  id: z.string(),
  body: z.string(),
  author: authorDto,
  createdAt: z.string(),
});

export const commentDto = z.object({
  id: z.string(),
  clauseId: z.string(),
  clauseNumber: z.number(),
  clauseTitle: z.string(),
  variantId: z.string().nullable(),
  anchor: z.object({ start: z.string(), end: z.string(), quote: z.string() }),
  body: z.string(),
  /** The author recorded it: the one who recorded it; shown "Ingebracht namens …" instead of their group. */
  author: authorDto,
  /** Recorded on behalf of someone without an account (free description); null for one's own comment. */
  onBehalfOf: z.string().nullable(),
  status: z.enum(['open', 'resolved']),
  resolvedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  replies: z.array(commentReplyDto),
  createdAt: z.string(),
  /** What the person asking may do with it. */
  mayResolve: z.boolean(),
});
export type CommentDto = z.infer<typeof commentDto>;

// ---------- amendments ----------

export const proposeAmendmentRequest = z
  .object({
    variantId: id.nullable().default(null),
    /** A part of the clause; without an anchor the proposal replaces the whole text. */
    anchor: z.object({ start: relativePosition, end: relativePosition }).strict().nullable().default(null),
    originalText: z.string().max(20_000, 'is too long').default(''),
    proposedText: z.string().trim().min(1, 'is required').max(20_000, 'is too long'),
    motivation: body,
  })
  .strict();

export const decideAmendmentRequest = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept') }).strict(),
  z.object({ decision: z.literal('decline'), reason }).strict(),
]);

export const amendmentStatuses = ['pending', 'accepted', 'declined', 'withdrawn'] as const;

export const amendmentDto = z.object({
  id: z.string(),
  clauseId: z.string(),
  clauseNumber: z.number(),
  clauseTitle: z.string(),
  variantId: z.string().nullable(),
  anchor: z.object({ start: z.string(), end: z.string() }).nullable(),
  originalText: z.string(),
  proposedText: z.string(),
  motivation: z.string(),
  author: authorDto,
  status: z.enum(amendmentStatuses),
  decidedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
  replies: z.array(commentReplyDto),
  createdAt: z.string(),
  mayDecide: z.boolean(),
});
export type AmendmentDto = z.infer<typeof amendmentDto>;

// ---------- versions ----------

export const createVersionRequest = z
  .object({
    name: shortTitle,
    /** A version of one clause, or (without) of the whole agreement. */
    clauseId: id.nullable().default(null),
  })
  .strict();

export const versionDto = z.object({
  id: z.string(),
  name: z.string(),
  clauseId: z.string().nullable(),
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
});
export type VersionDto = z.infer<typeof versionDto>;

/** One stored document of a version: enough to show it read-only and to compare it. */
const versionDocumentDto = z.object({
  clauseId: z.string(),
  variantId: z.string().nullable(),
  number: z.number(),
  title: z.string(),
  variantLabel: z.string().nullable(),
  /** Y.encodeStateAsUpdate of the document, base64. */
  state: z.string(),
  text: z.string(),
});
export const versionContentDto = versionDto.extend({ documents: z.array(versionDocumentDto) });
export type VersionContentDto = z.infer<typeof versionContentDto>;

/** `from`/`to`: a version id, or `current` for the text as it is now. */
export const compareQuery = z
  .object({
    clauseId: id,
    variantId: id.optional(),
    from: z.union([id, z.literal('current')]),
    to: z.union([id, z.literal('current')]),
  })
  .strict();

export const restoreVersionRequest = z.object({ clauseId: id, variantId: id.nullable().default(null) }).strict();

/** What GET /compare answers: `from`/`to` are the versions' names, or `current`. */
export const compareResult = z.object({
  from: z.string(),
  to: z.string(),
  segments: z.array(z.object({ kind: z.enum(['same', 'inserted', 'deleted', 'moved-from', 'moved-to']), text: z.string(), moveId: z.number().optional() })),
  summary: z.object({ inserted: z.number(), deleted: z.number(), moved: z.number() }),
});
export type CompareResult = z.infer<typeof compareResult>;
export const restoreResult = z.object({ restored: z.literal(true) });

/** The query of the comment list: one clause's, or those with one status. */
export const listCommentsQuery = z
  .object({ clauseId: id.optional(), status: z.enum(['open', 'resolved']).optional() })
  .strict();
