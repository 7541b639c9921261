import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { roles, type Role } from '../../shared/domain/roles';

/**
 * Who took part in a dialogue session: one record per person per session (the unique key),
 * written when they join the session's live room while it is live. Presence itself is only
 * live (socket data); this is what remains of it for the report.
 */
export interface SessionAttendanceRecord {
  /** `${sessionId}:${userId}`, so joining is written by `_id` (older records have an ObjectId). */
  _id: string;
  trajectoryId: Types.ObjectId;
  sessionId: Types.ObjectId;
  userId: Types.ObjectId;
  /** The seat at the time: observers and the facilitator are recorded too, marked by role. */
  role: Role;
  organisationId: Types.ObjectId | null;
  /** A client representative who chose to be shown without name (reports show "een cliëntvertegenwoordiger"). */
  anonymous?: boolean;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

const schema = new Schema<SessionAttendanceRecord>(
  {
    _id: {
      type: String,
      required: true,
      default(this: { sessionId?: unknown; userId?: unknown }) {
        return attendanceId(String(this.sessionId), String(this.userId));
      },
    },
    trajectoryId: { type: Schema.Types.ObjectId, required: true },
    sessionId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    role: { type: String, enum: roles, required: true },
    organisationId: { type: Schema.Types.ObjectId, default: null },
    anonymous: { type: Boolean, default: false },
    firstSeenAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
  },
  { collection: 'session_attendance', versionKey: false },
);
schema.index({ sessionId: 1, userId: 1 }, { unique: true });

export const attendanceId = (sessionId: string, userId: string) => `${sessionId}:${userId}`;

export const sessionAttendanceModel = (c: Connection): Model<SessionAttendanceRecord> =>
  (c.models.SessionAttendance as Model<SessionAttendanceRecord>) ?? c.model<SessionAttendanceRecord>('SessionAttendance', schema);
