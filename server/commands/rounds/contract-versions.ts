import { todayInAmsterdam } from '../../../shared/domain/calendar';
import { versionLabelOf } from '../../../shared/schemas/rounds';
import type { Models } from '../../models';
import { contractVersionId, type VersionIndexEntry } from '../../models/change-round';

/*
 * Which version of the definitive agreement exists and applies when. Everything here reads
 * documents by `_id` only (the seal, the change state, one version), never the history.
 */

export interface SealedVersion {
  label: string;
  minor: number;
  sealedAt: Date;
  /** YYYY-MM-DD (Europe/Amsterdam): from this day on the version applies to admitted providers. */
  appliesFrom: string;
  contentHash: string;
}

/** Whether a change round is in dialogue: then the agreement is open for changes again, though a version is sealed. */
export async function roundOpen(models: Models, trajectoryId: string): Promise<boolean> {
  const state = await models.changeRounds.findById(trajectoryId, { open: 1 }).lean();
  return Boolean(state?.open);
}

/**
 * The fact the agreement's seal guard asks: sealed, and no change round open. A round reopens
 * the agreement for its dialogue; its seal closes it again.
 */
export async function agreementSealed(models: Models, trajectoryId: string): Promise<boolean> {
  const [seal, open] = await Promise.all([models.finalSeals.exists({ _id: trajectoryId }), roundOpen(models, trajectoryId)]);
  return seal !== null && !open;
}

/** The sealed versions, oldest first. Version 1.0 comes from the first seal when no round ever ran. */
export async function sealedVersions(models: Models, trajectoryId: string): Promise<SealedVersion[]> {
  const [seal, state] = await Promise.all([models.finalSeals.findById(trajectoryId).lean(), models.changeRounds.findById(trajectoryId, { versions: 1 }).lean()]);
  if (!seal) return [];
  const index: VersionIndexEntry[] = state?.versions.length
    ? state.versions
    : [{ minor: 0, sealedAt: seal.at, appliesFrom: todayInAmsterdam(seal.at), contentHash: seal.contentHash, roundTitle: null }];
  return [...index].sort((a, b) => a.minor - b.minor).map((v) => ({ label: versionLabelOf(v.minor), minor: v.minor, sealedAt: v.sealedAt, appliesFrom: v.appliesFrom, contentHash: v.contentHash }));
}

/** The newest sealed version (whether or not it applies yet), or null before the first seal. */
export async function currentSealedVersion(models: Models, trajectoryId: string): Promise<SealedVersion | null> {
  return (await sealedVersions(models, trajectoryId)).at(-1) ?? null;
}

/**
 * The version that applies on a day: the newest sealed version whose "applies from" day is on or
 * before it. Null before the first version applies.
 */
export async function versionInForceOn(models: Models, trajectoryId: string, date: Date | string = new Date()): Promise<SealedVersion | null> {
  const day = typeof date === 'string' ? date.slice(0, 10) : todayInAmsterdam(date);
  const inForce = (await sealedVersions(models, trajectoryId)).filter((v) => v.appliesFrom <= day);
  return inForce.at(-1) ?? null;
}

/**
 * Writes version 1.0 from the first seal when it is not stored yet (agreements sealed before
 * change rounds existed). Written once under its unique key; the assembled record it copies is
 * the one the seal was made of, so the hashes agree.
 */
export async function ensureFirstVersion(models: Models, trajectoryId: string): Promise<void> {
  const id = contractVersionId(trajectoryId, 0);
  if (await models.contractVersions.exists({ _id: id })) return;
  const [seal, record] = await Promise.all([models.finalSeals.findById(trajectoryId).lean(), models.finalAgreements.findById(trajectoryId).lean()]);
  if (!seal || !record || record.revision !== seal.revision || record.contentHash !== seal.contentHash) {
    throw new Error(`version 1.0 of ${trajectoryId}: the assembled record is not the sealed one`);
  }
  const appliesFrom = todayInAmsterdam(seal.at);
  try {
    await models.contractVersions.create({
      _id: id,
      trajectoryId,
      minor: 0,
      revision: record.revision,
      snapshot: record.snapshot,
      contentHash: record.contentHash,
      textHash: record.textHash,
      signoffs: record.signoffs,
      sealedAt: seal.at,
      appliesFrom,
      round: null,
      trace: [],
    });
  } catch (error) {
    if ((error as { code?: number }).code !== 11000) throw error;
  }
  await models.changeRounds.updateOne(
    { _id: trajectoryId },
    { $setOnInsert: { open: null, versions: [{ minor: 0, sealedAt: seal.at, appliesFrom, contentHash: seal.contentHash, roundTitle: null }] } },
    { upsert: true },
  );
}
