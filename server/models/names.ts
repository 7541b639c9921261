import type { Models } from './index';
import { findByIds } from './by-ids';

/** Names of people by id (by `_id`, see by-ids.ts); an erased or unknown id is simply absent. */
export async function userNames(models: Models, ids: Iterable<unknown>): Promise<Map<string, string>> {
  const users = await findByIds(models.users, [...ids], { name: 1 });
  return new Map(users.map((u) => [String(u._id), u.name]));
}

/** Names of organisations by id (by `_id`, see by-ids.ts). */
export async function organisationNames(models: Models, ids: Iterable<unknown>): Promise<Map<string, string>> {
  const organisations = await findByIds(models.organisations, [...ids], { name: 1 });
  return new Map(organisations.map((o) => [String(o._id), o.name]));
}

/** Names of trajectories by id (by `_id`, see by-ids.ts). */
export async function trajectoryNames(models: Models, ids: Iterable<unknown>): Promise<Map<string, string>> {
  const trajectories = await findByIds(models.trajectories, [...ids], { name: 1 });
  return new Map(trajectories.map((t) => [String(t._id), t.name]));
}
