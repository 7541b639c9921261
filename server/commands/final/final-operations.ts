import { findPublication, recordPublication, withChainHead } from '../../audit/publication';
import { numberClauses } from '../../../shared/domain/agreement';
import { roleMay } from '../../../shared/domain/permissions';
import { participatingMunicipality } from '../../../shared/domain/municipalities';
import { signoffRequest, type FinalAgreementDto, type MunicipalitySignoffDto } from '../../../shared/schemas/final';
import { AppError } from '../../errors';
import type { FinalAgreementRecord } from '../../models/final-agreement';
import type { ExportDocument } from '../../export/document';
import { defineTrajectoryOperation, noBody, type OperationContext, type TrajectoryAccess } from '../operation';
import { trajectoryParams } from '../trajectories/trajectory-operations';
import { buildSnapshot, readChapters, sha256 } from './final-snapshot';
import { finalDocument } from './final-document';
import { notifyFinalSignOff, notifyVersionApplies } from '../../notifications/events';
import { isDuplicateKey } from '../../db/duplicate-key';
import { userNames } from '../../models/names';
import { roundOpen } from '../rounds/contract-versions';
import { sealRoundVersion } from '../rounds/round-seal';

export const names = (ctx: OperationContext, ids: unknown[]) => userNames(ctx.services.models, ids);

/** The municipality the seat speaks for in this trajectory, or null (not a municipality, or not one of its municipalities). */
async function municipalityOfSeat(ctx: OperationContext, access: TrajectoryAccess): Promise<string | null> {
  if (!access.seat || access.seat.role !== 'municipality') return null;
  const organisation = await ctx.services.models.organisations.findById(access.seat.organisationId, { name: 1, type: 1 }).lean();
  return organisation ? participatingMunicipality(organisation, access.trajectory.municipalities) : null;
}

async function notFixed(ctx: OperationContext, trajectoryId: string) {
  const { clauses, numbers } = await readClauseNumbers(ctx, trajectoryId);
  return clauses
    .filter((c) => c.status !== 'fixed')
    .map((c) => ({ id: String(c._id), number: numbers.get(String(c._id)) ?? 0, title: c.title, status: c.status }))
    .sort((a, b) => a.number - b.number);
}

async function readClauseNumbers(ctx: OperationContext, trajectoryId: string) {
  const { models } = ctx.services;
  const [chapters, clauses] = await Promise.all([models.chapters.find({ trajectoryId }, { position: 1 }).lean(), models.clauses.find({ trajectoryId }, { chapterId: 1, position: 1, title: 1, status: 1 }).lean()]);
  const numbers = numberClauses(
    chapters.map((c) => ({ id: String(c._id), position: c.position })),
    clauses.map((c) => ({ id: String(c._id), chapterId: String(c.chapterId), position: c.position })),
  );
  return { clauses, numbers };
}

export function signoffsView(record: Pick<FinalAgreementRecord, 'signoffs'> | null, municipalities: string[], people: Map<string, string>): MunicipalitySignoffDto[] {
  return municipalities.map((municipality) => {
    const s = record?.signoffs.find((x) => x.municipality === municipality);
    if (!s) return { municipality, status: 'pending', reason: null, by: null, at: null };
    return { municipality, status: s.decision === 'approve' ? 'approved' : 'rejected', reason: s.reason, by: { name: people.get(String(s.userId)) ?? '—' }, at: s.at.toISOString() };
  });
}

/** Whether the agreement's chapters and texts differ from what was assembled. */
async function isOutdated(ctx: OperationContext, record: FinalAgreementRecord): Promise<boolean> {
  if (record.status === 'final') return false;
  const { chapters } = await readChapters(ctx.services, String(record._id));
  return sha256(chapters) !== record.textHash;
}

