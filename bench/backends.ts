/**
 * `npm run bench:backends`: the product's own database operations on FerretDB over SQLite and over
 * PostgreSQL, side by side in one process tree, as the collections grow. It decides LOCAL_DATABASE's
 * default (server/db/local-backend.ts); the README's "The local database" shows its figures.
 *
 * Both databases run at once and every measurement alternates between them, so a busy machine
 * slows both alike. The operations and indexes are those of the models (ballots: unique
 * (pollId, voterKey); audit events: unique (chain, seq)), written with the driver so that the
 * benchmark does not change when a model's code does.
 *
 * Options: --sizes=100,1000,10000,50000  --budget-ms=4000 (time per operation and size)
 *          --concurrency=8 --out=bench-results/backends.md
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { loadConfig } from '../server/config';
import type { LocalBackend } from '../server/db/local-backend';
import { startLocalDatabase, type LocalDatabase } from '../server/db/local-database';

type Db = InstanceType<typeof mongoose.mongo.Db>;
type ObjectId = InstanceType<typeof mongoose.mongo.ObjectId>;
const { MongoClient, ObjectId } = mongoose.mongo;

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);
const sizes = (args.sizes ?? '100,1000,10000,50000').split(',').map(Number);
const budgetMs = Number(args['budget-ms'] ?? 4000);
const concurrency = Number(args.concurrency ?? 8);
const out = args.out ?? 'bench-results/backends.md';
const backends: LocalBackend[] = ['sqlite', 'postgresql'];
const log = (m: string) => process.stderr.write(`${m}\n`);

interface Target {
  backend: LocalBackend;
  database: LocalDatabase;
  client: InstanceType<typeof MongoClient>;
  db: Db;
  /** New ballots go to `livePoll`; `readPoll` keeps 30 ballots among the history, as a poll at a table does. */
  livePoll: ObjectId;
  readPoll: ObjectId;
  filledBallots: number;
  filledEvents: number;
  nextSeq: number;
  nextVoter: number;
}

interface Result {
  size: number;
  operation: string;
  backend: LocalBackend;
  samples: number;
  p50: number;
  p95: number;
  opsPerSecond: number;
}

/** One step of everyday work; `i` makes each call distinct. */
interface Operation {
  name: string;
  run(t: Target, i: number): Promise<unknown>;
  /** Measured with `concurrency` callers at once (ops/s) instead of one after another. */
  concurrent?: boolean;
}

const chain = 'trajectory-bench';

const operations: Operation[] = [
  {
    // Casting a ballot: an upsert on the two-field unique key (poll-operations.ts).
    name: 'ballot upsert (new voter)',
    run: (t) => {
      const voterKey = `voter-${t.nextVoter++}`;
      const now = new Date();
      return t.db.collection('ballots').updateOne(
        { pollId: t.livePoll, voterKey },
        { $set: { choice: 'for', group: 'aanbieder', updatedAt: now }, $setOnInsert: { voterId: null, castAt: now } },
        { upsert: true },
      );
    },
  },
  {
    name: 'ballot upsert (change)',
    run: (t, i) =>
      t.db.collection('ballots').updateOne(
        { pollId: t.livePoll, voterKey: `voter-${i % Math.max(1, t.nextVoter)}` },
        { $set: { choice: i % 2 ? 'for' : 'against', updatedAt: new Date() } },
        { upsert: true },
      ),
  },
  {
    name: 'ballot upserts, 8 at once (ops/s)',
    concurrent: true,
    run: (t) => {
      const voterKey = `voter-${t.nextVoter++}`;
      const now = new Date();
      return t.db.collection('ballots').updateOne(
        { pollId: t.livePoll, voterKey },
        { $set: { choice: 'for', group: 'aanbieder', updatedAt: now }, $setOnInsert: { voterId: null, castAt: now } },
        { upsert: true },
      );
    },
  },
  {
    // The live tally reads one poll's ballots (a few dozen) among everything stored.
    name: 'ballots of one poll (find by field)',
    run: (t) => t.db.collection('ballots').find({ pollId: t.readPoll }, { projection: { group: 1, choice: 1 } }).toArray(),
  },
  {
    // The audit log: an insert under the unique (chain, seq) index (audit-log.ts).
    name: 'audit event append',
    run: (t) => t.db.collection('audit_events').insertOne(auditEvent(t.nextSeq++)),
  },
  {
    name: 'audit log first page (sort, limit 50)',
    run: (t) => t.db.collection('audit_events').find({ chain }).sort({ seq: -1 }).limit(50).toArray(),
  },
  {
    // Sign-in and seat lookups address records by _id.
    name: 'find by _id',
    run: (t, i) => t.db.collection('audit_events').findOne({ _id: idOf(t, i) }),
  },
];

const ids = new Map<LocalBackend, ObjectId[]>();
function idOf(t: Target, i: number): ObjectId {
  const list = ids.get(t.backend)!;
  return list[(i * 7919) % list.length]!;
}

function auditEvent(seq: number) {
  return {
    chain,
    seq,
    at: new Date(),
    actorId: null,
    action: 'poll.ballot_cast',
    objectType: 'poll',
    objectId: 'p',
    summary: { group: 'aanbieder' },
    prevHash: 'x'.repeat(64),
    hash: `${seq}`.padStart(64, '0'),
  };
}

