import { Button, ButtonGroup, Heading2, Link, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionApi } from '../../api/sessions';
import { topicApi } from '../../api/topics';
import { useResource } from '../../api/useResource';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingStatus } from '../../components/LoadingStatus';
import { useTrajectoryChanges } from '../../realtime/useTrajectoryChanges';
import type { SessionDto } from '../../../shared/schemas/sessions';
import { TrajectoryHeader } from '../trajectory/TrajectoryHeader';
import { useTrajectory } from '../trajectory/trajectory-context';
import { SessionCard } from './SessionCard';
import { SessionForm } from './SessionForm';
import { isUpcoming } from './session-time';

const byStart = (a: SessionDto, b: SessionDto) => a.startsAt.localeCompare(b.startsAt);

/** The sessions of a trajectory: upcoming first (soonest on top), then past ones (latest on top). */
export function SessionsPage() {
  const { t } = useTranslation();
  const { trajectory, may } = useTrajectory();
  const sessions = useResource((signal) => sessionApi.list(trajectory.id, signal), [trajectory.id]);
  const mayManage = may('session.manage');
  const topics = useResource(
    (signal) => (mayManage ? topicApi.list(trajectory.id, signal) : Promise.resolve([])),
    [trajectory.id, mayManage],
  );
  const [announcement, setAnnouncement] = useState('');
  const [planning, setPlanning] = useState(false);
  // Where focus belongs after saving: kept for a moment, because a live reload can re-render the
  // list just after; focus that fell back to the page goes to it again.
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!focusTarget) return;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (lost) document.getElementById(focusTarget)?.focus();
  });
  useEffect(() => {
    if (!focusTarget) return;
    const timer = setTimeout(() => setFocusTarget(null), 3000);
    return () => clearTimeout(timer);
  }, [focusTarget]);
  useTrajectoryChanges(trajectory.id, (what) => {
    if (what === 'sessions') sessions.reload();
    if (what === 'topics' && mayManage) topics.reload();
  });

  const agendaTopics = (topics.data ?? []).filter((topic) => topic.status !== 'proposed' && topic.status !== 'declined');
  const all = sessions.data ?? [];
  const upcoming = all.filter(isUpcoming).sort(byStart);
  const past = all.filter((s) => !isUpcoming(s)).sort((a, b) => byStart(b, a));
  const replace = (updated: SessionDto) =>
    sessions.setData((current) => (current ?? []).map((s) => (s.id === updated.id ? updated : s)));

  const card = (session: SessionDto) => (
    <SessionCard
      key={session.id}
      session={session}
      mayManage={mayManage}
      mayOpenPoll={may('poll.open')}
      mayCancel={may('session.cancel')}
      topics={agendaTopics}
      onChanged={replace}
      announce={setAnnouncement}
    />
  );

  return (
    <>
      <TrajectoryHeader title={t('sessions.title')} />
      <Paragraph>{t('sessions.intro')}</Paragraph>
      <Paragraph className="dt-feed">
        <Link href={sessionApi.feedUrl(trajectory.id)} download data-testid="sessions-feed">
          {t('sessions.feed')}
        </Link>
        <br />
        <span className="dt-hint">{t('sessions.feedHint')}</span>
      </Paragraph>
      <div role="status" className="dt-visually-hidden" data-testid="sessions-announcement">
        {announcement}
      </div>
      {sessions.loading && <LoadingStatus />}
      {sessions.error && <ErrorAlert error={sessions.error} />}
      {sessions.data && (
        <>
          <section aria-labelledby="upcoming-heading">
            <Heading2 id="upcoming-heading">{t('sessions.upcoming')}</Heading2>
            {upcoming.length === 0 ? (
              <Paragraph>{t('sessions.noneUpcoming')}</Paragraph>
            ) : (
              <ul className="dt-card-list" data-testid="upcoming-sessions">
                {upcoming.map(card)}
              </ul>
            )}
          </section>
          <section aria-labelledby="past-heading">
            <Heading2 id="past-heading">{t('sessions.past')}</Heading2>
            {past.length === 0 ? (
              <Paragraph>{t('sessions.nonePast')}</Paragraph>
            ) : (
              <ul className="dt-card-list" data-testid="past-sessions">
                {past.map(card)}
              </ul>
            )}
          </section>
        </>
      )}
      {mayManage && (
        <section aria-labelledby={planning ? 'new-session-heading' : undefined} className="dt-form-section">
          {planning ? (
            <>
              {topics.error && <ErrorAlert error={topics.error} />}
              <SessionForm
                trajectoryId={trajectory.id}
                topics={agendaTopics}
                onSaved={(created) => {
                  sessions.setData((current) => [...(current ?? []).filter((s) => s.id !== created.id), created]);
                  setPlanning(false);
                  setAnnouncement(t('sessions.created', { title: created.title }));
                  setFocusTarget(`session-${created.id}-title`);
                }}
                onCancel={() => {
                  setPlanning(false);
                  requestAnimationFrame(() => document.getElementById('plan-session')?.focus());
                }}
              />
            </>
          ) : (
            <ButtonGroup>
              <Button id="plan-session" appearance="primary-action-button" onClick={() => setPlanning(true)}>
                {t('sessions.form.newTitle')}
              </Button>
            </ButtonGroup>
          )}
        </section>
      )}
    </>
  );
}
