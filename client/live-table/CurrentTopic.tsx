import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { LiveSnapshot } from './useLiveSession';
import { TopicTimer } from './TopicTimer';

/** The topic under discussion, large, with its place on the agenda and the timer. */
export function CurrentTopic({ live, announce }: { live: LiveSnapshot; announce: (message: string) => void }) {
  const { t } = useTranslation();
  const { agenda, status } = live.session;
  const item = agenda[live.currentIndex];

  return (
    <section aria-labelledby="current-heading" className="dt-live-panel dt-current" data-testid="current-topic">
      <Heading2 id="current-heading" className="dt-current__label">
        {t('sessions.live.current')}
      </Heading2>
      {status === 'planned' && <Paragraph>{t('sessions.live.notStarted')}</Paragraph>}
      {status === 'ended' && <Paragraph>{t('sessions.live.ended')}</Paragraph>}
      {status === 'cancelled' && <Paragraph data-testid="live-cancelled">{t('calendar.cancel.liveCancelled')}</Paragraph>}
      {status === 'live' &&
        (item ? (
          <div className="dt-current__body">
            <div>
              <p className="dt-current__title" data-testid="current-topic-title">
                {item.title}
              </p>
              <Paragraph className="dt-current__position">
                {t('sessions.live.itemOf', { n: live.currentIndex + 1, count: agenda.length })} ·{' '}
                {t('sessions.minutes', { count: item.minutes })}
              </Paragraph>
            </div>
            {live.timer && <TopicTimer timer={live.timer} clockOffsetMs={live.clockOffsetMs} announce={announce} />}
          </div>
        ) : (
          <Paragraph>{t('sessions.live.noCurrent')}</Paragraph>
        ))}
    </section>
  );
}
