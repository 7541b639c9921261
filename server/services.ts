import type { AppServer } from './realtime/socket-types';
import { emitToRooms } from './realtime/emit';
import { AuditLog } from './audit/audit-log';
import { SessionStore } from './auth/session-store';
import type { Config } from './config';
import type { Logger } from './logger';
import { Mailer } from './mail/mailer';
import { Locks } from './db/locks';
import { CollabPersistence } from './collab/persistence';
import { DocumentRegistry } from './collab/document-registry';
import type { Models } from './models';
import type { TrajectoryChangedEvent } from '../shared/schemas/realtime';
import type { RedisClients } from './cluster/redis-clients';
import { RedisRelay } from './collab/redis-relay';
import { SearchService } from './search/search-service';
import { createLiveTableBroadcasters, type LiveTableBroadcasters } from './live-table/broadcasters';

/** Every kind of change a trajectory's room hears of: the list lives once, in the shared schema. */
export type ChangeKind = TrajectoryChangedEvent['what'];

const changeWindowMs = 20;

/** Broadcasts that something changed; clients in the trajectory's room refetch that part. */
export class Publisher {
  io: AppServer | undefined;
  /** The live table's state broadcaster (built with the services): sends a session's state to its room. */
  liveState: { schedule(sessionId: string): void } | undefined;
  /** Set by the collaboration server: decides document access again for a trajectory's open connections. */
  onAccessChanged: ((trajectoryId: string) => Promise<void>) | undefined;
  /** Set by search: hears every change at once (not once per window), to keep its indexes current. */
  onTrajectoryChanged: ((trajectoryId: string, what: ChangeKind) => void) | undefined;

  /** After a change to a clause's status or a membership: resolves once open connections follow it. */
  async accessChanged(trajectoryId: string): Promise<void> {
    await this.onAccessChanged?.(trajectoryId);
  }

  sessionChanged(sessionId: string): void {
    this.liveState?.schedule(sessionId);
  }

  /**
   * Clients refetch what changed, so a burst of the same change (many ballots, a bulk import) is
   * sent once per short window: one broadcast through the adapter instead of one per change.
   */
  trajectoryChanged(trajectoryId: string, what: ChangeKind): void {
    this.onTrajectoryChanged?.(trajectoryId, what);
    const key = `${trajectoryId} ${what}`;
    if (this.pendingChanges.has(key)) return;
    this.pendingChanges.add(key);
    setTimeout(() => {
      this.pendingChanges.delete(key);
      emitToRooms(this.io, trajectoryRoom(trajectoryId), 'trajectory:changed', { trajectoryId, what });
    }, changeWindowMs).unref();
  }

  private readonly pendingChanges = new Set<string>();

  /**
   * Disconnects the live connections of ended sessions (sign-out, password reset): they must not keep
   * listening. Every connection is in its person's and its sign-in's room, and a room reaches every node.
   */
  async endSessions(match: { sessionId?: string; userId?: string }): Promise<void> {
    if (!this.io) return;
    if (match.sessionId) this.io.in(signInRoom(match.sessionId)).disconnectSockets(true);
    if (match.userId) this.io.in(personRoom(match.userId)).disconnectSockets(true);
  }

  /**
   * Takes a removed member's open connections, on every node, out of the trajectory's room and the
   * rooms of its sessions at once (they would otherwise keep receiving the live table's state).
   */
  async removeFromTrajectory(trajectoryId: string, userId: string, sessionIds: readonly string[] = []): Promise<void> {
    if (!this.io) return;
    this.io.in(personRoom(userId)).socketsLeave([trajectoryRoom(trajectoryId), ...sessionIds.map((id) => `session:${id}`)]);
    for (const sessionId of sessionIds) this.sessionChanged(sessionId);
  }
}

export const trajectoryRoom = (trajectoryId: string) => `trajectory:${trajectoryId}`;
/** Every live connection of one person, on whichever node. */
export const personRoom = (userId: string) => `person:${userId}`;
/** Every live connection of one sign-in (session cookie), on whichever node. */
export const signInRoom = (sessionId: string) => `sign-in:${sessionId}`;

/** Everything an operation needs, built once at start-up. */
export interface Services {
  config: Config;
  log: Logger;
  models: Models;
  audit: AuditLog;
  sessions: SessionStore;
  mailer: Mailer;
  publisher: Publisher;
  locks: Locks;
  /** The collaboration documents (clause texts) in memory, shared with the y-websocket endpoint. */
  documents: DocumentRegistry;
  /** The address links in e-mails point to; known once the server listens. */
  publicUrl(): string;
  /** Set when REDIS_URL is: this node is one of several that share rooms, documents and limits. */
  redis: RedisClients | null;
  /** Search across a trajectory: one index per trajectory in this process (server/search). */
  search: SearchService;
  /** The live table's broadcasters (server/live-table): built here, stopped with the server. */
  liveTable: LiveTableBroadcasters;
}

export function createServices(parts: { config: Config; log: Logger; models: Models; publicUrl: () => string; redis?: RedisClients | null }): Services {
  const relay = parts.redis ? new RedisRelay(parts.redis, parts.log.child({ component: 'collab-relay' })) : null;
  const persistence = new CollabPersistence(parts.models);
  const documents = new DocumentRegistry(persistence, parts.log.child({ component: 'collab' }), { relay });
  const publisher = new Publisher();
  const services: Services = {
    ...parts,
    redis: parts.redis ?? null,
    // Waits past a lock's lifetime: a lock left by a crashed process is overtaken, so an audit event never fails after its write.
    audit: new AuditLog(parts.models, new Locks(parts.models.locks, { waitMs: 15_000 })),
    sessions: new SessionStore(parts.models),
    mailer: new Mailer(parts.config, parts.models, parts.log),
    publisher,
    locks: new Locks(parts.models.locks),
    documents,
    search: new SearchService(parts.models, documents, persistence, parts.log.child({ component: 'search' }), parts.config.search ?? { maxTrajectories: 20, idleMs: 30 * 60_000 }),
    // Replaced at once below: the broadcasters read the services they belong to.
    liveTable: undefined as unknown as LiveTableBroadcasters,
  };
  services.liveTable = createLiveTableBroadcasters(services);
  publisher.liveState = services.liveTable.state;
  return services;
}
