import { describe, expect, it } from 'vitest';
import { platformActions, roleMay, trajectoryActions, trajectoryPermissions } from '../../shared/domain/permissions';
import { roles } from '../../shared/domain/roles';
import type { Actor } from '../../server/policies/actor';
import { decidePlatformAction } from '../../server/policies/platform-policy';
import { decideTrajectoryAction } from '../../server/policies/trajectory-policy';

const allow = { allowed: true };
const deny = (code: string) => ({ allowed: false, code });
const user = (platformAdmin = false): Actor => ({ kind: 'user', userId: 'u', name: 'n', email: 'e@x.nl', platformAdmin, sessionId: 's' });

describe('trajectory policy', () => {
  it.each(roles.flatMap((role) => trajectoryActions.map((action) => [role, action] as const)))('%s → %s follows the permission table', (role, action) => {
    const expected = (trajectoryPermissions[action] as readonly string[]).includes(role) ? allow : deny('forbidden');
    expect(decideTrajectoryAction(user(), { membershipId: 'm', role, organisationId: 'o' }, action)).toEqual(expected);
    expect(roleMay(role, action)).toBe(expected.allowed);
  });

  it('hides trajectories from non-members and asks anonymous visitors to sign in', () => {
    for (const action of trajectoryActions) {
      expect(decideTrajectoryAction(user(), null, action)).toEqual(deny('not_found'));
      expect(decideTrajectoryAction({ kind: 'anonymous' }, null, action)).toEqual(deny('unauthenticated'));
      expect(decideTrajectoryAction(user(true), null, action)).toEqual(allow);
    }
  });

  it('never lets observers or the facilitator vote', () => {
    expect(roleMay('observer', 'poll.vote')).toBe(false);
    expect(roleMay('facilitator', 'poll.vote')).toBe(false);
    expect(roleMay('observer', 'topic.propose')).toBe(false);
  });
});

describe('platform policy', () => {
  it('gives platform actions to administrators, and only listing and creating trajectories to procurement teams', () => {
    for (const action of platformActions) {
      expect(decidePlatformAction(user(true), action, { isProcurementSomewhere: false })).toEqual(allow);
      expect(decidePlatformAction(user(), action, { isProcurementSomewhere: false })).toEqual(deny('forbidden'));
      expect(decidePlatformAction({ kind: 'anonymous' }, action, { isProcurementSomewhere: true })).toEqual(deny('unauthenticated'));
    }
    expect(decidePlatformAction(user(), 'trajectory.create', { isProcurementSomewhere: true })).toEqual(allow);
    expect(decidePlatformAction(user(), 'outbox.read', { isProcurementSomewhere: true })).toEqual(deny('forbidden'));
    expect(decidePlatformAction(user(), 'region.create', { isProcurementSomewhere: true })).toEqual(deny('forbidden'));
  });
});
