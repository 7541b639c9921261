import type { PlatformAction } from '../../shared/domain/permissions';
import { decide, type Decision } from '../../shared/policy';
import type { Actor } from './actor';

/**
 * Platform actions are for platform administrators; listing regions and organisations and
 * creating a trajectory are also open to procurement-team members (checked per region by the
 * caller). The rule is the shared policy's.
 */
export function decidePlatformAction(actor: Actor, action: PlatformAction, context: { isProcurementSomewhere: boolean }): Decision {
  if (actor.kind !== 'user') return decide({ kind: 'anonymous' }, action);
  return decide({ kind: 'user', userId: actor.userId, platformAdmin: actor.platformAdmin, role: null, procurementSomewhere: context.isProcurementSomewhere }, action);
}
