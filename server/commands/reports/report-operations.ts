import { findPublication, recordPublication, withChainHead } from '../../audit/publication';
import { roleMay } from '../../../shared/domain/permissions';
import { id } from '../../../shared/schemas/common';
import { reportCommentRequest, reportSummaryRequest, type ReportCommentDto, type ReportDto, type SessionReportPage } from '../../../shared/schemas/reports';
import { AppError, notFound } from '../../errors';
import type { ExportDocument } from '../../export/document';
import type { Models } from '../../models';
import { organisationNames, userNames } from '../../models/names';
import type { ReportRecord } from '../../models/report';
import { defineTrajectoryOperation, noBody, type OperationContext, type TrajectoryAccess } from '../operation';
import { requireInvited } from '../sessions/session-access';
import type { TrajectoryAction } from '../../../shared/domain/permissions';
import { trajectoryParams } from '../trajectories/trajectory-operations';
import { buildReportContent } from './report-content';
import { reportDocument } from './report-document';
import { reportResultsCsv } from './kind-results';
import type { Response } from 'express';
import { reportSectionKeys } from '../../../shared/domain/report-sections';
import { notifyReport } from '../../notifications/events';

const sessionReportParams = trajectoryParams.extend({ sessionId: id });
const reportParams = trajectoryParams.extend({ reportId: id });
/** One writer per report at a time: publishing and a late comment or summary edit cannot cross. */
const reportLock = (p: { reportId: string }) => `report:${p.reportId}`;

const seesAllComments = (access: TrajectoryAccess) => access.seat !== null && roleMay(access.seat.role, 'report.manage');

async function loadSession(models: Models, p: { trajectoryId: string; sessionId: string }) {
  const session = await models.dialogueSessions.findOne({ _id: p.sessionId, trajectoryId: p.trajectoryId }).lean();
  if (!session) throw notFound();
  return session;
}

async function loadReport(models: Models, p: { trajectoryId: string; reportId: string }): Promise<ReportRecord> {
  const report = await models.reports.findOne({ _id: p.reportId, trajectoryId: p.trajectoryId }).lean();
  if (!report) throw notFound();
  return report;
}

/** A closed session's report is for those the session invited (shared/policy), like the session itself. */
async function requireInvitedToReport(ctx: OperationContext, access: TrajectoryAccess, report: ReportRecord, action: TrajectoryAction): Promise<void> {
  const session = await ctx.services.models.dialogueSessions.findById(report.sessionId, { audience: 1 }).lean();
  if (session) requireInvited(ctx, access, session, action);
}

function requireDraft(report: ReportRecord): void {
  if (report.status === 'published') throw new AppError('conflict', 'This report has been published; it does not change any more.', { reason: 'published' });
}

async function commentsOf(models: Models, report: ReportRecord, access: TrajectoryAccess): Promise<ReportCommentDto[]> {
  const filter = seesAllComments(access) ? { reportId: report._id } : { reportId: report._id, authorId: access.user.userId };
  const comments = await models.reportComments.find(filter).sort({ createdAt: 1 }).lean();
  const [names, orgs] = await Promise.all([userNames(models, comments.map((c) => c.authorId)), organisationNames(models, comments.map((c) => c.authorOrganisationId))]);
  return comments.map((c) => ({
    id: String(c._id),
    text: c.text,
    section: c.section,
    author: { name: names.get(String(c.authorId)) ?? '—', organisationName: orgs.get(String(c.authorOrganisationId)) ?? '—', role: c.authorRole },
    mine: String(c.authorId) === access.user.userId,
    createdAt: c.createdAt.toISOString(),
  }));
}

async function reportView(models: Models, report: ReportRecord, access: TrajectoryAccess): Promise<ReportDto> {
  return {
    id: String(report._id),
    trajectoryId: String(report.trajectoryId),
    sessionId: String(report.sessionId),
    status: report.status,
    summary: report.summary,
    content: report.content,
    generatedAt: report.generatedAt.toISOString(),
    publishedAt: report.publishedAt ? report.publishedAt.toISOString() : null,
    comments: await commentsOf(models, report, access),
  };
}

