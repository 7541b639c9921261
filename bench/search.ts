/*
 * The search part of `npm run bench`: on the grown database (the region's own trajectory, seeded
 * by bench/growth-seed.ts) and on the fresh demo trajectory, the first search (which builds the
 * trajectory's index from one read of its records), the server's own account of that build
 * (documents, milliseconds, approximate size) and its memory, then p50/p95 of queries by the
 * procurement team and by another member, and how long a new topic takes to be found.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import mongoose from 'mongoose';
import { CollabPersistence } from '../server/collab/persistence';
import { DocumentRegistry } from '../server/collab/document-registry';
import { createLogger } from '../server/logger';
import { createModels } from '../server/models';
import { SearchService } from '../server/search/search-service';
import { count, percentile, record, type Histogram } from './histogram';
import { now, processStats, type ServerProcess } from './proc';

export interface SearchTarget {
  name: string;
  server: ServerProcess;
  trajectoryId: string;
  staffToken: string;
  memberToken: string;
}

export interface SearchFigures {
  /** The first search of the trajectory on this server: builds the index of its records. */
  firstSearchMs: number;
  /** From the first search until its answer says every clause text is in (they are read after the records: long histories are slow to read). */
  textsCompleteMs: number;
  /** From the server's log line `search-index-built`. */
  build: { documents: number; ms: number; approximateBytes: number } | null;
  /** Growth of the server's resident memory over the first search (noisy: GC timing). */
  rssGrowthMb: number;
  staff: { n: number; p50Ms: number | null; p95Ms: number | null };
  /** The lightest authenticated read (GET /api/trajectories/:id) by the member, interleaved with the searches: what HTTP and the machine cost by themselves. */
  baseline: { n: number; p50Ms: number | null; p95Ms: number | null };
  /** The same queries in this process, on an index built here from the same database (clause texts included): the engine and the policy without HTTP. */
  engine: { buildMs: number; heapMb: number | null; documents: number; p50Ms: number | null; p95Ms: number | null } | null;
  member: { n: number; p50Ms: number | null; p95Ms: number | null };
  /** A topic created through REST, then searched for until found (same node). */
  freshness: { n: number; p50Ms: number | null; p95Ms: number | null };
  hitsPerQuery: number;
}

/** What people type: whole words, other forms (stems), prefixes, a typo, two words, accents. */
export const benchQueries = ['wachttijd', 'wachttijden', 'wacht', 'opmerking', 'scherper', 'overeenkomst', 'gemeenten', 'kwaliteit tarief', 'jeugdige ouders', 'verantwoordng', 'zorgcontinuïteit', 'evaluatie', 'artikel', 'aanbieders', 'thema'];

async function timedSearch(t: SearchTarget, token: string, q: string): Promise<{ ms: number; hits: number; complete: boolean }> {
  const t0 = now();
  const res = await fetch(`${t.server.url}/api/trajectories/${t.trajectoryId}/search?q=${encodeURIComponent(q)}`, { headers: { cookie: `dt_session=${token}` } });
  const body = (await res.json()) as { groups?: Array<{ hits: unknown[] }>; complete?: boolean };
  const ms = now() - t0;
  if (res.status !== 200) throw new Error(`search ${q} on ${t.name}: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
  return { ms, hits: (body.groups ?? []).reduce((n, g) => n + g.hits.length, 0), complete: body.complete === true };
}

const figures = (h: Histogram) => ({ n: count(h), p50Ms: percentile(h, 50), p95Ms: percentile(h, 95) });

export async function measureSearch(t: SearchTarget, rounds: number, log: (m: string) => void, mongoUri?: string): Promise<SearchFigures> {
  const rssBefore = processStats(t.server.pid).rssBytes;
  const started = now();
  const first = await timedSearch(t, t.staffToken, 'overeenkomst');
  for (let last = first; !last.complete; last = await timedSearch(t, t.staffToken, 'overeenkomst')) await new Promise((r) => setTimeout(r, 250));
  const textsCompleteMs = Math.round(now() - started);
  const rssAfter = processStats(t.server.pid).rssBytes;
  const line = t.server
    .output()
    .split('\n')
    .filter((l) => l.includes('"search-index-built"') && l.includes(t.trajectoryId))
    .pop();
  const built = line ? (JSON.parse(line.slice(line.indexOf('{'))) as { documents: number; ms: number; approximateBytes: number }) : null;
  log(`  ${t.name}: first search ${Math.round(first.ms)} ms, every clause text in after ${textsCompleteMs} ms; index ${JSON.stringify(built && { documents: built.documents, ms: built.ms, approximateBytes: built.approximateBytes })}`);

  const staff: Histogram = {};
  const member: Histogram = {};
  const baseline: Histogram = {};
  let hits = 0;
  let n = 0;
  for (let round = 0; round < rounds; round++) {
    for (const q of benchQueries) {
      const a = await timedSearch(t, t.staffToken, q);
      record(staff, a.ms);
      const b = await timedSearch(t, t.memberToken, q);
      record(member, b.ms);
      const t0 = now();
      const res = await fetch(`${t.server.url}/api/trajectories/${t.trajectoryId}`, { headers: { cookie: `dt_session=${t.memberToken}` } });
      await res.text();
      record(baseline, now() - t0);
      hits += a.hits;
      n++;
    }
  }

  const freshness: Histogram = {};
  for (let i = 0; i < 5; i++) {
    const word = `benchzoek${i}x${Math.random().toString(36).slice(2, 8).replace(/\d/g, '')}`;
    const t0 = now();
    const res = await fetch(`${t.server.url}/api/trajectories/${t.trajectoryId}/topics`, { method: 'POST', headers: { cookie: `dt_session=${t.staffToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ title: `Onderwerp ${word}` }) });
    if (res.status !== 201) throw new Error(`creating a topic on ${t.name}: ${res.status} ${await res.text()}`);
    for (let tries = 0; (await timedSearch(t, t.memberToken, word)).hits === 0; tries++) if (tries > 200) throw new Error(`topic ${word} not found on ${t.name}`);
    record(freshness, now() - t0);
  }
  const engine = mongoUri ? await measureEngine(mongoUri, t.trajectoryId, rounds) : null;
  if (engine) log(`  ${t.name}: in process: build ${engine.buildMs} ms, heap ${engine.heapMb} MB, ${engine.documents} documents, query p50 ${engine.p50Ms} p95 ${engine.p95Ms} ms`);
  return {
    firstSearchMs: Math.round(first.ms),
    textsCompleteMs,
    build: built,
    rssGrowthMb: Math.round(((rssAfter - rssBefore) / 1024 / 1024) * 10) / 10,
    staff: figures(staff),
    member: figures(member),
    baseline: figures(baseline),
    engine,
    freshness: figures(freshness),
    hitsPerQuery: Math.round(hits / Math.max(1, n)),
  };
}

