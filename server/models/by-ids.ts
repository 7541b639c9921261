import type { Model } from 'mongoose';

/**
 * Reads records by their ids, each by `_id` equality: FerretDB hands `_id` equality to storage but
 * reads a whole collection for `{ _id: { $in: [...] } }`, so for the few records a request names
 * (a person's trajectories and organisations) a handful of point reads beat reading them all.
 * Each id once; ids with no record are left out.
 */
export async function findEachById<T>(model: Model<T>, ids: readonly unknown[], projection: Record<string, 0 | 1> = {}): Promise<Array<T & { _id: unknown }>> {
  const unique = [...new Set(ids.map(String))];
  const found = await Promise.all(unique.map((id) => model.findById(id, projection).lean<T & { _id: unknown }>()));
  return found.filter((record): record is NonNullable<typeof record> => record !== null);
}

/**
 * Up to this many ids are read one by one by `_id`; more in one `{ _id: { $in } }` query. A request
 * that names a few records (one outcome's topic, session and people) then reads no collection
 * whole, and a list that names hundreds does not make hundreds of round trips. Measured with
 * `npm run bench:by-ids` (FerretDB on PostgreSQL): point reads cost ~0.8 ms per id whatever the
 * collection's size, `$in` costs what reading the collection costs (18 ms at 400 records, 85 ms at
 * 2,000). So at 32 ids point reads take 1.2× as long as `$in` beside 400 records and a third of it
 * beside 2,000, and they do not grow with history.
 */
const pointReadsUpTo = 32;

/** Records by their ids, the cheaper of point reads and one `$in` query for their number; each id once. */
export async function findByIds<T>(model: Model<T>, ids: readonly unknown[], projection: Record<string, 0 | 1> = {}): Promise<Array<T & { _id: unknown }>> {
  const unique = [...new Set(ids.filter(Boolean).map(String))];
  if (unique.length === 0) return [];
  if (unique.length <= pointReadsUpTo) return findEachById(model, unique, projection);
  return model.find({ _id: { $in: unique } }, projection).lean<Array<T & { _id: unknown }>>();
}
