import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { isDuplicateKey } from '../db/duplicate-key';

/** The numbered series of a trajectory. */
export type SeriesName = 'outcome';

/** The last number given in one series of one trajectory; `_id` is `<series>:<trajectoryId>`. */
export interface SequenceRecord {
  _id: string;
  /** Backed up and restored with the trajectory, like every record that carries it. */
  trajectoryId: Types.ObjectId;
  last: number;
}

const schema = new Schema<SequenceRecord>(
  { _id: { type: String, required: true }, trajectoryId: { type: Schema.Types.ObjectId, required: true }, last: { type: Number, required: true } },
  { collection: 'sequences', versionKey: false },
);

export const sequenceModel = (c: Connection): Model<SequenceRecord> => (c.models.Sequence as Model<SequenceRecord>) ?? c.model<SequenceRecord>('Sequence', schema);

/**
 * Gives the next number of a series (outcome 1, 2, 3 … of a trajectory) and writes the record that
 * carries it. The number comes from one update by `_id`: reading the series' highest record instead
 * (`findOne().sort({ number: -1 })`) is, on FerretDB, a read of every record of the trajectory, so
 * recording the 400th outcome would cost what reading 400 does.
 *
 * The counter is started from the records themselves when there is none (a database from before
 * counters). Should it ever lag behind them, the record's unique index refuses the number; the
 * counter is then set from the records and the write tried once more, so a number is never given twice.
 * Callers hold the series' lock, so two numbers are never taken at once.
 */
export async function writeNumbered<T>(
  model: Model<SequenceRecord>,
  series: SeriesName,
  trajectoryId: string,
  highestRecorded: () => Promise<number>,
  write: (number: number) => Promise<T>,
): Promise<T> {
  const _id = `${series}:${trajectoryId}`;
  const counted = await model.findOneAndUpdate({ _id }, { $inc: { last: 1 } }, { returnDocument: 'after' }).lean();
  const number = counted?.last ?? (await restart(model, _id, trajectoryId, highestRecorded));
  try {
    return await write(number);
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    return write(await restart(model, _id, trajectoryId, highestRecorded));
  }
}

/** Sets the counter from the records, with the next number taken. */
async function restart(model: Model<SequenceRecord>, _id: string, trajectoryId: string, highestRecorded: () => Promise<number>): Promise<number> {
  const next = (await highestRecorded()) + 1;
  await model.updateOne({ _id }, { $set: { trajectoryId, last: next } }, { upsert: true });
  return next;
}
