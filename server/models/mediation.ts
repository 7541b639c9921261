import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { mediationStatuses, type MediationStatus } from '../../shared/schemas/mediation';

/**
 * A mediation request (bemiddelingsverzoek) on a trajectory: filed by the procurement team or by
 * providers, joined by other providers, a mediator seated by a platform administrator, closed
 * with an outcome both sides read. The confidential thread is kept apart (mediation messages).
 */
export interface MediationRequestRecord {
  _id: Types.ObjectId;
  trajectoryId: Types.ObjectId;
  issue: string;
  filedBy: Types.ObjectId;
  filedBySide: 'procurement' | 'providers';
  /** The providers who asked (their accounts): the confidential thread is theirs and the mediator's. */
  requesterUserIds: Types.ObjectId[];
  requesterOrganisationIds: Types.ObjectId[];
  mediatorUserId: Types.ObjectId | null;
  status: MediationStatus;
  outcome: string | null;
  filedAt: Date;
  seatedAt: Date | null;
  closedAt: Date | null;
  /** Messages in the thread so far; a message's `_id` is `<request id>:<n>`, so the thread is read by `_id`. */
  messageCount: number;
}

const schema = new Schema<MediationRequestRecord>(
  {
    trajectoryId: { type: Schema.Types.ObjectId, required: true },
    issue: { type: String, required: true },
    filedBy: { type: Schema.Types.ObjectId, required: true },
    filedBySide: { type: String, enum: ['procurement', 'providers'], required: true },
    requesterUserIds: [{ type: Schema.Types.ObjectId }],
    requesterOrganisationIds: [{ type: Schema.Types.ObjectId }],
    mediatorUserId: { type: Schema.Types.ObjectId, default: null },
    status: { type: String, enum: mediationStatuses, default: 'filed' },
    outcome: { type: String, default: null },
    filedAt: { type: Date, required: true },
    seatedAt: { type: Date, default: null },
    closedAt: { type: Date, default: null },
    messageCount: { type: Number, default: 0 },
  },
  { collection: 'mediation_requests', versionKey: false },
);
schema.index({ trajectoryId: 1, filedAt: 1 });

export interface MediationMessageRecord {
  /** `<request id>:<n>`, n from 1: the thread's messages are read by `_id`, never by a filter. */
  _id: string;
  requestId: Types.ObjectId;
  authorId: Types.ObjectId;
  text: string;
  at: Date;
}

const messageSchema = new Schema<MediationMessageRecord>(
  {
    _id: { type: String, required: true },
    requestId: { type: Schema.Types.ObjectId, required: true },
    authorId: { type: Schema.Types.ObjectId, required: true },
    text: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'mediation_messages', versionKey: false },
);

export const mediationRequestModel = (c: Connection): Model<MediationRequestRecord> =>
  (c.models.MediationRequest as Model<MediationRequestRecord>) ?? c.model<MediationRequestRecord>('MediationRequest', schema);
export const mediationMessageModel = (c: Connection): Model<MediationMessageRecord> =>
  (c.models.MediationMessage as Model<MediationMessageRecord>) ?? c.model<MediationMessageRecord>('MediationMessage', messageSchema);
