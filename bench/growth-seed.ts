/*
 * The grown database: one region's whole contract (two trajectories, several months of use)
 * written beside the demo data with the product's own models, so every record is what the
 * product would write: hash-chained audit events that verify, ballots under the product's
 * voter keys, sign-ins as session records, clause texts as real Yjs updates, comments anchored
 * with Yjs relative positions. Bulk records go in with insertMany (validated and cast by the
 * mongoose models) in batches; audit events are hashed with the audit log's own hashEvent.
 *
 * The only module of the benchmark that knows the models' fields: when a model changes shape,
 * this is the one file to adapt. Run it with the server stopped (the server may hold read-mostly
 * data such as a chain head in memory).
 */
import mongoose, { Types } from 'mongoose';
import * as Y from 'yjs';
import { clauseDocumentName } from '../shared/domain/agreement';
import { clauseFragment, encodePosition, paragraphsOf } from '../shared/domain/clause-text';
import { roleMay } from '../shared/domain/permissions';
import { stakeholderGroupByRole, type Role } from '../shared/domain/roles';
import { tallyPoll } from '../shared/live-table/tally';
import type { BallotChoice, StakeholderGroup } from '../shared/live-table/polls';
import { hashEvent, platformChain } from '../server/audit/audit-log';
import { hashPassword } from '../server/auth/passwords';
import { newToken } from '../server/auth/tokens';
import { idleTimeoutMs, absoluteTimeoutMs } from '../server/auth/session-store';
import { settingsOf, voterKey } from '../server/live-table/live-state';
import { createModels, type Models } from '../server/models';
import type { PollRecord } from '../server/models/poll';

/** What one region piles up over a contract's dialogue and first months (issue 12). */
export interface GrowthSize {
  members: number;
  sessions: number;
  polls: number;
  ballots: number;
  /** All audit events the seed writes, sign-ins (platform chain) included. */
  auditEvents: number;
  signIns: number;
  clauses: number;
  collabUpdates: number;
  comments: number;
  questions: number;
}

export const fullGrowth: GrowthSize = {
  members: 400,
  sessions: 60,
  polls: 400,
  ballots: 40_000,
  auditEvents: 150_000,
  signIns: 20_000,
  clauses: 200,
  collabUpdates: 100_000,
  comments: 2_000,
  questions: 1_000,
};

/** The full size times `scale` (BENCH_GROWTH_SCALE), with floors that keep every part present. */
export function growthSize(scale: number): GrowthSize {
  const s = (n: number, min: number) => Math.max(min, Math.round(n * scale));
  const size = {
    members: s(fullGrowth.members, 30),
    sessions: s(fullGrowth.sessions, 4),
    polls: s(fullGrowth.polls, 8),
    ballots: s(fullGrowth.ballots, 80),
    auditEvents: s(fullGrowth.auditEvents, 400),
    signIns: s(fullGrowth.signIns, 50),
    clauses: s(fullGrowth.clauses, 6),
    collabUpdates: s(fullGrowth.collabUpdates, 60),
    comments: s(fullGrowth.comments, 10),
    questions: s(fullGrowth.questions, 10),
  };
  // One ballot per voter per poll: no more ballots per poll than there are voters.
  size.ballots = Math.min(size.ballots, size.polls * Math.floor(size.members * 0.9));
  return size;
}

export const growthPassword = 'groei-bench-wachtwoord';

export interface GrowthSeedResult {
  size: GrowthSize;
  seconds: number;
  /** Records written per collection. */
  written: Record<string, number>;
  /** The larger trajectory of the two (most of the history). */
  trajectoryId: string;
  trajectoryIds: string[];
  auditEventsPerChain: Record<string, number>;
  /** Accounts (password growthPassword) of the big trajectory's procurement officer, facilitator and a provider. */
  procurementEmail: string;
  facilitatorEmail: string;
  providerEmail: string;
  /** Accounts to sign in with (each once per sample), and voters with a seat in the big trajectory. */
  signInEmails: string[];
  voterEmails: string[];
  /** Clause documents of the big trajectory with a stored history. */
  clauseDocuments: string[];
}

