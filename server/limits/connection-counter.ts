/** The error code a refused connection carries, on Socket.io and on the collaboration endpoint alike. */
export const tooManyConnections = 'too_many_connections';

/**
 * Counts the open connections (Socket.io and collaboration together) of each signed-in person
 * in this process, so one account cannot exhaust the server by opening thousands of them.
 */
export class ConnectionCounter {
  private readonly open = new Map<string, number>();

  constructor(private readonly maxPerUser: number) {}

  /** Reserves a connection for the user; returns its release (call once on close), or null when the user is at the limit. */
  acquire(userId: string): (() => void) | null {
    const count = this.open.get(userId) ?? 0;
    if (count >= this.maxPerUser) return null;
    this.open.set(userId, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(userId) ?? 1) - 1;
      if (left <= 0) this.open.delete(userId);
      else this.open.set(userId, left);
    };
  }

  count(userId: string): number {
    return this.open.get(userId) ?? 0;
  }
}
