import { applicantMayAttach, stepsOpenTo, type AdmissionParty } from '../../shared/domain/admission';
import type { ApplicationDto, ApplicationSummaryDto, RegisterEntryDto } from '../../shared/schemas/admission';
import type { ApplicationRecord, BookEntry } from './admission-models';

export function applicationView(a: ApplicationRecord, viewer: AdmissionParty | 'reader'): ApplicationDto {
  return {
    id: String(a._id),
    trajectoryId: String(a.trajectoryId),
    number: a.number,
    status: a.status,
    organisation: { ...a.organisation },
    contact: { name: a.contact.name, email: a.contact.email, phone: a.contact.phone ?? null },
    perceelen: [...a.perceelen],
    declarations: [...a.declarations],
    motivation: a.motivation,
    submittedAt: a.submittedAt.toISOString(),
    reviewDeadline: a.reviewDeadline,
    accessionDeadline: a.accessionDeadline ?? null,
    openQuestion: a.openQuestion ?? null,
    refusalReason: a.refusalReason ?? null,
    accession: a.accession ? { ...a.accession, municipalities: [...a.accession.municipalities], sealHash: a.accession.sealHash ?? null, signedAt: a.accession.signedAt.toISOString() } : null,
    history: a.history.map((h) => ({ step: h.step as ApplicationDto['history'][number]['step'], status: h.status, at: h.at.toISOString(), text: h.text ?? null })),
    steps: viewer === 'reader' ? [] : stepsOpenTo(a.status, viewer),
    mayAttach: viewer === 'applicant' && applicantMayAttach(a.status),
  };
}

export const summaryView = (e: BookEntry): ApplicationSummaryDto => ({
  id: String(e.applicationId),
  number: e.number,
  status: e.status,
  organisationName: e.organisationName,
  kvk: e.kvk,
  kind: e.kind,
  perceelen: [...e.perceelen],
  submittedAt: e.submittedAt.toISOString(),
  reviewDeadline: e.reviewDeadline,
});

/** The public register: providers that signed accession, by name. */
export function registerEntries(entries: readonly BookEntry[]): RegisterEntryDto[] {
  return entries
    .filter((e) => e.status === 'contracted')
    .map((e) => ({
      organisationName: e.organisationName,
      kvk: e.kvk,
      kind: e.kind,
      city: e.city,
      perceelen: [...e.perceelen],
      municipalities: [...e.municipalities],
      agreementVersion: e.agreementVersion ?? '',
      since: (e.contractedAt ?? e.submittedAt).toISOString().slice(0, 10),
    }))
    .sort((a, b) => a.organisationName.localeCompare(b.organisationName, 'nl'));
}
