import { DataList, DataListItem, DataListKey, DataListValue, Heading2 } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format/dates';
import type { OutboxMessageDto } from '../../../shared/schemas/audit';
import { LinkifiedText } from './LinkifiedText';

export function OutboxMessage({ message }: { message: OutboxMessageDto }) {
  const { t, i18n } = useTranslation();
  const headingId = `mail-${message.id}`;
  return (
    <article className="dt-card dt-mail" aria-labelledby={headingId} data-testid="outbox-message">
      <Heading2 id={headingId} className="dt-card__title">
        {message.subject}
      </Heading2>
      <DataList className="dt-data-list">
        <DataListItem>
          <DataListKey>{t('outbox.to')}</DataListKey>
          <DataListValue>{message.to}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('outbox.sentAt')}</DataListKey>
          <DataListValue>
            <time dateTime={message.createdAt}>{formatDateTime(message.createdAt, i18n.language)}</time>
          </DataListValue>
        </DataListItem>
        {message.status && (
          <DataListItem>
            <DataListKey>{t('notifications.outbox.status')}</DataListKey>
            <DataListValue data-testid="outbox-status">{t(`notifications.outbox.${message.status}`)}</DataListValue>
          </DataListItem>
        )}
        {message.status === 'queued' && message.dueAt && (
          <DataListItem>
            <DataListKey>{t('notifications.outbox.dueAt')}</DataListKey>
            <DataListValue>
              <time dateTime={message.dueAt}>{formatDateTime(message.dueAt, i18n.language)}</time> ({t('notifications.outbox.attempts')}: {message.attempts ?? 0})
            </DataListValue>
          </DataListItem>
        )}
      </DataList>
      <div className="dt-mail__body">
        <LinkifiedText text={message.text} />
      </div>
    </article>
  );
}
