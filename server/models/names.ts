import type { Models } from './index';

const uniqueIds = (ids: Iterable<unknown>) => [...new Set([...ids].filter(Boolean).map(String))];

/** Names of people by id, in one query (by `_id`); an erased or unknown id is simply absent. */
export async function userNames(models: Models, ids: Iterable<unknown>): Promise<Map<string, string>> {
  const unique = uniqueIds(ids);
  if (unique.length === 0) return new Map();
  const users = await models.users.find({ _id: { $in: unique } }, { name: 1 }).lean();
  return new Map(users.map((u) => [String(u._id), u.name]));
}

/** Names of organisations by id, in one query (by `_id`). */
export async function organisationNames(models: Models, ids: Iterable<unknown>): Promise<Map<string, string>> {
  const unique = uniqueIds(ids);
  if (unique.length === 0) return new Map();
  const organisations = await models.organisations.find({ _id: { $in: unique } }, { name: 1 }).lean();
  return new Map(organisations.map((o) => [String(o._id), o.name]));
}
