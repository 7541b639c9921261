import type { OperationContext } from '../commands/operation';
import { acceptInvitation, invite } from '../commands/invitations/invitation-operations';
import { openLinkSecret } from '../notifications/sealed-link';
import type { Role } from '../../shared/domain/roles';
import type { Services } from '../services';

/** A demo person as the operations see them when they act: signed in, with a session of the seed's own. */
export interface DemoPersonRef {
  key: string;
  userId: string;
  name: string;
  email: string;
  platformAdmin: boolean;
}

/**
 * The context in which a demo person acts while the demo is seeded. The seed takes the one road
 * of every state change (server/commands/operation.ts), as that person: their events in the audit
 * chain name them, as if they had clicked it themselves.
 */
export function actingAs(services: Services, person: DemoPersonRef): OperationContext {
  return {
    services,
    actor: { kind: 'user', userId: person.userId, name: person.name, email: person.email, platformAdmin: person.platformAdmin, sessionId: `demo-seed:${person.key}` },
  };
}

/**
 * A seat the way people get one: `by` invites, the invitee accepts with the link of the mail.
 * The link's token is taken from the queued mail (sealed, like the delivery worker opens it); the
 * mail itself is dropped with the rest of the seed's mail (see clearSeedMail).
 */
export async function seatByInvitation(
  services: Services,
  by: OperationContext,
  trajectoryId: string,
  invitee: DemoPersonRef,
  seat: { role: Role; organisationId: string },
): Promise<void> {
  const invitation = await invite(by, { params: { trajectoryId }, body: { email: invitee.email, role: seat.role, organisation: { id: seat.organisationId } } });
  const queued = await services.models.notificationQueue.find({ email: invitee.email, 'event.kind': 'member.invited', 'event.trajectoryId': trajectoryId }).lean();
  const token = queued.map((q) => openLinkSecret(services.config.sessionSecret, String((q.event.params as Record<string, unknown>).sealed ?? ''))).find(Boolean);
  if (!token) throw new Error(`demo seed: no invitation link for ${invitee.email} (${invitation.id})`);
  await acceptInvitation(actingAs(services, invitee), { params: { token }, body: { token } });
}

/**
 * The demo's people are invented: nobody is mailed or notified about the history the seed writes
 * (invitations, sessions planned, ...). The demo starts, as before, with an empty queue and inbox.
 */
export async function clearSeedMail(services: Services): Promise<void> {
  const { models } = services;
  await Promise.all([models.notificationQueue.deleteMany({}), models.notificationInboxes.deleteMany({})]);
}
