import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveSnapshot } from './useLiveSession';

/**
 * One polite status region for the live table. `announce` says something now; changes that
 * others make (a new poll, a closed one, the next topic, the floor) are said as they arrive,
 * but never on first sight, so joining a busy table is quiet.
 */
export function useLiveAnnouncements(live: LiveSnapshot | undefined, myUserId: string | undefined, hearHands: boolean) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  // The same words twice in a row would not be read again; alternate an invisible difference.
  const flip = useRef(false);
  const announce = useCallback((text: string) => {
    flip.current = !flip.current;
    setMessage(flip.current ? text : `${text}\u00a0`);
  }, []);

  const previous = useRef<LiveSnapshot | undefined>(undefined);
  useEffect(() => {
    const before = previous.current;
    previous.current = live;
    if (!before || !live || before.session.id !== live.session.id) return;
    const said: string[] = [];
    if (before.session.status !== live.session.status) {
      if (live.session.status === 'live') said.push(t('sessions.live.controls.started'));
      if (live.session.status === 'ended') said.push(t('sessions.live.controls.endedAnnouncement'));
    }
    const item = live.session.agenda[live.currentIndex];
    if (live.session.status === 'live' && before.session.status === 'live' && before.currentIndex !== live.currentIndex && item) {
      said.push(t('sessions.live.controls.movedTo', { title: item.title }));
    }
    if (live.floor && live.floor.userId !== before.floor?.userId) {
      said.push(live.floor.userId === myUserId ? t('sessions.live.floor.you') : t('sessions.live.queue.floorTo', { name: live.floor.name }));
    }
    if (hearHands) {
      for (const entry of live.queue) {
        if (!before.queue.some((q) => q.userId === entry.userId) && entry.userId !== myUserId) {
          said.push(t('sessions.live.queue.newHand', { name: entry.name }));
        }
      }
    }
    for (const poll of live.polls) {
      const was = before.polls.find((p) => p.id === poll.id);
      if (!was && poll.status === 'open') said.push(t('sessions.poll.opened', { question: poll.question }));
      if (was?.status === 'open' && poll.status === 'closed') said.push(t('sessions.poll.closed', { question: poll.question }));
    }
    if (said.length) announce(said.join(' '));
  }, [live, myUserId, hearHands, announce, t]);

  return { message, announce };
}
