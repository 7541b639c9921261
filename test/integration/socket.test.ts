import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';

describe('Socket.io', () => {
  let server: RunningServer;
  let socket: Socket;
  beforeAll(async () => {
    server = await startServer();
    socket = io(server.url, { transports: ['websocket'], reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
  });
  afterAll(async () => {
    socket?.disconnect();
    await server?.stop();
  });

  it('acknowledges a ping with the server time', async () => {
    const sentAt = new Date().toISOString();
    const ack = await socket.timeout(5000).emitWithAck('system:ping', { sentAt });
    expect(ack.ok).toBe(true);
    expect(Date.parse(ack.serverTime)).toBeGreaterThanOrEqual(Date.parse(sentAt) - 5000);
  });

  it('answers a malformed payload with a validation error naming the field', async () => {
    const ack = await socket.timeout(5000).emitWithAck('system:ping', { sentAt: 'yesterday' });
    expect(ack).toEqual({ ok: false, error: { code: 'validation_failed', message: expect.any(String), fields: { sentAt: expect.any(String) } } });
  });

  it('refuses unknown fields and wrong types', async () => {
    expect((await socket.timeout(5000).emitWithAck('system:ping', { extra: 1 })).ok).toBe(false);
    expect((await socket.timeout(5000).emitWithAck('system:ping', 'not an object')).ok).toBe(false);
    expect((await socket.timeout(5000).emitWithAck('system:ping', [1, 2, 3])).ok).toBe(false);
  });

  it('survives events without acknowledgement and unknown events', async () => {
    socket.emit('system:ping', { sentAt: 'nonsense' });
    socket.emit('no-such-event', { a: 1 });
    const ack = await socket.timeout(5000).emitWithAck('system:ping', {});
    expect(ack.ok).toBe(true);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
