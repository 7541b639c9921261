import { createHash } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { clauseDocumentName, clauseStatuses, type ClauseStatus } from '../../shared/domain/agreement';
import { clauseAccess, decide, type Action, type Decision, type Resource, type Subject } from '../../shared/policy';
import { documentText } from '../../shared/domain/clause-text';
import { roles, type Role } from '../../shared/domain/roles';
import { clientEventNames, clientEvents } from '../../shared/api/socket-contract';
import {
  apiClient,
  connectDatabase,
  demoEmails,
  demoTrajectoryIds,
  expectError,
  mailedToken,
  sessionCookieName,
  signIn,
  uniqueEmail,
  type ApiClient,
  type DemoIds,
} from '../helpers/api-client';
import { collabClient, upgradeStatus, upgradeStatusWith, type CollabClient } from '../helpers/collab-client';
import { connectSocket, emit, socketEventNames, type SocketAck } from '../helpers/hostile';
import { startServer, waitFor, type RunningServer } from '../helpers/server';

/**
 * What permissions.test.ts does not cover: every socket event across trajectories and signed
 * out, collaboration access per role and clause status, and what happens to connections that
 * are already open when a member is removed or a session expires; and a revoked invitation
 * accepted by an existing account.
 */
const missing = 'aaaaaaaaaaaaaaaaaaaaaaaa';
/** Events that change nothing and reveal nothing, anyone may send them: those the socket contract gives no policy action. */
const harmless = new Set<string>(clientEventNames.filter((event) => clientEvents[event].action === null));

interface Targets {
  trajectoryId: string;
  sessionId: string;
  pollId: string;
  userId: string;
}

/** A payload per socket event that passes its schema, so that a refusal can only come from the policy. */
const samples: Record<string, (t: Targets) => unknown> = {
  'system:ping': () => ({}),
  'trajectory:join': (t) => ({ trajectoryId: t.trajectoryId }),
  'trajectory:leave': (t) => ({ trajectoryId: t.trajectoryId }),
  'agenda:goto': (t) => ({ sessionId: t.sessionId, index: 0 }),
  'queue:give-floor': (t) => ({ sessionId: t.sessionId, userId: t.userId }),
  'poll:open': (t) => ({ sessionId: t.sessionId, settings: { kind: 'consent', question: 'Peiling van een buitenstaander' } }),
  'poll:cast': (t) => ({ pollId: t.pollId, choice: { kind: 'consent', option: 'block', reason: 'buitenstaander' } }),
  'poll:close': (t) => ({ pollId: t.pollId }),
};
/** Events without a sample (e.g. added on another branch) get the id their name suggests. */
const payloadFor = (event: string, t: Targets): unknown => {
  const sample = samples[event];
  if (sample) return sample(t);
  if (event.startsWith('poll:')) return { pollId: t.pollId };
  if (event.startsWith('trajectory:')) return { trajectoryId: t.trajectoryId };
  return { sessionId: t.sessionId };
};

