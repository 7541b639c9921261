import '../../styles/calendar.css';
import { Alert, Button, ButtonGroup, Heading2, Heading3, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarApi } from '../../api/calendar';
import { useResource } from '../../api/useResource';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmission } from '../../components/forms/useSubmission';
import { LoadingStatus } from '../../components/LoadingStatus';
import type { CalendarSubscriptionDto } from '../../../shared/schemas/calendar';

const dateFormat = (language: string) => new Intl.DateTimeFormat(language, { timeZone: 'Europe/Amsterdam', dateStyle: 'long' });

/** One address with a copy button; the address is in a read-only field so it can also be selected by hand. */
function CopyableUrl({ id, label, value, onCopied }: { id: string; label: string; value: string; onCopied: (ok: boolean) => void }) {
  const { t } = useTranslation();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      onCopied(true);
    } catch {
      (document.getElementById(id) as HTMLInputElement | null)?.select();
      onCopied(false);
    }
  };
  return (
    <div className="dt-field dt-copyable">
      <label htmlFor={id} id={`${id}-label`} className="utrecht-form-label">
        {label}
      </label>
      <div className="dt-copyable__row">
        <input id={id} className="utrecht-textbox utrecht-textbox--html-input dt-copyable__input" readOnly value={value} onFocus={(e) => e.currentTarget.select()} data-testid={id} />
        <Button appearance="secondary-action-button" onClick={() => void copy()} aria-describedby={`${id}-label`}>
          {t('calendar.subscription.copy')}
        </Button>
      </div>
    </div>
  );
}

/**
 * The personal calendar subscription on "Mijn gegevens": make, renew or stop the secret address.
 * The server keeps only its hash, so the address is shown right after making it and not later.
 */
export function CalendarSubscriptionSection() {
  const { t, i18n } = useTranslation();
  const state = useResource((signal) => calendarApi.subscription(signal), []);
  const { busy, error, submit } = useSubmission();
  const [message, setMessage] = useState('');

  const act = (action: () => Promise<CalendarSubscriptionDto>, done: string) =>
    submit(async () => {
      state.setData(await action());
      setMessage(done);
    });
  const data = state.data;
  const date = (iso: string | null) => (iso ? dateFormat(i18n.language).format(new Date(iso)) : '');

  return (
    <section aria-labelledby="calendar-subscription-heading" id="agenda" data-testid="calendar-subscription">
      <Heading2 id="calendar-subscription-heading">{t('calendar.subscription.title')}</Heading2>
      <Paragraph>{t('calendar.subscription.intro')}</Paragraph>
      <Paragraph>{t('calendar.subscription.secret')}</Paragraph>
      <div role="status" className="dt-visually-hidden" data-testid="calendar-subscription-status">
        {message}
      </div>
      {state.loading && <LoadingStatus />}
      {(state.error ?? error) && <ErrorAlert error={(state.error ?? error)!} />}
      {data && (
        <>
          {data.urls ? (
            <>
              <Alert type="ok" className="dt-alert">
                <Paragraph>{t('calendar.subscription.shownOnce')}</Paragraph>
              </Alert>
              <CopyableUrl id="calendar-webcal" label={t('calendar.subscription.webcal')} value={data.urls.webcal} onCopied={(ok) => setMessage(t(ok ? 'calendar.subscription.copied' : 'calendar.subscription.copyFailed'))} />
              <CopyableUrl id="calendar-https" label={t('calendar.subscription.https')} value={data.urls.https} onCopied={(ok) => setMessage(t(ok ? 'calendar.subscription.copied' : 'calendar.subscription.copyFailed'))} />
              <Heading3>{t('calendar.subscription.howTo')}</Heading3>
              <UnorderedList>
                <UnorderedListItem>{t('calendar.subscription.outlook')}</UnorderedListItem>
                <UnorderedListItem>{t('calendar.subscription.google')}</UnorderedListItem>
              </UnorderedList>
            </>
          ) : data.active ? (
            <Paragraph>{t('calendar.subscription.exists', { date: date(data.createdAt) })}</Paragraph>
          ) : (
            <Paragraph>{t('calendar.subscription.none')}</Paragraph>
          )}
          <ButtonGroup>
            <Button appearance={data.active ? 'secondary-action-button' : 'primary-action-button'} busy={busy} onClick={() => void act(calendarApi.renew, t('calendar.subscription.created'))} data-testid="calendar-renew">
              {data.active ? t('calendar.subscription.renew') : t('calendar.subscription.create')}
            </Button>
            {data.active && (
              <Button appearance="subtle-button" busy={busy} onClick={() => void act(calendarApi.revoke, t('calendar.subscription.revoked'))} data-testid="calendar-revoke">
                {t('calendar.subscription.revoke')}
              </Button>
            )}
          </ButtonGroup>
        </>
      )}
    </section>
  );
}
