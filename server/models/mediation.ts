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
  },
  { collection: 'mediation_requests', versionKey: false },
);
schema.index({ trajectoryId: 1, filedAt: 1 });

/**
 * The confidential thread of a request: one document per request, `_id` the request's, so it is
 * read and written by `_id` only. Only the mediator and the providers who asked read it
 * (shared/policy: mediation.thread); it has a cap (maxThreadMessages) so it stays one document.
 */
export interface MediationThreadRecord {
  _id: Types.ObjectId;
  trajectoryId: Types.ObjectId;
  messages: Array<{ authorId: Types.ObjectId; text: string; at: Date }>;
}
export const maxThreadMessages = 500;

const threadSchema = new Schema<MediationThreadRecord>(
  {
    trajectoryId: { type: Schema.Types.ObjectId, required: true },
    messages: [{ _id: false, authorId: { type: Schema.Types.ObjectId, required: true }, text: { type: String, required: true }, at: { type: Date, required: true } }],
  },
  { collection: 'mediation_threads', versionKey: false },
);

export const mediationRequestModel = (c: Connection): Model<MediationRequestRecord> =>
  (c.models.MediationRequest as Model<MediationRequestRecord>) ?? c.model<MediationRequestRecord>('MediationRequest', schema);
export const mediationThreadModel = (c: Connection): Model<MediationThreadRecord> =>
  (c.models.MediationThread as Model<MediationThreadRecord>) ?? c.model<MediationThreadRecord>('MediationThread', threadSchema);
