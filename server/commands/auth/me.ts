import type { MeResponse } from '../../../shared/schemas/auth';
import type { Services } from '../../services';
import { AppError } from '../../errors';
import { findEachById } from '../../models/by-ids';

/** The signed-in person with their trajectories and roles. */
export async function buildMe(services: Services, userId: string): Promise<MeResponse> {
  const { models } = services;
  const user = await models.users.findById(userId).lean();
  if (!user) throw new AppError('unauthenticated', 'Sign in first.');
  const memberships = await models.memberships.find({ userId, removedAt: null }).lean();
  // By `_id`, one by one: a person has a few seats, and `$in` would read every trajectory and organisation.
  const [trajectories, organisations] = await Promise.all([
    findEachById(models.trajectories, memberships.map((m) => m.trajectoryId), { name: 1 }),
    findEachById(models.organisations, memberships.map((m) => m.organisationId), { name: 1 }),
  ]);
  const trajectoryName = new Map(trajectories.map((t) => [String(t._id), t.name]));
  const organisationName = new Map(organisations.map((o) => [String(o._id), o.name]));
  return {
    user: { id: String(user._id), name: user.name, email: user.email, platformAdmin: user.platformAdmin },
    memberships: memberships
      .filter((m) => trajectoryName.has(String(m.trajectoryId)))
      .map((m) => ({
        trajectoryId: String(m.trajectoryId),
        trajectoryName: trajectoryName.get(String(m.trajectoryId))!,
        role: m.role,
        organisationId: String(m.organisationId),
        organisationName: organisationName.get(String(m.organisationId)) ?? '—',
      }))
      .sort((a, b) => a.trajectoryName.localeCompare(b.trajectoryName, 'nl')),
  };
}
