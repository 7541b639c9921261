/*
 * The grown-database part of `npm run bench`: prepares the everyday-work targets on a running
 * server (accounts signed in through the product, a live session with an open poll, clause
 * documents to open cold) and times the work that grows with its own data (verifying the audit
 * chain, exporting a trajectory) per 10,000 events.
 */
import mongoose from 'mongoose';
import { demoData, demoPassword } from '../server/demo/demo-data';
import { exportTrajectory } from '../server/backup/trajectory-export';
import { createModels } from '../server/models';
import { apiRequest, signInToken, type EverydayTarget } from './everyday';
import { facilitatorSocket } from './steps';
import { now } from './proc';

export interface TargetPeople {
  trajectoryId: string;
  procurementEmail: string;
  facilitatorEmail: string;
  password: string;
  /** Voters with a seat in the trajectory (they sign in once here). */
  voterEmails: string[];
  signIns: Array<{ email: string; password: string }>;
  /** Clause documents with a stored history to open cold; when absent, `clauseCount` empty clauses are added through the API. */
  clauseDocuments?: string[];
}

/** The demo's dialogue-tender trajectory and its people, as the demo seed makes them. */
export async function demoPeople(url: string): Promise<TargetPeople> {
  const token = await signInToken(url, 'aanbieder@dialoogtafel.example', demoPassword);
  const me = (await apiRequest(`${url}/api/me`, { headers: { cookie: `dt_session=${token}` } })) as { memberships: Array<{ trajectoryId: string; role: string }> };
  const seat = me.memberships.find((m) => m.role === 'provider');
  if (!seat) throw new Error('the demo provider has no seat');
  const voters = ['gemeente', 'yvonne-mulder', 'aanbieder', 'marieke-dekker', 'jeroen-smit', 'client', 'karim-bouzid'];
  const email = (key: string) => demoData.people.find((p) => p.key === key)!.email;
  return {
    trajectoryId: seat.trajectoryId,
    procurementEmail: email('inkoop'),
    facilitatorEmail: email('facilitator'),
    password: demoPassword,
    voterEmails: voters.map(email),
    signIns: demoData.people.map((p) => ({ email: p.email, password: demoPassword })),
  };
}

export async function prepareTarget(name: string, url: string, people: TargetPeople, clauseCount: number): Promise<EverydayTarget> {
  const t = `${url}/api/trajectories/${people.trajectoryId}`;
  const staffToken = await signInToken(url, people.procurementEmail, people.password);
  const facilitatorToken = await signInToken(url, people.facilitatorEmail, people.password);
  const voterTokens: string[] = [];
  for (const email of people.voterEmails) voterTokens.push(await signInToken(url, email, people.password));
  const staff = { cookie: `dt_session=${staffToken}`, 'content-type': 'application/json' };

  const topics = (await apiRequest(`${t}/topics`, { headers: staff })) as Array<{ id: string; status: string }>;
  const topic = topics.find((x) => x.status === 'accepted' || x.status === 'in_discussion');
  if (!topic) throw new Error(`${name}: no accepted topic`);

  let clauseDocuments = people.clauseDocuments;
  if (!clauseDocuments) {
    // Empty clauses: opening one reads only what the database must look through to find its (absent) history.
    const agreement = (await apiRequest(`${t}/agreement`, { headers: staff })) as { chapters: Array<{ id: string }> };
    clauseDocuments = [];
    for (let i = 0; i < clauseCount; i++) {
      const title = `Benchmark openen ${i + 1}`;
      const after = (await apiRequest(`${t}/agreement/clauses`, { method: 'POST', expect: 201, headers: staff, body: JSON.stringify({ chapterId: agreement.chapters[0]!.id, title }) })) as {
        chapters: Array<{ clauses: Array<{ id: string; title: string }> }>;
      };
      const clause = after.chapters.flatMap((c) => c.clauses).find((c) => c.title === title)!;
      clauseDocuments.push(`trajectory/${people.trajectoryId}/clause/${clause.id}`);
    }
  }

  const created = (await apiRequest(`${t}/sessions`, {
    method: 'POST',
    expect: 201,
    headers: staff,
    body: JSON.stringify({ title: 'Benchmark: alledaags werk', startsAt: new Date().toISOString(), location: 'Online', agenda: [], declaration: { outcomeKind: 'advice', decidedBy: 'de colleges van B&W' } }),
  })) as { id: string };
  const facilitator = await facilitatorSocket(url, facilitatorToken);
  try {
    await facilitator.ask('session:start', { sessionId: created.id });
    const { pollId } = await facilitator.ask<{ pollId: string }>('poll:open', { sessionId: created.id, settings: { kind: 'consent', question: 'Akkoord met het voorstel?', anonymous: true } });
    return { name, url, trajectoryId: people.trajectoryId, signIns: people.signIns, staffToken, voterTokens, sessionId: created.id, pollId, clauseDocuments, topicId: topic.id };
  } finally {
    facilitator.close();
  }
}

export interface ChainFigures {
  events: number;
  valid: boolean;
  ms: number;
  msPer10kEvents: number;
}

/** Verifying a trajectory's audit chain through the product's route. */
export async function timeVerify(url: string, token: string, trajectoryId: string): Promise<ChainFigures> {
  const t0 = now();
  const result = (await apiRequest(`${url}/api/trajectories/${trajectoryId}/audit/verify`, { headers: { cookie: `dt_session=${token}` } })) as { valid: boolean; events: number };
  const ms = now() - t0;
  return { events: result.events, valid: result.valid, ms: Math.round(ms), msPer10kEvents: Math.round((ms / Math.max(1, result.events)) * 10_000) };
}

/** Exporting a trajectory with the product's export (as `npm run export` does), in this process. */
export async function timeExport(mongoUri: string, trajectoryId: string): Promise<ChainFigures & { records: number; bytes: number }> {
  const connection = await mongoose.createConnection(mongoUri).asPromise();
  try {
    const models = createModels(connection);
    const trajectory = await models.trajectories.findById(trajectoryId).lean();
    if (!trajectory) throw new Error(`no trajectory ${trajectoryId}`);
    const t0 = now();
    const { bytes, manifest } = await exportTrajectory(models, trajectory, { database: connection.name, appVersion: 'bench' });
    const ms = now() - t0;
    const records = Object.values(manifest.collections).reduce((n, c) => n + c.count, 0);
    return { events: manifest.audit.events, valid: manifest.audit.valid, ms: Math.round(ms), msPer10kEvents: Math.round((ms / Math.max(1, manifest.audit.events)) * 10_000), records, bytes: bytes.length };
  } finally {
    await connection.close();
  }
}
