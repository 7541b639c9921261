import { StatusBadge } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionSnapshot } from '../../editor/clause-connection';

const badge = { connecting: 'neutral', saved: 'safe', saving: 'neutral', offline: 'danger' } as const;

/**
 * Whether what is written here has reached the server, in words. The visible state changes with
 * every keystroke, so it is not a live region; screen readers hear only when the connection goes
 * and when it comes back.
 */
export function SaveStatus({ snapshot, editable }: { snapshot: ConnectionSnapshot; editable: boolean }) {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState('');
  // Whether the connection was lost since the last time all was confirmed.
  const wasOffline = useRef(false);

  useEffect(() => {
    if (snapshot.state === 'offline' && !wasOffline.current) {
      wasOffline.current = true;
      setAnnouncement(editable ? t('agreement.save.offline') : t('agreement.save.offlineReadOnly'));
    } else if (snapshot.state === 'saved' && wasOffline.current) {
      wasOffline.current = false;
      setAnnouncement(editable ? t('agreement.save.back') : t('agreement.save.backReadOnly'));
    }
  }, [snapshot.state, editable, t]);

  let text: string;
  if (snapshot.state === 'offline') text = editable ? t('agreement.save.offline') : t('agreement.save.offlineReadOnly');
  else if (snapshot.state === 'saved') text = editable ? t('agreement.save.saved') : t('agreement.save.live');
  else text = t(`agreement.save.${snapshot.state}`);

  return (
    <div className="dt-save-status" data-testid="save-status" data-state={snapshot.state}>
      <StatusBadge status={badge[snapshot.state]} className="dt-badge" data-testid="save-state">
        {text}
      </StatusBadge>
      {snapshot.state === 'offline' && editable && snapshot.unsent && <span className="dt-save-status__hint">{t('agreement.save.offlineKeepOpen')}</span>}
      <div role="status" className="dt-visually-hidden">
        {announcement}
      </div>
    </div>
  );
}
