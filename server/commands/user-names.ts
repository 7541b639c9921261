import type { Models } from '../models';

/** Names of people by id, in one query. */
export async function userNames(models: Models, ids: Iterable<unknown>): Promise<Map<string, string>> {
  const unique = [...new Set([...ids].filter(Boolean).map(String))];
  if (unique.length === 0) return new Map();
  const users = await models.users.find({ _id: { $in: unique } }, { name: 1 }).lean();
  return new Map(users.map((u) => [String(u._id), u.name]));
}
