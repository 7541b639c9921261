import type { EverydayFigures } from './everyday';
import type { ChainFigures } from './growth';
import type { GrowthSize } from './growth-seed';
import type { EditStepResult, VoteStepResult } from './steps';
import { searchSection, type SearchFigures } from './search';

export interface BenchReport {
  startedAt: string;
  durationSeconds: number;
  commit: string;
  parts: string[];
  machine: { cpus: number; cpuModel: string; node: string; platform: string; memoryGb: number; loadAverageAtStart: number[] };
  command: string;
  method: Record<string, string>;
  targets: {
    editP95Ms: number;
    editAuthors: number;
    editVsBaseline: number;
    voteP95Ms: number;
    voters: number;
    voteWindowSeconds: number;
    memoryPerClientMb: number;
    growthP95Ms: number;
    growthRatio: number;
    searchP95Ms?: number;
  };
  growth: {
    scale: number;
    size: GrowthSize;
    seedSeconds: number;
    written: Record<string, number>;
    auditEventsPerChain: Record<string, number>;
    /** item → target name (fresh, grown, region) → figures */
    everyday: Record<string, Record<string, EverydayFigures>>;
    verify: { fresh: ChainFigures; region: ChainFigures };
    export: { fresh: ChainFigures & { records: number; bytes: number }; region: ChainFigures & { records: number; bytes: number } };
  } | null;
  edit: Array<{ authors: number; ours: EditStepResult | null; baseline: EditStepResult | null; skipped?: string }>;
  vote: Array<{ voters: number; ours: VoteStepResult | null; baseline: VoteStepResult | null; skipped?: string }>;
  /** Voting on the grown database (ours only; the baseline has no database). */
  voteGrown: Array<{ voters: number; ours: VoteStepResult | null; baseline: VoteStepResult | null; skipped?: string }>;
  collabStore: unknown;
  /** Search across a trajectory, per target (grown region, fresh demo). */
  search?: Record<string, SearchFigures> | null;
}

const fmt = (v: number | null | undefined, digits = 1) => (v === null || v === undefined ? 'n/a' : v.toFixed(digits));
const ratio = (a: number | null | undefined, b: number | null | undefined) => (a == null || b == null || b === 0 ? 'n/a' : `${(a / b).toFixed(2)}×`);
const delivered = (r: { arrivals: number; expectedArrivals: number } | null) => (r ? `${((100 * r.arrivals) / Math.max(1, r.expectedArrivals)).toFixed(1)}%` : 'n/a');
const editPasses = (r: EditStepResult | null, t: BenchReport['targets']) => !!r && r.p95Ms !== null && r.p95Ms <= t.editP95Ms && r.arrivals >= r.expectedArrivals * 0.999;

/** The largest step at which a side kept the co-editing target (0 when none did). */
export function editLimit(report: BenchReport, side: 'ours' | 'baseline'): number {
  return Math.max(0, ...report.edit.filter((s) => editPasses(s[side], report.targets)).map((s) => s.authors));
}