const audited = (trajectoryId: string, action: string, reportId: string, summary: Record<string, unknown>) => ({
  audit: [{ chain: trajectoryId, action, objectType: 'report', objectId: reportId, summary }],
  publish: [{ trajectoryId, what: 'reports' as const }],
});

/** The report page of a session: its report if one was generated, and what the viewer may do with it. */
export const getSessionReport = defineTrajectoryOperation({
  name: 'report.view',
  action: 'report.view',
  params: sessionReportParams,
  body: noBody,
  run: async (ctx, p, _b, access): Promise<{ result: SessionReportPage }> => {
    const { models } = ctx.services;
    const session = await loadSession(models, p);
    requireInvited(ctx, access, session, 'report.view');
    const report = await models.reports.findOne({ sessionId: session._id }).lean();
    const role = access.seat?.role ?? null;
    return {
      result: {
        session: { id: String(session._id), title: session.title, status: session.status },
        report: report ? await reportView(models, report, access) : null,
        mayManage: role !== null && roleMay(role, 'report.manage'),
        mayComment: role !== null && roleMay(role, 'report.comment'),
      },
    };
  },
});

/** The procurement team drafts the report of a session that has been held (or is being held). */
export const generateReport = defineTrajectoryOperation({
  name: 'report.generate',
  action: 'report.manage',
  params: sessionReportParams,
  body: noBody,
  // The unique key on sessionId makes one report per session; the lock makes the second click a clear 409.
  lock: (p) => `report-session:${p.sessionId}`,
  run: async (ctx, p, _b, access) => {
    const { models } = ctx.services;
    const session = await loadSession(models, p);
    if (session.status === 'planned' || session.status === 'cancelled') throw new AppError('conflict', 'This session has not been held yet; there is nothing to report.', { reason: 'not_held' });
    if (await models.reports.exists({ sessionId: session._id })) throw new AppError('conflict', 'This session already has a report.', { reason: 'exists' });
    const now = new Date();
    const report = await models.reports.create({
      trajectoryId: p.trajectoryId,
      sessionId: session._id,
      content: await buildReportContent(ctx.services, session, now),
      generatedAt: now,
      generatedBy: access.user.userId,
    });
    const record = report.toObject();
    return { result: await reportView(models, record, access), ...audited(p.trajectoryId, 'report.generate', String(report._id), { sessionId: p.sessionId }), notify: [notifyReport('report.comments', p.trajectoryId, session._id, session.title, session)] };
  },
});

/** A fresh snapshot of the session for the draft; the summary and the comments stay. */
export const regenerateReport = defineTrajectoryOperation({
  name: 'report.regenerate',
  action: 'report.manage',
  params: reportParams,
  body: noBody,
  lock: reportLock,
  run: async (ctx, p, _b, access) => {
    const { models } = ctx.services;
    const report = await loadReport(models, p);
    requireDraft(report);
    const session = await models.dialogueSessions.findById(report.sessionId).lean();
    if (!session) throw notFound();
    const now = new Date();
    await models.reports.updateOne({ _id: report._id }, { $set: { content: await buildReportContent(ctx.services, session, now), generatedAt: now, generatedBy: access.user.userId } });
    const updated = (await models.reports.findById(report._id).lean())!;
    return { result: await reportView(models, updated, access), ...audited(p.trajectoryId, 'report.regenerate', p.reportId, { sessionId: String(report.sessionId) }) };
  },
});

export const updateReportSummary = defineTrajectoryOperation({
  name: 'report.summary',
  action: 'report.manage',
  params: reportParams,
  body: reportSummaryRequest,
  lock: reportLock,
  run: async (ctx, p, body, access) => {
    const { models } = ctx.services;
    const report = await loadReport(models, p);
    requireDraft(report);
    await models.reports.updateOne({ _id: report._id }, { $set: { summary: body.summary } });
    const updated = (await models.reports.findById(report._id).lean())!;
    return { result: await reportView(models, updated, access), ...audited(p.trajectoryId, 'report.summary', p.reportId, { length: body.summary.length }) };
  },
});

