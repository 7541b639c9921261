import { z } from 'zod';
import { admissionSteps, applicantKinds, applicationStatuses, normaliseKvk } from '../domain/admission';
import { email, id, longText, personName, title } from './common';

/** A perceel (lot, productgroep) of the agreement a provider applies for. */
const perceelCode = z.string().trim().regex(/^[A-Z0-9-]{1,12}$/, 'must be a short code (capitals, digits, -)');
const declarationId = z.string().trim().regex(/^[a-z0-9-]{1,40}$/, 'must be a short name (a-z, 0-9, -)');

export const admissionSettings = z
  .object({
    perceelen: z
      .array(z.object({ code: perceelCode, name: title }).strict())
      .min(1, 'needs at least one perceel')
      .max(20)
      .refine((ps) => new Set(ps.map((p) => p.code)).size === ps.length, 'codes must differ'),
    declarations: z
      .array(z.object({ id: declarationId, text: z.string().trim().min(1, 'is required').max(1000, 'is too long') }).strict())
      .max(30)
      .refine((ds) => new Set(ds.map((d) => d.id)).size === ds.length, 'names must differ'),
    reviewWeeks: z.number().int().min(1).max(52),
    accessionWeeks: z.number().int().min(1).max(52),
  })
  .strict();
export type AdmissionSettings = z.infer<typeof admissionSettings>;

const kvkNumber = z
  .string()
  .max(20, 'is not a KvK number')
  .transform((v, ctx) => {
    const kvk = normaliseKvk(v);
    if (!kvk) {
      ctx.addIssue({ code: 'custom', message: 'must be a KvK number of 8 digits' });
      return z.NEVER;
    }
    return kvk;
  });

const phone = z.string().trim().regex(/^[0-9 +()-]{6,20}$/, 'is not a telephone number');

/** The public application form. Every field is checked on the server; an unknown field is refused. */
export const applyRequest = z
  .object({
    organisation: z
      .object({
        name: title,
        kvk: kvkNumber,
        kind: z.enum(applicantKinds),
        address: z.string().trim().min(1, 'is required').max(200, 'is too long'),
        postcode: z.string().trim().regex(/^[1-9][0-9]{3} ?[A-Za-z]{2}$/, 'is not a Dutch postcode'),
        city: z.string().trim().min(1, 'is required').max(100, 'is too long'),
      })
      .strict(),
    contact: z.object({ name: personName, email, phone: phone.optional() }).strict(),
    perceelen: z.array(perceelCode).min(1, 'choose at least one perceel').max(20),
    /** The ids of the declarations the applicant makes; every declaration the trajectory asks for must be among them. */
    declarations: z.array(declarationId).max(30),
    motivation: longText.default(''),
  })
  .strict();
export type ApplyRequest = z.input<typeof applyRequest>;

export const answerRequest = z.object({ answer: z.string().trim().min(1, 'is required').max(5000, 'is too long') }).strict();
export const accessionRequest = z
  .object({
    signerName: personName,
    signerFunction: z.string().trim().min(1, 'is required').max(120, 'is too long'),
    /** The municipalities the provider accedes for: those of the trajectory, at least one. */
    municipalities: z.array(title).min(1, 'choose at least one municipality').max(60),
    /** The provider declares it accepts the agreement: must be true. */
    accept: z.literal(true, { error: 'must be accepted' }),
  })
  .strict();

/** A review step of the procurement team. A question and a refusal need their text. */
export const reviewRequest = z.discriminatedUnion('step', [
  z.object({ step: z.literal('markComplete'), note: longText.optional() }).strict(),
  z.object({ step: z.literal('askQuestion'), question: z.string().trim().min(1, 'is required').max(5000, 'is too long') }).strict(),
  z.object({ step: z.literal('admit'), note: longText.optional() }).strict(),
  z.object({ step: z.literal('refuse'), reason: z.string().trim().min(1, 'is required').max(5000, 'is too long') }).strict(),
]);
export type ReviewRequest = z.infer<typeof reviewRequest>;

