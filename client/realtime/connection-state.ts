import type { AppSocket } from './socket';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface ConnectionStore {
  getSnapshot(): ConnectionState;
  subscribe(listener: () => void): () => void;
}

// Kept outside React so the state is tracked from the moment the socket exists: a component
// that mounts later still sees events that happened before it.
export function createConnectionStore(socket: AppSocket, win: Window = window): ConnectionStore {
  const listeners = new Set<() => void>();
  let socketState: ConnectionState = socket.connected ? 'connected' : 'connecting';
  // "Opnieuw verbinden" only makes sense once there was a connection to lose.
  let hasConnected = socket.connected;
  let browserOnline = win.navigator.onLine;

  const notify = () => listeners.forEach((listener) => listener());
  const setSocketState = (next: ConnectionState) => {
    if (next === socketState) return;
    socketState = next;
    notify();
  };

  const retrying = (): ConnectionState => (hasConnected ? 'reconnecting' : 'connecting');

  socket.on('connect', () => {
    hasConnected = true;
    setSocketState('connected');
  });
  // While the manager keeps retrying (socket.active) the user should see that we are on it;
  // when nothing will retry (we or the server closed the socket on purpose) we are offline.
  socket.on('disconnect', (reason) => {
    // A disconnect we asked for may be followed at once by connect() (renewSocketSession after
    // signing in or out): decide once that code has run, and then keep showing the state we
    // had, so nobody hears "Geen verbinding" for a connection that is back within milliseconds.
    if (reason === 'io client disconnect') {
      queueMicrotask(() => {
        if (!socket.active) setSocketState('offline');
      });
      return;
    }
    setSocketState(socket.active ? retrying() : 'offline');
  });
  socket.on('connect_error', () => setSocketState(socket.active ? retrying() : 'offline'));
  socket.io.on('reconnect_attempt', () => setSocketState(retrying()));
  socket.io.on('reconnect_failed', () => setSocketState('offline'));

  // The socket notices a lost network only after its heartbeat times out; the browser knows at once.
  const setBrowserOnline = (online: boolean) => {
    browserOnline = online;
    notify();
  };
  win.addEventListener('online', () => setBrowserOnline(true));
  win.addEventListener('offline', () => setBrowserOnline(false));

  return {
    getSnapshot: () => (browserOnline ? socketState : 'offline'),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
