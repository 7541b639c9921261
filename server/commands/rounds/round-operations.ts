import { roleMay } from '../../../shared/domain/permissions';
import { todayInAmsterdam } from '../../../shared/domain/calendar';
import { minorOf, openRoundRequest, type OpenRoundRequest, versionLabelOf, versionParams, type ContractVersionDto, type ContractVersionsDto, type RoundDto } from '../../../shared/schemas/rounds';
import { AppError } from '../../errors';
import type { Models } from '../../models';
import { contractVersionId, type ContractVersionRecord, type RoundRecord } from '../../models/change-round';
import { defineTrajectoryOperation, noBody, type OperationContext, type TrajectoryAccess } from '../operation';
import { trajectoryParams } from '../trajectories/trajectory-operations';
import { sha256 } from '../final/final-snapshot';
import { names, signoffsView } from '../final/final-operations';
import { ensureFirstVersion, sealedVersions, versionInForceOn } from './contract-versions';

async function roundView(models: Models, round: RoundRecord, people: Map<string, string>): Promise<RoundDto> {
  // A round names a handful of topics and clauses: each read by its `_id`.
  const [topics, clauses] = await Promise.all([
    Promise.all(round.topicIds.map((id) => models.topics.findById(id, { title: 1 }).lean())),
    Promise.all(round.clauseIds.map((id) => models.clauses.findById(id, { title: 1 }).lean())),
  ]);
  return {
    title: round.title,
    reason: round.reason,
    openedAt: round.openedAt.toISOString(),
    openedBy: { name: people.get(String(round.openedBy)) ?? '—' },
    appliesFrom: round.appliesFrom,
    topics: topics.flatMap((t) => (t ? [{ id: String(t._id), title: t.title }] : [])),
    clauses: clauses.flatMap((c) => (c ? [{ id: String(c._id), title: c.title }] : [])),
  };
}

async function versionsView(ctx: OperationContext, trajectoryId: string, access: TrajectoryAccess): Promise<ContractVersionsDto> {
  const { models } = ctx.services;
  const [sealed, state, inForce] = await Promise.all([sealedVersions(models, trajectoryId), models.changeRounds.findById(trajectoryId).lean(), versionInForceOn(models, trajectoryId)]);
  const open = state?.open ?? null;
  // Rounds of sealed versions are read from their version, by `_id`: a contract has a few versions in its term.
  const records = await Promise.all(sealed.map((v) => (v.minor > 0 ? models.contractVersions.findById(contractVersionId(trajectoryId, v.minor), { round: 1 }).lean() : null)));
  const rounds = [...records.map((r) => r?.round ?? null), open];
  const people = await names(ctx, rounds.map((r) => r?.openedBy));
  const versions: ContractVersionsDto['versions'] = [];
  if (open) versions.push({ label: versionLabelOf(open.minor), status: 'in_dialogue', sealedAt: null, appliesFrom: open.appliesFrom, contentHash: null, round: await roundView(models, open, people) });
  for (const [i, v] of [...sealed.entries()].reverse()) {
    const round = records[i]?.round ?? null;
    versions.push({ label: v.label, status: 'sealed', sealedAt: v.sealedAt.toISOString(), appliesFrom: v.appliesFrom, contentHash: v.contentHash, round: round ? await roundView(models, round, people) : null });
  }
  const role = access.seat?.role ?? null;
  const mayManage = access.user.platformAdmin || (role !== null && roleMay(role, 'final.assemble'));
  return { trajectoryId, versions, inForce: inForce?.label ?? null, mayOpenRound: mayManage && sealed.length > 0 && !open };
}

/** The stored version, or 1.0 read from the first seal's assembled record while no round copied it yet. */
async function loadVersion(models: Models, trajectoryId: string, minor: number): Promise<ContractVersionRecord | null> {
  const stored = await models.contractVersions.findById(contractVersionId(trajectoryId, minor)).lean();
  if (stored || minor !== 0) return stored;
  const [seal, record] = await Promise.all([models.finalSeals.findById(trajectoryId).lean(), models.finalAgreements.findById(trajectoryId).lean()]);
  if (!seal || !record || record.revision !== seal.revision) return null;
  return { _id: contractVersionId(trajectoryId, 0), trajectoryId: record._id, minor: 0, revision: record.revision, snapshot: record.snapshot, contentHash: record.contentHash, textHash: record.textHash, signoffs: record.signoffs, sealedAt: seal.at, appliesFrom: todayInAmsterdam(seal.at), round: null, trace: [] };
}

/** The versions of the definitive agreement: the round in dialogue and the sealed versions, with the one in force today. */
export const listContractVersions = defineTrajectoryOperation({
  name: 'final.versions',
  action: 'final.view',
  params: trajectoryParams,
  body: noBody,
  run: async (ctx, p, _b, access) => ({ result: await versionsView(ctx, p.trajectoryId, access) }),
});

