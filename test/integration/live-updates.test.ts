import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, demoEmails, demoTrajectoryIds, mailedToken, sessionCookieName, signIn, type ApiClient, type DemoIds } from '../helpers/api-client';
import { startServer, waitFor, type RunningServer } from '../helpers/server';

interface Changed {
  trajectoryId: string;
  what: string;
}

describe('live updates over Socket.io', () => {
  let server: RunningServer;
  let ids: DemoIds;
  let inkoop: ApiClient;
  const sockets: Socket[] = [];

  /** A connected socket with the session cookie of `client` (or none), recording trajectory:changed events. */
  async function connect(client?: ApiClient): Promise<{ socket: Socket; changes: Changed[] }> {
    const socket = io(server.url, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: client?.token ? { cookie: `${sessionCookieName}=${client.token}` } : {},
    });
    sockets.push(socket);
    const changes: Changed[] = [];
    socket.on('trajectory:changed', (event: Changed) => changes.push(event));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return { socket, changes };
  }
  const join = (socket: Socket, trajectoryId: unknown) => socket.timeout(5000).emitWithAck('trajectory:join', { trajectoryId });
  const quiet = () => new Promise((r) => setTimeout(r, 400));

  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1' } });
    const admin = await signIn(server, demoEmails.admin);
    ids = await demoTrajectoryIds(admin);
    inkoop = await signIn(server, demoEmails.procurement);
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.disconnect();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('a member joins and hears what changes; a proposal by procurement arrives as topics', async () => {
    const aanbieder = await connect(await signIn(server, demoEmails.provider));
    expect(await join(aanbieder.socket, ids.ijmond)).toEqual({ ok: true });

    const res = await inkoop.post(`/trajectories/${ids.ijmond}/topics`, { title: 'Live voorstel' });
    expect(res.status).toBe(201);
    await waitFor(() => aanbieder.changes.some((c) => c.what === 'topics'), 5000, 'trajectory:changed topics');
    expect(aanbieder.changes).toContainEqual({ trajectoryId: ids.ijmond, what: 'topics' });
    expect(aanbieder.changes.every((c) => c.trajectoryId === ids.ijmond)).toBe(true);
  });

  it('a non-member is told the trajectory does not exist and hears nothing of it', async () => {
    const aanbieder = await connect(await signIn(server, demoEmails.provider));
    const ack = await join(aanbieder.socket, ids.midden);
    expect(ack).toEqual({ ok: false, error: { code: 'not_found', message: expect.any(String) } });
    // The same answer as for a trajectory that does not exist.
    expect(await join(aanbieder.socket, 'aaaaaaaaaaaaaaaaaaaaaaaa')).toEqual(ack);

    expect((await inkoop.post(`/trajectories/${ids.midden}/topics`, { title: 'Niet voor buitenstaanders' })).status).toBe(201);
    await quiet();
    expect(aanbieder.changes).toEqual([]);
  });

  it('an anonymous connection may not join', async () => {
    const anonymous = await connect();
    const ack = await join(anonymous.socket, ids.ijmond);
    expect(ack).toEqual({ ok: false, error: { code: 'unauthenticated', message: expect.any(String) } });
    expect((await inkoop.post(`/trajectories/${ids.ijmond}/topics`, { title: 'Niet voor anoniemen' })).status).toBe(201);
    await quiet();
    expect(anonymous.changes).toEqual([]);
  });

  it('a malformed join is refused with a validation error', async () => {
    const member = await connect(await signIn(server, demoEmails.observer));
    const ack = await join(member.socket, 'geen-id');
    expect(ack).toMatchObject({ ok: false, error: { code: 'validation_failed', fields: { trajectoryId: expect.any(String) } } });
  });

  it('after leaving, nothing more arrives', async () => {
    const member = await connect(await signIn(server, demoEmails.client));
    expect(await join(member.socket, ids.ijmond)).toEqual({ ok: true });
    expect(await member.socket.timeout(5000).emitWithAck('trajectory:leave', { trajectoryId: ids.ijmond })).toEqual({ ok: true });
    expect((await inkoop.post(`/trajectories/${ids.ijmond}/topics`, { title: 'Na het verlaten' })).status).toBe(201);
    await quiet();
    expect(member.changes).toEqual([]);
  });

  it('signing out disconnects the live connection of that session', async () => {
    const gemeente = await signIn(server, demoEmails.municipality);
    const member = await connect(gemeente);
    expect(await join(member.socket, ids.ijmond)).toEqual({ ok: true });
    const disconnected = new Promise<string>((resolve) => member.socket.once('disconnect', (reason) => resolve(reason)));
    expect((await gemeente.post('/auth/logout')).status).toBe(204);
    expect(await disconnected).toBe('io server disconnect');
  });

  it('a password reset disconnects every live connection of the account', async () => {
    const facilitator = await signIn(server, demoEmails.facilitator);
    const member = await connect(facilitator);
    expect(await join(member.socket, ids.ijmond)).toEqual({ ok: true });
    const disconnected = new Promise<string>((resolve) => member.socket.once('disconnect', (reason) => resolve(reason)));
    expect((await apiClient(server).post('/auth/password-reset', { email: demoEmails.facilitator })).status).toBe(202);
    const admin = await signIn(server, demoEmails.admin);
    const token = (await mailedToken(admin, demoEmails.facilitator, 'wachtwoord-herstellen'))!;
    expect((await apiClient(server).post('/auth/password-reset/confirm', { token, password: 'een-nieuw-wachtwoord' })).status).toBe(200);
    expect(await disconnected).toBe('io server disconnect');
  });

  it('a removed member stops hearing at once and cannot join again', async () => {
    const observer = await signIn(server, demoEmails.observer);
    const member = await connect(observer);
    expect(await join(member.socket, ids.ijmond)).toEqual({ ok: true });
    const members = (await inkoop.get(`/trajectories/${ids.ijmond}/members`)).body as Array<{ id: string; email: string }>;
    const seat = members.find((m) => m.email === demoEmails.observer)!;
    expect((await inkoop.delete(`/trajectories/${ids.ijmond}/members/${seat.id}`)).status).toBe(204);
    member.changes.length = 0;
    expect((await inkoop.post(`/trajectories/${ids.ijmond}/topics`, { title: 'Na de verwijdering' })).status).toBe(201);
    await quiet();
    expect(member.changes).toEqual([]);
    expect(await join(member.socket, ids.ijmond)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
