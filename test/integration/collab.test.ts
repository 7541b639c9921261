import { WebSocket } from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoEmails, signIn } from '../helpers/api-client';
import { collabClient, upgradeStatus, type CollabClient } from '../helpers/collab-client';
import { freshDatabaseUri, startServer, waitFor, type RunningServer } from '../helpers/server';

describe('co-editing over y-websocket', () => {
  const mongoUri = freshDatabaseUri();
  let server: RunningServer;
  /** The playground is for signed-in people in the test suite only: nothing anonymous is stored. */
  let token: string;
  const clients: CollabClient[] = [];
  const open = (name: string) => {
    const client = collabClient(server.url, name, { token });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startServer({ mongoUri, env: { DEMO: '1' } });
    token = (await signIn(server, demoEmails.procurement)).token!;
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('syncs one client edit to another and keeps it across a restart', async () => {
    const a = open('playground/restart');
    const b = open('playground/restart');
    await Promise.all([a.synced, b.synced]);
    a.text.insert(0, 'Artikel 1. Zorgcontinuïteit');
    await waitFor(() => b.text.toString() === 'Artikel 1. Zorgcontinuïteit', 5000, 'b to see a');
    b.text.insert(b.text.length, ' geldt voor alle percelen.');
    await waitFor(() => a.text.toString().endsWith('alle percelen.'), 5000, 'a to see b');

    for (const c of clients.splice(0)) c.destroy();
    expect(await server.stop()).toBe(0);
    server = await startServer({ mongoUri, env: { DEMO: '1' } });

    const c = open('playground/restart');
    await c.synced;
    expect(c.text.toString()).toBe('Artikel 1. Zorgcontinuïteit geldt voor alle percelen.');
  });

  it('keeps an edit that reached the server even when the server is killed', async () => {
    const a = open('playground/crash');
    await a.synced;
    a.text.insert(0, 'niet verloren');
    // An observer on the same document sees the edit once the server has applied it; storing follows within milliseconds.
    const observer = open('playground/crash');
    await observer.synced;
    await waitFor(() => observer.text.toString() === 'niet verloren', 5000, 'server to apply the edit');
    await new Promise((r) => setTimeout(r, 300));
    await server.kill();
    for (const c of clients.splice(0)) c.destroy();
    server = await startServer({ mongoUri, env: { DEMO: '1' } });
    const b = open('playground/crash');
    await b.synced;
    expect(b.text.toString()).toBe('niet verloren');
  });

  it('merges edits made offline when the client reconnects', async () => {
    const a = open('playground/offline');
    const b = open('playground/offline');
    await Promise.all([a.synced, b.synced]);
    a.provider.disconnect();
    a.text.insert(0, 'offline geschreven. ');
    b.text.insert(0, 'online geschreven. ');
    a.provider.connect();
    await waitFor(() => a.text.toString() === b.text.toString() && a.text.length > 30, 5000, 'convergence');
    expect(a.text.toString()).toContain('offline geschreven.');
    expect(a.text.toString()).toContain('online geschreven.');
  });

  it('shares awareness (who is in the document) between clients', async () => {
    const a = open('playground/awareness');
    const b = open('playground/awareness');
    await Promise.all([a.synced, b.synced]);
    a.provider.awareness.setLocalStateField('user', { name: 'Gemeente Haarlem' });
    await waitFor(() => [...b.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Gemeente Haarlem'), 5000, 'awareness');
    a.destroy();
    await waitFor(() => ![...b.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Gemeente Haarlem'), 5000, 'awareness removal');
  });

  it('refuses documents the policy does not allow and names that are not valid', async () => {
    const base = `${server.url.replace('http', 'ws')}/collab`;
    expect(await upgradeStatus(`${base}/trajectory/abc/clause/def`)).toBe(404);
    expect(await upgradeStatus(`${base}/..%2Fetc`)).toBe(404);
    expect(await upgradeStatus(`${base}/${'a'.repeat(300)}`)).toBe(404);
    expect(await upgradeStatus(`${base}/%E0%A4%A`)).toBe(404);
    expect(await upgradeStatus(`${base}/playground/ok`, token)).toBe(101);
    // Never for someone who is not signed in: nothing anonymous is stored.
    expect(await upgradeStatus(`${base}/playground/ok`)).toBe(404);
  });

  it('closes a connection that sends garbage and stays up for everyone else', async () => {
    const good = open('playground/garbage');
    await good.synced;
    const raw = new WebSocket(`${server.url.replace('http', 'ws')}/collab/playground/garbage`, { headers: { cookie: `dt_session=${token}` } });
    await new Promise((r) => raw.once('open', r));
    const closed = new Promise<number>((resolve) => raw.once('close', (code) => resolve(code)));
    raw.send(Buffer.from([0, 2, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]));
    raw.send(Buffer.from([99, 1, 2, 3]));
    expect(await closed).toBe(1007);
    good.text.insert(0, 'nog steeds');
    const other = open('playground/garbage');
    await other.synced;
    await waitFor(() => other.text.toString() === 'nog steeds', 5000, 'still serving');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