export const applicationParams = z.object({ trajectoryId: id, applicationId: id });

const historyEntryDto = z.object({
  step: z.enum(['apply', ...admissionSteps]),
  status: z.enum(applicationStatuses),
  at: z.string(),
  /** The question, answer, note or reason given with the step. */
  text: z.string().nullable(),
});

const accessionDto = z.object({
  signerName: z.string(),
  signerFunction: z.string(),
  municipalities: z.array(z.string()),
  agreementVersion: z.string(),
  sealHash: z.string().nullable(),
  signedAt: z.string(),
});

export const applicationDto = z.object({
  id: z.string(),
  trajectoryId: z.string(),
  number: z.number().int(),
  status: z.enum(applicationStatuses),
  organisation: z.object({ name: z.string(), kvk: z.string(), kind: z.enum(applicantKinds), address: z.string(), postcode: z.string(), city: z.string() }),
  contact: z.object({ name: z.string(), email: z.string(), phone: z.string().nullable() }),
  perceelen: z.array(z.string()),
  declarations: z.array(z.string()),
  motivation: z.string(),
  submittedAt: z.string(),
  /** The review deadline (the agreement's review period from the last submission). */
  reviewDeadline: z.string(),
  /** After admission: the date by which the accession statement is to be signed. */
  accessionDeadline: z.string().nullable(),
  openQuestion: z.string().nullable(),
  refusalReason: z.string().nullable(),
  accession: accessionDto.nullable(),
  history: z.array(historyEntryDto),
  /** The steps the viewer may take now. */
  steps: z.array(z.enum(admissionSteps)),
  mayAttach: z.boolean(),
});
export type ApplicationDto = z.infer<typeof applicationDto>;

const applicationSummaryDto = z.object({
  id: z.string(),
  number: z.number().int(),
  status: z.enum(applicationStatuses),
  organisationName: z.string(),
  kvk: z.string(),
  kind: z.enum(applicantKinds),
  perceelen: z.array(z.string()),
  submittedAt: z.string(),
  reviewDeadline: z.string(),
});
export type ApplicationSummaryDto = z.infer<typeof applicationSummaryDto>;

export const admissionOverviewDto = z.object({
  settings: admissionSettings,
  applications: z.array(applicationSummaryDto),
});
export type AdmissionOverviewDto = z.infer<typeof admissionOverviewDto>;

/** What the public form needs: nothing but the trajectory's name and its admission settings. */
export const admissionFormDto = z.object({
  trajectoryId: z.string(),
  trajectoryName: z.string(),
  municipalities: z.array(z.string()),
  settings: admissionSettings,
  /** The largest document accepted (MAX_ATTACHMENT_BYTES). */
  maxBytes: z.number().int(),
});
export type AdmissionFormDto = z.infer<typeof admissionFormDto>;

export const applyResult = z.object({
  /** The secret link's token: the applicant's only key to their application (also mailed). */
  token: z.string(),
  reviewDeadline: z.string(),
});

const registerEntryDto = z.object({
  organisationName: z.string(),
  kvk: z.string(),
  kind: z.enum(applicantKinds),
  city: z.string(),
  perceelen: z.array(z.string()),
  municipalities: z.array(z.string()),
  agreementVersion: z.string(),
  since: z.string(),
});
export type RegisterEntryDto = z.infer<typeof registerEntryDto>;
export const registerDto = z.object({ trajectoryId: z.string(), trajectoryName: z.string(), providers: z.array(registerEntryDto) });
export type RegisterDto = z.infer<typeof registerDto>;

const applicationFileDto = z.object({ id: z.string(), name: z.string(), size: z.number().int(), contentType: z.string(), uploadedAt: z.string() });
/** The applicant's view through the secret link: their application, its files, and the form's settings. */
export const applicantViewDto = z.object({
  application: applicationDto,
  trajectoryName: z.string(),
  municipalities: z.array(z.string()),
  settings: admissionSettings,
  files: z.array(applicationFileDto),
  maxBytes: z.number().int(),
});
export type ApplicantViewDto = z.infer<typeof applicantViewDto>;
