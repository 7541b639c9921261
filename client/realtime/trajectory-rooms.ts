import type { TrajectoryChangedPayload } from './events';
import type { AppSocket } from './socket';

const joinTimeoutMs = 5000;
type Listener = (payload: TrajectoryChangedPayload) => void;

/**
 * Room membership for trajectories, counted: several parts of a screen may watch the same
 * trajectory, and the room is left only when the last of them stops. Every (re)connect joins
 * the watched rooms again, since the server forgets rooms when a connection drops.
 */
export class TrajectoryRooms {
  private readonly watchers = new Map<string, number>();
  private readonly listeners = new Set<Listener>();

  constructor(private readonly socket: AppSocket) {
    socket.on('connect', () => {
      for (const trajectoryId of this.watchers.keys()) this.join(trajectoryId);
    });
    socket.on('trajectory:changed', (payload) => {
      for (const listener of this.listeners) listener(payload);
    });
  }

  watch(trajectoryId: string, listener: Listener): () => void {
    const count = this.watchers.get(trajectoryId) ?? 0;
    this.watchers.set(trajectoryId, count + 1);
    if (count === 0 && this.socket.connected) this.join(trajectoryId);
    const filtered: Listener = (payload) => {
      if (payload.trajectoryId === trajectoryId) listener(payload);
    };
    this.listeners.add(filtered);
    return () => {
      this.listeners.delete(filtered);
      const left = (this.watchers.get(trajectoryId) ?? 1) - 1;
      if (left > 0) {
        this.watchers.set(trajectoryId, left);
        return;
      }
      this.watchers.delete(trajectoryId);
      if (this.socket.connected) this.socket.emit('trajectory:leave', { trajectoryId });
    };
  }

  private join(trajectoryId: string): void {
    this.socket.timeout(joinTimeoutMs).emit('trajectory:join', { trajectoryId }, (error, result) => {
      if (error) console.debug('[realtime] trajectory:join got no answer in time');
      else if (!result.ok) console.debug('[realtime] trajectory:join refused', result.error.code);
    });
  }
}
