/*
 * A voting load generator (a child process of bench/run.ts): many socket.io clients in a live
 * session's room. Each records every tally it receives (time, ballots counted) and casts one
 * ballot at its scheduled moment. Ours sends the tally in `session:state` (the whole table)
 * or `poll:tally` (one poll); the baseline relay sends `tally`.
 */
import { io, type Socket } from 'socket.io-client';
import { answerParent, now, sleep } from './proc';

export interface VoteConnect {
  type: 'connect';
  url: string;
  sessionId: string;
  pollId: string;
  voters: Array<{ token?: string }>;
}
export interface VoteCast {
  type: 'vote';
  /** Send moments (epoch ms) of this process's voters, one each. */
  at: number[];
}
type Message = VoteConnect | VoteCast | { type: 'collect' } | { type: 'close' };

interface Voter {
  socket: Socket;
  /** [arrival time, ballots counted], whenever the count grows. */
  tallies: Array<[number, number]>;
}

interface PollTally {
  id: string;
  result: { ballots: number } | null;
}

const voters: Voter[] = [];
const casts: Array<{ sentAt: number; ackedAt: number; ok: boolean; error?: string }> = [];
let pollId = '';

function seen(voter: Voter, ballots: number | undefined): void {
  if (ballots === undefined) return;
  const last = voter.tallies[voter.tallies.length - 1];
  if (!last || ballots > last[1]) voter.tallies.push([now(), ballots]);
}

async function connectVoter(url: string, sessionId: string, token?: string): Promise<Voter> {
  const socket = io(url, { transports: ['websocket'], extraHeaders: token ? { cookie: `dt_session=${token}` } : {}, reconnection: false });
  const voter: Voter = { socket, tallies: [] };
  socket.on('session:state', (state: { polls: PollTally[] }) => seen(voter, state.polls.find((p) => p.id === pollId)?.result?.ballots));
  socket.on('poll:tally', (poll: PollTally & { sessionId: string | null }) => poll.id === pollId && seen(voter, poll.result?.ballots));
  socket.on('tally', (tally: { pollId: string; ballots: number }) => tally.pollId === pollId && seen(voter, tally.ballots));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const joined = (await socket.timeout(60_000).emitWithAck('session:join', { sessionId })) as { ok: boolean; error?: { message: string } };
  if (!joined.ok) throw new Error(`joining failed: ${joined.error?.message}`);
  return voter;
}

async function handle(message: Message): Promise<unknown> {
  switch (message.type) {
    case 'connect': {
      pollId = message.pollId;
      for (let i = 0; i < message.voters.length; i += 10) {
        const batch = message.voters.slice(i, i + 10);
        voters.push(...(await Promise.all(batch.map((v) => connectVoter(message.url, message.sessionId, v.token)))));
      }
      return { connected: voters.length };
    }
    case 'vote': {
      await Promise.all(
        voters.map(async (voter, i) => {
          const wait = message.at[i]! - now();
          if (wait > 0) await sleep(wait);
          const sentAt = now();
          try {
            const answer = (await voter.socket.timeout(30_000).emitWithAck('poll:cast', { pollId, choice: { kind: 'consent', option: i % 7 === 0 ? 'object' : 'agree', reason: 'bench' } })) as {
              ok: boolean;
              error?: { message: string };
            };
            casts.push({ sentAt, ackedAt: now(), ok: answer.ok, ...(answer.ok ? {} : { error: answer.error?.message }) });
          } catch (error) {
            casts.push({ sentAt, ackedAt: now(), ok: false, error: (error as Error).message });
          }
        }),
      );
      return { cast: casts.length };
    }
    case 'collect':
      return { casts, tallies: voters.map((v) => v.tallies) };
    case 'close':
      for (const v of voters) v.socket.disconnect();
      voters.length = 0;
      return {};
  }
}

answerParent(handle);
