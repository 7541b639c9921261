import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { LiveSnapshot, LiveSession } from './useLiveSession';
import { ErrorAlert } from '../components/ErrorAlert';
import { usePollText } from './poll-text';
import { useLiveAction } from './useLiveAction';

export interface SpeakingQueueProps {
  live: LiveSnapshot;
  send: LiveSession['send'];
  myUserId: string | undefined;
  mayParticipate: boolean;
  mayFacilitate: boolean;
  announce: (message: string) => void;
}

/** Who has the floor, who waits for it, and the hand to raise or lower. */
export function SpeakingQueue({ live, send, myUserId, mayParticipate, mayFacilitate, announce }: SpeakingQueueProps) {
  const { t } = useTranslation();
  const text = usePollText();
  const action = useLiveAction();
  const sessionId = live.session.id;
  const isLive = live.session.status === 'live';
  const myPlace = live.queue.findIndex((entry) => entry.userId === myUserId);
  const iHaveFloor = Boolean(myUserId && live.floor?.userId === myUserId);

  return (
    <section aria-labelledby="queue-heading" className="dt-live-panel dt-queue" data-testid="speaking-queue">
      <Heading2 id="queue-heading">{t('sessions.live.queue.title')}</Heading2>
      <div className="dt-floor" data-testid="floor">
        {live.floor ? (
          <Paragraph className="dt-floor__text">
            <strong>{iHaveFloor ? t('sessions.live.floor.you') : t('sessions.live.floor.has', { name: live.floor.name })}</strong>
            <span className="dt-floor__group"> ({text.group(live.floor.group)})</span>
          </Paragraph>
        ) : (
          <Paragraph className="dt-floor__text">{t('sessions.live.floor.nobody')}</Paragraph>
        )}
        {mayFacilitate && isLive && live.floor && (
          <ButtonGroup>
            <Button
              appearance="secondary-action-button"
              busy={action.busy === 'clear'}
              onClick={() => void action.run('clear', () => send('queue:clear-floor', { sessionId }))}
            >
              {t('sessions.live.queue.clear')}
            </Button>
          </ButtonGroup>
        )}
      </div>

      {live.queue.length === 0 ? (
        <Paragraph className="dt-hint">{t('sessions.live.queue.empty')}</Paragraph>
      ) : (
        <>
          <Paragraph className="dt-queue__count">{t('sessions.live.queue.count', { count: live.queue.length })}</Paragraph>
          <ol className="dt-queue__list" data-testid="queue-list">
            {live.queue.map((entry) => (
              <li key={entry.userId} className="dt-queue__item" data-testid="queue-entry">
                <span className="dt-queue__name">
                  {entry.name}
                  {entry.userId === myUserId && ` ${t('sessions.live.queue.you')}`}
                </span>{' '}
                <span className="dt-queue__group">({text.group(entry.group)})</span>
                {mayFacilitate && isLive && (
                  <Button
                    appearance="subtle-button"
                    className="dt-queue__give"
                    aria-label={t('sessions.live.queue.giveLabel', { name: entry.name })}
                    busy={action.busy === `give-${entry.userId}`}
                    onClick={() =>
                      void action.run(`give-${entry.userId}`, () => send('queue:give-floor', { sessionId, userId: entry.userId }))
                    }
                  >
                    {t('sessions.live.queue.give')}
                  </Button>
                )}
              </li>
            ))}
          </ol>
        </>
      )}

      {mayParticipate && isLive && (
        <div className="dt-hand">
          {myPlace >= 0 && <Paragraph>{t('sessions.live.queue.raised', { position: myPlace + 1 })}</Paragraph>}
          <ButtonGroup>
            {myPlace >= 0 ? (
              <Button
                appearance="secondary-action-button"
                busy={action.busy === 'lower'}
                onClick={() =>
                  void action.run('lower', () => send('queue:lower', { sessionId }), () =>
                    announce(t('sessions.live.queue.loweredAnnouncement')),
                  )
                }
              >
                {t('sessions.live.queue.lower')}
              </Button>
            ) : (
              !iHaveFloor && (
                <Button
                  appearance="primary-action-button"
                  busy={action.busy === 'raise'}
                  onClick={() =>
                    void action.run('raise', () => send('queue:raise', { sessionId }), () =>
                      announce(t('sessions.live.queue.raisedAnnouncement')),
                    )
                  }
                >
                  {t('sessions.live.queue.raise')}
                </Button>
              )
            )}
          </ButtonGroup>
        </div>
      )}
      {action.error && <ErrorAlert error={action.error} />}
    </section>
  );
}
