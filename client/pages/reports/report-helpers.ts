import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import type { ReportContent } from '../../../shared/schemas/reports';
import { reportSectionKeys } from '../../../shared/domain/report-sections';

export const maxSummaryLength = 20_000;
export const maxCommentLength = 5000;

/** Why the server refused (409), as it says in `error.fields.reason`. */
export function conflictReason(error: unknown): 'published' | 'exists' | 'not_held' | undefined {
  if (!(error instanceof ApiError) || error.code !== 'conflict') return undefined;
  const reason = error.fields?.reason;
  return reason === 'published' || reason === 'exists' || reason === 'not_held' ? reason : undefined;
}

/** The parts a comment can be about, named as the page names them. */
export function sectionChoices(content: ReportContent, t: TFunction): Array<{ value: string; label: string }> {
  return reportSectionKeys(content).map((key) => ({ value: key, label: sectionLabel(key, content, t) }));
}

export function sectionLabel(key: string, content: ReportContent, t: TFunction): string {
  if (key.startsWith('topic:')) {
    const topic = content.topics.find((x) => x.key === key);
    return topic?.title ? t('reports.topic.title', { title: topic.title }) : t('reports.sections.general');
  }
  switch (key) {
    case 'attendance':
      return t('reports.sections.attendance');
    case 'declaration':
      return t('reports.sections.declaration');
    case 'agenda':
      return t('reports.sections.agenda');
    case 'actions':
      return t('reports.sections.actions');
    case 'summary':
      return t('reports.sections.summary');
    default:
      return key;
  }
}

/** Runs one of the page's own writes, so the live change it causes is not announced as someone else's. */
export type OwnWrite = <T>(request: () => Promise<T>) => Promise<T>;