/** One sealed version with its text, its seal check, its sign-offs and its traceability to the round's dialogue. */
export const getContractVersion = defineTrajectoryOperation({
  name: 'final.version',
  action: 'final.view',
  params: versionParams,
  body: noBody,
  run: async (ctx, p, _b, access): Promise<{ result: ContractVersionDto }> => {
    const { models } = ctx.services;
    const minor = minorOf(p.version);
    const sealed = await sealedVersions(models, p.trajectoryId);
    // Like assembly and sign-off on a draft: the policy answered, the agreement is not there yet.
    if (sealed.length === 0) throw new AppError('conflict', 'The agreement is not definitive yet.', { reason: 'not_final' });
    const index = sealed.find((v) => v.minor === minor);
    const record = index ? await loadVersion(models, p.trajectoryId, minor) : null;
    if (!index || !record) throw new AppError('not_found', 'This version does not exist (yet).');
    const people = await names(ctx, [...record.signoffs.map((s) => s.userId), record.round?.openedBy]);
    // The seal's hash is the index's (for 1.0 the first seal's); the stored snapshot must still hash to it.
    const verifies = sha256(record.snapshot) === index.contentHash && record.contentHash === index.contentHash;
    return {
      result: {
        label: p.version,
        sealedAt: index.sealedAt.toISOString(),
        appliesFrom: index.appliesFrom,
        contentHash: index.contentHash,
        verifies,
        snapshot: record.snapshot,
        signoffs: signoffsView({ signoffs: record.signoffs }, access.trajectory.municipalities, people),
        round: record.round ? await roundView(models, record.round, people) : null,
        trace: record.trace,
        previous: minor > 0 ? versionLabelOf(minor - 1) : null,
      },
    };
  },
});

/**
 * The writes of opening a round (the seal is checked and the agreement's lock held by the
 * caller): version 1.0 stored apart if it was not yet, the round's topics created, its clauses
 * reopened, and the round recorded on the trajectory's change state.
 */
export async function startRound(models: Models, trajectoryId: string, userId: string, body: OpenRoundRequest): Promise<{ round: RoundRecord; topics: Array<{ _id: unknown; title: string; status: string }> }> {
  const p = { trajectoryId };
  const clauses = await Promise.all(body.clauseIds.map((id) => models.clauses.findById(id, { trajectoryId: 1, title: 1 }).lean()));
  const unknown = body.clauseIds.filter((_id, i) => String(clauses[i]?.trajectoryId) !== p.trajectoryId);
  if (unknown.length) throw new AppError('validation_failed', 'The input is not valid.', { clauseIds: `not a clause of this agreement: ${unknown.join(', ')}` });
  await ensureFirstVersion(models, p.trajectoryId);
  const state = await models.changeRounds.findById(p.trajectoryId, { versions: 1 }).lean();
  const minor = Math.max(0, ...(state?.versions ?? []).map((v) => v.minor)) + 1;

  const last = body.topics.length ? await models.topics.findOne({ trajectoryId: p.trajectoryId }).sort({ order: -1 }).lean() : null;
  const topics = [];
  for (const [i, title] of body.topics.entries()) {
    topics.push(await models.topics.create({ trajectoryId: p.trajectoryId, title, description: `Wijzigingsronde ${versionLabelOf(minor)}: ${body.title}`, order: (last?.order ?? 0) + 1 + i, status: 'accepted', proposedBy: userId }));
  }
  const topicIds = topics.map((t) => t._id);
  for (const id of body.clauseIds) await models.clauses.updateOne({ _id: id }, { $set: { status: 'in_dialogue' }, $addToSet: { topicIds: { $each: topicIds } } });
  const round: RoundRecord = { minor, title: body.title, reason: body.reason, openedAt: new Date(), openedBy: userId as never, appliesFrom: body.appliesFrom, topicIds, clauseIds: body.clauseIds as never };
  await models.changeRounds.updateOne({ _id: p.trajectoryId }, { $set: { open: round } });
  return { round, topics };
}

/**
 * The procurement team opens a change round on the sealed agreement: the clauses it names go
 * back to "in dialogue" with the round's new topics, and the agreement is open for changes
 * until the round's version is sealed. The sealed versions are stored apart and stay as they are.
 */
export const openChangeRound = defineTrajectoryOperation({
  name: 'final.round.open',
  // The team that assembles the definitive agreement opens a round on it.
  action: 'final.assemble',
  params: trajectoryParams,
  body: openRoundRequest,
  locks: ['agreement'],
  run: async (ctx, p, body, access) => {
    const { models } = ctx.services;
    if (!(await models.finalSeals.exists({ _id: p.trajectoryId }))) throw new AppError('conflict', 'The agreement is not definitive yet: change it as a draft.', { reason: 'not_final' });
    if ((await models.changeRounds.findById(p.trajectoryId, { open: 1 }).lean())?.open) throw new AppError('conflict', 'A change round is in dialogue already.', { reason: 'round_open' });
    const { round, topics } = await startRound(models, p.trajectoryId, access.user.userId, body);
    const { minor, topicIds } = round;
    const label = versionLabelOf(minor);
    return {
      result: await versionsView(ctx, p.trajectoryId, access),
      audit: [
        ...topics.map((t) => ({ chain: p.trajectoryId, action: 'topic.propose', objectType: 'topic', objectId: String(t._id), summary: { title: t.title, status: t.status, round: label } })),
        { chain: p.trajectoryId, action: 'final.round.open', objectType: 'final_agreement', objectId: p.trajectoryId, summary: { version: label, title: body.title, appliesFrom: body.appliesFrom, clauseIds: body.clauseIds, topicIds: topicIds.map(String) } },
      ],
      publish: [
        { trajectoryId: p.trajectoryId, what: 'final' },
        { trajectoryId: p.trajectoryId, what: 'agreement' },
        { trajectoryId: p.trajectoryId, what: 'topics' },
      ],
      // Documents that turned read-only at the seal are writable again: connections re-check their access.
      access: [p.trajectoryId],
    };
  },
});
