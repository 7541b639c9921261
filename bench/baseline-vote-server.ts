/*
 * The voting baseline: a plain Socket.io server with no authentication, no database and no
 * audit. Joining puts the socket in the room; a ballot increments a counter in memory and the
 * new count is relayed to the room at once. It is the floor that any real vote path sits on.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

const httpServer = createServer();
const io = new Server(httpServer, { serveClient: false });
const counts = new Map<string, number>();

io.on('connection', (socket) => {
  socket.on('session:join', ({ sessionId }: { sessionId: string }, ack: (r: object) => void) => {
    void socket.join(`session:${sessionId}`);
    socket.data.sessionId = sessionId;
    ack({ ok: true });
  });
  socket.on('poll:cast', ({ pollId }: { pollId: string }, ack: (r: object) => void) => {
    const ballots = (counts.get(pollId) ?? 0) + 1;
    counts.set(pollId, ballots);
    io.to(`session:${socket.data.sessionId as string}`).emit('tally', { pollId, ballots });
    ack({ ok: true });
  });
});

httpServer.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ event: 'listening', port: (httpServer.address() as AddressInfo).port })}\n`);
});
process.on('SIGTERM', () => {
  void io.close();
  httpServer.close(() => process.exit(0));
});
