import type { PlatformAction } from '../../shared/domain/permissions';
import type { Actor } from './actor';
import type { Decision } from './trajectory-policy';

/**
 * Platform actions are for platform administrators; listing regions and organisations and
 * creating a trajectory are also open to procurement-team members (checked per region by the caller).
 */
export function decidePlatformAction(actor: Actor, action: PlatformAction, context: { isProcurementSomewhere: boolean }): Decision {
  if (actor.kind !== 'user') return 'unauthenticated';
  if (actor.platformAdmin) return 'allow';
  const forProcurement: PlatformAction[] = ['region.list', 'organisation.list', 'trajectory.create'];
  return context.isProcurementSomewhere && forProcurement.includes(action) ? 'allow' : 'forbidden';
}
