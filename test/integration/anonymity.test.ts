import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clauseDocumentName } from '../../shared/domain/agreement';
import { anonymousClientLabel } from '../../shared/schemas/anonymity';
import { demoEmails, demoTrajectoryIds, expectError, signIn, type ApiClient } from '../helpers/api-client';
import { collabClient, type CollabClient } from '../helpers/collab-client';
import { connectSocket, emit } from '../helpers/hostile';
import { startServer, waitFor, type RunningServer } from '../helpers/server';

/**
 * A client representative who chose anonymity for a trajectory must not be findable through
 * presence, attendance, exports or the audit log: every response, socket event and awareness state
 * others receive is searched for their name, e-mail address and user id.
 */
describe('anonymity of a client representative survives correlation', () => {
  let server: RunningServer;
  let client: ApiClient;
  let inkoop: ApiClient;
  let observer: ApiClient;
  let facilitator: ApiClient;
  let trajectoryId: string;
  let secrets: string[];
  const sockets: Socket[] = [];
  const docs: CollabClient[] = [];
  /** Everything others received, as text. */
  const seen: Array<{ where: string; text: string }> = [];
  const record = (where: string, value: unknown) => seen.push({ where, text: typeof value === 'string' ? value : JSON.stringify(value) });

  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1' }, timeoutMs: 90_000 });
    [client, inkoop, observer, facilitator] = await Promise.all([
      signIn(server, demoEmails.client),
      signIn(server, demoEmails.procurement),
      signIn(server, demoEmails.observer),
      signIn(server, demoEmails.facilitator),
    ]);
    trajectoryId = (await demoTrajectoryIds(await signIn(server, demoEmails.admin))).ijmond;
    const me = (await client.get('/me')).body as { user: { id: string; name: string; email: string } };
    secrets = [me.user.id, me.user.name, me.user.email];
    expect(secrets.every(Boolean)).toBe(true);
  }, 120_000);
  afterAll(async () => {
    for (const d of docs) d.destroy();
    for (const s of sockets) s.disconnect();
    await server?.stop();
  });

  it('is a setting of the client representative per trajectory, validated, and theirs alone', async () => {
    const path = `/trajectories/${trajectoryId}/me/anonymity`;
    expect((await client.get(path)).body).toEqual({ anonymous: false, canChoose: true });
    expect((await inkoop.get(path)).body).toEqual({ anonymous: false, canChoose: false });
    expectError(await inkoop.put(path, { anonymous: true }), 403, 'forbidden');
    expectError(await client.put(path, { anonymous: 'ja' }), 400, 'validation_failed');
    expect((await client.put(path, { anonymous: true })).body).toEqual({ anonymous: true, canChoose: true });
    expect((await client.get(path)).body).toEqual({ anonymous: true, canChoose: true });
  });

  it('shows them as “een cliëntvertegenwoordiger” in the live table, the clause editor, the attendance, the report and the log, and nowhere by name or id', async () => {
    const auditBefore = ((await inkoop.get(`/trajectories/${trajectoryId}/audit`)).body as unknown[]).length;
    const sessions = (await inkoop.get(`/trajectories/${trajectoryId}/sessions`)).body as Array<{ id: string; status: string }>;
    const sessionId = sessions.find((s) => s.status === 'planned')!.id;

    // The live table: the others' sockets record every event they receive.
    const watcher = await connectSocket(server, observer.token);
    const chair = await connectSocket(server, facilitator.token);
    const anon = await connectSocket(server, client.token);
    sockets.push(watcher, chair, anon);
    let presence: Array<{ name: string; group: string; anonymous?: boolean }> = [];
    for (const [who, s] of [['observer', watcher], ['facilitator', chair]] as const) s.onAny((event, payload) => record(`${who} socket ${event}`, payload));
    watcher.on('session:state', (state: { presence: typeof presence }) => (presence = state.presence));
    for (const s of [watcher, chair]) record('join ack', await emit(s, 'session:join', { sessionId }));
    expect((await emit(anon, 'session:join', { sessionId })).ok).toBe(true);
    expect((await emit(chair, 'session:start', { sessionId })).ok).toBe(true);
    await waitFor(() => presence.some((p) => p.group === 'client'), 10_000, 'the client representative in the live table');
    expect(presence.filter((p) => p.group === 'client')).toEqual([expect.objectContaining({ name: anonymousClientLabel, organisationName: '', anonymous: true })]);

    // The clause editor: the client tries to name themselves in every field of their awareness state.
    const agreement = (await inkoop.get(`/trajectories/${trajectoryId}/agreement`)).body as { chapters: Array<{ clauses: Array<{ id: string }> }> };
    const name = clauseDocumentName(trajectoryId, agreement.chapters[0]!.clauses[0]!.id);
    const theirs = collabClient(server.url, name, { token: client.token });
    const other = collabClient(server.url, name, { token: inkoop.token });
    docs.push(theirs, other);
    await Promise.all([theirs.synced, other.synced]);
    theirs.provider.awareness.setLocalState({ user: { name: secrets[1], userId: secrets[0] }, email: secrets[2], who: { id: secrets[0] }, cursor: null });
    const states = () => [...other.provider.awareness.getStates().entries()].filter(([id]) => id !== other.doc.clientID).map(([, s]) => s as { user?: { name?: string } });
    await waitFor(() => states().some((s) => s.user?.name === anonymousClientLabel), 10_000, 'the client representative in “Nu in dit artikel”');
    record('awareness states', states());

    // Attendance, the report and its export, the log: after the session.
    expect((await emit(chair, 'session:end', { sessionId })).ok).toBe(true);
    const generated = await inkoop.post(`/trajectories/${trajectoryId}/sessions/${sessionId}/report`, {});
    expect(generated.status, generated.text).toBe(201);
    record('report', generated.body);
    const attendance = (generated.body as { content: { attendance: Array<{ role: string; people: Array<{ name: string }> }> } }).content.attendance;
    expect(attendance.filter((g) => g.role === 'client').flatMap((g) => g.people.map((p) => p.name))).toEqual([anonymousClientLabel]);
    const pdf = await fetch(`${server.url}/api/trajectories/${trajectoryId}/reports/${generated.body.id}/verslag.docx`, { headers: { cookie: `dt_session=${inkoop.token}` } });
    expect(pdf.status).toBe(200);
    const { default: JSZip } = await import('jszip');
    record('report export', await (await JSZip.loadAsync(await pdf.arrayBuffer())).file('word/document.xml')!.async('string'));
    const audit = (await inkoop.get(`/trajectories/${trajectoryId}/audit`)).body as unknown[];
    record('new audit entries', audit.slice(0, audit.length - auditBefore));
    record('members’ live state', (await emit(watcher, 'session:join', { sessionId })));

    expect(seen.length).toBeGreaterThan(5);
    for (const { where, text } of seen) for (const secret of secrets) expect(text.includes(secret), `${where} names ${secret}: ${text.slice(0, 400)}`).toBe(false);
    expect(seen.some((s) => s.text.includes(anonymousClientLabel))).toBe(true);
  });
});