async function finalView(ctx: OperationContext, trajectoryId: string, access: TrajectoryAccess): Promise<FinalAgreementDto> {
  const record = await ctx.services.models.finalAgreements.findById(trajectoryId).lean();
  const people = await names(ctx, [record?.assembledBy, ...(record?.signoffs ?? []).map((s) => s.userId)]);
  const role = access.seat?.role ?? null;
  // In a change round the sealed record stays until the team assembles the round's draft.
  const inRound = await roundOpen(ctx.services.models, trajectoryId);
  return {
    trajectoryId,
    status: record ? record.status : 'not_assembled',
    notFixed: await notFixed(ctx, trajectoryId),
    assembled: record
      ? {
          revision: record.revision,
          assembledAt: record.assembledAt.toISOString(),
          assembledBy: { name: people.get(String(record.assembledBy)) ?? '—' },
          contentHash: record.contentHash,
          outdated: await isOutdated(ctx, record),
          snapshot: record.snapshot,
        }
      : null,
    finalAt: record?.finalAt ? record.finalAt.toISOString() : null,
    signoffs: signoffsView(record, access.trajectory.municipalities, people),
    mayAssemble: role !== null && roleMay(role, 'final.assemble') && (record?.status !== 'final' || inRound),
    signsFor: record?.status === 'final' ? null : await municipalityOfSeat(ctx, access),
  };
}

export const getFinalAgreement = defineTrajectoryOperation({
  name: 'final.view',
  action: 'final.view',
  params: trajectoryParams,
  body: noBody,
  run: async (ctx, p, _b, access) => ({ result: await finalView(ctx, p.trajectoryId, access) }),
});

/**
 * Assembles the definitive agreement from the fixed clauses. Allowed again while not final: a
 * new assembly starts the sign-off afresh, because the municipalities approve what they read.
 */
export const assembleFinalAgreement = defineTrajectoryOperation({
  name: 'final.assemble',
  action: 'final.assemble',
  params: trajectoryParams,
  body: noBody,
  locks: ['agreement'],
  guards: ['agreementOpen'],
  run: async (ctx, p, _b, access) => {
    const { models } = ctx.services;
    const open = await notFixed(ctx, p.trajectoryId);
    if (open.length > 0) {
      const list = open.map((c) => `Artikel ${c.number} ${c.title}`).join('; ');
      throw new AppError('conflict', `Not every clause is fixed yet: ${list}.`, { reason: 'clauses_not_fixed', clauses: list });
    }
    if ((await models.clauses.countDocuments({ trajectoryId: p.trajectoryId })) === 0) {
      throw new AppError('conflict', 'The agreement has no clauses yet.', { reason: 'empty' });
    }
    const { snapshot, textHash, contentHash } = await buildSnapshot(ctx.services, p.trajectoryId, access.trajectory.name);
    const previous = await models.finalAgreements.findById(p.trajectoryId).lean();
    const revision = (previous?.revision ?? 0) + 1;
    const fields = { revision, snapshot, contentHash, textHash, assembledBy: access.user.userId, assembledAt: new Date(), signoffs: [], status: 'assembled' as const, finalAt: null };
    if (previous) await models.finalAgreements.updateOne({ _id: p.trajectoryId }, { $set: fields });
    else await models.finalAgreements.create({ _id: p.trajectoryId, ...fields });
    await recordPublication(models, ctx.services.config, 'final', p.trajectoryId, p.trajectoryId);
    return {
      result: await finalView(ctx, p.trajectoryId, access),
      audit: [
        {
          chain: p.trajectoryId,
          action: 'final.assemble',
          objectType: 'final_agreement',
          objectId: p.trajectoryId,
          summary: { revision, contentHash, auditSeq: snapshot.annex.audit?.seq ?? 0, signoffsReset: previous?.signoffs.length ?? 0 },
        },
      ],
      publish: [{ trajectoryId: p.trajectoryId, what: 'final' }],
      notify: [notifyFinalSignOff(p.trajectoryId)],
    };
  },
});

/**
 * A municipality's representative approves, or rejects with a reason, for their own
 * municipality; they may change it until the agreement is final. The last approval seals it:
 * the seal's unique key makes that happen once, and open documents turn read-only at once.
 */
