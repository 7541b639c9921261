import { announceWrites } from './change-feed';
import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { roles, type Role } from '../../shared/domain/roles';

/** A person's seat in one trajectory: one organisation, one role. Removal keeps the record so contributions stay attributed. */
export interface MembershipRecord {
  _id: Types.ObjectId;
  trajectoryId: Types.ObjectId;
  userId: Types.ObjectId;
  organisationId: Types.ObjectId;
  role: Role;
  anonymousPresence?: boolean;
  createdAt: Date;
  removedAt: Date | null;
}

const schema = new Schema<MembershipRecord>(
  {
    trajectoryId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true, index: true },
    organisationId: { type: Schema.Types.ObjectId, required: true },
    role: { type: String, enum: roles, required: true },
    /** A client representative who chose to be shown without name in presence and attendance. */
    anonymousPresence: { type: Boolean, default: false },
    createdAt: { type: Date, default: () => new Date() },
    removedAt: { type: Date, default: null },
  },
  { collection: 'memberships', versionKey: false },
);
schema.index({ trajectoryId: 1, userId: 1 }, { unique: true });

// Seats and open polls are held in memory (read-cache.ts): every write makes the holders forget.
announceWrites(schema, 'memberships');

export const membershipModel = (c: Connection): Model<MembershipRecord> =>
  (c.models.Membership as Model<MembershipRecord>) ?? c.model<MembershipRecord>('Membership', schema);
