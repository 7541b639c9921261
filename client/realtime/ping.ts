import type { AppSocket } from './socket';

const pingTimeoutMs = 5000;

// A health signal only: the connection state comes from the socket itself, but a ping that
// fails right after connecting tells a developer that the server is not answering events.
export function pingOnConnect(socket: AppSocket): void {
  socket.on('connect', () => {
    socket
      .timeout(pingTimeoutMs)
      .emit('system:ping', { sentAt: new Date().toISOString() }, (error, result) => {
        if (error) console.warn('[realtime] system:ping got no answer in time');
        else if (!result.ok) console.warn('[realtime] system:ping failed', result.error.code, result.error.message);
        else console.debug('[realtime] system:ping answered', result.serverTime);
      });
  });
}
