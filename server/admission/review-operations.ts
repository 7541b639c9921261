import { deadlineAfter } from '../../shared/domain/admission';
import { admissionSettings, applicationParams, reviewRequest, type AdmissionOverviewDto, type AdmissionSettings, type ApplicationDto } from '../../shared/schemas/admission';
import { notFound } from '../errors';
import { defineTrajectoryOperation, noBody, type Effect } from '../commands/operation';
import { trajectoryParams } from '../commands/trajectories/trajectory-operations';
import type { ApplicationRecord } from './admission-models';
import { admissionLock, readBook, saveApplication, writeBook } from './admission-book';
import { applicationView, summaryView } from './admission-views';
import { enforceStep, mailAfter } from './public-operations';
import type { ApplicantNotice } from './admission-notices';

/** The procurement team's list: the settings and every application's line, from the book (one read by `_id`). */
export const admissionOverview = defineTrajectoryOperation({
  name: 'admission.overview',
  action: 'admission.review',
  params: trajectoryParams,
  body: noBody,
  run: async (ctx, p): Promise<Effect<AdmissionOverviewDto>> => {
    const book = await readBook(ctx.services.models, p.trajectoryId);
    return { result: { settings: book.settings, applications: book.entries.map(summaryView).sort((a, b) => b.number - a.number) } };
  },
});

/** The trajectory's admission settings: perceelen, declarations asked for, review and accession periods. */
export const updateAdmissionSettings = defineTrajectoryOperation({
  name: 'admission.settings',
  action: 'admission.review',
  params: trajectoryParams,
  body: admissionSettings,
  lock: (p) => admissionLock(p.trajectoryId),
  run: async (ctx, p, b): Promise<Effect<AdmissionSettings>> => {
    const book = await readBook(ctx.services.models, p.trajectoryId);
    book.settings = b;
    await writeBook(ctx.services.models, book);
    return {
      result: b,
      audit: [{ chain: p.trajectoryId, action: 'admission.settings', objectType: 'trajectory', objectId: p.trajectoryId, summary: { perceelen: b.perceelen.map((x) => x.code), declarations: b.declarations.map((d) => d.id), reviewWeeks: b.reviewWeeks, accessionWeeks: b.accessionWeeks } }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'admission' }],
    };
  },
});

async function loadApplication(ctx: Parameters<Parameters<typeof defineTrajectoryOperation>[0]['run']>[0], trajectoryId: string, applicationId: string): Promise<ApplicationRecord> {
  const application = await ctx.services.models.admissionApplications.findById(applicationId).lean();
  // An application of another trajectory is not found here, like one that does not exist.
  if (!application || String(application.trajectoryId) !== trajectoryId) throw notFound();
  return application;
}

export const getApplication = defineTrajectoryOperation({
  name: 'admission.application',
  action: 'admission.review',
  params: applicationParams,
  body: noBody,
  run: async (ctx, p): Promise<Effect<ApplicationDto>> => ({ result: applicationView(await loadApplication(ctx, p.trajectoryId, p.applicationId), 'procurement') }),
});

const noticeOf = { markComplete: 'complete', askQuestion: 'question', admit: 'admitted', refuse: 'refused' } as const satisfies Record<string, ApplicantNotice>;

/**
 * A review step: complete, incomplete (a question back), admitted, or refused with a reason. The
 * shared rule decides whether the step is open; the applicant is mailed at their address.
 */
export const reviewApplication = defineTrajectoryOperation({
  name: 'admission.review',
  action: 'admission.review',
  params: applicationParams,
  body: reviewRequest,
  lock: (p) => admissionLock(p.trajectoryId),
  run: async (ctx, p, b, access): Promise<Effect<ApplicationDto>> => {
    const application = await loadApplication(ctx, p.trajectoryId, p.applicationId);
    const to = enforceStep(application, b.step, 'procurement');
    const now = new Date();
    const book = await readBook(ctx.services.models, p.trajectoryId);
    const text = b.step === 'askQuestion' ? b.question : b.step === 'refuse' ? b.reason : (b.note ?? null);
    const next: ApplicationRecord = {
      ...application,
      status: to,
      openQuestion: b.step === 'askQuestion' ? b.question : null,
      refusalReason: b.step === 'refuse' ? b.reason : null,
      accessionDeadline: b.step === 'admit' ? deadlineAfter(now, book.settings.accessionWeeks) : application.accessionDeadline,
      history: [...application.history, { step: b.step, status: to, at: now, text }],
    };
    await saveApplication(ctx.services.models, next);
    await mailAfter(ctx, next, access.trajectory.name, noticeOf[b.step]);
    return {
      result: applicationView(next, 'procurement'),
      audit: [{ chain: p.trajectoryId, action: `admission.${b.step}`, objectType: 'admission_application', objectId: p.applicationId, summary: { number: next.number, status: to } }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'admission' }],
    };
  },
});