describe('the access matrix beyond REST', () => {
  let server: RunningServer;
  let ids: DemoIds;
  let admin: ApiClient;
  let inkoop: ApiClient;
  const people = new Map<Role | 'admin', ApiClient>();
  /** A member of Midden-IJssel only. */
  let outsider: ApiClient;
  let outsiderEmail: string;
  let ijmond: Targets;
  let clause: { id: string; variantId: string };
  const sockets: Socket[] = [];
  const collabs: CollabClient[] = [];

  const open = (client: ApiClient | undefined, name: string) => {
    const c = collabClient(server.url, name, client?.token ? { token: client.token } : {});
    collabs.push(c);
    return c;
  };
  const socketOf = async (client: ApiClient | undefined) => {
    const s = await connectSocket(server, client?.token);
    sockets.push(s);
    return s;
  };

  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1' }, timeoutMs: 90_000 });
    admin = await signIn(server, demoEmails.admin);
    ids = await demoTrajectoryIds(admin);
    inkoop = await signIn(server, demoEmails.procurement);
    for (const role of roles) people.set(role, await signIn(server, demoEmails[role]));
    people.set('admin', admin);

    const orgs = new Map<string, string>((await inkoop.get('/organisations')).body.map((o: { name: string; id: string }) => [o.name, o.id]));
    outsiderEmail = uniqueEmail('midden');
    const invited = await inkoop.post(`/trajectories/${ids.midden}/invitations`, { email: outsiderEmail, role: 'provider', organisation: { id: orgs.get('Praktijk Bosrand (vrijgevestigd psycholoog)') } });
    expect(invited.status, invited.text).toBe(201);
    const token = (await mailedToken(admin, outsiderEmail, 'uitnodiging'))!;
    outsider = apiClient(server);
    const accepted = await outsider.post(`/invitations/${token}/accept`, { token, name: 'Nina Buiten', password: 'een-goed-wachtwoord' });
    expect(accepted.status, accepted.text).toBe(200);

    const sessions = (await inkoop.get(`/trajectories/${ids.ijmond}/sessions`)).body as Array<{ id: string; status: string }>;
    const planned = sessions.find((s) => s.status === 'planned')!;
    const poll = await inkoop.post(`/sessions/${planned.id}/polls`, { settings: { kind: 'consent', question: 'Matrix' } });
    expect(poll.status, poll.text).toBe(201);
    const me = await inkoop.get('/me');
    ijmond = { trajectoryId: ids.ijmond, sessionId: planned.id, pollId: poll.body.pollId, userId: me.body.user.id };

    const agreement = (await inkoop.get(`/trajectories/${ids.ijmond}/agreement`)).body as { chapters: Array<{ clauses: Array<{ id: string; status: string; variants: Array<{ id: string }> }> }> };
    const withVariant = agreement.chapters.flatMap((c) => c.clauses).find((c) => c.variants.length > 0)!;
    clause = { id: withVariant.id, variantId: withVariant.variants[0]!.id };
  }, 180_000);
  afterEach(() => {
    for (const c of collabs.splice(0)) c.destroy();
    for (const s of sockets.splice(0)) s.disconnect();
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe('every socket event', () => {
    it('finds the events the server handles', () => {
      const events = socketEventNames();
      expect(events.length).toBeGreaterThanOrEqual(19);
      expect(events).toEqual(expect.arrayContaining(['system:ping', 'trajectory:join', 'session:join', 'poll:cast', 'queue:give-floor']));
    });

    it('refuses a member of Midden-IJssel on IJmond’s trajectory, sessions and polls exactly as if they did not exist', async () => {
      const socket = await socketOf(outsider);
      for (const event of socketEventNames().filter((e) => !harmless.has(e))) {
        const ack = await emit(socket, event, payloadFor(event, ijmond));
        const none = await emit(socket, event, payloadFor(event, { trajectoryId: missing, sessionId: missing, pollId: missing, userId: missing }));
        expect(ack.ok, `${event}: ${JSON.stringify(ack)}`).toBe(false);
        expect(!ack.ok && ack.error.code, `${event}: ${JSON.stringify(ack)}`).toBe('not_found');
        expect(ack, event).toEqual(none);
      }
    });

    it('refuses every event that is not harmless when signed out, with unauthenticated', async () => {
      const socket = await socketOf(undefined);
      for (const event of socketEventNames()) {
        const ack = await emit(socket, event, payloadFor(event, ijmond));
        if (harmless.has(event)) expect(ack.ok, event).toBe(true);
        else expect(!ack.ok && ack.error.code, `${event}: ${JSON.stringify(ack)}`).toBe('unauthenticated');
      }
    });

    it('a refused sender receives nothing of the trajectory: no live changes, no session state', async () => {
      const socket = await socketOf(outsider);
      const received: string[] = [];
      socket.onAny((event) => received.push(event));
      await emit(socket, 'trajectory:join', { trajectoryId: ids.ijmond });
      await emit(socket, 'session:join', { sessionId: ijmond.sessionId });
      // A member who is in the rooms, to know the broadcasts happened.
      const member = await socketOf(people.get('observer'));
      const seen: string[] = [];
      member.onAny((event) => seen.push(event));
      expect((await emit(member, 'trajectory:join', { trajectoryId: ids.ijmond })).ok).toBe(true);
      expect((await emit(member, 'session:join', { sessionId: ijmond.sessionId })).ok).toBe(true);
      expect((await inkoop.post(`/trajectories/${ids.ijmond}/topics`, { title: 'Onderwerp voor de matrix' })).status).toBe(201);
      await waitFor(() => seen.includes('trajectory:changed') && seen.includes('session:state'), 5000, 'the member to receive both');
      expect(received).toEqual([]);
    });
  });

  describe('collaboration connections per role and clause status', () => {
    const variantName = () => clauseDocumentName(ids.ijmond, clause.id, clause.variantId);
    const regionalName = () => clauseDocumentName(ids.ijmond, clause.id);

    it.each(clauseStatuses.map((s) => [s]))('a clause in status %s: edit, comment or read exactly as clauseAccess says, in the regional text and the variant', async (status: ClauseStatus) => {
      const set = await inkoop.patch(`/trajectories/${ids.ijmond}/agreement/clauses/${clause.id}`, { status });
      expect(set.status, set.text).toBe(200);
      const who = [...roles, 'admin'] as const;
      const expected = (person: (typeof who)[number]) => (person === 'admin' ? 'read' : clauseAccess(person, status));
      for (const name of [regionalName(), variantName()]) {
        const writers = await Promise.all(
          who.map(async (person) => {
            const client = open(people.get(person), name);
            await client.synced;
            const paragraph = new Y.XmlElement('paragraph');
            paragraph.insert(0, [new Y.XmlText(`SCHRIJFT-${status}-${person}`)]);
            client.fragment.insert(client.fragment.length, [paragraph]);
            return { person, client };
          }),
        );
        const reader = open(inkoop, name);
        await reader.synced;
        for (const { person, client } of writers) {
          const access = expected(person);
          const marker = `SCHRIJFT-${status}-${person}`;
          if (access === 'edit') await waitFor(() => documentText(reader.doc).includes(marker), 10_000, `${person}'s edit to arrive`);
          else await waitFor(() => client.denied.includes(access === 'comment' ? 'comment-only' : 'read-only'), 10_000, `${person}'s write to be refused (${access})`);
        }
        // Every write has been handled (accepted or refused); a fresh connection shows exactly the editors' text.
        const fresh = open(inkoop, name);
        await fresh.synced;
        const text = documentText(fresh.doc);
        for (const person of who) expect(text.includes(`SCHRIJFT-${status}-${person}`), `${person} in ${name} (${status})`).toBe(expected(person) === 'edit');
        for (const c of collabs.splice(0)) c.destroy();
      }
      // Who has no seat at this table gets no connection at all, whatever the status.
      const base = `${server.url.replace('http', 'ws')}/collab/`;
      for (const name of [regionalName(), variantName()]) {
        expect(await upgradeStatus(base + name, outsider.token)).toBe(404);
        expect(await upgradeStatus(base + name)).toBe(404);
      }
    });

    it('the clause is back in dialogue afterwards', async () => {
      expect((await inkoop.patch(`/trajectories/${ids.ijmond}/agreement/clauses/${clause.id}`, { status: 'in_dialogue' })).status).toBe(200);
    });
  });

  describe("the client's decide() and the server agree", () => {
    // The role × action table is exercised route by route in permissions.test.ts; here the rules
    // that also need a fact: a clause's status, a poll's invited groups, anonymity. For each role
    // (and a platform administrator without a seat) the server's answer is compared with what the
    // client's decide() says, asked with the same facts the client has.
    const who = [...roles, 'admin'] as const;
    const subjectOf = (person: (typeof who)[number]): Subject => (person === 'admin' ? { kind: 'user', platformAdmin: true, role: null } : { kind: 'user', platformAdmin: false, role: person });
    /** All of `checks` must allow for the server to accept; a refusal is the first check's code. */
    const decideAll = (subject: Subject, checks: Array<[Action, Resource?]>): Decision =>
      checks.map(([action, resource]) => decide(subject, action, resource)).find((d) => !d.allowed) ?? { allowed: true };
    /** The HTTP answer of each denial code (input the rule refuses, such as an anonymous comment by a non-client, is a 400 validation_failed). */
    const statusOf: Record<string, number[]> = { unauthenticated: [401], not_found: [404], forbidden: [403, 400], not_eligible: [403], clause_closed: [409], agreement_final: [409] };
    const expectAgreement = (person: string, what: string, res: { status: number; text: string }, decision: Decision) => {
      if (decision.allowed) expect(res.status, `${person} ${what}: ${res.text}`).toBeLessThan(300);
      else expect(statusOf[decision.code], `${person} ${what} (${decision.code}): ${res.status} ${res.text}`).toContain(res.status);
    };

    it.each(clauseStatuses.map((s) => [s]))('comments, anonymous comments and amendments on a clause in status %s', async (status: ClauseStatus) => {
      const set = await inkoop.patch(`/trajectories/${ids.ijmond}/agreement/clauses/${clause.id}`, { status });
      expect(set.status, set.text).toBe(200);
      const anchor = (await inkoop.get(`/trajectories/${ids.ijmond}/comments?clauseId=${clause.id}`)).body[0]?.anchor;
      expect(anchor, 'a comment to borrow an anchor from').toBeDefined();
      const path = `/trajectories/${ids.ijmond}/agreement/clauses/${clause.id}`;
      for (const person of who) {
        const client = people.get(person)!;
        const subject = subjectOf(person);
        const onClause: Resource = { clauseStatus: status };
        const comment = await client.post(`${path}/comments`, { anchor, body: `Matrix ${status} ${person}` });
        expectAgreement(person, `comment (${status})`, comment, decideAll(subject, [['comment.create'], ['clause.comment', onClause]]));
        const anonymous = await client.post(`${path}/comments`, { anchor, body: `Anoniem ${status} ${person}`, anonymous: true });
        expectAgreement(person, `anonymous comment (${status})`, anonymous, decideAll(subject, [['comment.create'], ['clause.comment', onClause], ['comment.anonymous']]));
        const amendment = await client.post(`${path}/amendments`, { originalText: '', proposedText: `Voorstel ${status} ${person}.`, motivation: 'Matrix.' });
        expectAgreement(person, `amendment (${status})`, amendment, decideAll(subject, [['amendment.propose'], ['clause.comment', onClause]]));
        const title = await client.patch(path, { title: `Titel ${status}` });
        expectAgreement(person, `clause title (${status})`, title, decide(subject, 'agreement.manage'));
      }
    });

    it('the clause is back in dialogue afterwards', async () => {
      expect((await inkoop.patch(`/trajectories/${ids.ijmond}/agreement/clauses/${clause.id}`, { status: 'in_dialogue' })).status).toBe(200);
    });

    it.each([[[]], [['provider', 'client']]] as const)('ballots in a poll that invites %j', async (eligibleGroups) => {
      const poll = await inkoop.post(`/sessions/${ijmond.sessionId}/polls`, { settings: { kind: 'consent', question: `Wie stemt ${eligibleGroups.join(' ')}`, eligibleGroups } });
      expect(poll.status, poll.text).toBe(201);
      for (const person of who) {
        const ballot = await people.get(person)!.post(`/polls/${poll.body.pollId}/ballot`, { choice: { kind: 'consent', option: 'agree' } });
        expectAgreement(person, `ballot (${eligibleGroups.join(',') || 'all'})`, ballot, decide(subjectOf(person), 'poll.vote', { poll: { eligibleGroups } }));
      }
    });
  });

  describe('connections that are open when access ends', () => {
    it('a removed member: live connections leave the trajectory’s rooms at once, the document connection is cut, nothing new is let in', async () => {
      const email = uniqueEmail('verwijderd');
      const orgs = new Map<string, string>((await inkoop.get('/organisations')).body.map((o: { name: string; id: string }) => [o.name, o.id]));
      const invited = await inkoop.post(`/trajectories/${ids.ijmond}/invitations`, { email, role: 'municipality', organisation: { id: orgs.get('Gemeente Haarlem') } });
      expect(invited.status, invited.text).toBe(201);
      const token = (await mailedToken(admin, email, 'uitnodiging'))!;
      const member = apiClient(server);
      expect((await member.post(`/invitations/${token}/accept`, { token, name: 'Vera Weg', password: 'een-goed-wachtwoord' })).status).toBe(200);

      const socket = await socketOf(member);
      expect((await emit(socket, 'trajectory:join', { trajectoryId: ids.ijmond })).ok).toBe(true);
      // Joining shows the person as present: the room's state (them included) follows within a window; let it arrive first.
      let joinedState = false;
      socket.once('session:state', () => (joinedState = true));
      expect((await emit(socket, 'session:join', { sessionId: ijmond.sessionId })).ok).toBe(true);
      await waitFor(() => joinedState, 5000, 'the state that follows joining');
      const doc = open(member, clauseDocumentName(ids.ijmond, clause.id));
      await doc.synced;
      const cut = new Promise<number>((resolve) => doc.provider.once('connection-close', (event: { code: number } | null) => resolve(event?.code ?? 0)));

      const seat = ((await inkoop.get(`/trajectories/${ids.ijmond}/members`)).body as Array<{ id: string; email: string }>).find((m) => m.email === email)!;
      const received: string[] = [];
      socket.onAny((event) => received.push(event));
      expect((await inkoop.delete(`/trajectories/${ids.ijmond}/members/${seat.id}`)).status).toBe(204);
      expect(await cut).toBe(4404);

      // Changes after the removal reach the members, not the removed socket.
      const observer = await socketOf(people.get('observer'));
      const seen: string[] = [];
      observer.onAny((event) => seen.push(event));
      await emit(observer, 'trajectory:join', { trajectoryId: ids.ijmond });
      await emit(observer, 'session:join', { sessionId: ijmond.sessionId });
      expect((await inkoop.post(`/trajectories/${ids.ijmond}/topics`, { title: 'Na het verwijderen' })).status).toBe(201);
      await waitFor(() => seen.includes('trajectory:changed') && seen.includes('session:state'), 5000, 'the members to receive both');
      expect(received.filter((e) => e === 'trajectory:changed' || e === 'session:state')).toEqual([]);

      // The open socket cannot get back in; nor can a new one, nor a new document connection.
      for (const [event, payload] of [
        ['trajectory:join', { trajectoryId: ids.ijmond }],
        ['session:join', { sessionId: ijmond.sessionId }],
        ['queue:raise', { sessionId: ijmond.sessionId }],
        ['poll:cast', { pollId: ijmond.pollId, choice: { kind: 'consent', option: 'agree' } }],
      ] as const) {
        const ack = await emit(socket, event, payload);
        expect(!ack.ok && ack.error.code, `${event}: ${JSON.stringify(ack)}`).toBe('not_found');
      }
      const fresh = await socketOf(member);
      expect(((await emit(fresh, 'trajectory:join', { trajectoryId: ids.ijmond })) as SocketAck).ok).toBe(false);
      expect(await upgradeStatus(`${server.url.replace('http', 'ws')}/collab/${clauseDocumentName(ids.ijmond, clause.id)}`, member.token)).toBe(404);
      expectError(await member.get(`/trajectories/${ids.ijmond}`), 404, 'not_found');
    });

    it('an expired session: REST answers 401, the open socket is refused and disconnected, a new socket is anonymous, the document upgrade is refused', async () => {
      const facilitator = await signIn(server, demoEmails.facilitator);
      const socket = await socketOf(facilitator);
      expect((await emit(socket, 'trajectory:join', { trajectoryId: ids.ijmond })).ok).toBe(true);
      const disconnected = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
      const expiredNotice = new Promise<void>((resolve) => socket.once('session:expired', () => resolve()));

      const db = await connectDatabase(server);
      try {
        const id = createHash('sha256').update(facilitator.token!).digest('hex');
        const updated = await db.collection('sessions').updateOne({ _id: id as never }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
        expect(updated.matchedCount).toBe(1);
      } finally {
        await db.close();
      }

      expectError(await facilitator.get('/me'), 401, 'unauthenticated');
      expectError(await facilitator.get(`/trajectories/${ids.ijmond}`), 401, 'unauthenticated');
      // The socket notices at its next event (it looks again at most every two seconds).
      let last: SocketAck | undefined;
      await waitFor(async () => {
        if (!socket.connected) return true;
        last = await emit(socket, 'session:join', { sessionId: ijmond.sessionId }).catch(() => undefined);
        return last !== undefined && !last.ok;
      }, 10_000, 'the open socket to be refused');
      expect(last && !last.ok && last.error.code).toBe('unauthenticated');
      await expiredNotice;
      expect(await disconnected).toBe('io server disconnect');

      const fresh = await socketOf(facilitator);
      const ack = await emit(fresh, 'trajectory:join', { trajectoryId: ids.ijmond });
      expect(!ack.ok && ack.error.code).toBe('unauthenticated');
      expect(await upgradeStatus(`${server.url.replace('http', 'ws')}/collab/${clauseDocumentName(ids.ijmond, clause.id)}`, facilitator.token)).toBe(404);
    });

    it('a revoked invitation accepted by an existing, signed-in account: 410, and no seat', async () => {
      const orgs = new Map<string, string>((await inkoop.get('/organisations')).body.map((o: { name: string; id: string }) => [o.name, o.id]));
      const invited = await inkoop.post(`/trajectories/${ids.ijmond}/invitations`, { email: outsiderEmail, role: 'observer', organisation: { id: orgs.get('Gemeente Haarlem') } });
      expect(invited.status, invited.text).toBe(201);
      const token = (await mailedToken(admin, outsiderEmail, 'uitnodiging'))!;
      expect((await inkoop.delete(`/trajectories/${ids.ijmond}/invitations/${invited.body.id}`)).status).toBe(204);

      expectError(await outsider.post(`/invitations/${token}/accept`, { token }), 410, 'gone');
      expect((await outsider.get('/me')).body.memberships.map((m: { trajectoryId: string }) => m.trajectoryId)).toEqual([ids.midden]);
      expectError(await outsider.get(`/trajectories/${ids.ijmond}`), 404, 'not_found');
      const members = (await inkoop.get(`/trajectories/${ids.ijmond}/members`)).body as Array<{ email: string }>;
      expect(members.some((m) => m.email === outsiderEmail)).toBe(false);
      const socket = await socketOf(outsider);
      const ack = await emit(socket, 'trajectory:join', { trajectoryId: ids.ijmond });
      expect(!ack.ok && ack.error.code).toBe('not_found');
    });
  });
  describe('the Origin of every connection (cross-site WebSocket hijacking)', () => {
    const foreignOrigins = [
      ['a foreign Origin', 'https://kwaadwillend.example'],
      ['Origin: null', 'null'],
      ['a look-alike of our own address', 'http://127.0.0.1.kwaadwillend.example'],
    ] as const;
    const headersOf = (token: string | undefined, origin: string | undefined): Record<string, string> => ({
      ...(token ? { cookie: `${sessionCookieName}=${token}` } : {}),
      ...(origin === undefined ? {} : { origin }),
    });
    /** The HTTP status of a raw WebSocket upgrade: 101 when accepted. */
    const upgrade = (path: string, token: string | undefined, origin: string | undefined) => upgradeStatusWith(`${server.url.replace(/^http/, 'ws')}${path}`, headersOf(token, origin));
    /** Socket.io's long-polling handshake, as a page's fetch would send it. */
    const pollingHandshake = async (token: string | undefined, origin: string | undefined) => (await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: headersOf(token, origin) })).status;
    /** A whole Socket.io connection over one transport: resolves with the socket, or with the connect error's message. */
    const socketWithOrigin = (token: string | undefined, origin: string | undefined, transport: 'websocket' | 'polling') =>
      new Promise<Socket | string>((resolve) => {
        const socket = io(server.url, { transports: [transport], reconnection: false, forceNew: true, extraHeaders: headersOf(token, origin) });
        socket.once('connect', () => {
          sockets.push(socket);
          resolve(socket);
        });
        socket.once('connect_error', (error) => {
          socket.close();
          resolve(error.message);
        });
      });
    const collabPath = () => `/collab/${clauseDocumentName(ids.ijmond, clause.id)}`;
    const idOf = async (client: ApiClient) => (await client.get('/me')).body.user.id as string;

    /** Who the live table shows, after a third person's arrival shows that the table's state moved on. */
    async function presenceAfterArrival(): Promise<string[]> {
      const watcher = await socketOf(people.get('observer'));
      let presence: string[] = [];
      watcher.on('session:state', (state: { presence: Array<{ userId: string }> }) => (presence = state.presence.map((p) => p.userId)));
      const joined = await emit(watcher, 'session:join', { sessionId: ijmond.sessionId });
      expect(joined.ok, JSON.stringify(joined)).toBe(true);
      presence = ((joined as unknown as { state: { presence: Array<{ userId: string }> } }).state.presence ?? []).map((p) => p.userId);
      const arriving = await socketOf(people.get('municipality'));
      const arrivingId = await idOf(people.get('municipality')!);
      expect((await emit(arriving, 'session:join', { sessionId: ijmond.sessionId })).ok).toBe(true);
      await waitFor(() => presence.includes(arrivingId), 10_000, 'the arrival to show in the live table');
      return presence;
    }

    it.each(foreignOrigins)('%s: every upgrade and handshake is refused with 403 and the person joins nothing', async (_what, origin) => {
      const victim = people.get('provider')!;
      const victimId = await idOf(victim);
      expect(await upgrade('/socket.io/?EIO=4&transport=websocket', victim.token, origin)).toBe(403);
      expect(await upgrade(collabPath(), victim.token, origin)).toBe(403);
      expect(await pollingHandshake(victim.token, origin)).toBe(403);
      // A real client over either transport gets no connection, so no event (no join, no ballot) can be sent.
      for (const transport of ['websocket', 'polling'] as const) expect(typeof (await socketWithOrigin(victim.token, origin, transport)), transport).toBe('string');
      expect(await presenceAfterArrival()).not.toContain(victimId);
    });

    it('our own Origin is let in, over both transports and for the document', async () => {
      const person = people.get('client')!;
      expect(await upgrade('/socket.io/?EIO=4&transport=websocket', person.token, server.url)).toBe(101);
      expect(await upgrade(collabPath(), person.token, server.url)).toBe(101);
      expect(await pollingHandshake(person.token, server.url)).toBe(200);
      const socket = await socketWithOrigin(person.token, server.url, 'polling');
      expect(typeof socket).toBe('object');
      expect((await emit(socket as Socket, 'trajectory:join', { trajectoryId: ids.ijmond })).ok).toBe(true);
    });

    it('no Origin at all (a non-browser client with its own cookie; browsers always send one on upgrades) is let in', async () => {
      const person = people.get('facilitator')!;
      const personId = await idOf(person);
      expect(await upgrade('/socket.io/?EIO=4&transport=websocket', person.token, undefined)).toBe(101);
      expect(await upgrade(collabPath(), person.token, undefined)).toBe(101);
      expect(await pollingHandshake(person.token, undefined)).toBe(200);
      const socket = await socketWithOrigin(person.token, undefined, 'websocket');
      expect(typeof socket).toBe('object');
      expect((await emit(socket as Socket, 'session:join', { sessionId: ijmond.sessionId })).ok).toBe(true);
      expect(await presenceAfterArrival()).toContain(personId);
    });

    it('a browser that says it comes from another site (Sec-Fetch-Site) without an Origin is refused as well', async () => {
      const person = people.get('provider')!;
      const res = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { cookie: `${sessionCookieName}=${person.token}`, 'sec-fetch-site': 'same-site' } });
      expect(res.status).toBe(403);
    });
  });
});
