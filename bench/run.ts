/*
 * `npm run bench [-- growth|edit|vote ...]`: starts the server on the local database and, under
 * the same load in the same run, the baselines (y-websocket 2's reference server; a plain
 * Socket.io relay), and writes bench/results/latest.json and latest.md. Without arguments every
 * part runs:
 *   growth  everyday work on a fresh demo database and on a grown one (a region's whole contract,
 *           bench/growth-seed.ts), interleaved request by request; audit verify and export per 10,000 events
 *   edit    the most authors on one clause that keep p95 edit → arrival ≤ 100 ms, ours and the reference server
 *   vote    voters casting within 10 s, ours and the relay baseline; on the grown database too when `growth` runs
 *   search  search across a trajectory on the grown database and the fresh one: index build, memory, p50/p95 query, change → found
 * BENCH_QUICK=1 is a one-minute smoke run of every part (a 1% growth seed); BENCH_GROWTH_SCALE
 * scales the growth seed (1 = the issue's figures); BENCH_EDIT_STEPS / BENCH_VOTE_STEPS
 * (comma-separated) replace the steps; BENCH_BUDGET_S bounds the run.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../server/config';
import { findFreePort } from '../server/db/free-port';
import { startLocalDatabase } from '../server/db/local-database';
import { measureEveryday, type EverydayTarget } from './everyday';
import { demoPeople, prepareTarget, timeExport, timeVerify } from './growth';
import { growthPassword, growthSize, seedGrowth, type GrowthSeedResult } from './growth-seed';
import { markdown, type BenchReport } from './report';
import { seedBenchData, type BenchData } from './seed';
import { editStep, facilitatorSocket, voteStep, type EditStepResult, type VoteStepResult } from './steps';
import { now, root, startServerProcess, type ServerProcess } from './proc';
import { measureSearch, signInForSearch, type SearchFigures } from './search';

const allParts = ['growth', 'edit', 'vote', 'search'] as const;
type Part = (typeof allParts)[number];
const asked = process.argv.slice(2).filter((a) => a !== '--');
const unknown = asked.filter((a) => !(allParts as readonly string[]).includes(a));
if (unknown.length) {
  process.stderr.write(`Unknown part ${unknown.join(', ')}. Usage: npm run bench [-- ${allParts.join('|')} ...]\n`);
  process.exit(64);
}
const parts = new Set<Part>(asked.length ? (asked as Part[]) : allParts);

const quick = process.env.BENCH_QUICK === '1';
const steps = (name: string, fallback: number[]) => process.env[name]?.split(',').map(Number).filter((n) => n > 0) ?? fallback;
const editSteps = steps('BENCH_EDIT_STEPS', quick ? [10, 20] : [50, 100, 200, 300, 500, 700, 1000]);
const voteSteps = steps('BENCH_VOTE_STEPS', quick ? [20] : [100, 250, 500, 1000]);
const growthScale = Number(process.env.BENCH_GROWTH_SCALE ?? (quick ? 0.01 : 1));
const observers = quick ? 2 : 4;
const authorGenerators = quick ? 1 : 2;
const voteGenerators = quick ? 2 : 4;
const typingMs = quick ? 3000 : 10_000;
const voteSpreadMs = quick ? 3000 : 10_000;
const everyday = quick ? { samples: 5, minSamples: 3, maxSecondsPerItem: 3 } : { samples: 20, minSamples: 5, maxSecondsPerItem: 8 };
const searchRounds = quick ? 2 : 6;
const targets = { searchP95Ms: 50, editP95Ms: 100, editAuthors: 500, editVsBaseline: 2, voteP95Ms: 150, voters: 1000, voteWindowSeconds: voteSpreadMs / 1000, memoryPerClientMb: 1, growthP95Ms: 200, growthRatio: 1.5 };
/** A server whose p95 is this far over the target at one step is not driven harder: it would only take minutes to say the same. */
const saturatedMs = 5000;
/** Steps not started within this budget (BENCH_BUDGET_S, seconds from the start) are skipped and reported so: the run stays under 15 minutes. */
const budgetMs = Number(process.env.BENCH_BUDGET_S ?? (quick ? 900 : 780)) * 1000;

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const started = now();
  const report: BenchReport = {
    startedAt: new Date().toISOString(),
    durationSeconds: 0,
    commit: commit(),
    parts: [...parts],
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version, platform: `${os.platform()} ${os.release()}`, memoryGb: Math.round(os.totalmem() / 1024 ** 3), loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100) },
    command: `${quick ? 'BENCH_QUICK=1 ' : ''}${process.env.BENCH_GROWTH_SCALE ? `BENCH_GROWTH_SCALE=${growthScale} ` : ''}npm run bench${asked.length ? ` -- ${asked.join(' ')}` : ''}`,
    method: {
      clients: 'real clients on the same machine: fetch, socket.io-client, y-websocket\'s WebsocketProvider; timestamps from performance.timeOrigin + performance.now()',
      growth: `two servers side by side on the local database: a fresh demo database, and the same demo data plus one region's whole contract written with the product's models (bench/growth-seed.ts, scale ${growthScale}). The same requests by the same demo people on the demo trajectory, one sample on each server in turn (up to ${everyday.samples} each); "region" repeats them in the grown region's own trajectory. A clause document is opened cold (a document not loaded yet), to synced; the live table is joined with a new socket (connect + session:join ack); ballots and outcomes through the REST routes`,
      'co-editing': `every author types one character every 200 ms for ${typingMs / 1000} s at a random place in the clause's first paragraph and appends [n, sent-at] to its own Y.Array in the same transaction. ${observers} of the authors are full y-websocket clients (WebsocketProvider, one process) that time every other author's edit on arrival; the rest speak y-protocols sync (step 1, step 2) and then only send, dropping incoming frames unread (bench/load-author.ts, ${authorGenerators} processes). The limit is the largest step with p95 ≤ ${targets.editP95Ms} ms and every edit delivered. Ours: a fresh clause per step, signed-in people with a provider seat. Reference: y-websocket 2.1.0 bin/server.cjs (no authentication, no persistence), same clients`,
      search: `the first search of a trajectory on a server builds its index (one read of the trajectory's records and clause texts); then ${searchRounds} rounds of the same queries (words, other forms, prefixes, a typo, two words, accents) by the procurement team and by another member of the trajectory, one after another; change → found: a topic created through REST, searched for by the member until found. Grown: the region's own trajectory on the grown database; fresh: the demo's dialogue trajectory`,
      voting: `a live session with an open anonymous consent poll (fresh per step); each voter casts once over socket.io, spread evenly over ${voteSpreadMs / 1000} s, from ${voteGenerators} processes; the k-th ballot sent counts as arrived at a client when it receives a tally of at least k ballots. Baseline: bench/baseline-vote-server.ts, a plain Socket.io server that relays a counter to the room on every ballot (no authentication, database or audit)`,
      server: 'CPU = (utime + stime) / wall time over the step from /proc/<pid>/stat (100% = one core), for the server and for each load generator; machine = busy share of all cores from /proc/stat (other users of the machine included); memory per client = (peak RSS during the step − RSS before the clients connected) / clients; event-loop delay from perf_hooks.monitorEventLoopDelay, preloaded into both servers alike (bench/eld-preload.mjs)',
    },
    targets,
    growth: null,
    edit: [],
    vote: [],
    voteGrown: [],
    collabStore: null,
    search: null,
  };

  // Only the method of the parts that ran.
  const methodOf: Record<string, Part> = { growth: 'growth', 'co-editing': 'edit', voting: 'vote', search: 'search' };
  for (const key of Object.keys(report.method)) if (methodOf[key] && !parts.has(methodOf[key])) delete report.method[key];

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dialoogtafel-bench-'));
  const database = await startLocalDatabase({ dataDir, cacheDir: loadConfig({ ...process.env, DATA_DIR: dataDir }).cacheDir, progress: (m) => log(m) });
  const servers: ServerProcess[] = [];
  const sessionSecret = randomBytes(32).toString('hex');
  const startOurs = async (name: string, mongoUri: string) => {
    const server = await startServerProcess(
      name,
      ['--import', 'tsx', 'server/main.ts'],
      // development: production refuses the demo data the benchmark works on; nothing else on the measured paths depends on NODE_ENV.
      { NODE_ENV: 'development', SESSION_SECRET: sessionSecret, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, MONGODB_URI: mongoUri, DEMO: '1', LOG_LEVEL: 'info' },
      (out) => Number(/"event":"listening","port":(\d+)/.exec(out)?.[1]) || undefined,
    );
    servers.push(server);
    return server;
  };
  // Ctrl-C or SIGTERM: the servers and the database stop with the benchmark.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping`);
      void Promise.allSettled(servers.map((s) => s.stop()))
        .then(() => database.stop())
        .finally(() => {
          rmSync(dataDir, { recursive: true, force: true });
          process.exit(130);
        });
    });
  }
  const stopServer = async (server: ServerProcess) => {
    await server.stop();
    servers.splice(servers.indexOf(server), 1);
  };
  try {
    const suffix = randomBytes(4).toString('hex');
    const freshUri = `${database.uri}/bench_fresh_${suffix}`;
    const grownUri = `${database.uri}/bench_grown_${suffix}`;
    const people = parts.has('edit') || parts.has('vote') ? Math.max(parts.has('edit') ? Math.max(...editSteps) : 0, parts.has('vote') ? Math.max(...voteSteps) : 0) : 0;

    // Each database: the server seeds the demo, stops, the benchmark adds its records, the server starts again
    // (so nothing the server may hold in memory is written behind its back).
    log('fresh database: demo data');
    await stopServer(await startOurs('dialoogtafel (seeding)', freshUri));
    log(`fresh database: ${people} signed-in bench people`);
    const freshData = await seedBenchData(freshUri, people, parts.has('edit') ? editSteps.length : 0);
    let grownData: BenchData | null = null;
    let seed: GrowthSeedResult | null = null;
    if (parts.has('growth') || parts.has('search')) {
      log('grown database: demo data');
      await stopServer(await startOurs('dialoogtafel (seeding)', grownUri));
      seed = await seedGrowth(grownUri, sessionSecret, growthSize(growthScale), log);
      log(`grown database: seeded in ${seed.seconds} s: ${JSON.stringify(seed.written)}`);
      grownData = await seedBenchData(grownUri, parts.has('vote') ? Math.max(...voteSteps) : 0, 0);
    }
    log('starting Dialoogtafel and the baselines');
    const fresh = await startOurs('dialoogtafel (fresh)', freshUri);
    const grown = seed ? await startOurs('dialoogtafel (grown)', grownUri) : null;

    if (seed && grown && parts.has('search')) {
      // First, before the everyday work opens anything: the index is built from a server that has not read the trajectory yet.
      log('search: grown region trajectory, then the fresh demo trajectory');
      const results: Record<string, SearchFigures> = {};
      results['grown (region)'] = await measureSearch(await signInForSearch('grown (region)', grown, seed.trajectoryId, seed.procurementEmail, seed.voterEmails[0]!, growthPassword), searchRounds, log, grownUri);
      const demo = await demoPeople(fresh.url);
      results.fresh = await measureSearch(await signInForSearch('fresh', fresh, demo.trajectoryId, demo.procurementEmail, demo.voterEmails[2]!, demo.password), searchRounds, log, freshUri);
      report.search = results;
    }

    if (seed && grown && parts.has('growth')) {
      log('everyday work: preparing');
      const clauseCount = everyday.samples;
      const [demoFresh, demoGrown] = [await demoPeople(fresh.url), await demoPeople(grown.url)];
      const region = {
        trajectoryId: seed.trajectoryId,
        procurementEmail: seed.procurementEmail,
        facilitatorEmail: seed.facilitatorEmail,
        password: growthPassword,
        voterEmails: seed.voterEmails.slice(0, 7),
        signIns: seed.signInEmails.map((email) => ({ email, password: growthPassword })),
        clauseDocuments: seed.clauseDocuments.slice(0, clauseCount),
      };
      const everydayTargets: EverydayTarget[] = [
        await prepareTarget('fresh', fresh.url, demoFresh, clauseCount),
        await prepareTarget('grown', grown.url, demoGrown, clauseCount),
        await prepareTarget('region', grown.url, region, clauseCount),
      ];
      log('everyday work: measuring (fresh, grown, grown region trajectory in turn)');
      const figures = await measureEveryday(everydayTargets, { ...everyday, log });
      log('verifying audit chains and exporting');
      const verify = { fresh: await timeVerify(fresh.url, everydayTargets[0]!.staffToken, demoFresh.trajectoryId), region: await timeVerify(grown.url, everydayTargets[2]!.staffToken, seed.trajectoryId) };
      const exported = { fresh: await timeExport(freshUri, demoFresh.trajectoryId), region: await timeExport(grownUri, seed.trajectoryId) };
      log(`  verify: ${JSON.stringify(verify)}`);
      log(`  export: ${JSON.stringify(exported)}`);
      report.growth = { scale: growthScale, size: seed.size, seedSeconds: seed.seconds, written: seed.written, auditEventsPerChain: seed.auditEventsPerChain, everyday: figures, verify, export: exported };
    }

    if (parts.has('edit')) {
      const yPort = await findFreePort();
      const yBaseline = await startServerProcess('y-websocket baseline', [path.join(root, 'node_modules/y-websocket-baseline/bin/server.cjs')], { HOST: '127.0.0.1', PORT: String(yPort), YPERSISTENCE: undefined }, (out) =>
        out.includes('running at') ? yPort : undefined,
      );
      servers.push(yBaseline);
      // Ours and the reference server step by step, interleaved, so both meet the same machine; each side stops at its first step over the target.
      const done = { ours: '', baseline: '' };
      for (const [i, authors] of editSteps.entries()) {
        const row: BenchReport['edit'][number] = { authors, ours: null, baseline: null };
        for (const side of ['ours', 'baseline'] as const) {
          if (done[side]) continue;
          if (now() - started > budgetMs) {
            row.skipped = 'time budget spent';
            continue;
          }
          log(`co-editing, ${authors} authors, ${side}`);
          const clients = freshData.tokens.slice(0, authors).map((token, n) => ({ author: `a${n}`, ...(side === 'ours' ? { token } : {}) }));
          const common = { clients, observers: Math.min(observers, authors), authorGenerators, typingMs, intervalMs: 200 };
          const result: EditStepResult = await editStep(
            side === 'ours'
              ? { ...common, server: fresh, wsUrl: `${fresh.url.replace('http', 'ws')}/collab`, documentName: freshData.clauseDocuments[i]! }
              : { ...common, server: yBaseline, wsUrl: yBaseline.url.replace('http', 'ws'), documentName: `bench/clause-${authors}` },
          );
          row[side] = result;
          log(
            `  p50 ${result.p50Ms} p95 ${result.p95Ms} p99 ${result.p99Ms} ms, delivered ${result.arrivals}/${result.expectedArrivals}, CPU server ${result.cpuPercent}% observers ${result.observerCpuPercent}% authors ${result.authorCpuPercent}% machine ${result.machineBusyPercent}%`,
          );
          if ((result.p95Ms ?? Infinity) > targets.editP95Ms || result.arrivals < result.expectedArrivals * 0.999) done[side] = `over the target at ${authors} authors`;
        }
        if (row.ours || row.baseline || row.skipped) report.edit.push(row);
        if (done.ours && done.baseline) break;
      }
      await stopServer(yBaseline);
    }

    if (parts.has('vote')) {
      const voteBaseline = await startServerProcess('socket.io baseline', ['--import', 'tsx', 'bench/baseline-vote-server.ts'], {}, (out) => Number(/"event":"listening","port":(\d+)/.exec(out)?.[1]) || undefined);
      servers.push(voteBaseline);
      report.vote = await voteSteps_(fresh, freshData, voteBaseline, started);
      await stopServer(voteBaseline);
      if (grown && grownData) {
        log('voting on the grown database');
        report.voteGrown = await voteSteps_(grown, grownData, null, started);
      }
    }
  } finally {
    // BENCH_SERVER_OUTPUT=<file>: keep what our servers wrote, to look into a slow step.
    if (process.env.BENCH_SERVER_OUTPUT) writeFileSync(process.env.BENCH_SERVER_OUTPUT, servers.map((s) => `== ${s.name}\n${s.output()}`).join('\n'));
    for (const s of [...servers]) await s.stop();
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  if (parts.has('edit') && process.env.BENCH_SKIP_STORE !== '1' && !quick) {
    log('edit → database (bench/collab-store.bench.test.ts)');
    report.collabStore = await collabStoreBench();
  }

  report.durationSeconds = (now() - started) / 1000;
  const dir = path.join(root, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const table = markdown(report);
  // BENCH_RESULTS=<name> writes <name>.json/.md instead of latest.*, to keep a partial run apart.
  const name = process.env.BENCH_RESULTS ?? 'latest';
  writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(dir, `${name}.md`), table);
  process.stdout.write(`\n${table}\nWritten: bench/results/${name}.json, bench/results/${name}.md\n`);
}

