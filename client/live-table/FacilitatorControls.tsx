import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog';
import { ErrorAlert } from '../components/ErrorAlert';
import type { LiveSession, LiveSnapshot } from './useLiveSession';
import { OpenPollDialog } from './OpenPollDialog';
import { useLiveAction } from './useLiveAction';

export interface FacilitatorControlsProps {
  live: LiveSnapshot;
  send: LiveSession['send'];
  mayFacilitate: boolean;
  mayOpenPoll: boolean;
  announce: (message: string) => void;
}

/** The chair's controls: start and close the session, move through the agenda, run the timer, open polls. */
export function FacilitatorControls({ live, send, mayFacilitate, mayOpenPoll, announce }: FacilitatorControlsProps) {
  const { t } = useTranslation();
  const action = useLiveAction();
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [pollOpen, setPollOpen] = useState(false);
  const { status, agenda, id: sessionId } = live.session;
  const running = Boolean(live.timer?.startedAt);
  const atStart = live.currentIndex <= 0;
  const atEnd = live.currentIndex >= agenda.length - 1;
  if (status === 'ended' || status === 'cancelled' || (!mayFacilitate && !mayOpenPoll)) return null;

  const run = (key: string, emit: () => Promise<unknown>, done?: string) =>
    void action.run(key, emit, done ? () => announce(done) : undefined);

  return (
    <section aria-labelledby="controls-heading" className="dt-live-panel dt-controls" data-testid="facilitator-controls">
      <Heading2 id="controls-heading">{t('sessions.live.controls.title')}</Heading2>
      {mayFacilitate && status === 'planned' && (
        <ButtonGroup>
          <Button
            appearance="primary-action-button"
            busy={action.busy === 'start'}
            onClick={() => run('start', () => send('session:start', { sessionId }))}
          >
            {t('sessions.live.controls.start')}
          </Button>
        </ButtonGroup>
      )}
      {mayFacilitate && status === 'live' && (
        <>
          <ButtonGroup className="dt-controls__row">
            {/* aria-disabled, not disabled: a disabled button would drop the keyboard focus at the ends. */}
            <Button
              appearance="secondary-action-button"
              aria-disabled={atStart || undefined}
              busy={action.busy === 'previous'}
              onClick={() => !atStart && run('previous', () => send('agenda:previous', { sessionId }))}
            >
              {t('sessions.live.controls.previous')}
            </Button>
            <Button
              appearance="secondary-action-button"
              aria-disabled={atEnd || undefined}
              busy={action.busy === 'next'}
              onClick={() => !atEnd && run('next', () => send('agenda:next', { sessionId }))}
            >
              {t('sessions.live.controls.next')}
            </Button>
          </ButtonGroup>
          <ButtonGroup className="dt-controls__row">
            {running ? (
              <Button
                appearance="secondary-action-button"
                busy={action.busy === 'pause'}
                onClick={() => run('pause', () => send('timer:pause', { sessionId }))}
              >
                {t('sessions.live.controls.timerPause')}
              </Button>
            ) : (
              <Button
                appearance="secondary-action-button"
                busy={action.busy === 'timer'}
                onClick={() => run('timer', () => send('timer:start', { sessionId }))}
              >
                {t('sessions.live.controls.timerStart')}
              </Button>
            )}
            <Button
              appearance="subtle-button"
              busy={action.busy === 'reset'}
              onClick={() => run('reset', () => send('timer:reset', { sessionId }))}
            >
              {t('sessions.live.controls.timerReset')}
            </Button>
          </ButtonGroup>
        </>
      )}
      <ButtonGroup className="dt-controls__row">
        {mayOpenPoll && (
          <Button appearance="primary-action-button" onClick={() => setPollOpen(true)}>
            {t('sessions.live.controls.openPoll')}
          </Button>
        )}
        {mayFacilitate && status === 'live' && (
          <Button appearance="secondary-action-button" onClick={() => setConfirmEnd(true)}>
            {t('sessions.live.controls.end')}
          </Button>
        )}
      </ButtonGroup>
      {action.error && <ErrorAlert error={action.error} />}

      <Dialog open={confirmEnd} title={t('sessions.live.controls.endConfirmTitle')} onClose={() => setConfirmEnd(false)}>
        <Paragraph>{t('sessions.live.controls.endConfirm')}</Paragraph>
        {action.error && <ErrorAlert error={action.error} />}
        <ButtonGroup>
          <Button
            appearance="primary-action-button"
            busy={action.busy === 'end'}
            onClick={() =>
              void action.run('end', () => send('session:end', { sessionId }), () => setConfirmEnd(false))
            }
          >
            {t('sessions.live.controls.endConfirmButton')}
          </Button>
          <Button appearance="secondary-action-button" data-autofocus onClick={() => setConfirmEnd(false)}>
            {t('cancel')}
          </Button>
        </ButtonGroup>
      </Dialog>
      <OpenPollDialog open={pollOpen} live={live} send={send} onClose={() => setPollOpen(false)} />
    </section>
  );
}
