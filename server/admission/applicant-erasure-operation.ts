import { z } from 'zod';
import { id } from '../../shared/schemas/common';
import { authorizePlatform } from '../commands/access';
import { defineOperation, noBody } from '../commands/operation';
import { AppError, notFound } from '../errors';
import { admissionLock } from './admission-book';
import { eraseApplicant, erasureAudit, mayErase } from './applicant-erasure';

/**
 * Erasure on request (AVG art. 17) of a refused applicant's data, by a platform administrator, at
 * once instead of at the end of the retention period. The decision stays, anonymised (see
 * applicant-erasure.ts); audited on the trajectory's chain with ids and counts only.
 */
export const eraseApplicantOperation = defineOperation({
  name: 'admission.erase',
  params: z.object({ applicationId: id }),
  body: noBody,
  authorize: (ctx) => authorizePlatform(ctx, 'account.erase'),
  run: async (ctx, p, _b, admin) => {
    const { models, locks } = ctx.services;
    const found = await models.admissionApplications.findById(p.applicationId, { trajectoryId: 1 }).lean();
    if (!found) throw notFound();
    return locks.withLock(admissionLock(String(found.trajectoryId)), async () => {
      const application = await models.admissionApplications.findById(p.applicationId).lean();
      if (!application) throw notFound();
      if (application.erasedAt) throw new AppError('conflict', 'This application’s personal data have already been erased.', { reason: 'erased' });
      if (!mayErase(application)) {
        throw new AppError('conflict', 'Only a refused application is erased: refuse one in review first; a contracted provider’s data belong to the agreement.', { reason: application.status });
      }
      const erasure = await eraseApplicant(models, application, new Date());
      return {
        result: { id: p.applicationId, number: application.number, erasedAt: new Date().toISOString(), ...erasure },
        // The operation adds the administrator as the actor.
        audit: [{ ...erasureAudit(application, erasure, 'request', admin.userId), actorId: admin.userId }],
        publish: [{ trajectoryId: String(application.trajectoryId), what: 'admission' as const }],
      };
    });
  },
});
