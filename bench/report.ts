import type { EditStepResult, VoteStepResult } from './steps';

export interface BenchReport {
  startedAt: string;
  durationSeconds: number;
  machine: { cpus: number; cpuModel: string; node: string; platform: string; memoryGb: number; loadAverageAtStart: number[] };
  command: string;
  method: Record<string, string>;
  targets: { editP95Ms: number; editAuthors: number; voteP95Ms: number; voters: number; voteWindowSeconds: number; memoryPerClientMb: number };
  edit: Array<{ authors: number; ours: EditStepResult | null; baseline: EditStepResult | null; skipped?: string }>;
  vote: Array<{ voters: number; ours: VoteStepResult | null; baseline: VoteStepResult | null; skipped?: string }>;
  collabStore: unknown;
}

const fmt = (v: number | null | undefined, digits = 1) => (v === null || v === undefined ? 'n/a' : v.toFixed(digits));
const ratio = (a: number | null | undefined, b: number | null | undefined) => (a == null || b == null || b === 0 ? 'n/a' : `${(a / b).toFixed(2)}×`);
const delivered = (r: { arrivals: number; expectedArrivals: number } | null) => (r ? `${((100 * r.arrivals) / Math.max(1, r.expectedArrivals)).toFixed(1)}%` : 'n/a');

/** The Markdown tables: ours beside the baseline, the ratio, the target and whether it is met. */
export function markdown(report: BenchReport): string {
  const t = report.targets;
  const lines: string[] = [];
  lines.push(`Benchmark of ${report.startedAt} — ${report.machine.cpus} × ${report.machine.cpuModel}, Node ${report.machine.node}, ${report.machine.memoryGb} GB; load average at start ${report.machine.loadAverageAtStart.join(' ')}; took ${Math.round(report.durationSeconds)} s.`);
  lines.push('');
  lines.push(`### Co-editing one clause (every author types 5 characters per second; edit → arrival at every other client)`);
  lines.push('');
  lines.push('| authors | p50 ours | p50 baseline | p95 ours | p95 baseline | p95 ratio | p99 ours | p99 baseline | delivered ours / baseline | CPU ours / baseline | MB per client ours / baseline | event-loop p99 ours / baseline (ms) | target | result |');
  lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|');
  for (const s of report.edit) {
    const o = s.ours;
    const b = s.baseline;
    const targeted = s.authors === t.editAuthors;
    const pass = o && o.p95Ms !== null && o.p95Ms <= t.editP95Ms && o.arrivals >= o.expectedArrivals * 0.999;
    lines.push(
      `| ${s.authors} | ${fmt(o?.p50Ms)} | ${fmt(b?.p50Ms)} | ${fmt(o?.p95Ms)} | ${fmt(b?.p95Ms)} | ${ratio(o?.p95Ms, b?.p95Ms)} | ${fmt(o?.p99Ms)} | ${fmt(b?.p99Ms)} | ${delivered(o)} / ${delivered(b)} | ${fmt(o?.cpuPercent, 0)}% / ${fmt(b?.cpuPercent, 0)}% | ${fmt(o?.rssPerClientMb, 3)} / ${fmt(b?.rssPerClientMb, 3)} | ${fmt(o?.eventLoopDelayMs?.p99)} / ${fmt(b?.eventLoopDelayMs?.p99)} | ${targeted ? `p95 ≤ ${t.editP95Ms} ms` : '—'} | ${s.skipped ? `skipped: ${s.skipped}` : pass ? 'pass' : targeted ? '**fail**' : 'over'} |`,
    );
  }
  lines.push('');
  lines.push(`### Voting (every voter casts once, spread over ${t.voteWindowSeconds} s; ballot → a tally counting it at every client in the room)`);
  lines.push('');
  lines.push('| voters | accepted ours / baseline | ballots/s ours / baseline | p50 ours | p50 baseline | p95 ours | p95 baseline | p95 ratio | p99 ours | ballot ack p95 ours | delivered ours / baseline | CPU ours / baseline | MB per client ours / baseline | event-loop p99 ours / baseline (ms) | target | result |');
  lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|');
  for (const s of report.vote) {
    const o = s.ours;
    const b = s.baseline;
    const targeted = s.voters === t.voters;
    const pass = o && o.accepted === o.voters && o.p95Ms !== null && o.p95Ms <= t.voteP95Ms && o.arrivals >= o.expectedArrivals * 0.999;
    lines.push(
      `| ${s.voters} | ${o?.accepted ?? 'n/a'} / ${b?.accepted ?? 'n/a'} | ${fmt(o?.ballotsPerSecond)} / ${fmt(b?.ballotsPerSecond)} | ${fmt(o?.p50Ms)} | ${fmt(b?.p50Ms)} | ${fmt(o?.p95Ms)} | ${fmt(b?.p95Ms)} | ${ratio(o?.p95Ms, b?.p95Ms)} | ${fmt(o?.p99Ms)} | ${fmt(o?.ackP95Ms)} | ${delivered(o)} / ${delivered(b)} | ${fmt(o?.cpuPercent, 0)}% / ${fmt(b?.cpuPercent, 0)}% | ${fmt(o?.rssPerClientMb, 3)} / ${fmt(b?.rssPerClientMb, 3)} | ${fmt(o?.eventLoopDelayMs?.p99)} / ${fmt(b?.eventLoopDelayMs?.p99)} | ${targeted ? `all in, p95 ≤ ${t.voteP95Ms} ms` : '—'} | ${s.skipped ? `skipped: ${s.skipped}` : pass ? 'pass' : targeted ? '**fail**' : 'over'} |`,
    );
  }
  lines.push('');
  const perClient = [...report.edit.map((s) => s.ours?.rssPerClientMb), ...report.vote.map((s) => s.ours?.rssPerClientMb)].filter((v): v is number => typeof v === 'number');
  const worst = perClient.length ? Math.max(...perClient) : null;
  lines.push(`Server memory per connected client (ours, worst step): ${fmt(worst, 3)} MB — target ≤ ${t.memoryPerClientMb} MB: ${worst !== null && worst <= t.memoryPerClientMb ? 'pass' : '**fail**'}.`);
  lines.push('');
  if (report.collabStore) lines.push(`Edit → stored in the database (one client, bench/collab-store.bench.test.ts): ${JSON.stringify(report.collabStore)}`);
  lines.push('');
  lines.push('How it is measured:');
  for (const [k, v] of Object.entries(report.method)) lines.push(`- ${k}: ${v}`);
  return `${lines.join('\n')}\n`;
}
