import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashEvent } from '../../server/audit/audit-log';
import { apiClient, connectDatabase, demoEmails, demoTrajectoryIds, sessionCookieName, signIn, type ApiClient } from '../helpers/api-client';
import { runNpmScript } from '../helpers/scripts';
import { startServer, type RunningServer } from '../helpers/server';

describe('an audit trail that outsiders can check: signed chain heads in published documents', () => {
  let server: RunningServer;
  let db: Connection;
  let inkoop: ApiClient;
  let t: string;
  let reportId: string;
  const dir = mkdtempSync(path.join(tmpdir(), 'audit-verify-'));
  const files: Record<'docx' | 'pdf' | 'key', string> = { docx: path.join(dir, 'verslag.docx'), pdf: path.join(dir, 'verslag.pdf'), key: path.join(dir, 'public-key.json') };
  const verify = (file: string, ...extra: string[]) => runNpmScript('audit:verify', [file, ...extra], { MONGODB_URI: server.mongoUri, DATA_DIR: server.dataDir, NODE_ENV: 'test' });

  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1' } });
    db = await connectDatabase(server);
    inkoop = await signIn(server, demoEmails.procurement);
    ({ ijmond: t } = await demoTrajectoryIds(await signIn(server, demoEmails.admin)));
    const sessions = (await inkoop.get(`/trajectories/${t}/sessions`)).body as Array<{ id: string; status: string; title: string }>;
    const ended = sessions.find((s) => s.status === 'ended' && s.title.startsWith('Dialoogsessie 1'))!;
    const generated = await inkoop.post(`/trajectories/${t}/sessions/${ended.id}/report`, {});
    expect(generated.status, generated.text).toBe(201);
    reportId = generated.body.id;
    const published = await inkoop.post(`/trajectories/${t}/reports/${reportId}/publish`, {});
    expect(published.status, published.text).toBe(200);
    for (const format of ['docx', 'pdf'] as const) {
      const res = await fetch(`${server.url}/api/trajectories/${t}/reports/${reportId}/verslag.${format}`, { headers: { cookie: `${sessionCookieName}=${inkoop.token}` } });
      expect(res.status).toBe(200);
      writeFileSync(files[format], Buffer.from(await res.arrayBuffer()));
    }
  }, 180_000);
  afterAll(async () => {
    await db?.close();
    await server?.stop();
  });

  it('publishes its public key to anyone, and the publication stores the signed head', async () => {
    const res = await apiClient(server).get('/audit/public-key');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ algorithm: 'Ed25519' });
    expect(res.body.publicKey).toContain('BEGIN PUBLIC KEY');
    expect(res.body.fingerprint).toMatch(/^([0-9a-f]{4}:){15}[0-9a-f]{4}$/);
    writeFileSync(files.key, JSON.stringify(res.body));
    const stored = await db.collection('publications').findOne({ _id: `report:${reportId}` as never });
    expect(stored).toMatchObject({ kind: 'report', chain: t, keyFingerprint: res.body.fingerprint });
    const event = await db.collection('audit_events').findOne({ chain: t, seq: stored!.seq });
    expect(event!.hash).toBe(stored!.hash);
  });

  it('prints the head, its signature and the key fingerprint in the DOCX and the PDF; audit:verify says OK for both', async () => {
    for (const file of [files.docx, files.pdf]) {
      const run = await verify(file);
      expect(run.stdout + run.stderr, file).toMatch(/^OK: chain [a-f0-9]{24} held hash [a-f0-9]{64} at event \d+/m);
      expect(run.code).toBe(0);
    }
    // With the key as an outsider got it from the server.
    const outsider = await verify(files.docx, '--public-key', files.key);
    expect(outsider.code, outsider.stdout + outsider.stderr).toBe(0);
  }, 120_000);

  it('checks a trajectory archive too: the publications stored in it against its own events', async () => {
    const archive = path.join(dir, 'before.dtarchive.gz');
    const exported = await runNpmScript('export', [t, '--out', archive], { MONGODB_URI: server.mongoUri, DATA_DIR: server.dataDir, NODE_ENV: 'test' });
    expect(exported.code, exported.stderr).toBe(0);
    const run = await verify(archive);
    expect(run.stdout, run.stderr).toMatch(/^OK: chain /m);
    expect(run.code).toBe(0);
  }, 120_000);

  it('a forged signature or another key fails with a clear message', async () => {
    const other = path.join(dir, 'other-key.pem');
    const { generateKeyPairSync } = await import('node:crypto');
    writeFileSync(other, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }));
    const run = await verify(files.docx, '--public-key', other);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toContain('signed with another key');
    const notADocument = path.join(dir, 'nothing.txt');
    writeFileSync(notADocument, 'hallo');
    const bad = await verify(notADocument);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('neither a DOCX, a PDF nor a Dialoogtafel archive');
  }, 120_000);

  it('a chain rewritten in the database (every hash recomputed, head included) verifies on the server, but the document published earlier exposes it', async () => {
    const events = db.collection('audit_events');
    // The attacker changes an early event and recomputes every hash after it, and the stored head, as database access allows.
    const chain = await events.find({ chain: t }).sort({ seq: 1 }).toArray();
    let previous: string | null = null;
    for (const e of chain) {
      const summary = e.seq === 2 ? { ...e.summary, title: 'Herschreven' } : e.summary;
      const rewritten = { chain: e.chain, seq: e.seq, at: new Date(e.at), actorId: e.actorId ?? null, action: e.action, objectType: e.objectType, objectId: e.objectId, summary, prevHash: previous };
      const hash = hashEvent(rewritten);
      await events.updateOne({ _id: e._id }, { $set: { summary, prevHash: previous, hash } });
      previous = hash;
    }
    const last = chain[chain.length - 1]!;
    await db.collection('audit_heads').updateOne({ _id: t as never }, { $set: { seq: last.seq, hash: previous } });

    // The server's own check cannot see it: the rewritten chain is consistent in itself.
    expect((await inkoop.get(`/trajectories/${t}/audit/verify`)).body).toMatchObject({ valid: true });
    // The document handed out earlier can.
    for (const file of [files.docx, files.pdf]) {
      const run = await verify(file);
      expect(run.code, file).not.toBe(0);
      expect(run.stdout).toContain('FAILED');
      expect(run.stdout).toContain('the chain was rewritten after publication');
    }
    // An archive made after the rewrite carries the rewritten chain, and its stored publication exposes it.
    const archive = path.join(dir, 'after.dtarchive.gz');
    const exported = await runNpmScript('export', [t, '--out', archive], { MONGODB_URI: server.mongoUri, DATA_DIR: server.dataDir, NODE_ENV: 'test' });
    expect(exported.code, exported.stderr).toBe(0);
    const fromArchive = await verify(archive);
    expect(fromArchive.code).not.toBe(0);
    expect(fromArchive.stdout).toContain('the chain was rewritten after publication');
  }, 180_000);
});
