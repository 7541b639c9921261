import type { Models } from '../models';
import { hashToken, newToken } from './tokens';

export const sessionCookieName = 'dt_session';
/** A session ends after 12 hours without use, and at the latest 14 days after sign-in. */
export const idleTimeoutMs = 12 * 60 * 60 * 1000;
export const absoluteTimeoutMs = 14 * 24 * 60 * 60 * 1000;
/** Sliding expiry is written at most once a minute, not on every request. */
const touchEveryMs = 60 * 1000;
/** Expired sessions are deleted at most this often (per process), after a sign-in. */
const pruneEveryMs = 10 * 60 * 1000;

export class SessionStore {
  constructor(private readonly models: Models) {}

  /** A new session with a new token: signing in never reuses an old one (no session fixation). */
  async create(userId: string): Promise<string> {
    const { token, hash } = newToken();
    const now = new Date();
    this.pruneNowAndThen(now);
    await this.models.sessions.create({ _id: hash, userId, createdAt: now, lastSeenAt: now, expiresAt: expiry(now, now) });
    return token;
  }

  /**
   * Expired sessions are deleted, at most once per `pruneEveryMs` and not in the sign-in's own time:
   * the filter on `expiresAt` reads the whole collection on FerretDB, so no request waits for it.
   * A sign-in that is found expired is refused anyway (`resolve`).
   */
  private pruneNowAndThen(now: Date): void {
    if (now.getTime() - this.prunedAt < pruneEveryMs) return;
    this.prunedAt = now.getTime();
    this.models.sessions.deleteMany({ expiresAt: { $lte: now } }).catch(() => {
      this.prunedAt = 0;
    });
  }

  private prunedAt = 0;

  /** The user id of a live session, or null; extends the idle timeout. */
  async resolve(token: string): Promise<{ userId: string; sessionId: string } | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    const id = hashToken(token);
    const session = await this.models.sessions.findById(id).lean();
    const now = new Date();
    if (!session || session.expiresAt <= now) return null;
    if (now.getTime() - session.lastSeenAt.getTime() > touchEveryMs) {
      await this.models.sessions.updateOne({ _id: id }, { $set: { lastSeenAt: now, expiresAt: expiry(session.createdAt, now) } });
    }
    return { userId: String(session.userId), sessionId: id };
  }

  async destroy(sessionId: string): Promise<void> {
    await this.models.sessions.deleteOne({ _id: sessionId });
  }

  /** Ends every session of a user, e.g. after a password reset (rare: its filter reads the collection on FerretDB). */
  async destroyAllFor(userId: string): Promise<void> {
    await this.models.sessions.deleteMany({ userId });
  }
}

function expiry(createdAt: Date, now: Date): Date {
  return new Date(Math.min(now.getTime() + idleTimeoutMs, createdAt.getTime() + absoluteTimeoutMs));
}