async function prepare(backend: LocalBackend, root: string): Promise<Target> {
  const dataDir = path.join(root, backend);
  mkdirSync(dataDir, { recursive: true });
  const started = Date.now();
  const database = await startLocalDatabase({ dataDir, cacheDir: loadConfig({ ...process.env, DATA_DIR: dataDir }).cacheDir, backend, progress: log });
  log(`${backend}: started in ${Date.now() - started} ms`);
  const client = await MongoClient.connect(database.uri);
  const db = client.db('bench');
  await db.collection('ballots').createIndex({ pollId: 1, voterKey: 1 }, { unique: true });
  await db.collection('audit_events').createIndex({ chain: 1, seq: 1 }, { unique: true });
  ids.set(backend, []);
  const readPoll = new ObjectId();
  const now = new Date();
  await db
    .collection('ballots')
    .insertMany(Array.from({ length: 30 }, (_, k) => ({ pollId: readPoll, voterKey: `read-${k}`, voterId: null, group: 'aanbieder', choice: 'for', castAt: now, updatedAt: now })));
  return { backend, database, client, db, livePoll: new ObjectId(), readPoll, filledBallots: 30, filledEvents: 0, nextSeq: 1, nextVoter: 0 };
}

/** Grows both collections to `size` with history that belongs to other polls and an older part of the chain. */
async function fill(t: Target, size: number): Promise<void> {
  const started = Date.now();
  while (t.filledBallots < size) {
    const n = Math.min(1000, size - t.filledBallots);
    const poll = new ObjectId();
    const now = new Date();
    await t.db
      .collection('ballots')
      .insertMany(Array.from({ length: n }, (_, k) => ({ pollId: poll, voterKey: `old-${t.filledBallots + k}`, voterId: null, group: 'aanbieder', choice: 'for', castAt: now, updatedAt: now })), { ordered: false });
    t.filledBallots += n;
  }
  while (t.filledEvents < size) {
    const n = Math.min(1000, size - t.filledEvents);
    const docs = Array.from({ length: n }, () => ({ _id: new ObjectId(), ...auditEvent(t.nextSeq++) }));
    await t.db.collection('audit_events').insertMany(docs, { ordered: false });
    ids.get(t.backend)!.push(...docs.map((d) => d._id));
    t.filledEvents += n;
  }
  log(`${t.backend}: ${size} documents per collection (${Date.now() - started} ms to add)`);
}

async function measure(t: Target, op: Operation, size: number): Promise<Result> {
  const times: number[] = [];
  const started = performance.now();
  let i = 0;
  if (op.concurrent) {
    const worker = async () => {
      while (performance.now() - started < budgetMs) {
        const s = performance.now();
        await op.run(t, i++);
        times.push(performance.now() - s);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  } else {
    // At least 5 samples, at most 300, within the time budget.
    while (times.length < 5 || (times.length < 300 && performance.now() - started < budgetMs)) {
      const s = performance.now();
      await op.run(t, i++);
      times.push(performance.now() - s);
    }
  }
  const elapsed = performance.now() - started;
  times.sort((a, b) => a - b);
  const pick = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { size, operation: op.name, backend: t.backend, samples: times.length, p50: pick(0.5), p95: pick(0.95), opsPerSecond: (times.length * 1000) / elapsed };
}

function report(results: Result[]): string {
  const lines = [
    `FerretDB on SQLite vs on PostgreSQL (${new Date().toISOString()}), ${concurrency} concurrent callers for the ops/s row; latency in ms (p50 / p95), throughput in operations per second.`,
    '',
    '| documents | operation | SQLite p50 / p95 | SQLite ops/s | PostgreSQL p50 / p95 | PostgreSQL ops/s |',
    '| ---: | --- | ---: | ---: | ---: | ---: |',
  ];
  for (const size of sizes) {
    for (const op of operations) {
      const by = (b: LocalBackend) => results.find((r) => r.size === size && r.operation === op.name && r.backend === b);
      const s = by('sqlite');
      const p = by('postgresql');
      const cell = (r?: Result) => (r ? `${r.p50.toFixed(1)} / ${r.p95.toFixed(1)}` : '–');
      const rate = (r?: Result) => (r ? r.opsPerSecond.toFixed(0) : '–');
      lines.push(`| ${size.toLocaleString('en')} | ${op.name} | ${cell(s)} | ${rate(s)} | ${cell(p)} | ${rate(p)} |`);
    }
  }
  return lines.join('\n');
}

const root = mkdtempSync(path.join(tmpdir(), 'dialoogtafel-backends-'));
const targets: Target[] = [];
try {
  for (const backend of backends) targets.push(await prepare(backend, root));
  const results: Result[] = [];
  for (const size of sizes) {
    for (const t of targets) await fill(t, size);
    for (const op of operations) {
      // Alternate which backend goes first, so neither always gets the quieter moment.
      const order = results.length % 2 ? [...targets].reverse() : targets;
      for (const t of order) {
        const r = await measure(t, op, size);
        results.push(r);
        log(`${String(size).padStart(6)} ${t.backend.padEnd(10)} ${op.name.padEnd(40)} p50 ${r.p50.toFixed(1).padStart(8)} ms  p95 ${r.p95.toFixed(1).padStart(8)} ms  ${r.opsPerSecond.toFixed(0).padStart(5)} ops/s  (${r.samples})`);
      }
    }
  }
  const text = report(results);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${text}\n`);
  writeFileSync(out.replace(/\.md$/, '.json'), JSON.stringify(results, null, 2));
  process.stdout.write(`${text}\n\nWritten to ${out}\n`);
} finally {
  for (const t of targets) {
    await t.client.close().catch(() => {});
    await t.database.stop();
  }
  rmSync(root, { recursive: true, force: true });
}
