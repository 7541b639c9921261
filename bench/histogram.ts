/**
 * Latencies in 0.1 ms buckets, sparse: load generators each fill one and the runner merges
 * them, so millions of samples never cross a process boundary one by one.
 */
export type Histogram = Record<string, number>;

export function record(h: Histogram, ms: number): void {
  const bucket = String(Math.max(0, Math.round(ms * 10)));
  h[bucket] = (h[bucket] ?? 0) + 1;
}

export function merge(into: Histogram, from: Histogram): Histogram {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
  return into;
}

export function count(h: Histogram): number {
  let n = 0;
  for (const v of Object.values(h)) n += v;
  return n;
}

/** The p-th percentile in ms (nearest rank), or null without samples. */
export function percentile(h: Histogram, p: number): number | null {
  const entries = Object.entries(h)
    .map(([k, v]) => [Number(k), v] as const)
    .sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((n, [, v]) => n + v, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (const [bucket, v] of entries) {
    seen += v;
    if (seen >= rank) return bucket / 10;
  }
  return entries[entries.length - 1]![0] / 10;
}
