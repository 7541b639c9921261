import { Heading2, OrderedList, OrderedListItem, StatusBadge } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format/dates';
import type { ApplicationStatus } from '../../../shared/domain/admission';
import type { ApplicationDto } from '../../../shared/schemas/admission';

const badge: Record<ApplicationStatus, string> = { submitted: 'warning', incomplete: 'warning', complete: 'warning', admitted: 'safe', refused: 'danger', contracted: 'safe' };

export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return (
    <StatusBadge status={badge[status]} className="dt-badge" data-status={status} data-testid="application-status">
      {t(`admission.statuses.${status}`)}
    </StatusBadge>
  );
}

/** Each step of an application with its moment and the text it carried (question, answer, reason). */
export function ApplicationHistory({ history }: { history: ApplicationDto['history'] }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="history-heading">
      <Heading2 id="history-heading">{t('admission.own.history')}</Heading2>
      <OrderedList>
        {history.map((h, i) => (
          <OrderedListItem key={i}>
            {formatDateTime(h.at, i18n.language, 'short')}: {t(`admission.steps.${h.step}`)}
            {h.text && <> — {h.text}</>}
          </OrderedListItem>
        ))}
      </OrderedList>
    </section>
  );
}
