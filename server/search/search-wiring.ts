import type { Server } from 'socket.io';
import { z } from 'zod';
import { documentText } from '../../shared/domain/clause-text';
import { id } from '../../shared/schemas/common';
import { trajectoryChangedEvent } from '../../shared/schemas/realtime';
import type { Logger } from '../logger';
import type { Services } from '../services';
import type { SearchChange } from './search-service';

const searchEvent = 'search:changed';

/** What another node may send; checked like any input. */
const searchChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('change'), trajectoryId: id, what: trajectoryChangedEvent.shape.what }),
  z.object({ kind: z.literal('clause-text'), trajectoryId: id, document: z.string().max(200), text: z.string() }),
]);

/**
 * Keeps search current: every change the app publishes and every edit of a document on this node
 * reaches this node's indexes at once and, with several nodes, every other node's as a Socket.io
 * server-side event over the Redis adapter (the way rooms already reach every node).
 */
export function connectSearch(services: Services, io: Server, log: Logger): void {
  const { search } = services;
  services.publisher.onTrajectoryChanged = (trajectoryId, what) => search.changed(trajectoryId, what);
  services.documents.onLocalChange = (name, doc) => search.clauseDocumentChanged(name, () => documentText(doc));
  if (services.redis === null) return;
  search.broadcast = (message: SearchChange) => io.serverSideEmit(searchEvent, message);
  io.on(searchEvent, (message: unknown) => {
    const parsed = searchChange.safeParse(message);
    if (parsed.success) search.apply(parsed.data);
    else log.warn({ event: searchEvent }, 'a search change from another node was not understood');
  });
}
