import { Readable } from 'node:stream';
import { Types } from 'mongoose';
import { z } from 'zod';
import { applicantMayAttach, deadlineAfter, decideAdmissionStep, type AdmissionStep } from '../../shared/domain/admission';
import { accessionRequest, answerRequest, applyRequest, type AdmissionFormDto, type ApplicantViewDto, type RegisterDto } from '../../shared/schemas/admission';
import { attachmentFileName } from '../../shared/schemas/attachments';
import { id } from '../../shared/schemas/common';
import { AppError, notFound } from '../errors';
import type { Models } from '../models';
import type { TrajectoryRecord } from '../models/trajectory';
import { defineOperation, noBody, type Effect, type OperationContext } from '../commands/operation';
import { storeUpload } from '../attachments/attachment-store';
import type { ApplicationRecord } from './admission-models';
import { admissionLock, readBook, saveApplication, writeBook, entryOf } from './admission-book';
import { applicationView, registerEntries } from './admission-views';
import { mailApplicant, notifyAccession, notifyApplicationToReview, type ApplicantNotice } from './admission-notices';
import { currentSealedVersion } from './sealed-version';
import { applicantToken, newSecret, secretMatches, splitToken } from './secret-link';

/** Public addresses name the trajectory as `openHouseId`: only a trajectory of model Open House answers. */
const openHouseParams = z.object({ openHouseId: id });
const tokenParams = z.object({ token: applicantToken });

/** The trajectory, if it is an Open House; any other (or none) is not found, alike. */
async function openHouse(models: Models, trajectoryId: string): Promise<TrajectoryRecord> {
  const trajectory = await models.trajectories.findById(trajectoryId).lean();
  if (!trajectory || trajectory.model !== 'open_house') throw notFound();
  return trajectory;
}

interface Applicant {
  application: ApplicationRecord;
  trajectory: TrajectoryRecord;
}

/** The application behind a secret link, by `_id`; a wrong secret is not found, like an unknown id. */
async function byToken(models: Models, token: string): Promise<Applicant> {
  const { applicationId, secret } = splitToken(token);
  const application = await models.admissionApplications.findById(applicationId).lean();
  if (!application || !secretMatches(secret, application.secretHash)) throw notFound();
  const trajectory = await openHouse(models, String(application.trajectoryId));
  return { application, trajectory };
}

/** Turns a denial of the admission rule into the error the client gets. */
export function enforceStep(application: ApplicationRecord, step: AdmissionStep, by: 'procurement' | 'applicant') {
  const decision = decideAdmissionStep(application.status, step, by);
  if (decision.allowed) return decision.to;
  if (decision.code === 'forbidden') throw new AppError('forbidden', 'Your role does not allow this.');
  throw new AppError('conflict', `This step is not open for an application that is ${application.status}.`, { reason: 'wrong_status', status: application.status });
}

const audited = (a: ApplicationRecord, action: string, extra: Record<string, unknown> = {}) => ({
  chain: String(a.trajectoryId),
  action,
  objectType: 'admission_application',
  objectId: String(a._id),
  // Ids, statuses and codes only: no names, no addresses, nothing the applicant wrote.
  summary: { number: a.number, status: a.status, ...extra },
});
const changed = (a: ApplicationRecord) => [{ trajectoryId: String(a.trajectoryId), what: 'admission' as const }];

/** Mails the applicant after the write; a mail that cannot be sent is logged, never undoes the step. */
export async function mailAfter(ctx: OperationContext, a: ApplicationRecord, trajectoryName: string, notice: ApplicantNotice, token?: string): Promise<void> {
  try {
    await mailApplicant(ctx.services, a, trajectoryName, notice, token);
  } catch (error) {
    ctx.services.log.error({ err: (error as Error).message, applicationId: String(a._id) }, 'the applicant could not be mailed');
  }
}

/** What the public form needs: the trajectory's name, municipalities, perceelen, declarations and review period. */
export const admissionForm = defineOperation({
  name: 'admission.form',
  params: openHouseParams,
  body: noBody,
  authorize: async () => undefined,
  run: async (ctx, p): Promise<Effect<AdmissionFormDto>> => {
    const trajectory = await openHouse(ctx.services.models, p.openHouseId);
    const book = await readBook(ctx.services.models, p.openHouseId);
    return { result: { trajectoryId: p.openHouseId, trajectoryName: trajectory.name, municipalities: trajectory.municipalities, settings: book.settings, maxBytes: ctx.services.config.attachments.maxBytes } };
  },
});

/**
 * A provider applies, without an account. The answer carries the secret link's token (also mailed
 * to the contact address) and the review deadline; it says nothing about other applications, so a
 * second application with the same KvK number is taken like any other (the review list shows both).
 */
