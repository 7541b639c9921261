import { roles } from '../../shared/domain/roles';
import type { Role } from '../../shared/domain/roles';

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}
