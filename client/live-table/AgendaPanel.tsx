import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import type { LiveSession, LiveSnapshot } from './useLiveSession';
import { useLiveAction } from './useLiveAction';

export interface AgendaPanelProps {
  live: LiveSnapshot;
  send: LiveSession['send'];
  mayFacilitate: boolean;
}

/** The agenda with the current topic marked in words and with aria-current; facilitators can jump to a topic. */
export function AgendaPanel({ live, send, mayFacilitate }: AgendaPanelProps) {
  const { t } = useTranslation();
  const action = useLiveAction();
  const { agenda, status } = live.session;
  const isLive = status === 'live';
  const current = status === 'planned' ? -1 : live.currentIndex;

  return (
    <section aria-labelledby="agenda-heading" className="dt-live-panel dt-live-agenda" data-testid="live-agenda">
      <Heading2 id="agenda-heading">{t('sessions.live.agendaTitle')}</Heading2>
      {agenda.length === 0 ? (
        <Paragraph>{t('sessions.noAgenda')}</Paragraph>
      ) : (
        <ol className="dt-live-agenda__list">
          {agenda.map((item, index) => {
            const state = index === current && isLive ? 'current' : index < current || (status === 'ended' && index <= current) ? 'done' : 'next';
            return (
              <li
                key={item.topicId}
                className={`dt-live-agenda__item dt-live-agenda__item--${state}`}
                aria-current={state === 'current' ? 'step' : undefined}
              >
                <span className="dt-live-agenda__title">{item.title}</span>
                <span className="dt-live-agenda__meta">
                  {t('sessions.minutes', { count: item.minutes })}
                  {state === 'current' && <strong> · {t('sessions.live.agendaCurrent')}</strong>}
                  {state === 'done' && ` · ${t('sessions.live.agendaDone')}`}
                </span>
                {mayFacilitate && isLive && state !== 'current' && (
                  <Button
                    appearance="subtle-button"
                    className="dt-live-agenda__goto"
                    aria-label={`${t('sessions.live.gotoShort')}: ${item.title}`}
                    busy={action.busy === `goto-${index}`}
                    onClick={() => void action.run(`goto-${index}`, () => send('agenda:goto', { sessionId: live.session.id, index }))}
                  >
                    {t('sessions.live.gotoShort')}
                  </Button>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {action.error && <ErrorAlert error={action.error} />}
    </section>
  );
}