export const signOffFinalAgreement = defineTrajectoryOperation({
  name: 'final.signoff',
  action: 'final.signoff',
  params: trajectoryParams,
  body: signoffRequest,
  locks: ['agreement'],
  guards: ['agreementOpen'],
  run: async (ctx, p, body, access) => {
    const { models } = ctx.services;
    const municipality = access.trajectory.municipalities.find((m) => m === body.municipality);
    if (!municipality) throw new AppError('validation_failed', 'The input is not valid.', { municipality: 'is not a municipality of this trajectory' });
    const own = await municipalityOfSeat(ctx, access);
    if (own !== municipality) throw new AppError('forbidden', own ? `You sign off for ${own} only.` : 'You do not represent a municipality of this trajectory.');
    const record = await models.finalAgreements.findById(p.trajectoryId).lean();
    if (!record) throw new AppError('conflict', 'The definitive agreement has not been assembled yet.', { reason: 'not_assembled' });
    // In a change round the sealed version is not what is signed: the round's draft is assembled first.
    if (record.status === 'final') throw new AppError('conflict', 'The change round’s draft has not been assembled yet.', { reason: 'not_assembled' });
    if (await isOutdated(ctx, record)) throw new AppError('conflict', 'The agreement changed after it was assembled; the procurement team assembles it again first.', { reason: 'outdated' });
    const signoff = { municipality, decision: body.decision, reason: body.decision === 'reject' ? body.reason : null, userId: access.user.userId, organisationId: access.seat!.organisationId, at: new Date() };
    const signoffs = [...record.signoffs.filter((s) => s.municipality !== municipality), signoff];
    await models.finalAgreements.updateOne({ _id: p.trajectoryId }, { $set: { signoffs } });
    const audit: Array<{ chain: string; action: string; objectType: string; objectId: string; summary: Record<string, unknown> }> = [
      {
        chain: p.trajectoryId,
        action: `final.${body.decision}`,
        objectType: 'final_agreement',
        objectId: p.trajectoryId,
        summary: { municipality, revision: record.revision, ...(body.decision === 'reject' ? { reason: body.reason } : {}) },
      },
    ];
    const approved = new Set(signoffs.filter((s) => s.decision === 'approve').map((s) => s.municipality));
    const complete = access.trajectory.municipalities.every((m) => approved.has(m));
    const round = complete ? (await models.changeRounds.findById(p.trajectoryId, { open: 1 }).lean())?.open ?? null : null;
    let sealedVersion: { label: string; appliesFrom: string } | null = null;
    if (complete && round) {
      // A change round's last approval seals its version; the versions before it stay as they are.
      sealedVersion = await sealRoundVersion(models, p.trajectoryId, record, signoffs, round);
      await recordPublication(models, ctx.services.config, 'final', p.trajectoryId, p.trajectoryId);
      audit.push({ chain: p.trajectoryId, action: 'final.version.seal', objectType: 'final_agreement', objectId: p.trajectoryId, summary: { municipality, version: sealedVersion.label, revision: record.revision, contentHash: record.contentHash, appliesFrom: sealedVersion.appliesFrom } });
    } else if (complete) {
      const at = new Date();
      try {
        await models.finalSeals.create({ _id: p.trajectoryId, revision: record.revision, contentHash: record.contentHash, at });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        throw new AppError('conflict', 'De overeenkomst is al definitief.', { reason: 'agreement_final' });
      }
      await models.finalAgreements.updateOne({ _id: p.trajectoryId }, { $set: { status: 'final', finalAt: at } });
      await recordPublication(models, ctx.services.config, 'final', p.trajectoryId, p.trajectoryId);
      audit.push({ chain: p.trajectoryId, action: 'final.lock', objectType: 'final_agreement', objectId: p.trajectoryId, summary: { municipality, revision: record.revision, contentHash: record.contentHash } });
    }
    return {
      result: await finalView(ctx, p.trajectoryId, access),
      audit,
      publish: [{ trajectoryId: p.trajectoryId, what: 'final' }, ...(complete ? [{ trajectoryId: p.trajectoryId, what: 'agreement' as const }] : [])],
      ...(complete ? { access: [p.trajectoryId] } : {}),
      ...(sealedVersion ? { notify: [notifyVersionApplies(p.trajectoryId, sealedVersion.label, sealedVersion.appliesFrom)] } : {}),
    };
  },
});

/** The assembled agreement as a document, for DOCX and PDF. */
export const finalAgreementDocument = defineTrajectoryOperation({
  name: 'final.export',
  action: 'final.view',
  params: trajectoryParams,
  body: noBody,
  run: async (ctx, p, _b, access): Promise<{ result: { document: ExportDocument; filename: string } }> => {
    const record = await ctx.services.models.finalAgreements.findById(p.trajectoryId).lean();
    if (!record) throw new AppError('conflict', 'The definitive agreement has not been assembled yet.', { reason: 'not_assembled' });
    const people = await names(ctx, record.signoffs.map((s) => s.userId));
    return {
      result: {
        document: withChainHead(finalDocument(record, signoffsView(record, access.trajectory.municipalities, people)), await findPublication(ctx.services.models, 'final', p.trajectoryId)),
        filename: `Inkoopovereenkomst ${access.trajectory.name}`,
      },
    };
  },
});
