import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import type { BallotChoice } from '../../shared/live-table/polls';
import type { LiveState, PollView } from '../../shared/schemas/sessions';
import { ackError, ackTimeoutMs, emitWithAck } from './live-ack';
import type { AckResult, ClientEventName, PayloadOf } from '../realtime/events';
import { getSocket } from '../realtime/socket';

export type JoinStatus = 'joining' | 'joined' | 'failed';

/** The table as the server last described it, with the viewer's clock offset at that moment. */
export interface LiveSnapshot extends Omit<LiveState, 'myBallots'> {
  /** Server clock minus this browser's clock, in ms (for the timer). */
  clockOffsetMs: number;
}

export interface LiveSession {
  status: JoinStatus;
  /** Why joining failed (status `failed`). */
  error: ApiError | undefined;
  live: LiveSnapshot | undefined;
  /** The viewer's own ballots by poll id: from the join answer and their own casts (broadcasts carry nobody's). */
  myBallots: Record<string, BallotChoice>;
  /** Sends a live-table event; rejects with an ApiError when the server refuses or cannot be reached. */
  send: <E extends ClientEventName>(event: E, payload: PayloadOf<E>) => Promise<AckResult<E>>;
  /** Casts or changes the viewer's ballot and remembers it. */
  cast: (pollId: string, choice: BallotChoice) => Promise<void>;
  retry: () => void;
}

function snapshot(state: LiveState): LiveSnapshot {
  const { myBallots: _mine, ...rest } = state;
  return { ...rest, clockOffsetMs: Date.parse(state.serverTime) - Date.now() };
}

/**
 * Joins a session's room for as long as the component is mounted: the answer is the whole
 * state, and every change after that arrives as `session:state`. After a reconnect (network
 * drop, server restart, signing in again) it joins again and gets the whole state back,
 * its own ballots included.
 */
export function useLiveSession(sessionId: string): LiveSession {
  const [status, setStatus] = useState<JoinStatus>('joining');
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [live, setLive] = useState<LiveSnapshot | undefined>(undefined);
  const [myBallots, setMyBallots] = useState<Record<string, BallotChoice>>({});
  const [attempt, setAttempt] = useState(0);
  // A ballot cast just now wins over an older join answer arriving late.
  const castAt = useRef(new Map<string, number>());

  useEffect(() => {
    const socket = getSocket();
    let active = true;
    setStatus('joining');
    setError(undefined);
    setLive(undefined);
    setMyBallots({});

    const onState = (state: LiveState) => {
      if (active && state.session.id === sessionId) setLive(snapshot(state));
    };
    // A tally only updates a poll that is still open here: one counted before the poll closed may arrive after the closing state.
    const onTally = (poll: PollView) => {
      if (!active || poll.sessionId !== sessionId) return;
      setLive((current) => current && { ...current, polls: current.polls.map((p) => (p.id === poll.id && p.status === 'open' ? poll : p)) });
    };
    const join = () => {
      const sentAt = Date.now();
      socket.timeout(ackTimeoutMs).emit('session:join', { sessionId }, (timedOut, result) => {
        if (!active) return;
        if (timedOut) {
          // Still connected but no answer: say so; a reconnect will try again by itself.
          setError(new ApiError(0, 'unavailable', 'No answer in time.'));
          setStatus((current) => (current === 'joined' ? current : 'failed'));
          return;
        }
        if (!result.ok) {
          setError(ackError(result));
          setStatus('failed');
          return;
        }
        setLive(snapshot(result.state));
        setMyBallots((current) => {
          const next = { ...result.state.myBallots };
          for (const [pollId, at] of castAt.current) if (at > sentAt && current[pollId]) next[pollId] = current[pollId];
          return next;
        });
        setError(undefined);
        setStatus('joined');
      });
    };

    socket.on('session:state', onState);
    socket.on('poll:tally', onTally);
    socket.on('connect', join);
    if (socket.connected) join();
    return () => {
      active = false;
      socket.off('session:state', onState);
      socket.off('poll:tally', onTally);
      socket.off('connect', join);
      if (socket.connected) socket.emit('session:leave', { sessionId });
    };
  }, [sessionId, attempt]);

  const send = useCallback(
    <E extends ClientEventName>(event: E, payload: PayloadOf<E>) => emitWithAck(getSocket(), event, payload),
    [],
  );

  const cast = useCallback(
    async (pollId: string, choice: BallotChoice) => {
      const answer = await send('poll:cast', { pollId, choice });
      castAt.current.set(pollId, Date.now());
      setMyBallots((current) => ({ ...current, [answer.pollId]: answer.choice }));
    },
    [send],
  );

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  return { status, error, live, myBallots, send, cast, retry };
}
