import { Alert, Button, ButtonGroup, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useResource } from '../../api/useResource';
import { useSession } from '../../auth/session-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingStatus } from '../../components/LoadingStatus';
import { RouterLink } from '../../components/RouterLink';
import { TextField } from '../../components/forms/TextField';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { trajectoryApi } from '../../api/trajectories';
import { useConnectionState } from '../../realtime/useConnectionState';
import { BallotForm } from '../../live-table/BallotForm';
import { useLiveAnnouncements } from '../../live-table/useLiveAnnouncements';
import { useLiveSession } from '../../live-table/useLiveSession';
import { joinCodeApi } from '../../live-table/screen/join-code-api';
import { mayVote as groupVotesIn } from '../../../shared/policy';
import { stakeholderGroupByRole } from '../../../shared/domain/roles';
import { useResentBallots } from './useResentBallots';

/** /stem and /stem/:code — from the code on the wall (or its QR code) straight to the open poll. */
export function VotePage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  useDocumentTitle(t('room.vote.title'));
  if (!code) return <CodeForm />;
  return <FindSession key={code} code={code} />;
}

function CodeForm({ failed }: { failed?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const code = value.replace(/[\s-]/g, '').toUpperCase();
    if (code) navigate(`/stem/${encodeURIComponent(code)}`);
  };
  return (
    <>
      <Heading1>{t('room.vote.title')}</Heading1>
      {failed && (
        <Alert type="error" className="dt-alert">
          <Paragraph data-testid="vote-not-found">{t('room.vote.notFound')}</Paragraph>
        </Alert>
      )}
      <form noValidate onSubmit={onSubmit} className="dt-form dt-vote">
        <TextField id="vote-code" label={t('room.vote.codeLabel')} description={t('room.vote.codeHint')} value={value} onChange={setValue} autoComplete="off" />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button">
            {t('room.vote.go')}
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}

function FindSession({ code }: { code: string }) {
  const { t } = useTranslation();
  const found = useResource((signal) => joinCodeApi.find(code, signal), [code]);
  if (found.loading) return <LoadingStatus label={t('room.vote.finding')} />;
  if (found.error?.code === 'not_found' || found.error?.code === 'validation_failed') return <CodeForm failed />;
  if (found.error || !found.data) return <ErrorAlert error={found.error!} />;
  return <PhoneBallot sessionId={found.data.sessionId} trajectoryId={found.data.trajectoryId} />;
}

function PhoneBallot({ sessionId, trajectoryId }: { sessionId: string; trajectoryId: string }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const session = useLiveSession(sessionId);
  const trajectory = useResource((signal) => trajectoryApi.get(trajectoryId, signal), [trajectoryId]);
  const connection = useConnectionState();
  const { delivery, send } = useResentBallots(session);
  const { message, announce } = useLiveAnnouncements(session.live, me?.user.id, false);

  if (!session.live || trajectory.loading) {
    if (session.status === 'failed' && session.error) return <ErrorAlert error={session.error} />;
    return <LoadingStatus label={t('room.vote.finding')} />;
  }
  const live = session.live;
  const role = trajectory.data?.myRole ?? null;
  const group = role ? stakeholderGroupByRole[role] : undefined;
  const open = live.polls.filter((p) => p.status === 'open').sort((a, b) => b.openedAt.localeCompare(a.openedAt));

  return (
    <div className="dt-vote" data-testid="vote-page">
      <Heading1>{live.session.title}</Heading1>
      {connection !== 'connected' && (
        <Alert type="warning" className="dt-alert">
          <Paragraph>{t('sessions.live.connectionLost')}</Paragraph>
        </Alert>
      )}
      {live.session.status === 'ended' ? (
        <Alert type="info" className="dt-alert">
          <Paragraph data-testid="vote-ended">{t('room.vote.ended')}</Paragraph>
        </Alert>
      ) : (
        open.length === 0 && <Paragraph data-testid="vote-waiting">{t('room.vote.waiting')}</Paragraph>
      )}
      {open.map((poll) => {
        const state = delivery[poll.id];
        const canVote = group !== undefined && groupVotesIn(group, poll);
        return (
          <section key={poll.id} aria-labelledby={`vote-${poll.id}`} className="dt-vote__poll" data-testid="vote-poll" data-poll-id={poll.id}>
            <Heading2 id={`vote-${poll.id}`}>{poll.question}</Heading2>
            {canVote ? (
              <BallotForm poll={poll} mine={session.myBallots[poll.id]} cast={send} announce={announce} />
            ) : (
              <Paragraph>{t('room.vote.notEligible')}</Paragraph>
            )}
            <div role="status" data-testid="vote-delivery" data-state={state ?? 'none'}>
              {state === 'received' && (
                <Alert type="ok" className="dt-alert">
                  <Paragraph>
                    <strong>{t('room.vote.received')}</strong>
                  </Paragraph>
                </Alert>
              )}
              {state === 'sending' && <Paragraph>{t('room.vote.sending')}</Paragraph>}
              {state === 'offline' && (
                <Alert type="warning" className="dt-alert">
                  <Paragraph>{t('room.vote.offline')}</Paragraph>
                </Alert>
              )}
            </div>
          </section>
        );
      })}
      <Paragraph>
        <RouterLink to={`/sessies/${sessionId}`}>{t('room.vote.toTable')}</RouterLink>
      </Paragraph>
      <div role="status" className="dt-visually-hidden">
        {message}
      </div>
    </div>
  );
}