export const apply = defineOperation({
  name: 'admission.apply',
  params: openHouseParams,
  body: applyRequest,
  lock: (p) => admissionLock(p.openHouseId),
  authorize: async () => undefined,
  run: async (ctx, p, b): Promise<Effect<{ token: string; reviewDeadline: string }>> => {
    const { models } = ctx.services;
    const trajectory = await openHouse(models, p.openHouseId);
    const book = await readBook(models, p.openHouseId);
    const codes = new Set(book.settings.perceelen.map((x) => x.code));
    const unknown = b.perceelen.filter((c) => !codes.has(c));
    if (unknown.length) throw new AppError('validation_failed', 'Choose perceelen of this trajectory.', { perceelen: `unknown: ${unknown.join(', ')}` });
    const missing = book.settings.declarations.filter((d) => !b.declarations.includes(d.id));
    if (missing.length) throw new AppError('validation_failed', 'Every declaration is required.', { declarations: `missing: ${missing.map((d) => d.id).join(', ')}` });
    const extra = b.declarations.filter((d) => !book.settings.declarations.some((x) => x.id === d));
    if (extra.length) throw new AppError('validation_failed', 'Only the declarations this trajectory asks for.', { declarations: `unknown: ${extra.join(', ')}` });
    const now = new Date();
    const { secret, hash } = newSecret();
    const application: ApplicationRecord = {
      _id: new Types.ObjectId(),
      trajectoryId: trajectory._id,
      number: book.entries.reduce((max, e) => Math.max(max, e.number), 0) + 1,
      status: 'submitted',
      organisation: b.organisation,
      contact: { name: b.contact.name, email: b.contact.email, phone: b.contact.phone ?? null },
      perceelen: [...new Set(b.perceelen)],
      declarations: [...new Set(b.declarations)],
      motivation: b.motivation,
      submittedAt: now,
      reviewDeadline: deadlineAfter(now, book.settings.reviewWeeks),
      accessionDeadline: null,
      openQuestion: null,
      refusalReason: null,
      accession: null,
      history: [{ step: 'apply', status: 'submitted', at: now, text: null }],
      secretHash: hash,
    };
    await models.admissionApplications.create(application);
    book.entries.push(entryOf(application));
    await writeBook(models, book);
    const token = `${String(application._id)}.${secret}`;
    await mailAfter(ctx, application, trajectory.name, 'received', token);
    return {
      result: { token, reviewDeadline: application.reviewDeadline },
      audit: [audited(application, 'admission.apply', { perceelen: application.perceelen })],
      publish: changed(application),
      notify: [notifyApplicationToReview(application)],
    };
  },
});

async function applicantView(ctx: OperationContext, { application, trajectory }: Applicant): Promise<ApplicantViewDto> {
  const book = await readBook(ctx.services.models, String(trajectory._id));
  const files = await ctx.services.models.attachments.find({ trajectoryId: trajectory._id, parentKind: 'application', parentId: application._id }).sort({ createdAt: 1 }).lean();
  return {
    application: applicationView(application, 'applicant'),
    trajectoryName: trajectory.name,
    municipalities: trajectory.municipalities,
    settings: book.settings,
    files: files
      .filter((f) => !f.removedAt)
      .map((f) => {
        const v = f.versions[f.versions.length - 1]!;
        return { id: String(f._id), name: v.name, size: v.size, contentType: v.contentType, uploadedAt: v.uploadedAt.toISOString() };
      }),
    maxBytes: ctx.services.config.attachments.maxBytes,
  };
}

/** The applicant's own application through the secret link. */
export const viewOwnApplication = defineOperation({
  name: 'admission.view',
  params: tokenParams,
  body: noBody,
  authorize: (ctx, p) => byToken(ctx.services.models, p.token),
  run: async (ctx, _p, _b, applicant): Promise<Effect<ApplicantViewDto>> => ({ result: await applicantView(ctx, applicant) }),
});

/** The applicant answers the procurement team's question; the application is back in review, with a new review period. */
export const answerQuestion = defineOperation({
  name: 'admission.answer',
  params: tokenParams,
  body: answerRequest,
  authorize: (ctx, p) => byToken(ctx.services.models, p.token),
  run: async (ctx, _p, b, applicant): Promise<Effect<ApplicantViewDto>> => {
    const { application, trajectory } = applicant;
    return ctx.services.locks.withLock(admissionLock(String(trajectory._id)), async () => {
      const fresh = (await ctx.services.models.admissionApplications.findById(application._id).lean())!;
      const to = enforceStep(fresh, 'answer', 'applicant');
      const book = await readBook(ctx.services.models, String(trajectory._id));
      const now = new Date();
      const next: ApplicationRecord = { ...fresh, status: to, openQuestion: null, submittedAt: now, reviewDeadline: deadlineAfter(now, book.settings.reviewWeeks), history: [...fresh.history, { step: 'answer', status: to, at: now, text: b.answer }] };
      await saveApplication(ctx.services.models, next);
      await mailAfter(ctx, next, trajectory.name, 'answered');
      return { result: await applicantView(ctx, { application: next, trajectory }), audit: [audited(next, 'admission.answer')], publish: changed(next), notify: [notifyApplicationToReview(next)] };
    });
  },
});

