import { AppError } from '../../errors';
import type { Models } from '../../models';
import { contractVersionId, type RoundRecord } from '../../models/change-round';
import type { FinalAgreementRecord, SignoffRecord } from '../../models/final-agreement';
import { roundTrace } from './round-trace';

/**
 * Seals the version a change round made, when its last municipality approved (under the
 * agreement's lock). The version is written once under its unique key, so two last approvals
 * seal it once; then the round closes and the agreement is final again. The versions before it
 * are not touched.
 */
export async function sealRoundVersion(models: Models, trajectoryId: string, record: FinalAgreementRecord, signoffs: ReadonlyArray<Omit<SignoffRecord, 'userId' | 'organisationId'> & { userId: unknown; organisationId: unknown }>, round: RoundRecord): Promise<{ label: string; appliesFrom: string; sealedAt: Date }> {
  const state = await models.changeRounds.findById(trajectoryId, { versions: 1 }).lean();
  const previousMinor = Math.max(-1, ...(state?.versions ?? []).map((v) => v.minor));
  const previous = previousMinor >= 0 ? await models.contractVersions.findById(contractVersionId(trajectoryId, previousMinor), { snapshot: 1 }).lean() : null;
  const sealedAt = new Date();
  try {
    await models.contractVersions.create({
      _id: contractVersionId(trajectoryId, round.minor),
      trajectoryId,
      minor: round.minor,
      revision: record.revision,
      snapshot: record.snapshot,
      contentHash: record.contentHash,
      textHash: record.textHash,
      // Stored as they are (ids as the operation has them): a version is read back through String(id).
      signoffs: signoffs as unknown as SignoffRecord[],
      sealedAt,
      appliesFrom: round.appliesFrom,
      round,
      trace: roundTrace(record.snapshot, previous?.snapshot ?? null, round),
    });
  } catch (error) {
    if ((error as { code?: number }).code !== 11000) throw error;
    throw new AppError('conflict', 'This version is sealed already.', { reason: 'agreement_final' });
  }
  await models.changeRounds.updateOne(
    { _id: trajectoryId },
    { $set: { open: null }, $push: { versions: { minor: round.minor, sealedAt, appliesFrom: round.appliesFrom, contentHash: record.contentHash, roundTitle: round.title } } },
  );
  await models.finalAgreements.updateOne({ _id: trajectoryId }, { $set: { status: 'final', finalAt: sealedAt } });
  return { label: `1.${round.minor}`, appliesFrom: round.appliesFrom, sealedAt };
}