/** A participant's comment on the draft, optionally about one part of it. */
export const commentOnReport = defineTrajectoryOperation({
  name: 'report.comment',
  action: 'report.comment',
  params: reportParams,
  body: reportCommentRequest,
  lock: reportLock,
  run: async (ctx, p, body, access) => {
    const { models } = ctx.services;
    const report = await loadReport(models, p);
    await requireInvitedToReport(ctx, access, report, 'report.comment');
    if (body.section !== null && !reportSectionKeys(report.content).includes(body.section)) {
      throw new AppError('validation_failed', 'The input is not valid.', { section: 'is not a part of this report' });
    }
    requireDraft(report);
    const comment = await models.reportComments.create({
      trajectoryId: p.trajectoryId,
      reportId: report._id,
      authorId: access.user.userId,
      authorRole: access.seat?.role ?? null,
      authorOrganisationId: access.seat?.organisationId ?? null,
      text: body.text,
      section: body.section,
    });
    const mine = (await commentsOf(models, report, access)).find((c) => c.id === String(comment._id))!;
    // The log names the comment and its part, not its text.
    return { result: mine, ...audited(p.trajectoryId, 'report.comment', p.reportId, { commentId: String(comment._id), section: body.section }) };
  },
});

/** Publishing locks the report and shows it to every member as final. */
export const publishReport = defineTrajectoryOperation({
  name: 'report.publish',
  action: 'report.manage',
  params: reportParams,
  body: noBody,
  lock: reportLock,
  run: async (ctx, p, _b, access) => {
    const { models } = ctx.services;
    const report = await loadReport(models, p);
    requireDraft(report);
    const publishedAt = new Date();
    await models.reports.updateOne({ _id: report._id, status: 'draft' }, { $set: { status: 'published', publishedAt, publishedBy: access.user.userId } });
    await recordPublication(models, ctx.services.config, 'report', p.trajectoryId, p.reportId);
    const updated = (await models.reports.findById(report._id).lean())!;
    const session = await models.dialogueSessions.findById(report.sessionId, { title: 1, audience: 1 }).lean();
    const notify = [notifyReport('report.published', p.trajectoryId, report.sessionId, session?.title ?? '', session ?? {})];
    return { result: await reportView(models, updated, access), ...audited(p.trajectoryId, 'report.publish', p.reportId, { sessionId: String(report.sessionId) }), notify };
  },
});

/** The report as a document (DOCX or PDF): what the page shows, the comments left out. */
export const reportExport = defineTrajectoryOperation({
  name: 'report.export',
  action: 'report.view',
  params: reportParams,
  body: noBody,
  run: async (ctx, p, _b, access): Promise<{ result: ExportDocument }> => {
    const report = await loadReport(ctx.services.models, p);
    await requireInvitedToReport(ctx, access, report, 'report.view');
    const publication = report.status === 'published' ? await findPublication(ctx.services.models, 'report', p.reportId) : null;
    return { result: withChainHead(reportDocument(report, access.trajectory.name), publication) };
  },
});

/** The report's poll results as CSV (per option, group and provider kind): the same frozen results the page and the document show. */
export const reportResults = defineTrajectoryOperation({
  name: 'report.results',
  action: 'report.view',
  params: reportParams,
  body: noBody,
  run: async (ctx, p, _b, access): Promise<{ result: string }> => {
    const report = await loadReport(ctx.services.models, p);
    await requireInvitedToReport(ctx, access, report, 'report.view');
    return { result: reportResultsCsv(report.content) };
  },
});

export function reportResultsFile(res: Response, result: unknown): void {
  res.type('text/csv; charset=utf-8').setHeader('Content-Disposition', 'attachment; filename="uitslagen.csv"');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.send(result as string);
}
