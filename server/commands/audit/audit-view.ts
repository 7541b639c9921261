import type { AuditEventDto } from '../../../shared/schemas/audit';
import type { AuditEventRecord } from '../../models/audit-event';

/** An audit event record → its DTO. Only what the schema names leaves the server. */
export function auditView(e: AuditEventRecord, names: Map<string, string>): AuditEventDto {
  return {
    seq: e.seq,
    at: new Date(e.at).toISOString(),
    actor: e.actorId ? { id: e.actorId, name: names.get(e.actorId) ?? '—' } : null,
    action: e.action,
    objectType: e.objectType,
    objectId: e.objectId,
    summary: e.summary ?? {},
    hash: e.hash,
  };
}