const fileUpload = z
  .object({
    name: attachmentFileName,
    contentType: z.literal('application/octet-stream', { error: 'must be application/octet-stream (the file as it is)' }),
    declaredLength: z.coerce.number().int().min(0).optional(),
    stream: z.custom<Readable>((v) => v instanceof Readable, 'is not a request body'),
  })
  .strict();

/**
 * The applicant attaches a document (while the application waits for review or an answer). It is
 * stored like every attachment (type by content, at most MAX_ATTACHMENT_BYTES), on the application
 * as its parent; the uploader is the application itself, as the applicant has no account.
 */
export const attachDocument = defineOperation({
  name: 'admission.attach',
  params: tokenParams,
  body: fileUpload,
  authorize: async (ctx, p) => {
    const applicant = await byToken(ctx.services.models, p.token);
    if (!applicantMayAttach(applicant.application.status)) throw new AppError('conflict', 'Documents are added while the application is in review.', { reason: 'wrong_status', status: applicant.application.status });
    return applicant;
  },
  run: async (ctx, _p, b, { application, trajectory }): Promise<Effect<ApplicantViewDto>> => {
    const maxBytes = ctx.services.config.attachments.maxBytes;
    if (b.declaredLength !== undefined && b.declaredLength > maxBytes) throw new AppError('payload_too_large', `A file may be at most ${maxBytes} bytes.`, { file: 'too_large' });
    const existing = await ctx.services.models.attachments.countDocuments({ trajectoryId: trajectory._id, parentKind: 'application', parentId: application._id });
    if (existing >= maxDocuments) throw new AppError('conflict', `An application holds at most ${maxDocuments} documents.`, { reason: 'too_many_files' });
    const stored = await storeUpload(ctx.services.models, String(trajectory._id), b.name, b.stream, maxBytes);
    const version = { ...stored, name: b.name, uploadedBy: application._id, uploaderOrganisationId: null, uploadedAt: new Date() };
    const record = await ctx.services.models.attachments.create({ trajectoryId: trajectory._id, parentKind: 'application', parentId: application._id, versions: [version] });
    return {
      result: await applicantView(ctx, { application, trajectory }),
      audit: [{ chain: String(trajectory._id), action: 'attachment.add', objectType: 'attachment', objectId: String(record._id), summary: { parentKind: 'application', parentId: String(application._id), version: 1, size: stored.size, contentType: stored.contentType, sha256: stored.sha256 } }],
      publish: [{ trajectoryId: String(trajectory._id), what: 'attachments' }],
    };
  },
});

/** The most documents one application holds: enough for a dossier, too few to fill a disk. */
const maxDocuments = 20;

/**
 * The admitted provider signs the accession statement (toetredingsverklaring) to the current sealed
 * version of the definitive agreement, for municipalities of the trajectory; it then is in the register.
 */
export const accede = defineOperation({
  name: 'admission.accede',
  params: tokenParams,
  body: accessionRequest,
  authorize: (ctx, p) => byToken(ctx.services.models, p.token),
  run: async (ctx, _p, b, { application, trajectory }): Promise<Effect<ApplicantViewDto>> => {
    const unknown = b.municipalities.filter((m) => !trajectory.municipalities.includes(m));
    if (unknown.length) throw new AppError('validation_failed', 'Choose municipalities of this trajectory.', { municipalities: `unknown: ${unknown.join(', ')}` });
    return ctx.services.locks.withLock(admissionLock(String(trajectory._id)), async () => {
      const fresh = (await ctx.services.models.admissionApplications.findById(application._id).lean())!;
      const to = enforceStep(fresh, 'accede', 'applicant');
      const sealed = await currentSealedVersion(ctx.services.models, String(trajectory._id));
      if (!sealed) throw new AppError('conflict', 'The definitive agreement has no sealed version yet to accede to.', { reason: 'not_sealed' });
      const now = new Date();
      const accession = { signerName: b.signerName, signerFunction: b.signerFunction, municipalities: [...new Set(b.municipalities)], agreementVersion: sealed.version, sealHash: sealed.sealHash, signedAt: now };
      const next: ApplicationRecord = { ...fresh, status: to, accession, history: [...fresh.history, { step: 'accede', status: to, at: now, text: null }] };
      await saveApplication(ctx.services.models, next);
      await mailAfter(ctx, next, trajectory.name, 'contracted');
      return {
        result: await applicantView(ctx, { application: next, trajectory }),
        audit: [audited(next, 'admission.accede', { agreementVersion: sealed.version, sealHash: sealed.sealHash, municipalities: accession.municipalities.length })],
        publish: changed(next),
        notify: [notifyAccession(next)],
      };
    });
  },
});

/** The public register of contracted providers of an Open House trajectory. */
export const register = defineOperation({
  name: 'admission.register',
  params: openHouseParams,
  body: noBody,
  authorize: async () => undefined,
  run: async (ctx, p): Promise<Effect<RegisterDto>> => {
    const trajectory = await openHouse(ctx.services.models, p.openHouseId);
    const book = await readBook(ctx.services.models, p.openHouseId);
    return { result: { trajectoryId: p.openHouseId, trajectoryName: trajectory.name, providers: registerEntries(book.entries) } };
  },
});