function growthSection(report: BenchReport, lines: string[]): void {
  const g = report.growth;
  if (!g) return;
  const t = report.targets;
  lines.push(`### Everyday work on a grown database (scale ${g.scale} of one region's whole contract; seeded in ${g.seedSeconds} s)`);
  lines.push('');
  lines.push(`Seeded: ${Object.entries(g.written).map(([k, v]) => `${k} ${v}`).join(', ')}.`);
  lines.push('');
  lines.push('Fresh = the demo database; grown = the same demo data plus the region, same requests on the demo trajectory; region = the same work in the grown region\'s own trajectory. Milliseconds.');
  lines.push('');
  lines.push(`| work | fresh p50 | fresh p95 | grown p50 | grown p95 | p95 grown / fresh | region p50 | region p95 | p95 region / fresh | n fresh/grown/region | target | result |`);
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|');
  for (const [item, byTarget] of Object.entries(g.everyday)) {
    const f = byTarget.fresh;
    const gr = byTarget.grown;
    const r = byTarget.region;
    const errors = [f, gr, r].some((x) => x && x.errors > 0);
    const pass = !!gr && !!f && gr.p95Ms !== null && f.p95Ms !== null && gr.errors === 0 && gr.p95Ms <= t.growthP95Ms && gr.p95Ms <= f.p95Ms * t.growthRatio;
    lines.push(
      `| ${item} | ${fmt(f?.p50Ms)} | ${fmt(f?.p95Ms)} | ${fmt(gr?.p50Ms)} | ${fmt(gr?.p95Ms)} | ${ratio(gr?.p95Ms, f?.p95Ms)} | ${fmt(r?.p50Ms)} | ${fmt(r?.p95Ms)} | ${ratio(r?.p95Ms, f?.p95Ms)} | ${f?.n ?? 0}/${gr?.n ?? 0}/${r?.n ?? 0}${errors ? ` (errors ${f?.errors ?? 0}/${gr?.errors ?? 0}/${r?.errors ?? 0})` : ''} | p95 ≤ ${t.growthRatio}× fresh and ≤ ${t.growthP95Ms} ms | ${pass ? 'pass' : '**fail**'} |`,
    );
  }
  const firstErrors = Object.entries(g.everyday).flatMap(([item, byTarget]) => Object.entries(byTarget).filter(([, f]) => f.firstError).map(([name, f]) => `${item} (${name}): ${f.firstError}`));
  if (firstErrors.length) {
    lines.push('');
    lines.push(`Errors: ${firstErrors.join('; ')}`);
  }
  lines.push('');
  lines.push('Work that grows with its own data, per 10,000 audit events of the trajectory:');
  lines.push('');
  lines.push('| work | fresh (demo trajectory) | region trajectory |');
  lines.push('|---|---:|---:|');
  const cell = (c: ChainFigures) => `${c.msPer10kEvents} ms per 10,000 (${c.ms} ms for ${c.events} events${c.valid ? ', verifies' : ', **does not verify**'})`;
  lines.push(`| verify the audit chain (GET …/audit/verify) | ${cell(g.verify.fresh)} | ${cell(g.verify.region)} |`);
  lines.push(`| export the trajectory (npm run export's exportTrajectory) | ${cell(g.export.fresh)}, ${g.export.fresh.records} records | ${cell(g.export.region)}, ${g.export.region.records} records |`);
  lines.push('');
}

function voteTable(title: string, rows: BenchReport['vote'], t: BenchReport['targets'], lines: string[]): void {
  if (rows.length === 0) return;
  lines.push(title);
  lines.push('');
  lines.push('| voters | accepted ours / baseline | ballots/s ours / baseline | p50 ours | p50 baseline | p95 ours | p95 baseline | p95 ratio | p99 ours | ballot ack p95 ours | delivered ours / baseline | CPU ours / baseline | MB per client ours / baseline | event-loop p99 ours / baseline (ms) | target | result |');
  lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|');
  for (const s of rows) {
    const o = s.ours;
    const b = s.baseline;
    const targeted = s.voters === t.voters;
    const pass = o && o.accepted === o.voters && o.p95Ms !== null && o.p95Ms <= t.voteP95Ms && o.arrivals >= o.expectedArrivals * 0.999;
    lines.push(
      `| ${s.voters} | ${o?.accepted ?? 'n/a'} / ${b?.accepted ?? 'n/a'} | ${fmt(o?.ballotsPerSecond)} / ${fmt(b?.ballotsPerSecond)} | ${fmt(o?.p50Ms)} | ${fmt(b?.p50Ms)} | ${fmt(o?.p95Ms)} | ${fmt(b?.p95Ms)} | ${ratio(o?.p95Ms, b?.p95Ms)} | ${fmt(o?.p99Ms)} | ${fmt(o?.ackP95Ms)} | ${delivered(o)} / ${delivered(b)} | ${fmt(o?.cpuPercent, 0)}% / ${fmt(b?.cpuPercent, 0)}% | ${fmt(o?.rssPerClientMb, 3)} / ${fmt(b?.rssPerClientMb, 3)} | ${fmt(o?.eventLoopDelayMs?.p99)} / ${fmt(b?.eventLoopDelayMs?.p99)} | ${targeted ? `all in, p95 ≤ ${t.voteP95Ms} ms` : '—'} | ${s.skipped ? `skipped: ${s.skipped}` : pass ? 'pass' : targeted ? '**fail**' : 'over'} |`,
    );
  }
  lines.push('');
}

