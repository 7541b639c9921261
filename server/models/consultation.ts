import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { consultationStatuses, responseOutcomes, type ConsultationStatus, type ResponseOutcome } from '../../shared/domain/consultation';
import { authorFields, type AuthorFields } from './clause-comment';

/** A consultation on a version of the whole agreement; `status` is what the team set, the closing date does the rest. */
export interface ConsultationRecord {
  _id: Types.ObjectId;
  trajectoryId: Types.ObjectId;
  versionId: Types.ObjectId;
  title: string;
  explanation: string | null;
  /** YYYY-MM-DD: reactions are accepted through this whole day in Europe/Amsterdam. */
  closesOn: string;
  status: ConsultationStatus;
  createdBy: Types.ObjectId;
  createdAt: Date;
  closedAt: Date | null;
  closedBy: Types.ObjectId | null;
  publishedAt: Date | null;
  publishedBy: Types.ObjectId | null;
}

export interface ReactionResponseRecord {
  text: string;
  outcome: ResponseOutcome;
  amendmentId: Types.ObjectId | null;
  versionId: Types.ObjectId | null;
  respondedBy: Types.ObjectId;
  respondedAt: Date;
}

/** One reaction on one clause of the consultation's version, with the team's response once given. */
export interface ReactionRecord extends AuthorFields {
  _id: Types.ObjectId;
  trajectoryId: Types.ObjectId;
  consultationId: Types.ObjectId;
  clauseId: Types.ObjectId;
  text: string;
  response: ReactionResponseRecord | null;
  /** Recorded by the author (facilitator or procurement team) for someone without an account; null otherwise. */
  onBehalfOf?: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const consultationSchema = new Schema<ConsultationRecord>(
  {
    trajectoryId: { type: Schema.Types.ObjectId, required: true, index: true },
    versionId: { type: Schema.Types.ObjectId, required: true },
    title: { type: String, required: true },
    explanation: { type: String, default: null },
    closesOn: { type: String, required: true },
    status: { type: String, enum: consultationStatuses, default: 'open' },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    createdAt: { type: Date, default: () => new Date() },
    closedAt: { type: Date, default: null },
    closedBy: { type: Schema.Types.ObjectId, default: null },
    publishedAt: { type: Date, default: null },
    publishedBy: { type: Schema.Types.ObjectId, default: null },
  },
  { collection: 'consultations', versionKey: false },
);

const responseSchema = new Schema<ReactionResponseRecord>(
  {
    text: { type: String, required: true },
    outcome: { type: String, enum: responseOutcomes, required: true },
    amendmentId: { type: Schema.Types.ObjectId, default: null },
    versionId: { type: Schema.Types.ObjectId, default: null },
    respondedBy: { type: Schema.Types.ObjectId, required: true },
    respondedAt: { type: Date, required: true },
  },
  { _id: false },
);

const reactionSchema = new Schema<ReactionRecord>(
  {
    trajectoryId: { type: Schema.Types.ObjectId, required: true },
    consultationId: { type: Schema.Types.ObjectId, required: true, index: true },
    clauseId: { type: Schema.Types.ObjectId, required: true },
    ...authorFields,
    text: { type: String, required: true },
    response: { type: responseSchema, default: null },
    onBehalfOf: { type: String, default: null },
    createdAt: { type: Date, default: () => new Date() },
    updatedAt: { type: Date, default: () => new Date() },
  },
  { collection: 'consultation_reactions', versionKey: false },
);

export const consultationModel = (c: Connection): Model<ConsultationRecord> =>
  (c.models.Consultation as Model<ConsultationRecord>) ?? c.model<ConsultationRecord>('Consultation', consultationSchema);
export const consultationReactionModel = (c: Connection): Model<ReactionRecord> =>
  (c.models.ConsultationReaction as Model<ReactionRecord>) ?? c.model<ReactionRecord>('ConsultationReaction', reactionSchema);
