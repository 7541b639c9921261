import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { clauseDocumentName } from '../../shared/domain/agreement';
import { documentText } from '../../shared/domain/clause-text';
import { CollabPersistence } from '../../server/collab/persistence';
import { createModels, type Models } from '../../server/models';
import { connectDatabase, demoEmails, demoTrajectoryIds, ijmondName, signIn, type ApiClient } from '../helpers/api-client';
import { collabClient } from '../helpers/collab-client';
import { runNpmScript } from '../helpers/scripts';
import { freshDatabaseUri, startServer, waitFor, type RunningServer } from '../helpers/server';

const { EJSON } = mongoose.mongo.BSON;
const marker = 'Back-up-proef: deze zin moet terugkomen. ';
/** An attachment of three chunks (255 KB each), so that the archive must keep every chunk in order. */
const attachmentBytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(600 * 1024, 'back-up '), Buffer.from('\n%%EOF\n')]);

/** Records as stored, with their BSON types, as canonical Extended JSON keyed by id. */
async function storedRecords(connection: Connection, collection: string, filter: Record<string, unknown> = {}): Promise<Map<string, string>> {
  const docs = await connection.db!.collection(collection).find(filter, { promoteValues: false }).toArray();
  return new Map(docs.map((d) => [EJSON.stringify(d._id, { relaxed: false }), EJSON.stringify(d, { relaxed: false })]));
}

async function documentTextIn(models: Models, name: string): Promise<string | null> {
  const { state } = await new CollabPersistence(models).load(name);
  if (!state) return null;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return documentText(doc);
}

async function collectionCounts(connection: Connection): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { name } of await connection.db!.listCollections({}, { nameOnly: true }).toArray()) counts[name] = await connection.db!.collection(name).countDocuments({});
  return counts;
}

