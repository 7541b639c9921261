/*
 * `npm run bench:scans`: which collections each everyday request reads by a sequential scan, on a
 * grown database on the local default (FerretDB on PostgreSQL). A request whose cost grows with a
 * trajectory's history shows up here as a scan of the growing collection, whatever the machine's
 * load; timings would not tell it apart from a busy moment. The counts come from PostgreSQL's
 * own table statistics (`pg_stat_user_tables.seq_tup_read`), taken over three requests of each
 * item and the 3 s after them, so background work a request sets off (compaction, sweeps) counts.
 *
 * BENCH_SCANS_SCALE scales the growth seed (default 0.1 of one region's whole contract).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startLocalDatabase } from '../server/db/local-database';
import { loadConfig } from '../server/config';
import { root, startServerProcess, sleep } from './proc';
import { seedGrowth, growthSize, growthPassword } from './growth-seed';
import { demoPeople, prepareTarget } from './growth';
import { everydayItems, runOnce } from './everyday';

const scale = Number(process.env.BENCH_SCANS_SCALE ?? 0.1);
const repeats = 3;
const log = (m: string) => console.log(m);

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dialoogtafel-scans-'));
const database = await startLocalDatabase({ dataDir, cacheDir: loadConfig({ ...process.env, DATA_DIR: dataDir }).cacheDir, progress: log });
if (!database.postgresqlUrl) throw new Error('bench:scans needs the local default database (FerretDB on PostgreSQL)');
const stats = new pg.Client({ connectionString: database.postgresqlUrl });
await stats.connect();
const schema = `scans_${randomBytes(3).toString('hex')}`;
const uri = `${database.uri}/${schema}`;
const sessionSecret = randomBytes(32).toString('hex');
const start = (name: string) =>
  startServerProcess(
    name,
    ['--import', 'tsx', 'server/main.ts'],
    { NODE_ENV: 'development', SESSION_SECRET: sessionSecret, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, MONGODB_URI: uri, DEMO: '1', LOG_LEVEL: 'info' },
    (out) => Number(/"event":"listening","port":(\d+)/.exec(out)?.[1]) || undefined,
  );

/** Rows read by sequential scans so far, per collection (FerretDB names a table `<collection>_<hash>`). */
async function scannedRows(): Promise<Record<string, number>> {
  const { rows } = await stats.query<{ relname: string; seq_tup_read: string }>('SELECT relname, seq_tup_read FROM pg_stat_user_tables WHERE schemaname = $1', [schema]);
  return Object.fromEntries(rows.map((r) => [r.relname.replace(/_[0-9a-f]{8}$/, ''), Number(r.seq_tup_read)]));
}

try {
  await (await start('dialoogtafel (seeding the demo)')).stop();
  const seed = await seedGrowth(uri, sessionSecret, growthSize(scale), log);
  const server = await start('dialoogtafel (grown)');
  try {
    const region = {
      trajectoryId: seed.trajectoryId,
      procurementEmail: seed.procurementEmail,
      facilitatorEmail: seed.facilitatorEmail,
      password: growthPassword,
      voterEmails: seed.voterEmails.slice(0, 7),
      signIns: seed.signInEmails.map((email) => ({ email, password: growthPassword })),
      clauseDocuments: seed.clauseDocuments.slice(0, repeats),
    };
    const targets = [await prepareTarget('demo trajectory', server.url, await demoPeople(server.url), repeats), await prepareTarget('region trajectory', server.url, region, repeats)];
    await sleep(3000);
    const lines = [
      `Sequential scans per everyday request on a grown database (scale ${scale}: ${JSON.stringify(seed.written)}), FerretDB on PostgreSQL, ${new Date().toISOString()}. Rows read by sequential scans during ${repeats} requests and the 3 s after them; collections with 50 rows or fewer left out.`,
      '',
      '| work | trajectory | ms per request | rows read by scans, per collection |',
      '|---|---|---:|---|',
    ];
    for (const item of everydayItems) {
      for (const target of targets) {
        const before = await scannedRows();
        const t0 = performance.now();
        for (let k = 0; k < repeats; k++) await runOnce(item, target, k);
        const ms = (performance.now() - t0) / repeats;
        await sleep(3000);
        const after = await scannedRows();
        const read = Object.entries(after)
          .map(([name, n]) => [name, n - (before[name] ?? 0)] as const)
          .filter(([, n]) => n > 50)
          .map(([name, n]) => `${name} ${n}`);
        lines.push(`| ${item} | ${target.name} | ${ms.toFixed(0)} | ${read.join(', ') || '–'} |`);
        log(lines[lines.length - 1]!);
      }
    }
    const file = path.join(root, 'bench/results/scans.md');
    writeFileSync(file, `${lines.join('\n')}\n`);
    log(`written to ${path.relative(root, file)}`);
  } finally {
    await server.stop();
  }
} finally {
  await stats.end();
  await database.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
