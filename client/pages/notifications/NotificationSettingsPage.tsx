import { Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deliveryModes, mailLanguages, type DeliveryMode, type MailLanguage, type NotificationKind } from '../../../shared/schemas/notifications';
import { notificationsApi } from '../../api/notifications';
import { useResource } from '../../api/useResource';
import type { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingStatus } from '../../components/LoadingStatus';
import { useDocumentTitle } from '../../components/useDocumentTitle';

/** Per trajectory and kind: immediately, in the daily digest, or off; and the language of the mail. Each change is saved at once. */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notifications.settings.title'));
  const preferences = useResource((signal) => notificationsApi.preferences(signal), []);
  const [error, setError] = useState<ApiError | undefined>();
  const [saved, setSaved] = useState(false);

  const save = async (change: { language?: MailLanguage; choices?: Array<{ trajectoryId: string; kind: NotificationKind; mode: DeliveryMode }> }) => {
    setSaved(false);
    try {
      preferences.setData(await notificationsApi.setPreferences(change));
      setError(undefined);
      setSaved(true);
    } catch (e) {
      setError(e as ApiError);
    }
  };

  return (
    <>
      <Heading1>{t('notifications.settings.title')}</Heading1>
      <Paragraph>{t('notifications.settings.intro')}</Paragraph>
      {preferences.loading && <LoadingStatus />}
      {(preferences.error ?? error) && <ErrorAlert error={(preferences.error ?? error)!} />}
      <div role="status" aria-live="polite" data-testid="settings-saved">
        {saved ? t('notifications.settings.saved') : ''}
      </div>
      {preferences.data && (
        <>
          <div className="utrecht-form-field">
            <label className="utrecht-form-label" htmlFor="mail-language">
              {t('notifications.settings.language')}
            </label>
            <select id="mail-language" className="utrecht-select" value={preferences.data.language} onChange={(e) => void save({ language: e.target.value as MailLanguage })}>
              {mailLanguages.map((l) => (
                <option key={l} value={l}>
                  {t(`notifications.languages.${l}`)}
                </option>
              ))}
            </select>
          </div>
          {preferences.data.trajectories.map((trajectory) => (
            <section key={trajectory.trajectoryId} aria-labelledby={`prefs-${trajectory.trajectoryId}`}>
              <Heading2 id={`prefs-${trajectory.trajectoryId}`}>{trajectory.name}</Heading2>
              <table className="utrecht-table dt-notification-settings">
                <thead className="utrecht-table__header">
                  <tr className="utrecht-table__row">
                    <th className="utrecht-table__header-cell" scope="col">
                      {t('notifications.settings.kind')}
                    </th>
                    <th className="utrecht-table__header-cell" scope="col">
                      {t('notifications.settings.mode')}
                    </th>
                  </tr>
                </thead>
                <tbody className="utrecht-table__body">
                  {trajectory.kinds.map((k) => {
                    const id = `mode-${trajectory.trajectoryId}-${k.kind.replace('.', '-')}`;
                    return (
                      <tr key={k.kind} className="utrecht-table__row">
                        <th className="utrecht-table__header-cell" scope="row">
                          {k.mandatory ? t(`notifications.kinds.${k.kind}`) : <label htmlFor={id}>{t(`notifications.kinds.${k.kind}`)}</label>}
                        </th>
                        <td className="utrecht-table__cell">
                          {k.mandatory ? (
                            t('notifications.settings.mandatory')
                          ) : (
                            <select
                              id={id}
                              className="utrecht-select"
                              data-testid={`mode-${k.kind}`}
                              value={k.mode}
                              onChange={(e) => void save({ choices: [{ trajectoryId: trajectory.trajectoryId, kind: k.kind, mode: e.target.value as DeliveryMode }] })}
                            >
                              {deliveryModes.map((m) => (
                                <option key={m} value={m}>
                                  {t(`notifications.modes.${m}`)}
                                </option>
                              ))}
                            </select>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </section>
          ))}
        </>
      )}
    </>
  );
}
