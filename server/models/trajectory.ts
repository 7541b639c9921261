import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { milestoneKinds, phaseStatuses, procurementModels } from '../../shared/schemas/trajectories';

export interface MilestoneRecord {
  _id: Types.ObjectId;
  kind: (typeof milestoneKinds)[number];
  title: string;
  date: string;
}

export interface TrajectoryRecord {
  _id: Types.ObjectId;
  regionId: Types.ObjectId;
  name: string;
  description: string;
  model: (typeof procurementModels)[number];
  municipalities: string[];
  phases: Array<{ name: string; status: (typeof phaseStatuses)[number]; startsOn?: string | null; endsOn?: string | null }>;
  milestones: MilestoneRecord[];
  createdBy: Types.ObjectId | null;
  createdAt: Date;
}

const schema = new Schema<TrajectoryRecord>(
  {
    regionId: { type: Schema.Types.ObjectId, required: true, index: true },
    name: { type: String, required: true },
    description: { type: String, default: '' },
    model: { type: String, enum: procurementModels, required: true },
    municipalities: { type: [String], required: true },
    phases: [{ _id: false, name: { type: String, required: true }, status: { type: String, enum: phaseStatuses, required: true }, startsOn: { type: String, default: null }, endsOn: { type: String, default: null } }],
    milestones: [{ kind: { type: String, enum: milestoneKinds, required: true }, title: { type: String, required: true }, date: { type: String, required: true } }],
    createdBy: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, default: () => new Date() },
  },
  { collection: 'trajectories', versionKey: false },
);

// Trajectories are listed by name (query-indexes.test.ts).
schema.index({ name: 1 });

export const trajectoryModel = (c: Connection): Model<TrajectoryRecord> =>
  (c.models.Trajectory as Model<TrajectoryRecord>) ?? c.model<TrajectoryRecord>('Trajectory', schema);
