import { useSyncExternalStore } from 'react';
import { getSocket } from './socket';
import type { AppSocket } from './socket';

/** Why the live connection stopped for good, when the server said so: the person must act. */
export type ConnectionProblem = 'too_many_connections' | 'session_expired' | null;

const listeners = new Set<() => void>();
let problem: ConnectionProblem = null;
let watched: AppSocket | undefined;

function watch(socket: AppSocket): void {
  if (watched === socket) return;
  watched = socket;
  const set = (next: ConnectionProblem) => {
    if (next === problem) return;
    problem = next;
    listeners.forEach((listener) => listener());
  };
  // A refused handshake carries the reason as its message (server/limits/socket-limits.ts).
  socket.on('connect_error', (error) => {
    if (error.message === 'too_many_connections') set('too_many_connections');
  });
  socket.on('session:expired', () => set('session_expired'));
  socket.on('connect', () => set(null));
}

/** The problem to show beside the connection state, or null. */
export function useConnectionProblem(): ConnectionProblem {
  watch(getSocket());
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => problem,
  );
}
