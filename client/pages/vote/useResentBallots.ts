import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import type { BallotChoice } from '../../../shared/live-table/polls';
import { getSocket } from '../../realtime/socket';
import type { LiveSession } from '../../live-table/useLiveSession';

export type BallotDelivery = 'sending' | 'offline' | 'received';

/**
 * Casting from a phone on a room's wifi: a ballot that cannot reach the server (no connection,
 * no answer in time) is kept and sent again when the socket connects again. Sending it twice is
 * harmless: a ballot is stored under its voter key (one per person per poll), so the second
 * send changes the same ballot to the same choice. "Received" is only said after an
 * acknowledgement from the server.
 */
export function useResentBallots(session: LiveSession) {
  const [delivery, setDelivery] = useState<Record<string, BallotDelivery>>({});
  const pending = useRef(new Map<string, BallotChoice>());
  const { cast } = session;

  const send = useCallback(
    async (pollId: string, choice: BallotChoice): Promise<'received' | 'queued'> => {
      pending.current.set(pollId, choice);
      setDelivery((d) => ({ ...d, [pollId]: 'sending' }));
      try {
        await cast(pollId, choice);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'unavailable' && pending.current.get(pollId) === choice) {
          setDelivery((d) => ({ ...d, [pollId]: 'offline' }));
          return 'queued';
        }
        pending.current.delete(pollId);
        setDelivery(({ [pollId]: _gone, ...rest }) => rest);
        throw error;
      }
      // A newer choice sent meanwhile is still on its way.
      if (pending.current.get(pollId) !== choice) return 'queued';
      pending.current.delete(pollId);
      setDelivery((d) => ({ ...d, [pollId]: 'received' }));
      return 'received';
    },
    [cast],
  );

  useEffect(() => {
    const socket = getSocket();
    const resend = () => {
      for (const [pollId, choice] of pending.current) void send(pollId, choice).catch(() => undefined);
    };
    socket.on('connect', resend);
    return () => {
      socket.off('connect', resend);
    };
  }, [send]);

  return { delivery, send };
}
