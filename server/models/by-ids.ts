import type { Model } from 'mongoose';

/**
 * Reads records by their ids, each by `_id` equality: FerretDB hands `_id` equality to storage but
 * reads a whole collection for `{ _id: { $in: [...] } }`, so for the few records a request names
 * (a person's trajectories and organisations) a handful of point reads beat reading them all.
 * Each id once; ids with no record are left out.
 */
export async function findEachById<T>(model: Model<T>, ids: readonly unknown[], projection: Record<string, 0 | 1>): Promise<Array<T & { _id: unknown }>> {
  const unique = [...new Set(ids.map(String))];
  const found = await Promise.all(unique.map((id) => model.findById(id, projection).lean<T & { _id: unknown }>()));
  return found.filter((record): record is NonNullable<typeof record> => record !== null);
}
