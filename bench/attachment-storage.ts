/**
 * `node --import tsx bench/attachment-storage.ts`: how to keep attachment bytes on the local
 * database. Stores the same files twice on FerretDB over PostgreSQL (the local default): with the
 * driver's GridFSBucket (chunks found by `{ files_id, n }` with a sort), and as the product does
 * (server/attachments/attachment-store.ts: one record per chunk, `_id` = `<fileId>:<n>`, read by
 * `_id` equality), then times downloading one file at a time, alternating between the two.
 *
 * Options: --files=200 --mb=1 --samples=15 --backend=postgresql|sqlite
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { loadConfig } from '../server/config';
import type { LocalBackend } from '../server/db/local-backend';
import { startLocalDatabase } from '../server/db/local-database';

const { MongoClient, GridFSBucket, ObjectId, Binary } = mongoose.mongo;
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const files = Number(args.files ?? 200);
const mb = Number(args.mb ?? 1);
const samples = Number(args.samples ?? 15);
const backend = (args.backend ?? 'postgresql') as LocalBackend;
const chunkSize = 255 * 1024;
const log = (m: string) => process.stderr.write(`${m}\n`);

const dataDir = mkdtempSync(path.join(tmpdir(), 'dialoogtafel-attbench-'));
const config = loadConfig({ ...process.env, DATA_DIR: dataDir });
const database = await startLocalDatabase({ dataDir, cacheDir: config.cacheDir, backend, progress: log });
const client = await MongoClient.connect(`${database.uri}/attbench`);
try {
  const db = client.db('attbench');
  const bucket = new GridFSBucket(db, { bucketName: 'gridfs', chunkSizeBytes: chunkSize });
  const chunks = db.collection<{ _id: string; data: InstanceType<typeof Binary> }>('attachmentChunks');
  await chunks.createIndex({ trajectoryId: 1 });
  const ids: string[] = [];
  const gridIds: InstanceType<typeof ObjectId>[] = [];
  const hashes: string[] = [];
  const started = Date.now();
  for (let f = 0; f < files; f++) {
    const bytes = randomBytes(mb * 1024 * 1024);
    hashes.push(createHash('sha256').update(bytes).digest('hex'));
    const gridId = new ObjectId();
    await new Promise<void>((resolve, reject) => bucket.openUploadStreamWithId(gridId, `f${f}.pdf`).on('finish', () => resolve()).on('error', reject).end(bytes));
    gridIds.push(gridId);
    const id = new ObjectId().toHexString();
    const docs = [];
    for (let n = 0, at = 0; at < bytes.length; n++, at += chunkSize) docs.push({ _id: `${id}:${n}`, trajectoryId: 't', data: new Binary(bytes.subarray(at, at + chunkSize)) });
    for (const doc of docs) await chunks.insertOne(doc);
    ids.push(id);
    if ((f + 1) % 20 === 0) log(`stored ${f + 1}/${files} files twice (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  const perFile = Math.ceil((mb * 1024 * 1024) / chunkSize);

  async function gridDownload(i: number): Promise<string> {
    const hash = createHash('sha256');
    for await (const part of bucket.openDownloadStream(gridIds[i]!)) hash.update(part as Buffer);
    return hash.digest('hex');
  }
  async function idDownload(i: number): Promise<string> {
    const hash = createHash('sha256');
    for (let n = 0; n < perFile; n++) {
      const chunk = await chunks.findOne({ _id: `${ids[i]}:${n}` });
      hash.update(chunk!.data.buffer);
    }
    return hash.digest('hex');
  }
  const times: Record<'gridfs' | 'byId', number[]> = { gridfs: [], byId: [] };
  for (let s = 0; s < samples; s++) {
    const i = Math.floor(Math.random() * files);
    for (const [kind, download] of [['gridfs', gridDownload], ['byId', idDownload]] as const) {
      const t0 = performance.now();
      const digest = await download(i);
      times[kind].push(performance.now() - t0);
      if (digest !== hashes[i]) throw new Error(`${kind}: the bytes came back different`);
    }
  }
  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
  console.log(`FerretDB on ${backend}, ${files} files × ${mb} MB (${perFile} chunks of 255 KB each, ${files * perFile} chunks), ${samples} downloads each, bytes checked by SHA-256`);
  for (const kind of ['gridfs', 'byId'] as const) console.log(`${kind}: p50 ${pct(times[kind], 50).toFixed(0)} ms, p95 ${pct(times[kind], 95).toFixed(0)} ms`);
} finally {
  await client.close();
  await database.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
