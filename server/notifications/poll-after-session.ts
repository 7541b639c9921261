import type { PollRecord } from '../models/poll';
import type { Services } from '../services';
import { notifyPollOpenAfterSession } from './events';
import { produceAfterWrite } from './produce';

/**
 * When a session ends, its open polls close with it, except a poll whose declared closing time lies
 * after the end: that one stays open until then (closeDuePolls closes it) and everyone at the
 * table is told it is still open. Returns the polls to close now.
 */
export async function pollsToCloseAtSessionEnd(services: Services, open: readonly PollRecord[], now = new Date()): Promise<PollRecord[]> {
  const staying = open.filter((p) => p.closesAt && p.closesAt.getTime() > now.getTime());
  await produceAfterWrite(services, staying.map(notifyPollOpenAfterSession));
  return open.filter((p) => !staying.includes(p));
}
