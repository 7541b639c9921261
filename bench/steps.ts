import { io } from 'socket.io-client';
import { startGenerator, spread, type Generator } from './generators';
import { count, percentile, type Histogram } from './histogram';
import { MachineSampler, now, processStats, ProcessSampler, sleep, type EventLoopDelay, type ServerProcess } from './proc';

export interface ServerFigures {
  cpuPercent: number;
  rssIdleMb: number;
  rssPeakMb: number;
  /** (peak resident memory under load − resident memory before the clients connected) / clients. */
  rssPerClientMb: number;
  eventLoopDelayMs: EventLoopDelay | null;
}

export interface EditStepResult extends ServerFigures {
  authors: number;
  /** Of the authors, this many are full y-websocket clients that time every other author's edits. */
  observers: number;
  edits: number;
  /** Edit arrivals expected at the observers and those seen. */
  expectedArrivals: number;
  arrivals: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  /** CPU of the load generators over the step (100% = one core): the observers' process and the authors' processes. */
  observerCpuPercent: number;
  authorCpuPercent: number;
  /** The whole machine over the step (100% = every core busy), other users of the machine included. */
  machineBusyPercent: number;
}

export interface VoteStepResult extends ServerFigures {
  voters: number;
  accepted: number;
  rejected: number;
  firstError?: string;
  ballotsPerSecond: number;
  /** Ballot (sent) → a tally counting it, at every client in the room. */
  expectedArrivals: number;
  arrivals: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  ackP95Ms: number | null;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 100) / 100;

function serverFigures(server: ServerProcess, idleRss: number, sampled: { cpuPercent: number; peakRssBytes: number }, clients: number, eld: EventLoopDelay | null): ServerFigures {
  return {
    cpuPercent: sampled.cpuPercent,
    rssIdleMb: mb(idleRss),
    rssPeakMb: mb(sampled.peakRssBytes),
    rssPerClientMb: Math.round(((sampled.peakRssBytes - idleRss) / clients / 1024 / 1024) * 1000) / 1000,
    eventLoopDelayMs: eld,
  };
}

/** Lets the server settle and collect garbage left by the step before, then reads its idle memory. */
async function idleRss(server: ServerProcess): Promise<number> {
  await sleep(1500);
  return processStats(server.pid).rssBytes;
}

/**
 * One co-editing step: `observers` full clients (y-websocket's WebsocketProvider, load-edit.ts)
 * in one process and the other authors as lightweight senders (load-author.ts) in
 * `authorGenerators` processes, all typing into one clause; the observers time arrival.
 */
export async function editStep(options: {
  server: ServerProcess;
  wsUrl: string;
  documentName: string;
  clients: Array<{ author: string; token?: string }>;
  observers: number;
  authorGenerators: number;
  typingMs: number;
  intervalMs: number;
}): Promise<EditStepResult> {
  const { server, clients } = options;
  const observerClients = clients.slice(0, options.observers);
  const authorClients = clients.slice(options.observers);
  const rssBefore = await idleRss(server);
  const gens: Generator[] = [];
  let samplers: ProcessSampler[] = [];
  try {
    const observers = startGenerator('load-edit.ts');
    gens.push(observers);
    await observers.ask({ type: 'connect', serverUrl: options.wsUrl, documentName: options.documentName, clients: observerClients, authors: clients.map((c) => c.author) });
    await observers.ask({ type: 'prepare' });
    await observers.ask({ type: 'await-paragraph' });
    const groups = spread(authorClients, options.authorGenerators);
    const authorGens = groups.map(() => startGenerator('load-author.ts'));
    gens.push(...authorGens);
    await Promise.all(authorGens.map((g, i) => g.ask({ type: 'connect', serverUrl: options.wsUrl, documentName: options.documentName, authors: groups[i]! })));
    // The connection storm's awareness messages are over before typing starts.
    await sleep(1000);
    server.resetEventLoopDelay();
    const sampler = new ProcessSampler(server.pid);
    samplers = [sampler, ...gens.map((g) => new ProcessSampler(g.pid))];
    const machine = new MachineSampler();
    const startAt = now() + 500;
    const typing = { type: 'type', startAt, durationMs: options.typingMs, intervalMs: options.intervalMs };
    const typed = await Promise.all(gens.map((g) => g.ask<{ sent: number }>(typing)));
    const edits = typed.reduce((n, t) => n + t.sent, 0);
    const ownEdits = typed[0]!.sent;
    // Each observer expects every edit but its own (observers type at the same rate as everyone).
    const expected = edits * observerClients.length - ownEdits;
    // Drain: until every edit reached every observer, or nothing arrived for 3 s (at most 20 s).
    let arrivals = 0;
    let stableSince = now();
    const drainEnd = now() + 20_000;
    let collected: { latencies: Histogram; received: number } = { latencies: {}, received: 0 };
    while (now() < drainEnd) {
      collected = await observers.ask<{ latencies: Histogram; received: number }>({ type: 'collect' });
      if (collected.received !== arrivals) stableSince = now();
      arrivals = collected.received;
      if (arrivals >= expected || now() - stableSince > 3000) break;
      await sleep(250);
    }
    const eld = await server.eventLoopDelay();
    const [serverCpu, observerCpu, ...authorCpu] = samplers.map((s) => s.finish());
    const latencies = collected.latencies;
    return {
      authors: clients.length,
      observers: observerClients.length,
      edits,
      expectedArrivals: expected,
      arrivals: count(latencies),
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      p99Ms: percentile(latencies, 99),
      observerCpuPercent: observerCpu!.cpuPercent,
      authorCpuPercent: Math.round(authorCpu.reduce((n, c) => n + c.cpuPercent, 0) * 10) / 10,
      machineBusyPercent: machine.finish(),
      ...serverFigures(server, rssBefore, serverCpu!, clients.length, eld),
    };
  } finally {
    for (const s of samplers) s.finish();
    await Promise.all(gens.map((g) => g.close()));
  }
}

