import { Paragraph } from '@utrecht/component-library-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, nextDeadline, todayInAmsterdam } from '../../format/dates';
import { useLabels } from '../../labels/useLabels';
import type { TrajectoryDto } from '../../../shared/schemas/trajectories';

type Milestone = TrajectoryDto['milestones'][number];

/**
 * The planning as an ordered list by date, with a "today" marker between what has been and
 * what is coming, and the next deadline said in words (not by colour alone) both above the
 * list and at its item.
 */
export function Timeline({ milestones }: { milestones: Milestone[] }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const today = todayInAmsterdam();
  const sorted = [...milestones].sort((a, b) => a.date.localeCompare(b.date));
  const next = nextDeadline(sorted, today);
  // The marker goes before the first milestone that is not in the past (or at the end).
  const markerAt = sorted.findIndex((m) => m.date >= today);
  const todayMarker = (
    <li className="dt-timeline__item dt-timeline__item--today" data-testid="timeline-today">
      <span className="dt-timeline__date">
        <time dateTime={today}>{formatDate(today, i18n.language)}</time>
      </span>
      <span className="dt-timeline__title">{t('timeline.today')}</span>
    </li>
  );

  if (sorted.length === 0) return <Paragraph>{t('timeline.empty')}</Paragraph>;

  return (
    <>
      <Paragraph className="dt-next-deadline" data-testid="next-deadline">
        <strong>
          {next
            ? t('timeline.nextDeadline', { date: formatDate(next.date, i18n.language), title: next.title })
            : t('timeline.noNextDeadline')}
        </strong>
      </Paragraph>
      <ol className="dt-timeline" aria-label={t('timeline.label')}>
        {sorted.map((milestone, index) => {
          const state = milestone === next ? 'next' : milestone.date < today ? 'past' : 'future';
          return (
            <Fragment key={milestone.id}>
              {index === markerAt && todayMarker}
              <li className={`dt-timeline__item dt-timeline__item--${state}`} aria-current={state === 'next' ? 'step' : undefined}>
                <span className="dt-timeline__date">
                  <time dateTime={milestone.date}>{formatDate(milestone.date, i18n.language)}</time>
                </span>
                <span className="dt-timeline__title">
                  {milestone.title}
                  <span className="dt-timeline__kind"> ({labels.milestoneKind(milestone.kind)})</span>
                </span>
                {state !== 'future' && (
                  <span className={`dt-timeline__state dt-timeline__state--${state}`}>
                    {state === 'next' ? t('timeline.nextLabel') : t('timeline.pastLabel')}
                  </span>
                )}
              </li>
            </Fragment>
          );
        })}
        {markerAt === -1 && todayMarker}
      </ol>
    </>
  );
}
