import { randomBytes } from 'node:crypto';
import { stakeholderGroupByRole } from '../../shared/domain/roles';
import { anonymousClientLabel } from '../../shared/schemas/anonymity';
import type { PresentPerson } from '../../shared/schemas/sessions';
import type { Seat } from '../policies/trajectory-policy';
import type { Services } from '../services';

/** What a socket keeps per session it is in: what others see, and who it really is (for attendance only). */
export interface SocketPresence {
  presence?: Record<string, PresentPerson>;
  presentUserIds?: Record<string, string>;
}

/**
 * How a person shows in a session's presence. A client representative who chose anonymity for the
 * trajectory shows as "een cliëntvertegenwoordiger": no name, no organisation, and an id of this
 * connection only, so nothing links them to what they wrote anonymously. The server decides; the
 * client is never trusted to hide it.
 */
export async function presenceOfPerson(services: Services, user: { userId: string; name: string }, seat: Seat | null): Promise<PresentPerson> {
  if (seat && (await isAnonymousSeat(services, seat))) {
    return { userId: `anoniem-${randomBytes(9).toString('base64url')}`, name: anonymousClientLabel, group: 'client', organisationName: '', anonymous: true };
  }
  const organisation = seat ? await services.models.organisations.findById(seat.organisationId, { name: 1 }).lean() : null;
  return { userId: user.userId, name: user.name, group: seat ? stakeholderGroupByRole[seat.role] : 'observer', organisationName: organisation?.name ?? '—' };
}

/** True for a client representative's seat whose holder chose to be shown without name. */
async function isAnonymousSeat(services: Services, seat: Seat): Promise<boolean> {
  if (seat.role !== 'client') return false;
  const membership = await services.models.memberships.findById(seat.membershipId, { anonymousPresence: 1 }).lean();
  return membership?.anonymousPresence === true;
}
