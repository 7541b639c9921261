import { useEffect, useRef } from 'react';
import { getSocket } from '../../realtime/socket';

/** Calls `onChange` when the server says the person's notifications changed (their own room), and after a reconnect. */
export function useNotificationsChanged(onChange: () => void): void {
  const handler = useRef(onChange);
  handler.current = onChange;
  useEffect(() => {
    const socket = getSocket();
    const changed = () => handler.current();
    socket.on('notifications:changed', changed);
    // A notification may have come while the connection was away.
    socket.on('connect', changed);
    return () => {
      socket.off('notifications:changed', changed);
      socket.off('connect', changed);
    };
  }, []);
}
