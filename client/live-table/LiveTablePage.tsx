import { Alert, Button, ButtonGroup, Heading1, Link, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { trajectoryApi } from '../api/trajectories';
import { useResource } from '../api/useResource';
import { useSession } from '../auth/session-context';
import { usePolicy } from '../auth/usePolicy';
import { ErrorAlert } from '../components/ErrorAlert';
import { LoadingStatus } from '../components/LoadingStatus';
import { RouterLink } from '../components/RouterLink';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { useConnectionState } from '../realtime/useConnectionState';
import { useLiveSession } from './useLiveSession';
import type { LiveSession, LiveSnapshot } from './useLiveSession';
import type { ApiError } from '../api/client';
import { DeclarationNotice } from '../pages/sessions/Declaration';
import { SessionStatusBadge } from '../pages/sessions/SessionStatusBadge';
import { formatSessionTime } from '../pages/sessions/session-time';
import { AgendaPanel } from './AgendaPanel';
import { CurrentTopic } from './CurrentTopic';
import { FacilitatorControls } from './FacilitatorControls';
import { PollsSection } from './PollsSection';
import { Presence } from './Presence';
import { SpeakingQueue } from './SpeakingQueue';
import { useLiveAnnouncements } from './useLiveAnnouncements';
import { ScreenLink } from './screen/ScreenLink';

/** /sessies/:sessionId — the live dialogue table. */
export function LiveTablePage() {
  const { sessionId = '' } = useParams();
  const session = useLiveSession(sessionId);
  if (!session.live) {
    if (session.status === 'failed' && session.error) return <JoinFailed error={session.error} retry={session.retry} />;
    return <Joining />;
  }
  return <LiveTable session={session} live={session.live} />;
}

function Joining() {
  const { t } = useTranslation();
  useDocumentTitle(t('sessions.live.joining'));
  return <LoadingStatus label={t('sessions.live.joining')} />;
}

function JoinFailed({ error, retry }: { error: ApiError; retry: () => void }) {
  const { t } = useTranslation();
  const notFound = error.code === 'not_found' || error.code === 'forbidden' || error.code === 'validation_failed';
  const cancelled = error.code === 'conflict' && error.fields?.session === 'cancelled';
  useDocumentTitle(t('sessions.live.joinFailedTitle'));
  return (
    <>
      <Heading1>{t('sessions.live.joinFailedTitle')}</Heading1>
      {cancelled ? (
        <Paragraph data-testid="live-cancelled">
          <SessionStatusBadge status="cancelled" /> {t('calendar.cancel.liveCancelled')}
        </Paragraph>
      ) : notFound ? (
        <Paragraph>{t('sessions.live.notFound')}</Paragraph>
      ) : (
        <ErrorAlert error={error}>
          <ButtonGroup>
            <Button appearance="secondary-action-button" onClick={retry}>
              {t('sessions.live.retry')}
            </Button>
          </ButtonGroup>
        </ErrorAlert>
      )}
      <Paragraph>
        <RouterLink to="/trajecten">{t('trajectory.backToList')}</RouterLink>
      </Paragraph>
    </>
  );
}

function LiveTable({ session, live }: { session: LiveSession; live: LiveSnapshot }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const connection = useConnectionState();
  const trajectoryId = live.session.trajectoryId;
  const trajectory = useResource((signal) => trajectoryApi.get(trajectoryId, signal), [trajectoryId]);
  const role = trajectory.data?.myRole ?? null;
  // As on the trajectory screens: the shared policy, asked with the person's role.
  const may = usePolicy(role);
  const myUserId = me?.user.id;
  const mayFacilitate = may('session.facilitate');
  const { message, announce } = useLiveAnnouncements(live, myUserId, mayFacilitate);
  useDocumentTitle(live.session.title);

  if (trajectory.loading) return <LoadingStatus label={t('sessions.live.joining')} />;
  if (trajectory.error || !trajectory.data) return <JoinFailed error={trajectory.error!} retry={trajectory.reload} />;

  const s = live.session;
  const sessionsPath = `/trajecten/${trajectoryId}/sessies`;

  return (
    <div className="dt-live" data-testid="live-table" data-status={s.status}>
      <Paragraph className="dt-breadcrumb">
        <RouterLink to="/trajecten">{t('trajectories.title')}</RouterLink>
        {' › '}
        <RouterLink to={`/trajecten/${trajectoryId}`}>{trajectory.data.name}</RouterLink>
        {' › '}
        <RouterLink to={sessionsPath}>{t('sessions.title')}</RouterLink>
      </Paragraph>
      <div className="dt-live__title">
        <Heading1>{s.title}</Heading1>
        <SessionStatusBadge status={s.status} />
      </div>
      <Paragraph className="dt-live__meta">
        {formatSessionTime(s.startsAt, s.endsAt, i18n.language)}
        {s.location && <> · {s.location}</>}
        {s.onlineUrl && (
          <>
            {' · '}
            <Link href={s.onlineUrl} external>
              {t('sessions.online')}
            </Link>
          </>
        )}
      </Paragraph>

      {connection !== 'connected' && (
        <Alert type="warning" className="dt-alert">
          <Paragraph>{t('sessions.live.connectionLost')}</Paragraph>
        </Alert>
      )}
      {session.status === 'failed' && session.error && <ErrorAlert error={session.error} />}

      <DeclarationNotice declaration={s.declaration} />
      {(mayFacilitate || may('poll.open')) && <ScreenLink trajectoryId={trajectoryId} sessionId={s.id} />}

      <div className="dt-live__grid">
        <div className="dt-live__main">
          <CurrentTopic live={live} announce={announce} />
          {s.status === 'live' && (
            <SpeakingQueue
            live={live}
            send={session.send}
            myUserId={myUserId}
            mayParticipate={may('session.participate')}
            mayFacilitate={mayFacilitate}
            announce={announce}
          />
          )}
          <FacilitatorControls live={live} send={session.send} mayFacilitate={mayFacilitate} mayOpenPoll={may('poll.open')} announce={announce} />
          <PollsSection
            live={live}
            myBallots={session.myBallots}
            myGroup={role ?? undefined}
            mayVote={may('poll.vote')}
            mayClose={may('poll.close')}
            mayVoteOnBehalf={(poll) => may('poll.voteOnBehalf', { poll: { eligibleGroups: poll.eligibleGroups, outcomeKind: poll.declaration.outcomeKind } })}
            cast={session.cast}
            send={session.send}
            announce={announce}
          />
        </div>
        <div className="dt-live__side">
          <AgendaPanel live={live} send={session.send} mayFacilitate={mayFacilitate} />
          <Presence people={live.presence} />
        </div>
      </div>
      <div role="status" className="dt-visually-hidden" data-testid="live-announcement">
        {message}
      </div>
    </div>
  );
}
