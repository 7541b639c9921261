import { createHash, randomBytes } from 'node:crypto';
import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInAmsterdam } from '../../shared/domain/calendar';
import { connectDatabase, demoEmails, demoTrajectoryIds, expectError, signIn, type ApiClient } from '../helpers/api-client';
import { startServer, type RunningServer } from '../helpers/server';

const maxBytes = 1024 * 1024;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** A file of exactly `size` bytes that starts and ends as a PDF does. */
const pdf = (size = 2000) => {
  const head = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  const tail = Buffer.from('\n%%EOF\n');
  return Buffer.concat([head, randomBytes(size - head.length - tail.length), tail]);
};
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0'), randomBytes(200)]);
const html = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');

describe('attachments', () => {
  let server: RunningServer;
  let db: Connection;
  let t: string;
  let midden: string;
  let topicId: string;
  let clients: Record<'procurement' | 'municipality' | 'provider' | 'client' | 'facilitator' | 'observer' | 'admin' | 'secondProvider', ApiClient>;

  const upload = (client: ApiClient | null, query: Record<string, string>, body: Buffer, options: { trajectoryId?: string; path?: string; contentType?: string; chunked?: boolean } = {}) =>
    fetch(`${server.url}/api/trajectories/${options.trajectoryId ?? t}${options.path ?? '/attachments'}?${new URLSearchParams(query)}`, {
      method: 'POST',
      headers: { 'content-type': options.contentType ?? 'application/octet-stream', ...(client?.token ? { cookie: `dt_session=${client.token}` } : {}) },
      body: options.chunked ? new Blob([new Uint8Array(body)]).stream() : new Uint8Array(body),
      ...(options.chunked ? { duplex: 'half' } : {}),
    } as RequestInit).then(async (res) => ({ status: res.status, body: await res.json().catch(() => undefined) }));
  const download = async (client: ApiClient | null, path: string) => {
    const res = await fetch(`${server.url}/api/trajectories/${t}${path}`, { headers: client?.token ? { cookie: `dt_session=${client.token}` } : {} });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  };
  const list = (client: ApiClient, parentKind: string, parentId: string, trajectoryId = t) => client.get(`/trajectories/${trajectoryId}/attachments?parentKind=${parentKind}&parentId=${parentId}`);
  /** Everything stored about attachments: a refused request must leave it as it was. */
  const stored = async () => ({
    attachments: await db.collection('attachments').countDocuments(),
    chunks: await db.collection('attachmentChunks').countDocuments(),
    versions: (await db.collection('attachments').find().toArray()).map((a) => a.versions.length),
  });

  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1', MAX_ATTACHMENT_BYTES: String(maxBytes) } });
    db = await connectDatabase(server);
    const admin = await signIn(server, demoEmails.admin);
    ({ ijmond: t, midden } = await demoTrajectoryIds(admin));
    const [procurement, municipality, provider, client, facilitator, observer, secondProvider] = await Promise.all(
      [demoEmails.procurement, demoEmails.municipality, demoEmails.provider, demoEmails.client, demoEmails.facilitator, demoEmails.observer, 'marieke.dekker@dialoogtafel.example'].map((e) => signIn(server, e)),
    );
    clients = { procurement: procurement!, municipality: municipality!, provider: provider!, client: client!, facilitator: facilitator!, observer: observer!, admin, secondProvider: secondProvider! };
    topicId = (await procurement!.get(`/trajectories/${t}/topics`)).body[0].id;
  });
  afterAll(async () => {
    await db?.close();
    await server?.stop();
  });

  it('stores a file in chunks and gives back the same bytes, with its SHA-256 in the list and the audit log', async () => {
    const bytes = pdf(700 * 1024); // three chunks of 255 KB
    const added = await upload(clients.procurement, { parentKind: 'topic', parentId: topicId, name: 'Tarieven 2027 – concept "v1".pdf' }, bytes);
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const [version] = added.body.versions;
    expect(version).toMatchObject({ version: 1, name: 'Tarieven 2027 – concept "v1".pdf', size: bytes.length, contentType: 'application/pdf', sha256: sha256(bytes), uploader: { name: expect.any(String) } });
    expect(await db.collection('attachmentChunks').countDocuments({ _id: { $regex: `^${version.fileId}:` } } as never)).toBe(3);

    const got = await download(clients.observer, `/attachments/${added.body.id}/files/${version.fileId}`);
    expect(got.status).toBe(200);
    expect(sha256(got.bytes)).toBe(sha256(bytes));
    expect(got.bytes.equals(bytes)).toBe(true);
    // Never shown inline: a download with a safe name, a type from the allow-list, no sniffing, a sandbox.
    expect(got.headers.get('content-disposition')).toBe(`attachment; filename="Tarieven 2027 ? concept \\"v1\\".pdf"; filename*=UTF-8''Tarieven%202027%20%E2%80%93%20concept%20%22v1%22.pdf`);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-security-policy')).toContain('sandbox');

    const audit = await clients.procurement.get(`/trajectories/${t}/audit`);
    const event = audit.body.find((e: { action: string; objectId: string }) => e.action === 'attachment.add' && e.objectId === added.body.id);
    expect(event.summary).toMatchObject({ sha256: sha256(bytes), size: bytes.length, parentKind: 'topic', parentId: topicId });
  });

  it('decides the type by content: an .exe or an HTML page renamed .pdf, a Word file renamed .pdf, a macro-enabled .docm and HTML as .txt are refused, and nothing is stored', async () => {
    const before = await stored();
    const word = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Kwaliteitskader')] }] }));
    // The same file declared macro-enabled (.docm), as Word saves one with macros.
    const zip = await JSZip.loadAsync(word);
    const types = await zip.file('[Content_Types].xml')!.async('string');
    zip.file('[Content_Types].xml', types.replace('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', 'application/vnd.ms-word.document.macroEnabled.main+xml'));
    const macro = await zip.generateAsync({ type: 'nodebuffer' });
    for (const [name, bytes, reason] of [
      ['setup.pdf', exe, 'type_not_allowed'],
      ['setup.exe', exe, 'type_not_allowed'],
      ['pagina.pdf', html, 'type_not_allowed'],
      ['pagina.txt', html, 'not_plain_text'],
      ['kader.pdf', word, 'name_does_not_match_content'],
      ['kader.docx', macro, 'type_not_allowed'],
      ['kader.docm', macro, 'type_not_allowed'],
      ['leeg.txt', Buffer.alloc(0), 'empty'],
    ] as const) {
      const res = await upload(clients.procurement, { parentKind: 'topic', parentId: topicId, name }, bytes);
      expect([res.status, res.body?.error?.fields?.file], name).toEqual([reason === 'empty' ? 400 : 415, reason]);
    }
    // Wrong content type, a name with a path, unknown fields, a parent that does not exist.
    expect((await upload(clients.procurement, { parentKind: 'topic', parentId: topicId, name: 'a.pdf' }, pdf(), { contentType: 'application/json' })).status).toBe(400);
    expect((await upload(clients.procurement, { parentKind: 'topic', parentId: topicId, name: '../a.pdf' }, pdf())).status).toBe(400);
    expect((await upload(clients.procurement, { parentKind: 'topic', parentId: topicId, name: 'a.pdf', extra: '1' }, pdf())).status).toBe(400);
    expect((await upload(clients.procurement, { parentKind: 'poster', parentId: topicId, name: 'a.pdf' }, pdf())).status).toBe(400);
    expect((await upload(clients.procurement, { parentKind: 'topic', parentId: 'a'.repeat(24), name: 'a.pdf' }, pdf())).status).toBe(404);
    expect(await stored()).toEqual(before);

    // The allowed kinds pass, each by its content.
    for (const [name, bytes, type] of [
      ['kader.docx', word, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['logo.png', png, 'image/png'],
      ['tarieven.csv', Buffer.from('product;tarief\nJeugd-GGZ;€ 102,50\n'), 'text/csv; charset=utf-8'],
    ] as const) {
      const res = await upload(clients.procurement, { parentKind: 'topic', parentId: topicId, name }, bytes);
      expect(res.status, name).toBe(201);
      expect(res.body.versions[0].contentType).toBe(type);
    }
  });

  it('refuses a file over MAX_ATTACHMENT_BYTES, declared or streamed without a length, and keeps nothing', async () => {
    const before = await stored();
    const big = pdf(maxBytes + 1);
    const declared = await upload(clients.procurement, { parentKind: 'topic', parentId: topicId, name: 'groot.pdf' }, big);
    expect([declared.status, declared.body?.error?.code], JSON.stringify(declared)).toEqual([413, "payload_too_large"]);
    const streamed = await upload(clients.procurement, { parentKind: 'topic', parentId: topicId, name: 'groot.pdf' }, big, { chunked: true });
    expect([streamed.status, streamed.body?.error?.code], JSON.stringify(streamed)).toEqual([413, "payload_too_large"]);
    expect(await stored()).toEqual(before);
    // Exactly at the limit is fine, also streamed.
    expect((await upload(clients.procurement, { parentKind: 'topic', parentId: topicId, name: 'precies.pdf' }, pdf(maxBytes), { chunked: true })).status).toBe(201);
  });

  it('keeps every version when a file is replaced, and keeps the bytes when it is removed', async () => {
    const first = pdf(3000);
    const second = pdf(4000);
    const added = await upload(clients.procurement, { parentKind: 'topic', parentId: topicId, name: 'kader.pdf' }, first);
    const replaced = await upload(clients.procurement, { name: 'kader-v2.pdf' }, second, { path: `/attachments/${added.body.id}/versions` });
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(201);
    expect(replaced.body.versions.map((v: { version: number; name: string; sha256: string }) => [v.version, v.name, v.sha256])).toEqual([
      [2, 'kader-v2.pdf', sha256(second)],
      [1, 'kader.pdf', sha256(first)],
    ]);
    for (const [v, bytes] of [[0, second], [1, first]] as const) {
      const got = await download(clients.provider, `/attachments/${added.body.id}/files/${replaced.body.versions[v].fileId}`);
      expect(got.bytes.equals(bytes)).toBe(true);
    }
    // Only those who change the parent replace or remove.
    for (const role of ['municipality', 'provider', 'client', 'facilitator', 'observer'] as const) {
      expect((await upload(clients[role], { name: 'x.pdf' }, pdf(), { path: `/attachments/${added.body.id}/versions` })).status, role).toBe(403);
      expectError(await clients[role].delete(`/trajectories/${t}/attachments/${added.body.id}`), 403, 'forbidden');
    }

    expect((await clients.procurement.delete(`/trajectories/${t}/attachments/${added.body.id}`)).status).toBe(204);
    const seen = await list(clients.observer, 'topic', topicId);
    expect(seen.body.attachments.map((a: { id: string }) => a.id)).not.toContain(added.body.id);
    expect((await download(clients.observer, `/attachments/${added.body.id}/files/${replaced.body.versions[0].fileId}`)).status).toBe(404);
    const managed = (await list(clients.procurement, 'topic', topicId)).body.attachments.find((a: { id: string }) => a.id === added.body.id);
    expect(managed.removedAt).toEqual(expect.any(String));
    expect((await download(clients.procurement, `/attachments/${added.body.id}/files/${replaced.body.versions[1].fileId}`)).bytes.equals(first)).toBe(true);
    const actions = (await clients.procurement.get(`/trajectories/${t}/audit`)).body.filter((e: { objectId: string }) => e.objectId === added.body.id);
    expect(actions.map((e: { action: string; summary: { sha256: string } }) => [e.action, e.summary.sha256])).toEqual([
      ['attachment.remove', sha256(second)],
      ['attachment.replace', sha256(second)],
      ['attachment.add', sha256(first)],
    ]);
  });

  it('follows the parent’s policy for every role, a foreign trajectory and a signed-out visitor', async () => {
    const added = await upload(clients.procurement, { parentKind: 'topic', parentId: topicId, name: 'voor-iedereen.pdf' }, pdf());
    const file = `/attachments/${added.body.id}/files/${added.body.versions[0].fileId}`;
    for (const role of ['procurement', 'municipality', 'provider', 'client', 'facilitator', 'observer', 'admin'] as const) {
      const seen = await list(clients[role], 'topic', topicId);
      expect(seen.status, role).toBe(200);
      expect(seen.body.mayUpload, role).toBe(role === 'procurement' || role === 'admin');
      expect((await download(clients[role], file)).status, role).toBe(200);
      if (role !== 'procurement' && role !== 'admin') expect((await upload(clients[role], { parentKind: 'topic', parentId: topicId, name: 'x.pdf' }, pdf())).status, role).toBe(403);
    }
    // Signed out: nothing, not even whether it exists.
    expect((await download(null, file)).status).toBe(401);
    expect((await upload(null, { parentKind: 'topic', parentId: topicId, name: 'x.pdf' }, pdf())).status).toBe(401);
    // A foreign trajectory: the provider of IJmond is no member of Midden-IJssel, and a file is not found through another trajectory.
    const middenTopic = (await clients.procurement.get(`/trajectories/${midden}/topics`)).body[0].id;
    expectError(await list(clients.provider, 'topic', middenTopic, midden), 404, 'not_found');
    expect((await upload(clients.provider, { parentKind: 'topic', parentId: middenTopic, name: 'x.pdf' }, pdf(), { trajectoryId: midden })).status).toBe(404);
    expectError(await list(clients.procurement, 'topic', topicId, midden), 404, 'not_found');
    const across = await fetch(`${server.url}/api/trajectories/${midden}${file}`, { headers: { cookie: `dt_session=${clients.procurement.token}` } });
    expect(across.status).toBe(404);
    // Clauses, sessions and consultations follow their own policies: everyone at the table reads them, the procurement team attaches.
    const clauseId = (await clients.procurement.get(`/trajectories/${t}/agreement`)).body.chapters[0].clauses[0].id;
    const sessionId = (await clients.procurement.get(`/trajectories/${t}/sessions`)).body[0].id;
    const version = await clients.procurement.post(`/trajectories/${t}/versions`, { name: 'Concept voor consultatie', clauseId: null });
    const consultation = await clients.procurement.post(`/trajectories/${t}/consultations`, { title: 'Consultatie', versionId: version.body.id, closesOn: todayInAmsterdam(new Date(Date.now() + 14 * 86_400_000)) });
    expect(consultation.status, consultation.text).toBe(201);
    for (const [kind, parentId] of [['clause', clauseId], ['session', sessionId], ['consultation', consultation.body.id]] as const) {
      expect((await upload(clients.municipality, { parentKind: kind, parentId, name: 'x.pdf' }, pdf())).status, kind).toBe(403);
      expect((await upload(clients.procurement, { parentKind: kind, parentId, name: `${kind}.pdf` }, pdf())).status, kind).toBe(201);
      expect((await list(clients.client, kind, parentId)).body.attachments).toHaveLength(1);
    }
  });

  it('hides a provider’s unpublished question, its files and who uploaded them; an answer’s files wait for publication', async () => {
    const trajectory = await clients.procurement.get(`/trajectories/${t}`);
    const milestones = trajectory.body.milestones.map(({ kind, title, date }: { kind: string; title: string; date: string }) => ({ kind, title, date }));
    const deadline = todayInAmsterdam(new Date(Date.now() + 7 * 86_400_000));
    await clients.procurement.patch(`/trajectories/${t}`, { milestones: [...milestones.filter((m: { kind: string }) => m.kind !== 'questions_deadline'), { kind: 'questions_deadline', title: 'Deadline vragen', date: deadline }] });
    const question = await clients.provider.post(`/trajectories/${t}/questions`, { text: 'Geldt het tarievenblad ook voor 2028?' });
    expect(question.status, question.text).toBe(201);
    const asked = await upload(clients.provider, { parentKind: 'question', parentId: question.body.id, name: 'Jeugdzorg Kennemerland tarieven.pdf' }, pdf());
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    const file = `/attachments/${asked.body.id}/files/${asked.body.versions[0].fileId}`;
    for (const role of ['secondProvider', 'municipality', 'client', 'facilitator', 'observer'] as const) {
      expectError(await list(clients[role], 'question', question.body.id), 404, 'not_found');
      expect((await download(clients[role], file)).status, role).toBe(404);
    }
    expect((await upload(clients.secondProvider, { parentKind: 'question', parentId: question.body.id, name: 'x.pdf' }, pdf())).status).toBe(404);
    const forTeam = await list(clients.procurement, 'question', question.body.id);
    expect(forTeam.body.attachments[0].versions[0].uploader).toMatchObject({ organisationName: 'Jeugdzorg Kennemerland Plus' });
    // The log names neither the file nor who asked.
    const event = (await clients.procurement.get(`/trajectories/${t}/audit`)).body.find((e: { objectId: string }) => e.objectId === asked.body.id);
    expect(event.summary.name).toBeUndefined();
    expect(event.actor ?? null).toBeNull();
    expect(JSON.stringify(event)).not.toContain('Kennemerland');

    await clients.procurement.put(`/trajectories/${t}/questions/${question.body.id}/answer`, { answer: 'Ja, zie bijlage.' });
    const answered = await upload(clients.procurement, { parentKind: 'answer', parentId: question.body.id, name: 'tarievenblad-2028.pdf' }, pdf());
    expect(answered.status).toBe(201);
    expectError(await list(clients.provider, 'answer', question.body.id), 404, 'not_found');
    expect((await clients.procurement.post(`/trajectories/${t}/questions/publish`)).status).toBe(200);
    // Published: everyone reads both, without the asker's name; nothing changes any more.
    const published = await list(clients.secondProvider, 'question', question.body.id);
    expect(published.status).toBe(200);
    expect(published.body.attachments[0].versions[0].uploader).toBeNull();
    expect((await download(clients.observer, file)).status).toBe(200);
    expect((await list(clients.observer, 'answer', question.body.id)).body.attachments).toHaveLength(1);
    expectError(
      await fetch(`${server.url}/api/trajectories/${t}/attachments?parentKind=answer&parentId=${question.body.id}&name=laat.pdf`, {
        method: 'POST', headers: { 'content-type': 'application/octet-stream', cookie: `dt_session=${clients.procurement.token}` }, body: pdf(),
      }).then(async (r) => ({ status: r.status, headers: r.headers, body: await r.json(), text: '' })),
      409,
      'conflict',
    );
  });

  it('lists a person’s uploads in their data download; erasure keeps the files under a pseudonym', async () => {
    const data = await clients.provider.get('/me/data.json');
    expect(data.status).toBe(200);
    expect(data.body.contributions.attachments).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Jeugdzorg Kennemerland tarieven.pdf', parentKind: 'question' })]));

    // Erasure keeps the files and shows their uploader under the pseudonym.
    const providerId = (await clients.provider.get('/me')).body.user.id;
    const erased = await clients.admin.post(`/admin/accounts/${providerId}/erase`, {});
    expect(erased.status, erased.text).toBe(200);
    const questionFiles = (await db.collection('attachments').find({ parentKind: 'question' }).toArray()).map((a) => ({ id: String(a._id), parentId: String(a.parentId), fileId: String(a.versions[0].fileId) }));
    for (const f of questionFiles) {
      const seen = await list(clients.procurement, 'question', f.parentId);
      expect(seen.body.attachments[0].versions[0].uploader.name).toBe(erased.body.name);
      expect((await download(clients.procurement, `/attachments/${f.id}/files/${f.fileId}`)).status).toBe(200);
    }
  });
});
