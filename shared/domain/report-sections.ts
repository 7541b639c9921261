import type { ReportContent } from '../schemas/reports';

/** The parts of a report, in the order it shows them; comments may refer to any of them. */
export function reportSectionKeys(content: ReportContent): string[] {
  return ['attendance', 'declaration', 'agenda', ...content.topics.map((t) => t.key), 'actions', 'summary'];
}