/** Voting steps on one of our servers (a live session planned and run by its staff), each beside the baseline when there is one. */
async function voteSteps_(ours: ServerProcess, data: BenchData, baseline: ServerProcess | null, started: number): Promise<BenchReport['vote']> {
  const rows: BenchReport['vote'] = [];
  const created = await fetch(`${ours.url}/api/trajectories/${data.trajectoryId}/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `dt_session=${data.procurementToken}` },
    body: JSON.stringify({ title: 'Benchmarksessie', startsAt: new Date().toISOString(), location: 'Online', agenda: [], declaration: { outcomeKind: 'advice', decidedBy: 'de colleges van B&W' } }),
  });
  if (created.status !== 201) throw new Error(`planning the session failed: ${created.status} ${await created.text()}`);
  const sessionId = ((await created.json()) as { id: string }).id;
  const facilitator = await facilitatorSocket(ours.url, data.facilitatorToken);
  try {
    await facilitator.ask('session:start', { sessionId });
    const saturated = { ours: '', baseline: baseline ? '' : 'not run' };
    for (const voters of voteSteps) {
      const row: BenchReport['vote'][number] = { voters, ours: null, baseline: null };
      for (const side of ['ours', 'baseline'] as const) {
        if (saturated[side]) continue;
        if (now() - started > budgetMs) {
          row.skipped = 'time budget spent';
          continue;
        }
        log(`voting, ${voters} voters, ${side} (${ours.name})`);
        let result: VoteStepResult;
        if (side === 'ours') {
          const { pollId } = await facilitator.ask<{ pollId: string }>('poll:open', { sessionId, settings: { kind: 'consent', question: `Akkoord? (${voters} stemmers)`, anonymous: true } });
          result = await voteStep({ server: ours, sessionId, pollId, voters: data.tokens.slice(0, voters).map((token) => ({ token })), generators: voteGenerators, spreadMs: voteSpreadMs });
          await facilitator.ask('poll:close', { pollId });
        } else {
          result = await voteStep({ server: baseline!, sessionId: 'bench', pollId: `poll-${voters}`, voters: Array.from({ length: voters }, () => ({})), generators: voteGenerators, spreadMs: voteSpreadMs });
        }
        row[side] = result;
        log(`  accepted ${result.accepted}/${voters} (${result.firstError ?? 'no errors'}), ${result.ballotsPerSecond}/s, p50 ${result.p50Ms} p95 ${result.p95Ms} ms, delivered ${result.arrivals}/${result.expectedArrivals}, CPU ${result.cpuPercent}%`);
        if ((result.p95Ms ?? Infinity) > saturatedMs) saturated[side] = `p95 over ${saturatedMs} ms at ${voters} voters`;
      }
      if (!row.skipped && (!row.ours || (baseline && !row.baseline))) row.skipped = [!row.ours ? `ours: ${saturated.ours}` : '', baseline && !row.baseline ? `baseline: ${saturated.baseline}` : ''].filter(Boolean).join('; ');
      rows.push(row);
    }
  } finally {
    facilitator.close();
  }
  return rows;
}

/** The older edit → database benchmark, run as it was (vitest, its own database); its figures join the report. */
function collabStoreBench(): Promise<unknown> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'vitest.bench.config.ts', 'bench/collab-store.bench.test.ts'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => {
      const line = /collab store latency: (\{.*\})/.exec(output)?.[1];
      resolve(line ? { ...(JSON.parse(line) as object), passed: code === 0 } : { error: `exited with ${code}`, tail: output.slice(-500) });
    });
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
