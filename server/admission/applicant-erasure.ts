import type { AuditDraft } from '../audit/audit-log';
import { removeChunks } from '../attachments/attachment-store';
import type { Locks } from '../db/locks';
import type { Models } from '../models';
import { admissionLock, saveApplication } from './admission-book';
import type { ApplicationRecord } from './admission-models';

/**
 * A refused applicant's personal data does not stay forever (AVG art. 5(1)(e)). Erasing keeps an
 * anonymised record of the decision: the number, the kind, the perceelen, the dates of every step
 * and the team's reason for the refusal (the decision must stay defensible); it removes the contact
 * person, the organisation's name, KvK number and address (a one-person practice is a person), the
 * motivation, the texts of questions and answers, and every document with its stored chunks. The
 * secret link stops working. Run by the retention sweep N months after the decision, or at once on
 * request by a platform administrator; audited on the trajectory's chain with ids and counts only.
 */

const erasedOrganisationName = (number: number) => `Aanvraag ${number} (gegevens gewist)`;
/** An address that can never receive mail (RFC 2606 `.invalid`). */
const erasedApplicantEmail = (applicationId: string) => `erased-application-${applicationId}@erased.invalid`;
/** Not a SHA-256 in hex: no secret matches it, so the applicant's link answers like an unknown one. */
const erasedSecretHash = '!erased';

/** Only a refused application is erased: one in review is decided first; a contracted provider's data belong to the agreement. */
export const mayErase = (a: Pick<ApplicationRecord, 'status' | 'erasedAt'>) => a.status === 'refused' && !a.erasedAt;

/** When the refusal was decided: its step in the history (the submission as a fallback for old records). */
function refusedAt(a: Pick<ApplicationRecord, 'history' | 'submittedAt'>): Date {
  const step = [...a.history].reverse().find((h) => h.step === 'refuse');
  return new Date(step?.at ?? a.submittedAt);
}

export interface ApplicantErasure {
  documents: number;
  files: number;
}

/** Erases one application's personal data; call under the trajectory's admission lock. */
export async function eraseApplicant(models: Models, application: ApplicationRecord, now: Date): Promise<ApplicantErasure> {
  const id = String(application._id);
  // The documents first: a file read after this answers 404, and no chunk of it stays behind.
  const documents = await models.attachments.find({ trajectoryId: application.trajectoryId, parentKind: 'application', parentId: application._id }, { versions: 1 }).lean();
  let files = 0;
  for (const document of documents) {
    for (const version of document.versions) {
      await removeChunks(models, String(version.fileId), version.chunkCount);
      files++;
    }
    await models.attachments.deleteOne({ _id: document._id });
  }
  const erased: ApplicationRecord = {
    ...application,
    organisation: { ...application.organisation, name: erasedOrganisationName(application.number), kvk: '', address: '', postcode: '', city: '' },
    contact: { name: 'gewist', email: erasedApplicantEmail(id), phone: null },
    declarations: [],
    motivation: '',
    openQuestion: null,
    // The steps and their dates stay; only the refusal's text (the decision's reason) is kept with them.
    history: application.history.map((h) => ({ ...h, text: h.step === 'refuse' ? h.text : null })),
    secretHash: erasedSecretHash,
    erasedAt: now,
  };
  await saveApplication(models, erased);
  return { documents: documents.length, files };
}

export const erasureAudit = (application: ApplicationRecord, erasure: ApplicantErasure, reason: 'retention' | 'request', actorId: string | null): AuditDraft => ({
  chain: String(application.trajectoryId),
  actorId,
  action: 'admission.erase',
  objectType: 'application',
  objectId: String(application._id),
  summary: { reason, number: application.number, status: application.status, documents: erasure.documents, files: erasure.files },
});

const month = (date: Date, months: number) => {
  const at = new Date(date);
  at.setUTCMonth(at.getUTCMonth() - months);
  return at;
};

/**
 * The retention rule: refused applications whose decision is `months` or more before `now`. Reads
 * the applications once as a stream (in the background, never on a request) and erases each under
 * its trajectory's admission lock, so a review step cannot cross it.
 */
export async function eraseRefusedApplicants(
  models: Models,
  locks: Locks,
  months: number,
  now: Date,
  audit: ((draft: AuditDraft) => Promise<unknown>) | null,
): Promise<number> {
  const cutoff = month(now, months).getTime();
  const due: string[] = [];
  for await (const a of models.admissionApplications.find({}, { status: 1, erasedAt: 1, history: 1, submittedAt: 1 }).lean().cursor({ batchSize: 500 })) {
    if (mayErase(a) && refusedAt(a).getTime() <= cutoff) due.push(String(a._id));
  }
  let erased = 0;
  for (const id of due) {
    const found = await models.admissionApplications.findById(id, { trajectoryId: 1 }).lean();
    if (!found) continue;
    try {
      await locks.withLock(admissionLock(String(found.trajectoryId)), async () => {
        const application = await models.admissionApplications.findById(id).lean();
        if (!application || !mayErase(application) || refusedAt(application).getTime() > cutoff) return;
        const erasure = await eraseApplicant(models, application, now);
        await audit?.(erasureAudit(application, erasure, 'retention', null));
        erased++;
      });
    } catch {
      // The trajectory's admission was busy past the wait: this one is erased at the next sweep.
    }
  }
  return erased;
}
