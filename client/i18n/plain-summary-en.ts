import type { plainSummaryNl } from './plain-summary-nl';

export const plainSummaryEn: typeof plainSummaryNl = {
  title: 'In plain language',
  readAloud: 'Read aloud',
  stopReading: 'Stop reading aloud',
  write: 'Write a summary in plain language',
  change: 'Change the summary in plain language',
  label: 'Summary in plain language (B1)',
  hint: 'A few short sentences in simple words, so that everyone at the table can take part. Client representatives see this summary first. Empty the field to remove the summary. At most {{max}} characters.',
  tooLong: 'The summary is too long: at most {{max}} characters.',
  save: 'Save summary',
  saved: 'The summary in plain language has been saved.',
  removed: 'The summary in plain language has been removed.',
};
