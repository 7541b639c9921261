import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { Role } from '../../shared/domain/roles';
import { roles } from '../../shared/domain/roles';

export interface AuthorFields {
  authorId: Types.ObjectId;
  /** The author's organisation and role when they wrote it: what they contributed stays theirs. */
  authorOrganisationId: Types.ObjectId | null;
  authorRole: Role;
  anonymous: boolean;
}

export interface ReplyRecord extends AuthorFields {
  _id: Types.ObjectId;
  body: string;
  createdAt: Date;
}

/** A comment anchored to a range of a clause's text by two Yjs relative positions. */
export interface CommentRecord extends AuthorFields {
  _id: Types.ObjectId;
  trajectoryId: Types.ObjectId;
  clauseId: Types.ObjectId;
  variantId: Types.ObjectId | null;
  anchor: { start: string; end: string; quote: string };
  body: string;
  status: 'open' | 'resolved';
  resolvedBy: Types.ObjectId | null;
  resolvedAt: Date | null;
  replies: ReplyRecord[];
  createdAt: Date;
  /** Recorded by the author (facilitator or procurement team) for someone without an account; null otherwise. */
  onBehalfOf?: string | null;
}

export const authorFields = {
  authorId: { type: Schema.Types.ObjectId, required: true },
  authorOrganisationId: { type: Schema.Types.ObjectId, default: null },
  authorRole: { type: String, enum: roles, required: true },
  anonymous: { type: Boolean, default: false },
};

export const replySchema = new Schema<ReplyRecord>({
  ...authorFields,
  body: { type: String, required: true },
  createdAt: { type: Date, default: () => new Date() },
});

const schema = new Schema<CommentRecord>(
  {
    trajectoryId: { type: Schema.Types.ObjectId, required: true, index: true },
    clauseId: { type: Schema.Types.ObjectId, required: true, index: true },
    variantId: { type: Schema.Types.ObjectId, default: null },
    anchor: {
      start: { type: String, required: true },
      end: { type: String, required: true },
      quote: { type: String, required: true },
    },
    ...authorFields,
    body: { type: String, required: true },
    status: { type: String, enum: ['open', 'resolved'], default: 'open' },
    resolvedBy: { type: Schema.Types.ObjectId, default: null },
    resolvedAt: { type: Date, default: null },
    replies: { type: [replySchema], default: [] },
    onBehalfOf: { type: String, default: null },
    createdAt: { type: Date, default: () => new Date() },
  },
  { collection: 'clause_comments', versionKey: false },
);

// The lists of a trajectory are read in order: filter and sort from one index (query-indexes.test.ts).
schema.index({ trajectoryId: 1, createdAt: 1 });

export const clauseCommentModel = (c: Connection): Model<CommentRecord> =>
  (c.models.ClauseComment as Model<CommentRecord>) ?? c.model<CommentRecord>('ClauseComment', schema);