type Progress = (message: string) => void;
const batchSize = 5000;

interface Draft {
  chain: string;
  at: Date;
  actorId: string | null;
  action: string;
  objectType: string;
  objectId: string;
  summary: Record<string, unknown>;
}

/** A small deterministic random source, so two runs seed the same shapes. */
function random(seed: number) {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x1_0000_0000;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]! };
}

const words = 'de opdrachtnemer jeugdige toegang gemeenten zorg hulp termijn overeenkomst partijen binnen weken overleg ouders aanbieder regio tarief kwaliteit verantwoording evaluatie'.split(' ');
const municipalities = ['Deventer', 'Olst-Wijhe', 'Raalte', 'Rijssen-Holten', 'Hellendoorn', 'Twenterand', 'Ommen', 'Hardenberg'];

export async function seedGrowth(mongoUri: string, sessionSecret: string, size: GrowthSize, progress: Progress): Promise<GrowthSeedResult> {
  const started = performance.now();
  const connection = await mongoose.createConnection(mongoUri).asPromise();
  const models = createModels(connection);
  const rnd = random(12);
  const written: Record<string, number> = {};
  const drafts: Draft[] = [];
  const stamp = Date.now().toString(36);
  const nowMs = Date.now();
  // The history runs over the last half year, oldest first.
  const spanMs = 180 * 24 * 3600 * 1000;
  const timeAt = (fraction: number) => new Date(nowMs - spanMs + Math.max(0, Math.min(1, fraction)) * (spanMs - 3600 * 1000));

  async function insert<T>(name: keyof Models, docs: T[]): Promise<void> {
    const model = models[name] as unknown as mongoose.Model<unknown>;
    for (let i = 0; i < docs.length; i += batchSize) {
      await model.insertMany(docs.slice(i, i + batchSize), { ordered: false });
      written[name] = (written[name] ?? 0) + Math.min(batchSize, docs.length - i);
      if (docs.length > batchSize) progress(`  ${name}: ${Math.min(i + batchSize, docs.length)}/${docs.length}`);
    }
  }

  try {
    progress(`growth seed: ${JSON.stringify(size)}`);
    const passwordHash = await hashPassword(growthPassword);

    // Region, organisations, people.
    const region = (await models.regions.create({ name: `Regio Groei ${stamp}`, municipalities, createdAt: timeAt(0) }))._id;
    drafts.push({ chain: platformChain, at: timeAt(0), actorId: null, action: 'region.create', objectType: 'region', objectId: String(region), summary: { name: `Regio Groei ${stamp}` } });
    const roleOf = (i: number): Role => (i === 0 ? 'procurement' : i === 1 ? 'facilitator' : i < 2 + municipalities.length ? 'municipality' : i < 15 ? 'client' : i < 20 ? 'observer' : 'provider');
    const providerOrgs = Math.max(1, Math.round(size.members * 0.7));
    const orgDocs = [
      { _id: new Types.ObjectId(), name: `Inkoopbureau Groei ${stamp}`, type: 'procurement_office', providerKind: null },
      ...municipalities.map((m) => ({ _id: new Types.ObjectId(), name: `Gemeente ${m} ${stamp}`, type: 'municipality', providerKind: null })),
      { _id: new Types.ObjectId(), name: `Cliëntenraad Groei ${stamp}`, type: 'client_representation', providerKind: null },
      ...Array.from({ length: providerOrgs }, (_, i) => ({ _id: new Types.ObjectId(), name: `Aanbieder ${i + 1} ${stamp}`, type: 'provider', providerKind: rnd.pick(['institution', 'independent_practitioner', 'cooperative'] as const) })),
    ];
    await insert('organisations', orgDocs.map((o) => ({ ...o, createdAt: timeAt(0) })));
    const orgOf = (i: number, role: Role) =>
      role === 'procurement' || role === 'facilitator' || role === 'observer'
        ? orgDocs[0]!._id
        : role === 'municipality'
          ? orgDocs[1 + ((i - 2) % municipalities.length)]!._id
          : role === 'client'
            ? orgDocs[1 + municipalities.length]!._id
            : orgDocs[2 + municipalities.length + (i % providerOrgs)]!._id;
    const people = Array.from({ length: size.members }, (_, i) => ({ _id: new Types.ObjectId(), i, role: roleOf(i), email: `groei-${i}-${stamp}@bench.example` }));
    await insert(
      'users',
      people.map((p) => ({ _id: p._id, email: p.email, name: `Deelnemer ${p.i + 1}`, passwordHash, platformAdmin: false, createdAt: timeAt(0.01 * rnd.next()) })),
    );
    for (const p of people) drafts.push({ chain: platformChain, at: timeAt(0.01), actorId: null, action: 'user.create', objectType: 'user', objectId: String(p._id), summary: {} });

    // Two trajectories: the dialogue tender carries three quarters of the history.
    const shares = [0.75, 0.25];
    const trajectories = [
      { _id: new Types.ObjectId(), model: 'dialogue_tender' as const, name: `Jeugdhulp Groei ${stamp} 2027–2036` },
      { _id: new Types.ObjectId(), model: 'open_house' as const, name: `Open House Groei ${stamp}` },
    ];
    await insert(
      'trajectories',
      trajectories.map((t) => ({
        ...t,
        regionId: region,
        description: 'Benchmark: de geschiedenis van een heel contract.',
        municipalities,
        phases: [{ name: 'Dialoog', status: 'active' }],
        milestones: [{ kind: 'dialogue_start', title: 'Start dialoog', date: timeAt(0).toISOString().slice(0, 10) }],
        createdBy: people[0]!._id,
        createdAt: timeAt(0),
      })),
    );
    const memberships = trajectories.flatMap((t) =>
      people.map((p) => ({ _id: new Types.ObjectId(), trajectoryId: t._id, userId: p._id, organisationId: orgOf(p.i, p.role), role: p.role, createdAt: timeAt(0.02), removedAt: null })),
    );
    await insert('memberships', memberships);
    for (const t of trajectories) drafts.push({ chain: String(t._id), at: timeAt(0), actorId: String(people[0]!._id), action: 'trajectory.create', objectType: 'trajectory', objectId: String(t._id), summary: { name: t.name, model: t.model, municipalities: municipalities.length } });
    for (const m of memberships) drafts.push({ chain: String(m.trajectoryId), at: timeAt(0.02), actorId: String(people[0]!._id), action: 'member.add', objectType: 'membership', objectId: String(m._id), summary: { role: m.role, organisationId: String(m.organisationId) } });
    const voters = people.filter((p) => roleMay(p.role, 'poll.vote'));
    const electorate: Partial<Record<StakeholderGroup, number>> = {};
    for (const v of voters) electorate[stakeholderGroupByRole[v.role]] = (electorate[stakeholderGroupByRole[v.role]] ?? 0) + 1;

    // Topics.
    const topicsPer = 20;
    const topics = trajectories.flatMap((t) =>
      Array.from({ length: topicsPer }, (_, i) => ({ _id: new Types.ObjectId(), trajectoryId: t._id, title: `Thema ${i + 1}`, description: 'Een thema van de dialoog.', order: i + 1, status: i < 15 ? 'accepted' : i < 18 ? 'concluded' : 'proposed', ownerId: null, proposedBy: null, decisionReason: null, createdAt: timeAt(0.03) })),
    );
    await insert('topics', topics);
    for (const topic of topics) drafts.push({ chain: String(topic.trajectoryId), at: timeAt(0.03), actorId: String(people[0]!._id), action: 'topic.propose', objectType: 'topic', objectId: String(topic._id), summary: { title: topic.title, status: topic.status } });
    const topicsOf = (t: Types.ObjectId) => topics.filter((x) => x.trajectoryId.equals(t) && x.status !== 'proposed');

    // The agreement: chapters, clauses, and each clause's text as the stored Yjs update log.
    progress('growth seed: clauses and their collaboration updates');
    const clauses: Array<{ _id: Types.ObjectId; trajectoryId: Types.ObjectId; doc: Y.Doc; name: string }> = [];
    const split = (n: number) => [Math.ceil(n * shares[0]!), n - Math.ceil(n * shares[0]!)];
    const clausesPer = split(size.clauses);
    const updatesPerClause = Math.max(1, Math.floor(size.collabUpdates / size.clauses));
    for (const [ti, t] of trajectories.entries()) {
      const chapterIds = Array.from({ length: 10 }, () => new Types.ObjectId());
      await insert('chapters', chapterIds.map((_id, i) => ({ _id, trajectoryId: t._id, title: `Hoofdstuk ${i + 1}`, position: i + 1, createdAt: timeAt(0.04) })));
      const records = Array.from({ length: clausesPer[ti]! }, (_, i) => ({
        _id: new Types.ObjectId(),
        trajectoryId: t._id,
        chapterId: chapterIds[i % chapterIds.length]!,
        position: Math.floor(i / chapterIds.length) + 1,
        title: `Artikel ${i + 1}`,
        status: rnd.pick(['concept', 'in_dialogue', 'in_dialogue', 'agreed'] as const),
        topicIds: [rnd.pick(topicsOf(t._id))._id],
        variants: [],
        createdBy: people[0]!._id,
        createdAt: timeAt(0.04),
        updatedAt: timeAt(0.5),
      }));
      await insert('clauses', records);
      for (const c of records) {
        drafts.push({ chain: String(t._id), at: timeAt(0.04), actorId: String(people[0]!._id), action: 'agreement.clause.create', objectType: 'clause', objectId: String(c._id), summary: { title: c.title } });
        clauses.push({ _id: c._id, trajectoryId: t._id, doc: new Y.Doc(), name: clauseDocumentName(String(t._id), String(c._id)) });
      }
    }
    let updateBatch: Array<{ _id: Types.ObjectId; doc: string; update: Buffer; createdAt: Date }> = [];
    let updatesWritten = 0;
    for (const clause of clauses) {
      const updates: Uint8Array[] = [];
      clause.doc.on('update', (u: Uint8Array) => updates.push(u));
      clauseFragment(clause.doc).insert(0, paragraphsOf(Array.from({ length: 3 }, () => Array.from({ length: 30 }, () => rnd.pick(words)).join(' ')).join('\n')));
      while (updates.length < updatesPerClause) {
        // One stored update is what one editor's burst of typing merges into (persistence.ts).
        const paragraph = clauseFragment(clause.doc).get(rnd.int(3)) as Y.XmlElement;
        const text = paragraph.get(0) as Y.XmlText;
        clause.doc.transact(() => {
          if (text.length > 400 && rnd.next() < 0.5) text.delete(rnd.int(text.length - 10), 1 + rnd.int(8));
          else text.insert(rnd.int(text.length + 1), `${rnd.pick(words)} `);
        });
      }
      const base = Math.floor(nowMs / 1000) - 180 * 24 * 3600;
      updates.slice(0, updatesPerClause).forEach((u, k) => {
        const seconds = base + Math.floor((k / updatesPerClause) * 170 * 24 * 3600);
        // An id of its own time, as the update was stored then (the log is read in _id order).
        updateBatch.push({ _id: new Types.ObjectId(seconds.toString(16).padStart(8, '0') + new Types.ObjectId().toHexString().slice(8)), doc: clause.name, update: Buffer.from(u), createdAt: new Date(seconds * 1000) });
      });
      if (updateBatch.length >= batchSize) {
        await models.collabUpdates.insertMany(updateBatch, { ordered: false });
        updatesWritten += updateBatch.length;
        progress(`  collabUpdates: ${updatesWritten}/${updatesPerClause * clauses.length}`);
        updateBatch = [];
      }
    }
    if (updateBatch.length) await models.collabUpdates.insertMany(updateBatch, { ordered: false });
    written.collabUpdates = updatesWritten + updateBatch.length;

    // Sessions held, their polls, ballots and attendance.
    progress('growth seed: sessions, polls, ballots');
    const sessionsPer = split(size.sessions);
    const dialogueSessions: Array<{ _id: Types.ObjectId; trajectoryId: Types.ObjectId; startsAt: Date }> = [];
    const sessionDocs = trajectories.flatMap((t, ti) =>
      Array.from({ length: sessionsPer[ti]! }, (_, i) => {
        const startsAt = timeAt(0.1 + (0.85 * i) / Math.max(1, sessionsPer[ti]!));
        const agendaTopics = topicsOf(t._id).slice(i % 10, (i % 10) + 3);
        dialogueSessions.push({ _id: new Types.ObjectId(), trajectoryId: t._id, startsAt });
        const id = dialogueSessions[dialogueSessions.length - 1]!._id;
        return {
          _id: id,
          trajectoryId: t._id,
          title: `Dialoogsessie ${i + 1}`,
          description: '',
          startsAt,
          endsAt: new Date(startsAt.getTime() + 3 * 3600 * 1000),
          location: 'Stadhuis',
          onlineUrl: null,
          agenda: agendaTopics.map((x) => ({ topicId: x._id, minutes: 30 })),
          declaration: { outcomeKind: 'advice', decidedBy: 'de colleges van B&W' },
          status: 'ended',
          live: { currentIndex: Math.max(0, agendaTopics.length - 1), timer: null, queue: [], floorUserId: null, startedAt: startsAt, endedAt: new Date(startsAt.getTime() + 3 * 3600 * 1000) },
          createdBy: people[0]!._id,
          createdAt: new Date(startsAt.getTime() - 14 * 24 * 3600 * 1000),
        };
      }),
    );
    await insert('dialogueSessions', sessionDocs);
    for (const s of sessionDocs) {
      const chain = String(s.trajectoryId);
      drafts.push({ chain, at: s.createdAt, actorId: String(people[0]!._id), action: 'session.create', objectType: 'session', objectId: String(s._id), summary: { title: s.title, startsAt: s.startsAt.toISOString(), declaration: s.declaration } });
      drafts.push({ chain, at: s.startsAt, actorId: String(people[1]!._id), action: 'session.start', objectType: 'session', objectId: String(s._id), summary: {} });
      drafts.push({ chain, at: s.endsAt, actorId: String(people[1]!._id), action: 'session.end', objectType: 'session', objectId: String(s._id), summary: {} });
    }

    const ballotsPerPoll = Math.min(voters.length, Math.floor(size.ballots / size.polls));
    const polls: PollRecord[] = [];
    const ballots: Array<Record<string, unknown>> = [];
    const attendance = new Map<string, Record<string, unknown>>();
    for (let i = 0; i < size.polls; i++) {
      const session = dialogueSessions[i % dialogueSessions.length]!;
      const openedAt = new Date(session.startsAt.getTime() + (10 + (i % 7) * 20) * 60 * 1000);
      const closedAt = new Date(openedAt.getTime() + 8 * 60 * 1000);
      const consent = i % 4 !== 3;
      const poll = {
        _id: new Types.ObjectId(),
        trajectoryId: session.trajectoryId,
        sessionId: session._id,
        topicId: rnd.pick(topicsOf(session.trajectoryId))._id,
        amendmentId: null,
        kind: consent ? 'consent' : 'single_choice',
        question: consent ? `Kunnen we instemmen met voorstel ${i + 1}?` : `Welke variant heeft de voorkeur (${i + 1})?`,
        options: consent ? [] : [{ id: 'a', label: 'Variant A' }, { id: 'b', label: 'Variant B' }, { id: 'c', label: 'Variant C' }],
        maxChoices: null,
        points: null,
        anonymous: i % 2 === 0,
        resultsVisibility: 'live',
        eligibleGroups: [],
        status: 'closed',
        openedBy: people[1]!._id,
        openedAt,
        closesAt: null,
        closedAt,
        result: null,
        electorate,
        declaration: { outcomeKind: 'advice', decidedBy: 'de colleges van B&W' },
      } as unknown as PollRecord;
      const counted: Array<{ group: StakeholderGroup; choice: BallotChoice }> = [];
      const start = rnd.int(voters.length);
      for (let k = 0; k < ballotsPerPoll; k++) {
        const voter = voters[(start + k) % voters.length]!;
        const group = stakeholderGroupByRole[voter.role];
        const choice: BallotChoice = consent ? { kind: 'consent', option: rnd.next() < 0.8 ? 'agree' : rnd.pick(['abstain', 'object'] as const) } : { kind: 'single_choice', option: rnd.pick(['a', 'b', 'c']) };
        const castAt = new Date(openedAt.getTime() + rnd.int(7 * 60 * 1000));
        ballots.push({ pollId: poll._id, voterKey: voterKey(sessionSecret, String(poll._id), String(voter._id)), voterId: poll.anonymous ? null : voter._id, group, choice, castAt, updatedAt: castAt });
        counted.push({ group, choice });
        drafts.push({ chain: String(session.trajectoryId), at: castAt, actorId: poll.anonymous ? null : String(voter._id), action: 'poll.ballot', objectType: 'poll', objectId: String(poll._id), summary: poll.anonymous ? { group } : { group, choice } });
        const key = `${String(session._id)}:${String(voter._id)}`;
        if (!attendance.has(key)) {
          attendance.set(key, { trajectoryId: session.trajectoryId, sessionId: session._id, userId: voter._id, role: voter.role, organisationId: orgOf(voter.i, voter.role), firstSeenAt: session.startsAt, lastSeenAt: closedAt });
          drafts.push({ chain: String(session.trajectoryId), at: session.startsAt, actorId: String(voter._id), action: 'session.attend', objectType: 'session', objectId: String(session._id), summary: { role: voter.role } });
        }
      }
      poll.result = tallyPoll(settingsOf(poll), counted, electorate);
      polls.push(poll);
      const chain = String(session.trajectoryId);
      drafts.push({ chain, at: openedAt, actorId: String(people[1]!._id), action: 'poll.open', objectType: 'poll', objectId: String(poll._id), summary: { sessionId: String(session._id), kind: poll.kind, question: poll.question, anonymous: poll.anonymous } });
      drafts.push({ chain, at: closedAt, actorId: String(people[1]!._id), action: 'poll.close', objectType: 'poll', objectId: String(poll._id), summary: { reason: 'manual', ballots: poll.result.ballots, leaders: poll.result.leaders, ...(poll.result.consent ? { consent: poll.result.consent } : {}) } });
    }
    await insert('polls', polls);
    await insert('ballots', ballots);
    await insert('sessionAttendance', [...attendance.values()]);

    // Comments anchored in the clauses' text, with replies; questions with answers.
    progress('growth seed: comments and questions');
    const providers = people.filter((p) => p.role === 'provider');
    const comments = Array.from({ length: size.comments }, (_, i) => {
      const clause = clauses[i % clauses.length]!;
      const text = (clauseFragment(clause.doc).get(0) as Y.XmlElement).get(0) as Y.XmlText;
      const from = rnd.int(Math.max(1, text.length - 20));
      const author = rnd.pick(providers);
      const at = timeAt(0.1 + 0.85 * rnd.next());
      const replies = Array.from({ length: rnd.int(3) }, (_, r) => ({ _id: new Types.ObjectId(), authorId: people[r % 2]!._id, authorOrganisationId: orgDocs[0]!._id, authorRole: people[r % 2]!.role, anonymous: false, body: 'Dank, we nemen het mee.', createdAt: new Date(at.getTime() + (r + 1) * 3600 * 1000) }));
      return {
        _id: new Types.ObjectId(),
        trajectoryId: clause.trajectoryId,
        clauseId: clause._id,
        variantId: null,
        anchor: {
          start: encodePosition(Y.createRelativePositionFromTypeIndex(text, from)),
          end: encodePosition(Y.createRelativePositionFromTypeIndex(text, from + 12)),
          quote: text.toString().slice(from, from + 12) || 'tekst',
        },
        authorId: author._id,
        authorOrganisationId: orgOf(author.i, author.role),
        authorRole: author.role,
        anonymous: i % 5 === 0,
        body: `Opmerking ${i + 1}: kan dit scherper?`,
        status: i % 3 === 0 ? 'resolved' : 'open',
        resolvedBy: i % 3 === 0 ? people[0]!._id : null,
        resolvedAt: i % 3 === 0 ? new Date(at.getTime() + 5 * 24 * 3600 * 1000) : null,
        replies,
        createdAt: at,
      };
    });
    await insert('comments', comments);
    for (const c of comments) {
      drafts.push({ chain: String(c.trajectoryId), at: c.createdAt, actorId: c.anonymous ? null : String(c.authorId), action: 'comment.create', objectType: 'comment', objectId: String(c._id), summary: { clauseId: String(c.clauseId) } });
      for (const r of c.replies) drafts.push({ chain: String(c.trajectoryId), at: r.createdAt, actorId: String(r.authorId), action: 'comment.reply', objectType: 'comment', objectId: String(c._id), summary: {} });
    }
    let published = 0;
    const questions = Array.from({ length: size.questions }, (_, i) => {
      const asker = rnd.pick(providers);
      const createdAt = timeAt(0.05 + 0.3 * rnd.next());
      const answered = i % 4 !== 0;
      const isPublished = answered && i % 2 === 1;
      return {
        _id: new Types.ObjectId(),
        trajectoryId: trajectories[0]!._id,
        askedBy: asker._id,
        askerOrganisationId: orgOf(asker.i, asker.role),
        text: `Vraag ${i + 1}: hoe wordt de wachttijd gemeten?`,
        topicId: rnd.pick(topicsOf(trajectories[0]!._id))._id,
        clauseId: null,
        status: isPublished ? 'published' : answered ? 'answered' : 'submitted',
        answer: answered ? 'Vanaf de aanmelding door de toegang.' : null,
        answeredBy: answered ? people[0]!._id : null,
        answeredAt: answered ? new Date(createdAt.getTime() + 7 * 24 * 3600 * 1000) : null,
        number: isPublished ? ++published : null,
        publishedAt: isPublished ? timeAt(0.4) : null,
        createdAt,
      };
    });
    await insert('questions', questions);
    for (const q of questions) {
      drafts.push({ chain: String(q.trajectoryId), at: q.createdAt, actorId: null, action: 'question.ask', objectType: 'question', objectId: String(q._id), summary: {} });
      if (q.answeredAt) drafts.push({ chain: String(q.trajectoryId), at: q.answeredAt, actorId: String(people[0]!._id), action: 'question.answer', objectType: 'question', objectId: String(q._id), summary: {} });
    }

    // Sign-ins: live session records (the product prunes only expired ones) and their audit events.
    progress('growth seed: sign-ins');
    const signIns = Array.from({ length: size.signIns }, () => {
      const person = rnd.pick(people);
      const lastSeenAt = new Date(nowMs - rnd.int(idleTimeoutMs - 3600 * 1000));
      const createdAt = new Date(lastSeenAt.getTime() - rnd.int(absoluteTimeoutMs - idleTimeoutMs - 3600 * 1000));
      const expiresAt = new Date(Math.min(lastSeenAt.getTime() + idleTimeoutMs, createdAt.getTime() + absoluteTimeoutMs));
      return { _id: newToken().hash, userId: person._id, createdAt, lastSeenAt, expiresAt };
    });
    await insert('sessions', signIns);
    for (const s of signIns) drafts.push({ chain: platformChain, at: s.createdAt, actorId: null, action: 'auth.sign_in', objectType: 'user', objectId: String(s.userId), summary: {} });

    // The rest of the history: people change their ballots during a poll (one event, same ballot record).
    const missing = size.auditEvents - drafts.length;
    const pollById = new Map(polls.map((p) => [String(p._id), p]));
    for (let k = 0; k < missing; k++) {
      const ballot = ballots[rnd.int(ballots.length)]!;
      const poll = pollById.get(String(ballot.pollId))!;
      const castAt = (ballot.castAt as Date).getTime();
      drafts.push({ chain: String(poll.trajectoryId), at: new Date(castAt - rnd.int(Math.max(1, castAt - poll.openedAt.getTime()))), actorId: poll.anonymous ? null : String(ballot.voterId), action: 'poll.ballot', objectType: 'poll', objectId: String(poll._id), summary: poll.anonymous ? { group: ballot.group } : { group: ballot.group, choice: ballot.choice } });
    }

    // Audit chains: in time order per chain, continuing the platform chain where the demo left it.
    progress(`growth seed: ${drafts.length} audit events`);
    const auditEventsPerChain: Record<string, number> = {};
    const byChain = new Map<string, Draft[]>();
    for (const d of drafts) {
      const list = byChain.get(d.chain);
      if (list) list.push(d);
      else byChain.set(d.chain, [d]);
    }
    let auditWritten = 0;
    for (const [chain, list] of byChain) {
      list.sort((a, b) => a.at.getTime() - b.at.getTime());
      const last = await models.auditEvents.findOne({ chain }).sort({ seq: -1 }).lean();
      let seq = last?.seq ?? 0;
      let prevHash = last?.hash ?? null;
      // A chain never goes back in time: new events come after what is stored.
      const floor = last ? new Date(last.at).getTime() : 0;
      let events: Array<Record<string, unknown>> = [];
      for (const d of list) {
        const event = { ...d, at: new Date(Math.max(d.at.getTime(), floor + 1)), summary: JSON.parse(JSON.stringify(d.summary)) as Record<string, unknown>, seq: ++seq, prevHash };
        const hash = hashEvent(event);
        events.push({ ...event, hash });
        prevHash = hash;
        if (events.length === batchSize) {
          await models.auditEvents.insertMany(events, { ordered: true });
          auditWritten += events.length;
          progress(`  auditEvents: ${auditWritten}/${drafts.length}`);
          events = [];
        }
      }
      if (events.length) await models.auditEvents.insertMany(events, { ordered: true });
      auditWritten += events.length;
      await models.auditHeads.updateOne({ _id: chain }, { $set: { seq, hash: prevHash! } }, { upsert: true });
      auditEventsPerChain[chain] = list.length;
    }
    written.auditEvents = auditWritten;

    for (const c of clauses) c.doc.destroy();
    const big = trajectories[0]!;
    return {
      size,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      written,
      trajectoryId: String(big._id),
      trajectoryIds: trajectories.map((t) => String(t._id)),
      auditEventsPerChain,
      procurementEmail: people[0]!.email,
      facilitatorEmail: people[1]!.email,
      providerEmail: providers[0]!.email,
      signInEmails: people.slice(2, 62).map((p) => p.email),
      voterEmails: voters.slice(0, 10).map((p) => p.email),
      clauseDocuments: clauses.filter((c) => c.trajectoryId.equals(big._id)).map((c) => c.name),
    };
  } finally {
    await connection.close();
  }
}
