import { Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimerState } from '../../shared/schemas/sessions';

/** Time left on the timer now: a running timer counts down from when it started, by the server's clock. */
export function remainingMs(timer: TimerState, clockOffsetMs: number, now = Date.now()): number {
  if (!timer.startedAt) return timer.remainingMs;
  return timer.remainingMs - (now + clockOffsetMs - Date.parse(timer.startedAt));
}

/** "12:05" (minutes and seconds, rounded up so 0:00 means the time is up). */
export function clockText(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

export interface TopicTimerProps {
  timer: TimerState;
  clockOffsetMs: number;
  announce: (message: string) => void;
}

/**
 * The visible countdown for the current topic. It ticks on screen only; screen readers hear
 * the moments that matter (started, paused, the last minute, time up), not every second.
 */
export function TopicTimer({ timer, clockOffsetMs, announce }: TopicTimerProps) {
  const { t } = useTranslation();
  const running = Boolean(timer.startedAt);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!running) return;
    const tick = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(tick);
  }, [running]);

  const left = remainingMs(timer, clockOffsetMs, running ? now : Date.now());
  const over = left <= 0;

  // Spoken words for a duration: "12 minuten" or "45 seconden".
  const spoken = (ms: number) => {
    const total = Math.max(0, Math.ceil(ms / 1000));
    if (total >= 60 && total % 60 === 0) return t('sessions.live.timer.minutes', { count: total / 60 });
    if (total >= 60) return t('sessions.live.timer.minutesSeconds', { minutes: Math.floor(total / 60), seconds: total % 60 });
    return t('sessions.live.timer.seconds', { seconds: total });
  };

  // Announce transitions only, never on first sight: someone joining mid-topic needs no alarm.
  // Runs after every render (every tick while running) and compares with the render before.
  const previous = useRef<{ startedAt: string | null; left: number } | undefined>(undefined);
  useEffect(() => {
    const before = previous.current;
    previous.current = { startedAt: timer.startedAt, left };
    if (!before) return;
    if (!before.startedAt && timer.startedAt) announce(t('sessions.live.timer.announceStart', { time: spoken(left) }));
    else if (before.startedAt && !timer.startedAt) announce(t('sessions.live.timer.announcePause', { time: spoken(left) }));
    else if (timer.startedAt && before.startedAt === timer.startedAt) {
      if (before.left > 60_000 && left <= 60_000 && left > 0) announce(t('sessions.live.timer.announceLastMinute'));
      if (before.left > 0 && left <= 0) announce(t('sessions.live.timer.announceOver'));
    }
  });

  const fraction = timer.durationMs > 0 ? Math.min(1, Math.max(0, left / timer.durationMs)) : 0;
  const ready = !running && timer.remainingMs >= timer.durationMs;
  const state = over ? 'over' : running ? 'running' : ready ? 'ready' : 'paused';
  const stateText = t(`sessions.live.timer.${state}`);

  return (
    <div className={`dt-timer dt-timer--${state}`} data-testid="timer" data-state={state}>
      <Heading3 className="dt-timer__title">{t('sessions.live.timer.title')}</Heading3>
      {/* role=timer is not announced by itself (its live region is off); the status below is. */}
      <div role="timer" aria-label={t('sessions.live.timer.title')} className="dt-timer__clock">
        {clockText(left)}
      </div>
      <div className="dt-timer__bar" aria-hidden="true">
        <div className="dt-timer__fill" style={{ inlineSize: `${fraction * 100}%` }} />
      </div>
      <Paragraph className="dt-timer__state">
        <strong>{stateText}</strong> · {t('sessions.live.timer.of', { total: clockText(timer.durationMs) })}
      </Paragraph>
    </div>
  );
}
