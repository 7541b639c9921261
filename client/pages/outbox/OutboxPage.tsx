import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { adminApi } from '../../api/admin';
import { useResource } from '../../api/useResource';
import { useSession } from '../../auth/session-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingStatus } from '../../components/LoadingStatus';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { OutboxMessage } from './OutboxMessage';

/** The development mail outbox: what Dialoogtafel would have e-mailed, readable and clickable. */
export function OutboxPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('outbox.title'));
  const { me } = useSession();
  const admin = Boolean(me?.user.platformAdmin);
  const messages = useResource((signal) => (admin ? adminApi.outbox(signal) : Promise.resolve([])), [admin]);

  return (
    <>
      <Heading1>{t('outbox.title')}</Heading1>
      {!admin ? (
        <Paragraph>{t('outbox.adminOnly')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('outbox.intro')}</Paragraph>
          {messages.loading && <LoadingStatus />}
          {messages.error && <ErrorAlert error={messages.error} />}
          {messages.data && messages.data.length === 0 && <Paragraph>{t('outbox.empty')}</Paragraph>}
          {messages.data && messages.data.length > 0 && (
            <ol className="dt-outbox" data-testid="outbox">
              {messages.data.map((message) => (
                <li key={message.id}>
                  <OutboxMessage message={message} />
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </>
  );
}
