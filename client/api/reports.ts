import type { z } from 'zod';
import type { reportCommentRequest, ReportCommentDto, ReportDto, SessionReportPage } from '../../shared/schemas/reports';
import { request } from './client';

// Session reports (verslagen). Types only from shared/: the schemas stay out of the browser bundle.
export type ReportCommentInput = z.input<typeof reportCommentRequest>;

const enc = encodeURIComponent;
const reportPath = (trajectoryId: string, reportId: string) => `/api/trajectories/${enc(trajectoryId)}/reports/${enc(reportId)}`;
const sessionReportPath = (trajectoryId: string, sessionId: string) => `/api/trajectories/${enc(trajectoryId)}/sessions/${enc(sessionId)}/report`;

export const reportApi = {
  page: (trajectoryId: string, sessionId: string, signal?: AbortSignal) =>
    request<SessionReportPage>('GET', sessionReportPath(trajectoryId, sessionId), undefined, signal),
  generate: (trajectoryId: string, sessionId: string) => request<ReportDto>('POST', sessionReportPath(trajectoryId, sessionId)),
  regenerate: (trajectoryId: string, reportId: string) => request<ReportDto>('POST', `${reportPath(trajectoryId, reportId)}/regenerate`),
  saveSummary: (trajectoryId: string, reportId: string, summary: string) => request<ReportDto>('PUT', `${reportPath(trajectoryId, reportId)}/summary`, { summary }),
  comment: (trajectoryId: string, reportId: string, input: ReportCommentInput) =>
    request<ReportCommentDto>('POST', `${reportPath(trajectoryId, reportId)}/comments`, input),
  publish: (trajectoryId: string, reportId: string) => request<ReportDto>('POST', `${reportPath(trajectoryId, reportId)}/publish`),
  /** Download links (plain links: the browser saves the file). */
  docxUrl: (trajectoryId: string, reportId: string) => `${reportPath(trajectoryId, reportId)}/verslag.docx`,
  pdfUrl: (trajectoryId: string, reportId: string) => `${reportPath(trajectoryId, reportId)}/verslag.pdf`,
};
