import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { clauseDocumentName } from '../../shared/domain/agreement';
import { documentText } from '../../shared/domain/clause-text';
import { connectDatabase, demoEmails, demoTrajectoryIds, signIn, type ApiClient, type DemoIds } from '../helpers/api-client';
import { collabClient, type CollabClient } from '../helpers/collab-client';
import { collabMessages, connectSocket, emit, rawCollab, storedDocumentText, type RawCollab } from '../helpers/hostile';
import { startServer, waitFor, type RunningServer } from '../helpers/server';
import type { Socket } from 'socket.io-client';

/** The limits as shipped (server/config.ts): the tests run against the defaults, not against lowered values. */
const defaults = { connectionsPerUser: 30, socketMessageBytes: 256 * 1024, collabMessageBytes: 1024 * 1024, documentBytes: 4 * 1024 * 1024 };

describe('limits with clear errors', () => {
  let server: RunningServer;
  let ids: DemoIds;
  let inkoop: ApiClient;
  let observer: ApiClient;
  let conceptDoc: string;
  const sockets: Socket[] = [];
  const collabs: CollabClient[] = [];

  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1' }, timeoutMs: 90_000 });
    const admin = await signIn(server, demoEmails.admin);
    ids = await demoTrajectoryIds(admin);
    inkoop = await signIn(server, demoEmails.procurement);
    observer = await signIn(server, demoEmails.observer);
    const agreement = (await inkoop.get(`/trajectories/${ids.ijmond}/agreement`)).body as { chapters: Array<{ clauses: Array<{ id: string; status: string }> }> };
    const concept = agreement.chapters.flatMap((c) => c.clauses).find((c) => c.status === 'concept')!;
    conceptDoc = clauseDocumentName(ids.ijmond, concept.id);
  }, 180_000);
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    for (const c of collabs) c.destroy();
    await server?.stop();
  });

  it(`refuses connection number ${defaults.connectionsPerUser + 1} of one person with too_many_connections, Socket.io and collaboration together`, async () => {
    for (let i = 0; i < defaults.connectionsPerUser - 1; i++) sockets.push(await connectSocket(server, observer.token));
    // The 30th is a collaboration connection: the count is shared.
    const collab = await rawCollab(server, conceptDoc, observer.token);
    const refused = await connectSocket(server, observer.token).then(
      () => undefined,
      (error: Error & { data?: { code: string; message: string } }) => error,
    );
    expect(refused?.message).toBe('too_many_connections');
    expect(refused?.data).toEqual({ code: 'too_many_connections', message: expect.stringContaining('30') });
    // A collaboration connection beyond the limit is accepted and closed at once with a code that says why (4429: do not retry).
    const refusedCollab = await rawCollab(server, conceptDoc, observer.token);
    expect(await refusedCollab.closed).toEqual({ code: 4429, reason: 'too_many_connections' });
    // Someone else is not affected.
    sockets.push(await connectSocket(server, inkoop.token));

    // Closing one frees its place.
    collab.ws.close();
    await collab.closed;
    await waitFor(async () => {
      try {
        sockets.push(await connectSocket(server, observer.token));
        return true;
      } catch {
        return false;
      }
    }, 5000, 'a place to free up');
    for (const s of sockets.splice(0)) s.disconnect();
    await waitFor(async () => {
      const c = await rawCollab(server, conceptDoc, observer.token);
      const open = await Promise.race([c.closed.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 300))]);
      c.ws.close();
      return open;
    }, 5000, 'all places to be freed');
  });

  it('answers events beyond the rate of one connection with rate_limited, and serves it again a moment later', async () => {
    const socket = await connectSocket(server, observer.token);
    sockets.push(socket);
    const acks = await Promise.all(Array.from({ length: 200 }, () => emit(socket, 'system:ping', { sentAt: new Date().toISOString() })));
    const limited = acks.filter((a) => !a.ok && a.error.code === 'rate_limited');
    expect(acks.filter((a) => a.ok).length).toBeGreaterThanOrEqual(20);
    expect(limited.length).toBeGreaterThan(50);
    expect(limited[0]).toEqual({ ok: false, error: { code: 'rate_limited', message: expect.any(String) } });
    // Another connection of the same person has its own allowance.
    const other = await connectSocket(server, observer.token);
    sockets.push(other);
    expect((await emit(other, 'system:ping', {})).ok).toBe(true);
    await waitFor(async () => (await emit(socket, 'system:ping', {})).ok, 10_000, 'the allowance to refill');
    expect(socket.connected).toBe(true);
  });

  it('closes a Socket.io connection that sends a message over the size limit; the server stays up', async () => {
    const socket = await connectSocket(server, observer.token);
    const closed = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    socket.emit('system:ping', { sentAt: 'x'.repeat(defaults.socketMessageBytes + 1024) });
    expect(await closed).toBe('transport close');
    const fresh = await connectSocket(server, observer.token);
    sockets.push(fresh);
    expect((await emit(fresh, 'system:ping', {})).ok).toBe(true);
  });

  it('closes a collaboration connection whose frame is over the size limit (1009), without applying it', async () => {
    const conn = await rawCollab(server, conceptDoc, inkoop.token);
    conn.send(collabMessages.update(collabMessages.paragraphUpdate(`TE-GROOT ${'x'.repeat(defaults.collabMessageBytes)}`)));
    expect((await conn.closed).code).toBe(1009);
    const reader = collabClient(server.url, conceptDoc, { token: observer.token });
    collabs.push(reader);
    await reader.synced;
    expect(documentText(reader.doc)).not.toContain('TE-GROOT');
  });

  it('a large clause fits; an update that would grow a document past the limit is refused (4413) and neither applied nor stored', async () => {
    const writer = collabClient(server.url, conceptDoc, { token: inkoop.token });
    collabs.push(writer);
    await writer.synced;
    // About 25 pages of text, typed as one paste: far more than any clause.
    const longText = Array.from({ length: 400 }, (_, i) => `Lid ${i + 1}. De opdrachtnemer levert de jeugdhulp zoals in dit artikel beschreven, binnen de afgesproken termijnen en tarieven.`).join(' ');
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(`GROOT-ARTIKEL ${longText}`)]);
    writer.fragment.insert(writer.fragment.length, [paragraph]);
    const reader = collabClient(server.url, conceptDoc, { token: observer.token });
    collabs.push(reader);
    await reader.synced;
    await waitFor(() => documentText(reader.doc).includes('GROOT-ARTIKEL'), 10_000, 'the large clause to be accepted');

    // Grow the document with updates just under the frame limit until the server refuses one.
    const chunk = 'y'.repeat(defaults.collabMessageBytes - 64 * 1024);
    let conn: RawCollab = await rawCollab(server, conceptDoc, inkoop.token);
    let refusedAt = -1;
    for (let i = 0; i < Math.ceil(defaults.documentBytes / chunk.length) + 2; i++) {
      conn.send(collabMessages.update(collabMessages.paragraphUpdate(`BLOK-${i} ${chunk}`, 1_000_000 + i)));
      const closed = await Promise.race([conn.closed, new Promise<undefined>((r) => setTimeout(() => r(undefined), 1500))]);
      if (closed) {
        expect(closed).toEqual({ code: 4413, reason: 'document_too_large' });
        refusedAt = i;
        break;
      }
    }
    expect(refusedAt).toBeGreaterThan(1);
    await waitFor(() => documentText(reader.doc).includes(`BLOK-${refusedAt - 1}`), 10_000, 'the last accepted block');
    const fresh = collabClient(server.url, conceptDoc, { token: observer.token });
    collabs.push(fresh);
    await fresh.synced;
    expect(documentText(fresh.doc)).toContain(`BLOK-${refusedAt - 1}`);
    expect(documentText(fresh.doc)).not.toContain(`BLOK-${refusedAt} `);
    expect(Y.encodeStateAsUpdate(fresh.doc).byteLength).toBeLessThanOrEqual(defaults.documentBytes);
    await new Promise((r) => setTimeout(r, 500));
    const db = await connectDatabase(server);
    try {
      const stored = await storedDocumentText(db, conceptDoc);
      expect(stored).toContain('GROOT-ARTIKEL');
      expect(stored).not.toContain(`BLOK-${refusedAt} `);
    } finally {
      await db.close();
    }
    // The document itself stays open: a connection that only reads is served as before.
    conn = await rawCollab(server, conceptDoc, inkoop.token);
    conn.send(collabMessages.step1(new Y.Doc()));
    expect((await Promise.race([conn.closed, new Promise<string>((r) => setTimeout(() => r('open'), 1000))]))).toBe('open');
    conn.ws.close();
  });

  it('closes a collaboration connection that floods messages with 1013 rate_limited (the client reconnects later)', async () => {
    const conn = await rawCollab(server, conceptDoc, observer.token);
    // Auth messages (type 2) cost the server nothing else, so only the rate decides.
    for (let i = 0; i < 2000 && conn.ws.readyState === conn.ws.OPEN; i++) conn.send(Uint8Array.from([2, 1]));
    expect(await conn.closed).toEqual({ code: 1013, reason: 'rate_limited' });
    const again = await rawCollab(server, conceptDoc, observer.token);
    again.send(collabMessages.step1(new Y.Doc()));
    await waitFor(() => again.received.some((m) => m[0] === 0 && m[1] === 1), 5000, 'a sync step 2 on a new connection');
    again.ws.close();
  });
});
