import { Types } from 'mongoose';
import { defaultAdmissionSettings } from '../../shared/domain/admission';
import type { AdmissionSettings } from '../../shared/schemas/admission';
import type { Models } from '../models';
import type { AdmissionBookRecord, ApplicationRecord, BookEntry } from './admission-models';

export const defaultSettings = (): AdmissionSettings => structuredClone(defaultAdmissionSettings) as unknown as AdmissionSettings;

/** The lock key of a trajectory's admission book: every write to it and to its applications holds it. */
export const admissionLock = (trajectoryId: string) => `admission:${trajectoryId}`;

/** The trajectory's book by `_id`; a trajectory without one has the default settings and no applications. */
export async function readBook(models: Models, trajectoryId: string): Promise<AdmissionBookRecord> {
  const book = await models.admissionBooks.findById(trajectoryId).lean();
  return book ?? { _id: new Types.ObjectId(trajectoryId), settings: defaultSettings(), entries: [] };
}

/** Writes the whole book by `_id` (under the admission lock, so nobody else wrote it meanwhile). */
export async function writeBook(models: Models, book: AdmissionBookRecord): Promise<void> {
  await models.admissionBooks.updateOne({ _id: book._id }, { $set: { settings: book.settings, entries: book.entries } }, { upsert: true });
}

/** The book's line of an application, as its record now stands. */
export function entryOf(a: ApplicationRecord): BookEntry {
  return {
    applicationId: a._id,
    number: a.number,
    status: a.status,
    organisationName: a.organisation.name,
    kvk: a.organisation.kvk,
    kind: a.organisation.kind,
    city: a.organisation.city,
    perceelen: a.perceelen,
    submittedAt: a.submittedAt,
    reviewDeadline: a.reviewDeadline,
    municipalities: a.accession?.municipalities ?? [],
    agreementVersion: a.accession?.agreementVersion ?? null,
    contractedAt: a.accession?.signedAt ?? null,
  };
}

/** Stores an application's new state by `_id` and its line in the book. */
export async function saveApplication(models: Models, application: ApplicationRecord): Promise<void> {
  const { _id, ...fields } = application;
  await models.admissionApplications.updateOne({ _id }, { $set: fields });
  const book = await readBook(models, String(application.trajectoryId));
  const entry = entryOf(application);
  const at = book.entries.findIndex((e) => String(e.applicationId) === String(_id));
  if (at >= 0) book.entries[at] = entry;
  else book.entries.push(entry);
  await writeBook(models, book);
}