/** A collection of garbage, when the flag can be set at run time: heap figures without it are noise. */
function collectGarbage(): boolean {
  try {
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
    return true;
  } catch {
    return false;
  }
}

/** Builds the trajectory's index in this process with the product's SearchService and times the queries against it (a member without special rights). */
async function measureEngine(mongoUri: string, trajectoryId: string, rounds: number): Promise<SearchFigures['engine']> {
  const connection = await mongoose.createConnection(mongoUri).asPromise();
  const log = createLogger('silent');
  try {
    const models = createModels(connection);
    const persistence = new CollabPersistence(models);
    const service = new SearchService(models, new DocumentRegistry(persistence, log), persistence, log, { maxTrajectories: 2, idleMs: 60 * 60_000 });
    const viewer = { actor: { kind: 'user' as const, userId: '000000000000000000000000', name: 'Bench', email: 'bench@example.org', platformAdmin: false, sessionId: 'bench' }, seat: { membershipId: 'bench', role: 'provider' as const, organisationId: 'bench' } };
    const gc = collectGarbage();
    const heapBefore = process.memoryUsage().heapUsed;
    const t0 = now();
    while (!(await service.search(trajectoryId, viewer, 'overeenkomst', 50)).complete);
    const buildMs = Math.round(now() - t0);
    collectGarbage();
    const heapMb = gc ? Math.round(((process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024) * 10) / 10 : null;
    const documents = service.stats()[0]?.documents ?? 0;
    const h: Histogram = {};
    for (let round = 0; round < rounds * 4; round++) {
      for (const q of benchQueries) {
        const q0 = now();
        await service.search(trajectoryId, viewer, q, 50);
        record(h, now() - q0);
      }
    }
    service.close();
    return { buildMs, heapMb, documents, p50Ms: percentile(h, 50), p95Ms: percentile(h, 95) };
  } finally {
    await connection.close();
  }
}

const fmt = (v: number | null | undefined) => (v === null || v === undefined ? 'n/a' : String(Math.round(v)));

export function searchSection(results: Record<string, SearchFigures> | null, targetP95Ms: number, lines: string[]): void {
  if (!results) return;
  lines.push(`### Search across a trajectory (GET /api/trajectories/:id/search; ${benchQueries.length} queries per round by the procurement team and by another member)`);
  lines.push('');
  lines.push('| trajectory | documents | index of the records (server) | first search | every clause text in | approx. index size | RSS growth | heap of the index (in process) | p50 / p95 procurement | p50 / p95 member | baseline read p50 / p95 | engine only p50 / p95 | results per query | change → found p50 / p95 | target p95 ≤ ' + targetP95Ms + ' ms |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const [name, f] of Object.entries(results)) {
    const worst = Math.max(f.staff.p95Ms ?? Infinity, f.member.p95Ms ?? Infinity);
    lines.push(
      `| ${name} | ${f.build?.documents ?? 'n/a'} | ${f.build ? `${f.build.ms} ms` : 'n/a'} | ${f.firstSearchMs} ms | ${f.textsCompleteMs} ms | ${f.build ? `${(f.build.approximateBytes / 1024 / 1024).toFixed(1)} MB` : 'n/a'} | ${f.rssGrowthMb} MB | ${f.engine?.heapMb ?? 'n/a'} MB | ${fmt(f.staff.p50Ms)} / ${fmt(f.staff.p95Ms)} ms | ${fmt(f.member.p50Ms)} / ${fmt(f.member.p95Ms)} ms | ${fmt(f.baseline.p50Ms)} / ${fmt(f.baseline.p95Ms)} ms | ${f.engine ? `${f.engine.p50Ms} / ${f.engine.p95Ms} ms` : 'n/a'} | ${f.hitsPerQuery} | ${fmt(f.freshness.p50Ms)} / ${fmt(f.freshness.p95Ms)} ms | ${worst <= targetP95Ms ? 'pass' : '**fail**'} |`,
    );
  }
  lines.push('');
}

/** Signs in the procurement officer and another member of the trajectory through the product. */
export async function signInForSearch(name: string, server: ServerProcess, trajectoryId: string, staffEmail: string, memberEmail: string, password: string): Promise<SearchTarget> {
  const { signInToken } = await import('./everyday');
  return { name, server, trajectoryId, staffToken: await signInToken(server.url, staffEmail, password), memberToken: await signInToken(server.url, memberEmail, password) };
}
