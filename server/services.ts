import type { Server as SocketServer } from 'socket.io';
import { AuditLog } from './audit/audit-log';
import { SessionStore } from './auth/session-store';
import type { Config } from './config';
import type { Logger } from './logger';
import { Mailer } from './mail/mailer';
import { Locks } from './db/locks';
import { CollabPersistence } from './collab/persistence';
import { DocumentRegistry } from './collab/document-registry';
import type { Models } from './models';

export type ChangeKind = 'trajectory' | 'topics' | 'members' | 'invitations' | 'audit' | 'sessions' | 'agreement' | 'comments' | 'amendments' | 'versions' | 'questions';


/** Broadcasts that something changed; clients in the trajectory's room refetch that part. */
export class Publisher {
  io: SocketServer | undefined;
  /** Set once the live-table broadcaster exists; sends a session's state to its room. */
  onSessionChanged: ((sessionId: string) => void) | undefined;
  /** Set by the collaboration server: decides document access again for a trajectory's open connections. */
  onAccessChanged: ((trajectoryId: string) => Promise<void>) | undefined;

  /** After a change to a clause's status or a membership: resolves once open connections follow it. */
  async accessChanged(trajectoryId: string): Promise<void> {
    await this.onAccessChanged?.(trajectoryId);
  }

  sessionChanged(sessionId: string): void {
    this.onSessionChanged?.(sessionId);
  }

  trajectoryChanged(trajectoryId: string, what: ChangeKind): void {
    this.io?.to(trajectoryRoom(trajectoryId)).emit('trajectory:changed', { trajectoryId, what });
  }

  /** Disconnects the live connections of ended sessions (sign-out, password reset): they must not keep listening. */
  async endSessions(match: { sessionId?: string; userId?: string }): Promise<void> {
    if (!this.io) return;
    for (const s of await this.io.fetchSockets()) {
      const data = s.data as { sessionId?: string; userId?: string };
      if ((match.sessionId && data.sessionId === match.sessionId) || (match.userId && data.userId === match.userId)) s.disconnect(true);
    }
  }

  /**
   * Takes a removed member's open connections out of the trajectory's room and out of the rooms
   * of its sessions at once (they would otherwise keep receiving the live table's state).
   */
  async removeFromTrajectory(trajectoryId: string, userId: string, sessionIds: readonly string[] = []): Promise<void> {
    if (!this.io) return;
    const rooms = [trajectoryRoom(trajectoryId), ...sessionIds.map((id) => `session:${id}`)];
    const sockets = await this.io.in(rooms).fetchSockets();
    for (const s of sockets) {
      if ((s.data as { userId?: string }).userId !== userId) continue;
      for (const room of rooms) s.leave(room);
      const presence = (s.data as { presence?: Record<string, unknown> }).presence;
      for (const sessionId of sessionIds) if (presence) delete presence[sessionId];
    }
    for (const sessionId of sessionIds) this.sessionChanged(sessionId);
  }
}

export const trajectoryRoom = (trajectoryId: string) => `trajectory:${trajectoryId}`;

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
}

export function createServices(parts: { config: Config; log: Logger; models: Models; publicUrl: () => string }): Services {
  return {
    ...parts,
    audit: new AuditLog(parts.models, new Locks(parts.models.locks)),
    sessions: new SessionStore(parts.models),
    mailer: new Mailer(parts.config, parts.models, parts.log),
    publisher: new Publisher(),
    locks: new Locks(parts.models.locks),
    documents: new DocumentRegistry(new CollabPersistence(parts.models), parts.log.child({ component: 'collab' })),
  };
}
