import type { z } from 'zod';
import type { reportCommentRequest } from '../../shared/schemas/reports';
import { call, routeUrl } from './call';

// Session reports (verslagen).
export type ReportCommentInput = z.input<typeof reportCommentRequest>;

export const reportApi = {
  page: (trajectoryId: string, sessionId: string, signal?: AbortSignal) => call('getSessionReport', { params: { trajectoryId, sessionId } }, signal),
  generate: (trajectoryId: string, sessionId: string) => call('generateReport', { params: { trajectoryId, sessionId } }),
  regenerate: (trajectoryId: string, reportId: string) => call('regenerateReport', { params: { trajectoryId, reportId } }),
  saveSummary: (trajectoryId: string, reportId: string, summary: string) => call('updateReportSummary', { params: { trajectoryId, reportId }, body: { summary } }),
  comment: (trajectoryId: string, reportId: string, input: ReportCommentInput) => call('commentOnReport', { params: { trajectoryId, reportId }, body: input }),
  publish: (trajectoryId: string, reportId: string) => call('publishReport', { params: { trajectoryId, reportId } }),
  /** Download links (plain links: the browser saves the file). */
  docxUrl: (trajectoryId: string, reportId: string) => routeUrl('reportExportDocx', { trajectoryId, reportId }),
  pdfUrl: (trajectoryId: string, reportId: string) => routeUrl('reportExportPdf', { trajectoryId, reportId }),
  resultsCsvUrl: (trajectoryId: string, reportId: string) => routeUrl('reportResultsCsv', { trajectoryId, reportId }),
};
