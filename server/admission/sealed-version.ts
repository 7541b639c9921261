import type { Models } from '../models';
import { currentSealedVersion as newestSealedVersion } from '../commands/rounds/contract-versions';

export interface SealedVersion {
  /** The version's label, e.g. "1.0" or "1.1" after a change round. */
  version: string;
  /** The seal's content hash, to verify against the sealed document. */
  sealHash: string;
  sealedAt: Date;
}

/**
 * The version of the definitive agreement a provider accedes to now: the newest sealed one (the
 * change rounds' versions, server/commands/rounds), in the shape the admission records keep.
 */
export async function currentSealedVersion(models: Models, trajectoryId: string): Promise<SealedVersion | null> {
  const newest = await newestSealedVersion(models, trajectoryId);
  return newest ? { version: newest.label, sealHash: newest.contentHash, sealedAt: newest.sealedAt } : null;
}
