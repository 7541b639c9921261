import { AppError } from '../../errors';
import type { Models } from '../../models';

/** The key every change of the agreement's structure, and every assembly and sign-off, holds. */
export const agreementLockKey = (trajectoryId: string) => `agreement:${trajectoryId}`;

export async function isFinal(models: Models, trajectoryId: string): Promise<boolean> {
  return (await models.finalSeals.exists({ _id: trajectoryId })) !== null;
}

/**
 * Refuses any change to an agreement that all its municipalities approved. Operations that
 * change the structure call this under the agreement's lock, which the final sign-off holds too,
 * so a change cannot slip in between the last approval and the seal.
 */
export async function refuseWhenFinal(models: Models, trajectoryId: string): Promise<void> {
  if (await isFinal(models, trajectoryId)) {
    throw new AppError('conflict', 'De overeenkomst is definitief: alle gemeenten hebben haar goedgekeurd, er verandert niets meer aan. (The agreement is final.)', {
      reason: 'agreement_final',
    });
  }
}
