import { Button, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { notificationsApi } from '../../api/notifications';
import { useResource } from '../../api/useResource';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingStatus } from '../../components/LoadingStatus';
import { RouterLink } from '../../components/RouterLink';
import { useNotificationsChanged } from '../../components/notification-bell/useNotificationsChanged';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDateTime } from '../../format/dates';

/** The notification centre: the latest notifications, newest first, each a link straight to its item. */
export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('notifications.title'));
  const navigate = useNavigate();
  const centre = useResource((signal) => notificationsApi.centre(signal), []);
  useNotificationsChanged(centre.reload);

  const open = async (id: string, link: string) => {
    await notificationsApi.markRead({ ids: [id] }).catch(() => undefined);
    navigate(link);
  };
  const markAll = async () => {
    await notificationsApi.markRead({ all: true });
    centre.reload();
  };

  return (
    <>
      <Heading1>{t('notifications.title')}</Heading1>
      <Paragraph>
        <RouterLink to="/meldingen/instellingen">{t('notifications.settingsLink')}</RouterLink>
      </Paragraph>
      {centre.loading && <LoadingStatus />}
      {centre.error && <ErrorAlert error={centre.error} />}
      {centre.data && centre.data.items.length === 0 && <Paragraph>{t('notifications.empty')}</Paragraph>}
      {centre.data && centre.data.items.length > 0 && (
        <>
          <Paragraph>{t('notifications.unread', { count: centre.data.unread })}</Paragraph>
          {centre.data.unread > 0 && (
            <Button appearance="secondary-action-button" onClick={() => void markAll()}>
              {t('notifications.markAll')}
            </Button>
          )}
          <ol className="dt-notifications" data-testid="notification-list">
            {centre.data.items.map((item) => (
              <li key={item.id} className={item.read ? 'dt-notification' : 'dt-notification dt-notification--unread'} data-testid="notification-item">
                <a
                  href={item.link}
                  className="utrecht-link"
                  onClick={(event) => {
                    event.preventDefault();
                    void open(item.id, item.link);
                  }}
                >
                  {!item.read && <span className="dt-notification__new">{t('notifications.new')}: </span>}
                  {item.title}
                </a>
                <div className="dt-notification__meta">
                  {item.trajectoryName} · <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, i18n.language)}</time>
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