interface VoteCollect {
  casts: Array<{ sentAt: number; ackedAt: number; ok: boolean; error?: string }>;
  tallies: Array<Array<[number, number]>>;
}

export async function voteStep(options: {
  server: ServerProcess;
  sessionId: string;
  pollId: string;
  voters: Array<{ token?: string }>;
  generators: number;
  spreadMs: number;
}): Promise<VoteStepResult> {
  const { server, voters } = options;
  const rssBefore = await idleRss(server);
  const sampler = new ProcessSampler(server.pid);
  const gens: Generator[] = [];
  try {
    const indexed = voters.map((v, i) => ({ ...v, i }));
    const groups = spread(indexed, options.generators);
    for (const _ of groups) gens.push(startGenerator('load-vote.ts'));
    await Promise.all(gens.map((g, i) => g.ask({ type: 'connect', url: options.server.url, sessionId: options.sessionId, pollId: options.pollId, voters: groups[i]!.map((v) => ({ token: v.token })) })));
    // The joins' presence broadcasts are over before voting starts.
    await sleep(2000);
    server.resetEventLoopDelay();
    const startAt = now() + 500;
    const gap = options.spreadMs / voters.length;
    await Promise.all(gens.map((g, i) => g.ask({ type: 'vote', at: groups[i]!.map((v) => startAt + v.i * gap) })));
    let collected: VoteCollect[] = [];
    const drainEnd = now() + 15_000;
    for (;;) {
      collected = await Promise.all(gens.map((g) => g.ask<VoteCollect>({ type: 'collect' })));
      const accepted = collected.reduce((n, c) => n + c.casts.filter((x) => x.ok).length, 0);
      const everyone = collected.every((c) => c.tallies.every((t) => (t[t.length - 1]?.[1] ?? 0) >= accepted));
      if (everyone || now() > drainEnd) break;
      await sleep(250);
    }
    const eld = await server.eventLoopDelay();
    const sampled = sampler.finish();

    const casts = collected.flatMap((c) => c.casts);
    const ok = casts.filter((c) => c.ok);
    // The k-th ballot sent is counted once a tally of at least k ballots arrives (ballots are sent
    // gap ms apart, so the order they are sent in is the order they are stored in, near enough).
    const sent = ok.map((c) => c.sentAt).sort((a, b) => a - b);
    const latencies: Histogram = {};
    let arrivals = 0;
    for (const tallies of collected.flatMap((c) => c.tallies)) {
      let j = 0;
      for (let k = 1; k <= sent.length; k++) {
        while (j < tallies.length && tallies[j]![1] < k) j++;
        if (j >= tallies.length) break;
        const ms = Math.max(0, tallies[j]![0] - sent[k - 1]!);
        const bucket = String(Math.round(ms * 10));
        latencies[bucket] = (latencies[bucket] ?? 0) + 1;
        arrivals++;
      }
    }
    const acks: Histogram = {};
    for (const c of ok) {
      const bucket = String(Math.round((c.ackedAt - c.sentAt) * 10));
      acks[bucket] = (acks[bucket] ?? 0) + 1;
    }
    const window = ok.length ? (Math.max(...ok.map((c) => c.ackedAt)) - Math.min(...ok.map((c) => c.sentAt))) / 1000 : 0;
    return {
      voters: voters.length,
      accepted: ok.length,
      rejected: casts.length - ok.length,
      ...(casts.find((c) => !c.ok)?.error ? { firstError: casts.find((c) => !c.ok)!.error } : {}),
      ballotsPerSecond: window ? Math.round((ok.length / window) * 10) / 10 : 0,
      expectedArrivals: ok.length * voters.length,
      arrivals,
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      p99Ms: percentile(latencies, 99),
      ackP95Ms: percentile(acks, 95),
      ...serverFigures(server, rssBefore, sampled, voters.length, eld),
    };
  } finally {
    sampler.finish();
    await Promise.all(gens.map((g) => g.close()));
  }
}

/** A facilitator's socket on our server, to start the session and open and close polls. */
export async function facilitatorSocket(url: string, token: string) {
  const socket = io(url, { transports: ['websocket'], extraHeaders: { cookie: `dt_session=${token}` }, reconnection: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const ask = async <T>(event: string, payload: unknown): Promise<T> => {
    const answer = (await socket.timeout(30_000).emitWithAck(event, payload)) as { ok: boolean; error?: { message: string } } & T;
    if (!answer.ok) throw new Error(`${event} failed: ${answer.error?.message}`);
    return answer;
  };
  return { ask, close: () => socket.disconnect() };
}