describe('exporting and importing a trajectory', () => {
  let server: RunningServer;
  let source: Connection;
  let sourceModels: Models;
  let inkoop: ApiClient;
  let trajectoryId: string;
  let editedDocument: string;
  let pollId: string;
  let attachmentFile: string;
  const workDir = mkdtempSync(path.join(tmpdir(), 'dialoogtafel-backup-'));
  const archivePath = path.join(workDir, 'ijmond.dtarchive.gz');
  const targetUri = freshDatabaseUri();
  const targets: Connection[] = [];
  const servers: RunningServer[] = [];
  const scriptEnv = (uri: string) => ({ MONGODB_URI: uri, DATA_DIR: workDir, NODE_ENV: 'test' });
  const openTarget = async (uri: string) => {
    const c = await mongoose.createConnection(uri).asPromise();
    targets.push(c);
    return c;
  };

  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1' }, timeoutMs: 90_000 });
    servers.push(server);
    source = await connectDatabase(server);
    sourceModels = createModels(source);
    inkoop = await signIn(server, demoEmails.procurement);
    const admin = await signIn(server, demoEmails.admin);
    trajectoryId = (await demoTrajectoryIds(admin)).ijmond;

    // Activity: a clause edit through y-websocket, a ballot in a poll, a question.
    const agreement = await inkoop.get(`/trajectories/${trajectoryId}/agreement`);
    const clause = agreement.body.chapters.flatMap((c: { clauses: Array<{ id: string; access: string }> }) => c.clauses).find((c: { access: string }) => c.access === 'edit');
    editedDocument = clauseDocumentName(trajectoryId, clause.id);
    const editor = collabClient(server.url, editedDocument, { token: inkoop.token! });
    await editor.synced;
    const first = editor.fragment.get(0) as Y.XmlElement;
    (first.get(0) as Y.XmlText).insert(0, marker);
    await waitFor(async () => (await documentTextIn(sourceModels, editedDocument))?.includes(marker) ?? false, 10_000, 'the edit to be stored');
    editor.destroy();

    const topics = await inkoop.get(`/trajectories/${trajectoryId}/topics`);
    const session = await inkoop.post(`/trajectories/${trajectoryId}/sessions`, {
      title: 'Back-upsessie',
      startsAt: new Date().toISOString(),
      location: 'Stadhuis Haarlem',
      agenda: [{ topicId: topics.body[0].id, minutes: 20 }],
      declaration: { outcomeKind: 'advice', decidedBy: 'de colleges van B&W' },
    });
    expect(session.status, session.text).toBe(201);
    const opened = await inkoop.post(`/sessions/${session.body.id}/polls`, { settings: { kind: 'consent', question: 'Akkoord met de back-up?' } });
    expect(opened.status, opened.text).toBe(201);
    pollId = opened.body.pollId;
    const provider = await signIn(server, demoEmails.provider);
    const cast = await provider.post(`/polls/${pollId}/ballot`, { choice: { kind: 'consent', option: 'agree' } });
    expect(cast.status, cast.text).toBe(200);
    // The demo's question deadline has passed: the procurement team removes it first.
    const trajectory = await inkoop.get(`/trajectories/${trajectoryId}`);
    const milestones = trajectory.body.milestones.filter((m: { kind: string }) => m.kind !== 'questions_deadline').map(({ kind, title, date }: Record<string, string>) => ({ kind, title, date }));
    expect((await inkoop.patch(`/trajectories/${trajectoryId}`, { milestones })).status).toBe(200);
    const asked = await provider.post(`/trajectories/${trajectoryId}/questions`, { text: 'Blijft deze vraag bewaard na een herstel?' });
    expect(asked.status, asked.text).toBe(201);
    const attached = await fetch(`${server.url}/api/trajectories/${trajectoryId}/attachments?parentKind=topic&parentId=${topics.body[0].id}&name=tarieven.pdf`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', cookie: `dt_session=${inkoop.token}` },
      body: new Uint8Array(attachmentBytes),
    });
    const attachment = await attached.json();
    expect(attached.status, JSON.stringify(attachment)).toBe(201);
    attachmentFile = `/trajectories/${trajectoryId}/attachments/${attachment.id}/files/${attachment.versions[0].fileId}`;
  }, 180_000);

  afterAll(async () => {
    for (const c of targets) await c.close();
    await source?.close();
    for (const s of servers) await s.stop();
  }, 120_000);

  it('exports the trajectory by its exact name and imports it into an empty database, record by record', async () => {
    const exported = await runNpmScript('export', [ijmondName, '--out', archivePath], scriptEnv(server.mongoUri!));
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout.trim()).toBe(archivePath);
    const lines = gunzipSync(readFileSync(archivePath)).toString('utf8').trim().split('\n');
    const manifest = EJSON.parse(lines[0]!).manifest;
    expect(manifest).toMatchObject({ format: 'dialoogtafel-trajectory-archive', version: 1, source: { trajectoryId, trajectoryName: ijmondName } });
    expect(manifest.audit.valid).toBe(true);
    for (const entry of Object.values(manifest.collections) as Array<{ count: number; sha256: string }>) expect(entry.sha256).toMatch(/^[a-f0-9]{64}$/);

    const imported = await runNpmScript('import', [archivePath], scriptEnv(targetUri));
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toContain('audit chain verified');

    const target = await openTarget(targetUri);
    const id = new mongoose.Types.ObjectId(trajectoryId);
    // Every model with a trajectoryId: exactly the trajectory's records, identical (ids, fields, dates, types).
    const scoped = Object.values(sourceModels).filter((m) => 'trajectoryId' in m.schema.paths);
    expect(scoped.length).toBeGreaterThan(5);
    for (const model of scoped) {
      const name = model.collection.collectionName;
      const expected = await storedRecords(source, name, { trajectoryId: id });
      expect(await storedRecords(target, name), name).toEqual(expected);
    }
    expect(await storedRecords(target, 'trajectories')).toEqual(await storedRecords(source, 'trajectories', { _id: id }));
    const expectedBallots = await storedRecords(source, 'ballots', { pollId: { $in: [...(await source.db!.collection('polls').find({ trajectoryId: id }).toArray()).map((p) => p._id)] } });
    expect(expectedBallots.size).toBeGreaterThan(0);
    expect(await storedRecords(target, 'ballots')).toEqual(expectedBallots);
    expect(await storedRecords(target, 'audit_events')).toEqual(await storedRecords(source, 'audit_events', { chain: trajectoryId }));
    expect(await storedRecords(target, 'audit_heads')).toEqual(await storedRecords(source, 'audit_heads', { _id: trajectoryId }));

    // People, organisations and the region: each the same as in the source, password hashes included; every member is there.
    for (const collection of ['users', 'organisations', 'regions']) {
      const restored = await storedRecords(target, collection);
      expect(restored.size, collection).toBeGreaterThan(0);
      const originals = await storedRecords(source, collection, { _id: { $in: [...restored.keys()].map((k) => EJSON.parse(k, { relaxed: false })) } });
      expect(restored, collection).toEqual(originals);
    }
    const memberIds = (await source.db!.collection('memberships').find({ trajectoryId: id }).toArray()).map((m) => String(m.userId));
    const restoredUserIds = new Set((await target.db!.collection('users').find({}).toArray()).map((u) => String(u._id)));
    for (const userId of memberIds) expect(restoredUserIds.has(userId), userId).toBe(true);

    // Nothing of other trajectories, nor sessions, resets, outbox or locks.
    const counts = await collectionCounts(target);
    for (const excluded of ['sessions', 'password_resets', 'outbox', 'locks']) expect(counts[excluded] ?? 0, excluded).toBe(0);
    expect(counts.trajectories).toBe(1);

    // The text of every clause document, the new edit included.
    const targetModels = createModels(target);
    const names = [
      ...new Set([
        ...((await source.db!.collection('collab_updates').distinct('doc', {})) as string[]),
        ...(await source.db!.collection('collab_snapshots').find({}).toArray()).map((s) => String(s._id)),
      ]),
    ].filter((n) => n.startsWith(`trajectory/${trajectoryId}/`));
    expect(names).toContain(editedDocument);
    for (const name of names) expect(await documentTextIn(targetModels, name), name).toBe(await documentTextIn(sourceModels, name));
    expect(await documentTextIn(targetModels, editedDocument)).toContain(marker);
  }, 120_000);

  it('serves the restored trajectory: people sign in with their passwords, the audit chain verifies with the same head, the text is there', async () => {
    const restored = await startServer({ mongoUri: targetUri, timeoutMs: 90_000 });
    servers.push(restored);
    const person = await signIn(restored, demoEmails.procurement);
    const verify = await person.get(`/trajectories/${trajectoryId}/audit/verify`);
    expect(verify.status, verify.text).toBe(200);
    const original = await inkoop.get(`/trajectories/${trajectoryId}/audit/verify`);
    expect(verify.body.valid).toBe(true);
    expect(verify.body.lastHash).toBe(original.body.lastHash);
    expect(verify.body.events).toBe(original.body.events);
    const questions = await person.get(`/trajectories/${trajectoryId}/questions`);
    expect(JSON.stringify(questions.body)).toContain('Blijft deze vraag bewaard na een herstel?');
    const reader = collabClient(restored.url, editedDocument, { token: person.token! });
    await reader.synced;
    expect(documentText(reader.doc)).toContain(marker);
    reader.destroy();
    // The attachment's bytes, chunk by chunk as they were.
    const file = await fetch(`${restored.url}/api${attachmentFile}`, { headers: { cookie: `dt_session=${person.token}` } });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(attachmentBytes)).toBe(true);
    await restored.stop();
  }, 120_000);

  it('refuses to import into a database that is not empty, and changes nothing there', async () => {
    const target = await openTarget(targetUri);
    const before = await collectionCounts(target);
    const again = await runNpmScript('import', [archivePath], scriptEnv(targetUri));
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/not empty/);
    expect(await collectionCounts(target)).toEqual(before);

    // A database with records of its own (here: another server's demo data) is refused just as well.
    const other = await runNpmScript('import', [archivePath], scriptEnv(server.mongoUri!));
    expect(other.code).toBe(2);
  }, 120_000);

  it('refuses a damaged archive with a clear message and writes nothing', async () => {
    const emptyUri = freshDatabaseUri();
    const bytes = readFileSync(archivePath);

    const truncated = path.join(workDir, 'truncated.dtarchive.gz');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const cut = await runNpmScript('import', [truncated], scriptEnv(emptyUri));
    expect(cut.code).toBe(3);
    expect(cut.stderr).toMatch(/not a readable archive/);

    // Well-formed gzip, but one record changed after the export: the checksum gives it away.
    const text = gunzipSync(bytes).toString('utf8');
    expect(text).toContain('Blijft deze vraag bewaard na een herstel?');
    const tampered = path.join(workDir, 'tampered.dtarchive.gz');
    writeFileSync(tampered, gzipSync(text.replace('Blijft deze vraag bewaard na een herstel?', 'Een vervalste vraag')));
    const changed = await runNpmScript('import', [tampered], scriptEnv(emptyUri));
    expect(changed.code).toBe(3);
    expect(changed.stderr).toMatch(/damaged: the checksum of collection "questions"/);

    const notAnArchive = path.join(workDir, 'notes.txt.gz');
    writeFileSync(notAnArchive, gzipSync('{"hello":"world"}\n'));
    const foreign = await runNpmScript('import', [notAnArchive], scriptEnv(emptyUri));
    expect(foreign.code).toBe(3);
    expect(foreign.stderr).toMatch(/not a Dialoogtafel trajectory archive/);

    const empty = await openTarget(emptyUri);
    const counts = await collectionCounts(empty);
    expect(Object.values(counts).every((n) => n === 0)).toBe(true);
  }, 120_000);

  it('names the trajectories there are when the one asked for does not exist', async () => {
    const missing = await runNpmScript('export', ['Bestaat niet', '--out', path.join(workDir, 'x.gz')], scriptEnv(server.mongoUri!));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No trajectory has the id or name "Bestaat niet"');
    expect(missing.stderr).toContain(ijmondName);
  }, 120_000);
});
