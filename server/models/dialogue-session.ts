import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { mandateRules, type MandateRule } from '../../shared/domain/provider-kinds';
import { outcomeKinds, sessionStatuses } from '../../shared/schemas/sessions';
import { roles, type Role } from '../../shared/domain/roles';

/**
 * A dialogue session and its live state. The live state is the server's truth (current topic,
 * timer, speaking queue, floor); it is changed with single-document atomic updates only.
 */
export interface DialogueSessionRecord {
  _id: Types.ObjectId;
  trajectoryId: Types.ObjectId;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date | null;
  location: string;
  onlineUrl: string | null;
  agenda: Array<{ topicId: Types.ObjectId; minutes: number }>;
  declaration: { outcomeKind: (typeof outcomeKinds)[number]; decidedBy: string };
  /** How a ballot cast with vote mandates counts (issue 19); absent: one vote. */
  mandateRule?: MandateRule;
  status: (typeof sessionStatuses)[number];
  live: {
    currentIndex: number;
    timer: { durationMs: number; startedAt: Date | null; remainingMs: number } | null;
    queue: Array<{ userId: Types.ObjectId; raisedAt: Date }>;
    floorUserId: Types.ObjectId | null;
    startedAt: Date | null;
    endedAt: Date | null;
    /**
     * The agenda's moves since the start, for the report's minutes per item. Kept on the session so
     * the report reads one document, not the trajectory's audit log; absent on sessions started
     * before it was kept (the report reads those moves from the log).
     */
    moves?: Array<{ to: number; at: Date }>;
  };
  /**
   * The iCalendar SEQUENCE: raised on every change a calendar shows (time, place, title,
   * cancellation), so a calendar program replaces its copy of the event (same UID) in place.
   */
  sequence: number;
  cancellation: { at: Date; by: Types.ObjectId; reason: string } | null;
  /** Who the session is open to: null (or absent, for sessions from before) is the whole trajectory. */
  audience?: { groups: Role[]; userIds: Types.ObjectId[] } | null;
  createdBy: Types.ObjectId | null;
  createdAt: Date;
}

const schema = new Schema<DialogueSessionRecord>(
  {
    trajectoryId: { type: Schema.Types.ObjectId, required: true, index: true },
    title: { type: String, required: true },
    description: { type: String, default: '' },
    startsAt: { type: Date, required: true },
    endsAt: { type: Date, default: null },
    location: { type: String, default: '' },
    onlineUrl: { type: String, default: null },
    agenda: [{ _id: false, topicId: { type: Schema.Types.ObjectId, required: true }, minutes: { type: Number, required: true } }],
    declaration: {
      outcomeKind: { type: String, enum: outcomeKinds, required: true },
      decidedBy: { type: String, required: true },
    },
    status: { type: String, enum: sessionStatuses, default: 'planned' },
    mandateRule: { type: String, enum: mandateRules, default: 'one_vote' },
    live: {
      currentIndex: { type: Number, default: 0 },
      timer: { type: new Schema({ durationMs: Number, startedAt: Date, remainingMs: Number }, { _id: false }), default: null },
      queue: [{ _id: false, userId: { type: Schema.Types.ObjectId, required: true }, raisedAt: { type: Date, required: true } }],
      floorUserId: { type: Schema.Types.ObjectId, default: null },
      startedAt: { type: Date, default: null },
      endedAt: { type: Date, default: null },
      moves: { type: [{ _id: false, to: { type: Number, required: true }, at: { type: Date, required: true } }], default: undefined },
    },
    sequence: { type: Number, default: 0 },
    cancellation: { type: new Schema({ at: Date, by: Schema.Types.ObjectId, reason: String }, { _id: false }), default: null },
    audience: { type: new Schema({ groups: [{ type: String, enum: roles }], userIds: [Schema.Types.ObjectId] }, { _id: false }), default: null },
    createdBy: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, default: () => new Date() },
  },
  { collection: 'dialogue_sessions', versionKey: false },
);

// The lists of a trajectory are read in order: filter and sort from one index (query-indexes.test.ts).
schema.index({ trajectoryId: 1, startsAt: 1 });

export const dialogueSessionModel = (c: Connection): Model<DialogueSessionRecord> =>
  (c.models.DialogueSession as Model<DialogueSessionRecord>) ?? c.model<DialogueSessionRecord>('DialogueSession', schema);
