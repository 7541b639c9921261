/*
 * The search part of `npm run bench`: on the grown database (the region's own trajectory, seeded
 * by bench/growth-seed.ts) and on the fresh demo trajectory, the first search (which builds the
 * trajectory's index from one read of its records), the server's own account of that build
 * (documents, milliseconds, approximate size) and its memory, then p50/p95 of queries by the
 * procurement team and by another member, and how long a new topic takes to be found.
 */
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
  /** The first search of the trajectory on this server: builds the index. */
  firstSearchMs: number;
  /** From the server's log line `search-index-built`. */
  build: { documents: number; ms: number; approximateBytes: number } | null;
  /** Growth of the server's resident memory over the first search (noisy: GC timing). */
  rssGrowthMb: number;
  staff: { n: number; p50Ms: number | null; p95Ms: number | null };
  member: { n: number; p50Ms: number | null; p95Ms: number | null };
  /** A topic created through REST, then searched for until found (same node). */
  freshness: { n: number; p50Ms: number | null; p95Ms: number | null };
  hitsPerQuery: number;
}

/** What people type: whole words, other forms (stems), prefixes, a typo, two words, accents. */
export const benchQueries = ['wachttijd', 'wachttijden', 'wacht', 'opmerking', 'scherper', 'overeenkomst', 'gemeenten', 'kwaliteit tarief', 'jeugdige ouders', 'verantwoordng', 'zorgcontinuïteit', 'evaluatie', 'artikel', 'aanbieders', 'thema'];

async function timedSearch(t: SearchTarget, token: string, q: string): Promise<{ ms: number; hits: number }> {
  const t0 = now();
  const res = await fetch(`${t.server.url}/api/trajectories/${t.trajectoryId}/search?q=${encodeURIComponent(q)}`, { headers: { cookie: `dt_session=${token}` } });
  const body = (await res.json()) as { groups?: Array<{ hits: unknown[] }> };
  const ms = now() - t0;
  if (res.status !== 200) throw new Error(`search ${q} on ${t.name}: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
  return { ms, hits: (body.groups ?? []).reduce((n, g) => n + g.hits.length, 0) };
}

const figures = (h: Histogram) => ({ n: count(h), p50Ms: percentile(h, 50), p95Ms: percentile(h, 95) });

export async function measureSearch(t: SearchTarget, rounds: number, log: (m: string) => void): Promise<SearchFigures> {
  const rssBefore = processStats(t.server.pid).rssBytes;
  const first = await timedSearch(t, t.staffToken, 'overeenkomst');
  const rssAfter = processStats(t.server.pid).rssBytes;
  const line = t.server
    .output()
    .split('\n')
    .filter((l) => l.includes('"search-index-built"') && l.includes(t.trajectoryId))
    .pop();
  const built = line ? (JSON.parse(line.slice(line.indexOf('{'))) as { documents: number; ms: number; approximateBytes: number }) : null;
  log(`  ${t.name}: first search ${Math.round(first.ms)} ms; index ${JSON.stringify(built && { documents: built.documents, ms: built.ms, approximateBytes: built.approximateBytes })}`);

  const staff: Histogram = {};
  const member: Histogram = {};
  let hits = 0;
  let n = 0;
  for (let round = 0; round < rounds; round++) {
    for (const q of benchQueries) {
      const a = await timedSearch(t, t.staffToken, q);
      record(staff, a.ms);
      const b = await timedSearch(t, t.memberToken, q);
      record(member, b.ms);
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
  return { firstSearchMs: Math.round(first.ms), build: built, rssGrowthMb: Math.round(((rssAfter - rssBefore) / 1024 / 1024) * 10) / 10, staff: figures(staff), member: figures(member), freshness: figures(freshness), hitsPerQuery: Math.round(hits / Math.max(1, n)) };
}

const fmt = (v: number | null | undefined) => (v === null || v === undefined ? 'n/a' : String(Math.round(v)));

export function searchSection(results: Record<string, SearchFigures> | null, targetP95Ms: number, lines: string[]): void {
  if (!results) return;
  lines.push(`### Search across a trajectory (GET /api/trajectories/:id/search; ${benchQueries.length} queries per round by the procurement team and by another member)`);
  lines.push('');
  lines.push('| trajectory | documents | index build (server) | first search | approx. index size | RSS growth | p50 / p95 procurement | p50 / p95 member | results per query | change → found p50 / p95 | target p95 ≤ ' + targetP95Ms + ' ms |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const [name, f] of Object.entries(results)) {
    const worst = Math.max(f.staff.p95Ms ?? Infinity, f.member.p95Ms ?? Infinity);
    lines.push(
      `| ${name} | ${f.build?.documents ?? 'n/a'} | ${f.build ? `${f.build.ms} ms` : 'n/a'} | ${f.firstSearchMs} ms | ${f.build ? `${(f.build.approximateBytes / 1024 / 1024).toFixed(1)} MB` : 'n/a'} | ${f.rssGrowthMb} MB | ${fmt(f.staff.p50Ms)} / ${fmt(f.staff.p95Ms)} ms | ${fmt(f.member.p50Ms)} / ${fmt(f.member.p95Ms)} ms | ${f.hitsPerQuery} | ${fmt(f.freshness.p50Ms)} / ${fmt(f.freshness.p95Ms)} ms | ${worst <= targetP95Ms ? 'pass' : '**fail**'} |`,
    );
  }
  lines.push('');
}

/** Signs in the procurement officer and another member of the trajectory through the product. */
export async function signInForSearch(name: string, server: ServerProcess, trajectoryId: string, staffEmail: string, memberEmail: string, password: string): Promise<SearchTarget> {
  const { signInToken } = await import('./everyday');
  return { name, server, trajectoryId, staffToken: await signInToken(server.url, staffEmail, password), memberToken: await signInToken(server.url, memberEmail, password) };
}
