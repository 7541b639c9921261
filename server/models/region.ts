import { Schema, type Connection, type Model, type Types } from 'mongoose';

export interface RegionRecord {
  _id: Types.ObjectId;
  name: string;
  municipalities: string[];
  createdAt: Date;
}

const schema = new Schema<RegionRecord>(
  {
    name: { type: String, required: true, unique: true },
    municipalities: { type: [String], required: true },
    createdAt: { type: Date, default: () => new Date() },
  },
  { collection: 'regions', versionKey: false },
);

export const regionModel = (c: Connection): Model<RegionRecord> => (c.models.Region as Model<RegionRecord>) ?? c.model<RegionRecord>('Region', schema);
