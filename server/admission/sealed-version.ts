import type { Models } from '../models';

export interface SealedVersion {
  /** The version's label, e.g. "1.0". */
  version: string;
  /** The seal's content hash, to verify against the sealed document. */
  sealHash: string;
  sealedAt: Date;
}

/**
 * The version of the definitive agreement a provider accedes to now: the current sealed one.
 * Today there is one sealed version per trajectory (the final seal, read by `_id`): "1.0".
 * Change rounds (versions 1.1, 1.2, …) replace this body; every caller asks here.
 */
export async function currentSealedVersion(models: Models, trajectoryId: string): Promise<SealedVersion | null> {
  const seal = await models.finalSeals.findById(trajectoryId).lean();
  return seal ? { version: '1.0', sealHash: seal.contentHash, sealedAt: seal.at } : null;
}
