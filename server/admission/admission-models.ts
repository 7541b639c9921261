import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { applicantKinds, applicationStatuses, type ApplicantKind, type ApplicationStatus } from '../../shared/domain/admission';
import type { AdmissionSettings } from '../../shared/schemas/admission';

/** One line of an application's history: each step with the text it carried. */
export interface HistoryEntry {
  step: string;
  status: ApplicationStatus;
  at: Date;
  text: string | null;
}

export interface AccessionRecord {
  signerName: string;
  signerFunction: string;
  municipalities: string[];
  agreementVersion: string;
  sealHash: string | null;
  signedAt: Date;
}

/** An application for admission (toetreding) under Open House; addressed by `_id` only. */
export interface ApplicationRecord {
  _id: Types.ObjectId;
  trajectoryId: Types.ObjectId;
  number: number;
  status: ApplicationStatus;
  organisation: { name: string; kvk: string; kind: ApplicantKind; address: string; postcode: string; city: string };
  contact: { name: string; email: string; phone: string | null };
  perceelen: string[];
  declarations: string[];
  motivation: string;
  submittedAt: Date;
  reviewDeadline: string;
  accessionDeadline: string | null;
  openQuestion: string | null;
  refusalReason: string | null;
  accession: AccessionRecord | null;
  history: HistoryEntry[];
  /** SHA-256 of the secret of the applicant's link; the secret itself is only in the link. */
  secretHash: string;
  /** When the applicant's personal data and documents were erased (retention or request); the decision stays. */
  erasedAt?: Date | null;
}

/** What the review list and the register show of an application: kept in the trajectory's book. */
export interface BookEntry {
  applicationId: Types.ObjectId;
  number: number;
  status: ApplicationStatus;
  organisationName: string;
  kvk: string;
  kind: ApplicantKind;
  city: string;
  perceelen: string[];
  submittedAt: Date;
  reviewDeadline: string;
  municipalities: string[];
  agreementVersion: string | null;
  contractedAt: Date | null;
}

/**
 * The admission book of one trajectory (`_id` is the trajectory's id): its settings and one small
 * entry per application. The review list and the public register read this one record by `_id`
 * (on FerretDB 1.x the only filter that does not scan), never the applications collection.
 */
export interface AdmissionBookRecord {
  _id: Types.ObjectId;
  settings: AdmissionSettings;
  entries: BookEntry[];
}

const historySchema = new Schema<HistoryEntry>({ step: String, status: { type: String, enum: applicationStatuses }, at: Date, text: { type: String, default: null } }, { _id: false });
const accessionSchema = new Schema<AccessionRecord>(
  { signerName: String, signerFunction: String, municipalities: [String], agreementVersion: String, sealHash: { type: String, default: null }, signedAt: Date },
  { _id: false },
);

const applicationSchema = new Schema<ApplicationRecord>(
  {
    trajectoryId: { type: Schema.Types.ObjectId, required: true },
    number: { type: Number, required: true },
    status: { type: String, enum: applicationStatuses, required: true },
    organisation: {
      name: { type: String, required: true },
      kvk: { type: String, required: true },
      kind: { type: String, enum: applicantKinds, required: true },
      address: String,
      postcode: String,
      city: String,
    },
    contact: { name: { type: String, required: true }, email: { type: String, required: true }, phone: { type: String, default: null } },
    perceelen: [String],
    declarations: [String],
    motivation: { type: String, default: '' },
    submittedAt: { type: Date, required: true },
    reviewDeadline: { type: String, required: true },
    accessionDeadline: { type: String, default: null },
    openQuestion: { type: String, default: null },
    refusalReason: { type: String, default: null },
    accession: { type: accessionSchema, default: null },
    history: { type: [historySchema], default: [] },
    secretHash: { type: String, required: true },
    erasedAt: { type: Date, default: null },
  },
  { collection: 'admission_applications', versionKey: false, minimize: false },
);
// The backup and erasure find a trajectory's applications by it; requests address them by `_id`.
applicationSchema.index({ trajectoryId: 1 });

const entrySchema = new Schema<BookEntry>(
  {
    applicationId: { type: Schema.Types.ObjectId, required: true },
    number: Number,
    status: { type: String, enum: applicationStatuses },
    organisationName: String,
    kvk: String,
    kind: { type: String, enum: applicantKinds },
    city: String,
    perceelen: [String],
    submittedAt: Date,
    reviewDeadline: String,
    municipalities: { type: [String], default: [] },
    agreementVersion: { type: String, default: null },
    contractedAt: { type: Date, default: null },
  },
  { _id: false },
);

const bookSchema = new Schema<AdmissionBookRecord>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    settings: { type: Schema.Types.Mixed, required: true },
    entries: { type: [entrySchema], default: [] },
  },
  { collection: 'admission_books', versionKey: false, minimize: false },
);

export const applicationModel = (c: Connection): Model<ApplicationRecord> =>
  (c.models.AdmissionApplication as Model<ApplicationRecord>) ?? c.model<ApplicationRecord>('AdmissionApplication', applicationSchema);
export const admissionBookModel = (c: Connection): Model<AdmissionBookRecord> =>
  (c.models.AdmissionBook as Model<AdmissionBookRecord>) ?? c.model<AdmissionBookRecord>('AdmissionBook', bookSchema);
