import './notifications.css';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notificationsApi } from '../../api/notifications';
import { useSession } from '../../auth/session-context';
import { RouterLink } from '../RouterLink';
import { useNotificationsChanged } from './useNotificationsChanged';

/**
 * The bell in the header: a link to the notification centre with the unread count, kept live
 * over the person's own Socket.io room. The count is text (and in the link's name), not colour.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const session = useSession();
  const signedIn = session.status === 'signedIn' && Boolean(session.me);
  const [unread, setUnread] = useState(0);
  const refresh = useCallback(() => {
    if (!signedIn) return;
    notificationsApi.centre().then(
      (centre) => setUnread(centre.unread),
      () => undefined,
    );
  }, [signedIn]);
  useEffect(refresh, [refresh]);
  useNotificationsChanged(refresh);
  if (!signedIn) return null;
  return (
    // The visible words are the link's name (WCAG 2.5.3), with "unread" for screen readers after the count.
    <RouterLink to="/meldingen" className="dt-bell" data-testid="notification-bell">
      <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24">
        <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1z" />
      </svg>
      <span>{t('notifications.short')}</span>{' '}
      <span className="dt-bell__count" data-testid="notification-count">
        {unread}
      </span>
      <span className="dt-visually-hidden"> {t('notifications.unreadSuffix')}</span>
    </RouterLink>
  );
}