/** The Markdown tables: ours beside the baseline, the ratio, the target and whether it is met. */
export function markdown(report: BenchReport): string {
  const t = report.targets;
  const lines: string[] = [];
  lines.push(`Benchmark of ${report.startedAt} (commit ${report.commit}) — \`${report.command}\` — ${report.machine.cpus} × ${report.machine.cpuModel}, Node ${report.machine.node}, ${report.machine.memoryGb} GB; load average at start ${report.machine.loadAverageAtStart.join(' ')}; took ${Math.round(report.durationSeconds)} s.`);
  lines.push('');
  growthSection(report, lines);
  searchSection(report.search ?? null, t.searchP95Ms ?? 50, lines);

  if (report.edit.length) {
    const ours = editLimit(report, 'ours');
    const baseline = editLimit(report, 'baseline');
    lines.push(`### Co-editing one clause (every author types 5 characters per second; edit → arrival at the full clients)`);
    lines.push('');
    lines.push(
      `Most authors with p95 ≤ ${t.editP95Ms} ms and every edit delivered: **ours ${ours || 'none of the steps'}**, reference server ${baseline || 'none of the steps'}${ours && baseline ? ` (${(ours / baseline).toFixed(1)}×)` : ''}. Target: ${t.editAuthors} authors and at least ${t.editVsBaseline}× the reference server — ${ours >= t.editAuthors && (baseline === 0 ? ours > 0 : ours >= t.editVsBaseline * baseline) ? 'met' : '**not met**'}. Each side stops at its first step over the target.`,
    );
    lines.push('');
    lines.push('| authors (full clients) | p50 ours | p50 ref | p95 ours | p95 ref | p99 ours | p99 ref | delivered ours / ref | CPU server ours / ref | CPU full clients ours / ref | CPU authors ours / ref | machine busy ours / ref | event-loop p99 ours / ref (ms) | MB per client ours / ref | result ours / ref |');
    lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
    for (const s of report.edit) {
      const o = s.ours;
      const b = s.baseline;
      const verdict = (r: EditStepResult | null) => (r ? (editPasses(r, t) ? 'pass' : 'over') : '—');
      lines.push(
        `| ${s.authors} (${o?.observers ?? b?.observers ?? 'n/a'}) | ${fmt(o?.p50Ms)} | ${fmt(b?.p50Ms)} | ${fmt(o?.p95Ms)} | ${fmt(b?.p95Ms)} | ${fmt(o?.p99Ms)} | ${fmt(b?.p99Ms)} | ${delivered(o)} / ${delivered(b)} | ${fmt(o?.cpuPercent, 0)}% / ${fmt(b?.cpuPercent, 0)}% | ${fmt(o?.observerCpuPercent, 0)}% / ${fmt(b?.observerCpuPercent, 0)}% | ${fmt(o?.authorCpuPercent, 0)}% / ${fmt(b?.authorCpuPercent, 0)}% | ${fmt(o?.machineBusyPercent, 0)}% / ${fmt(b?.machineBusyPercent, 0)}% | ${fmt(o?.eventLoopDelayMs?.p99)} / ${fmt(b?.eventLoopDelayMs?.p99)} | ${fmt(o?.rssPerClientMb, 3)} / ${fmt(b?.rssPerClientMb, 3)} | ${verdict(o)} / ${verdict(b)}${s.skipped ? ` (skipped: ${s.skipped})` : ''} |`,
      );
    }
    lines.push('');
    lines.push('CPU: 100% = one core; machine busy: 100% = both cores, whoever used them. A server well under one core while the machine is busy means the generators or other users set the pace.');
    lines.push('');
  }

  voteTable(`### Voting, fresh database (every voter casts once, spread over ${t.voteWindowSeconds} s; ballot → a tally counting it at every client in the room)`, report.vote, t, lines);
  voteTable(`### Voting, grown database (ours only; same method)`, report.voteGrown, t, lines);

  const perClient = [...report.edit.map((s) => s.ours?.rssPerClientMb), ...report.vote.map((s) => s.ours?.rssPerClientMb)].filter((v): v is number => typeof v === 'number');
  if (perClient.length) {
    const worst = Math.max(...perClient);
    lines.push(`Server memory per connected client (ours, worst step): ${fmt(worst, 3)} MB — target ≤ ${t.memoryPerClientMb} MB: ${worst <= t.memoryPerClientMb ? 'pass' : '**fail**'}.`);
    lines.push('');
  }
  if (report.collabStore) lines.push(`Edit → stored in the database (one client, bench/collab-store.bench.test.ts): ${JSON.stringify(report.collabStore)}`);
  lines.push('');
  lines.push('How it is measured:');
  for (const [k, v] of Object.entries(report.method)) lines.push(`- ${k}: ${v}`);
  return `${lines.join('\n')}\n`;
}
