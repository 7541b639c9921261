import { useTranslation } from 'react-i18next';
import { isRole } from '../../labels/guards';
import { useLabels } from '../../labels/useLabels';
import type { AuditEventDto } from '../../../shared/schemas/audit';

/**
 * Audit events in readable words. Known actions and object types have a translation; anything
 * newer than this client is shown as recorded, so nothing in the log is ever hidden.
 */
export function useAuditText() {
  const { t, i18n } = useTranslation();
  const labels = useLabels();

  const action = (name: string): string => {
    const key = `auditActions.${name}`;
    return i18n.exists(key) ? String(t(key as 'auditActions.trajectory.create')) : name;
  };

  const object = (event: AuditEventDto): string => {
    const typeKey = `auditObjects.${event.objectType}`;
    const type = i18n.exists(typeKey) ? String(t(typeKey as 'auditObjects.trajectory')) : event.objectType;
    const s = event.summary;
    const details: string[] = [];
    if (typeof s.name === 'string') details.push(s.name);
    if (typeof s.title === 'string') details.push(s.title);
    if (typeof s.question === 'string') details.push(s.question);
    if (isRole(s.from) && isRole(s.to)) details.push(t('audit.roleChange', { from: labels.role(s.from), to: labels.role(s.to) }));
    else if (isRole(s.role)) details.push(labels.role(s.role));
    // Agreements are known at the table by their number (A1, A2, …).
    if (event.objectType === 'outcome' && typeof s.number === 'number') details.push(`A${s.number}`);
    if (event.objectType === 'topic' && typeof s.reason === 'string') details.push(t('audit.reason', { reason: s.reason }));
    return details.length ? `${type}: ${details.join(', ')}` : type;
  };

  return { action, object };
}
