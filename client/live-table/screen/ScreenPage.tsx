import { Document, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useResource } from '../../api/useResource';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingStatus } from '../../components/LoadingStatus';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useDeclarationText } from '../../pages/sessions/Declaration';
import { clockText, remainingMs } from '../TopicTimer';
import { useLiveSession, type LiveSnapshot } from '../useLiveSession';
import { joinCodeApi } from './join-code-api';
import { JoinCodePanel } from './JoinCodePanel';
import { ScreenPoll } from './ScreenPoll';
import { useGroupLabel } from './group-label';
import { useFitDensity } from './useFitDensity';
import './screen.css';

/**
 * /trajecten/:trajectoryId/sessies/:sessionId/scherm — the table on the wall, opened in a second
 * window by the facilitator or the procurement team. It follows the live session (the same room
 * and state as the live table) and has no controls: large type, readable from the back.
 */
export function ScreenPage() {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  const session = useLiveSession(sessionId);
  const code = useResource((signal) => joinCodeApi.ofSession(sessionId, signal), [sessionId]);
  let body;
  if (session.live) body = <Screen live={session.live} code={code.data?.code} />;
  else if (session.status === 'failed' && session.error) body = <ErrorAlert error={session.error} />;
  else body = <LoadingStatus label={t('room.screen.loading')} />;
  return (
    <Document className="utrecht-theme utrecht-document--surface dt-screen">
      <main id="main" className="dt-screen__main">
        {body}
      </main>
    </Document>
  );
}

function Screen({ live, code }: { live: LiveSnapshot; code: string | undefined }) {
  const { t } = useTranslation();
  const declaration = useDeclarationText();
  const s = live.session;
  useDocumentTitle(t('room.screen.title', { title: s.title }));
  // The open poll opened last; with none open, the result of the one closed last.
  const open = live.polls.filter((p) => p.status === 'open').sort((a, b) => b.openedAt.localeCompare(a.openedAt))[0];
  const closed = live.polls.filter((p) => p.status === 'closed').sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''))[0];
  const poll = open ?? closed;

  return (
    <div className="dt-screen__layout" data-testid="screen" data-status={s.status}>
      <header className="dt-screen__header">
        <div className="dt-screen__heading">
          <Heading1 className="dt-screen__title">{s.title}</Heading1>
          <p className="dt-screen__declaration" data-testid="screen-declaration">
            <strong>{declaration.line(s.declaration)}</strong>
          </p>
        </div>
        {code && <JoinCodePanel code={code} />}
      </header>
      <div className="dt-screen__side">
        <Table live={live} />
      </div>
      <div className="dt-screen__vote">
        {poll ? (
          <ScreenPoll poll={poll} />
        ) : (
          <section aria-labelledby="screen-poll-heading" className="dt-screen__panel dt-screen__poll" data-testid="screen-poll">
            <h2 id="screen-poll-heading" className="dt-screen__eyebrow">
              {t('room.screen.poll')}
            </h2>
            <Paragraph>{t('room.screen.noPoll')}</Paragraph>
          </section>
        )}
      </div>
    </div>
  );
}

/** The queue shown on the wall: the first few by name, the rest as a number. */
const queueShown = 3;

/** Topic, timer, floor and queue: what the facilitator moves, as it moves. */
function Table({ live }: { live: LiveSnapshot }) {
  const { t } = useTranslation();
  const groupLabel = useGroupLabel();
  const { agenda, status } = live.session;
  const item = status === 'live' ? agenda[live.currentIndex] : undefined;
  // The first few of the queue by name; fewer when a long topic or long names leave less room.
  const floor = useRef<HTMLElement>(null);
  const fewer = useFitDensity(floor, Math.min(queueShown, live.queue.length), `${live.queue.length}:${live.floor?.userId ?? ''}:${live.currentIndex}`);
  const shown = Math.min(queueShown, live.queue.length) - fewer;
  const more = live.queue.length - shown;
  return (
    <>
      <section aria-labelledby="screen-current-heading" className="dt-screen__panel dt-screen__current" data-testid="screen-current">
        <h2 id="screen-current-heading" className="dt-screen__eyebrow">
          {t('room.screen.current')}
          {item && <span className="dt-screen__position"> · {t('sessions.live.itemOf', { n: live.currentIndex + 1, count: agenda.length })}</span>}
        </h2>
        {status === 'planned' && <Paragraph>{t('room.screen.notStarted')}</Paragraph>}
        {status === 'ended' && <Paragraph>{t('room.screen.ended')}</Paragraph>}
        {status === 'live' && !item && <Paragraph>{t('room.screen.noCurrent')}</Paragraph>}
        {item && (
          <>
            <p className="dt-screen__topic" data-testid="screen-topic">
              {item.title}
            </p>
            {live.timer && <ScreenTimer live={live} />}
          </>
        )}
      </section>
      {status === 'live' && (
        <section ref={floor} aria-labelledby="screen-floor-heading" className="dt-screen__panel dt-screen__floor" data-testid="screen-floor">
          <h2 id="screen-floor-heading" className="dt-screen__eyebrow">
            {t('room.screen.floor')}
          </h2>
          <p className="dt-screen__speaker" data-testid="screen-speaker">
            {live.floor ? (
              <>
                {live.floor.name} <span className="dt-screen__group dt-screen__label">({groupLabel(live.floor.group)})</span>
              </>
            ) : (
              t('room.screen.nobodyHasFloor')
            )}
          </p>
          <h3 className="dt-screen__subhead">{t('room.screen.queue')}</h3>
          {live.queue.length === 0 && <p className="dt-screen__queue-empty">{t('room.screen.queueEmpty')}</p>}
          {shown > 0 && (
            <ol className="dt-screen__queue" data-testid="screen-queue">
              {live.queue.slice(0, shown).map((q) => (
                <li key={q.userId}>
                  {q.name} <span className="dt-screen__group dt-screen__label">({groupLabel(q.group)})</span>
                </li>
              ))}
            </ol>
          )}
          {more > 0 && <p className="dt-screen__queue-more" data-testid="screen-queue-more">{t('room.screen.queueMore', { count: more })}</p>}
        </section>
      )}
    </>
  );
}

function ScreenTimer({ live }: { live: LiveSnapshot }) {
  const timer = live.timer!;
  const running = Boolean(timer.startedAt);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const tick = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(tick);
  }, [running]);
  const left = remainingMs(timer, live.clockOffsetMs, running ? now : Date.now());
  return (
    <p className={`dt-screen__clock${left <= 0 ? ' dt-screen__clock--over' : ''}`} data-testid="screen-timer" role="timer">
      {clockText(left)}
    </p>
  );
}
