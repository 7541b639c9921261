import type { searchNl } from './search-nl';

// Typed against the Dutch catalogue: a key missing from either fails the type check.
export const searchEn: typeof searchNl = {
  label: 'Search this trajectory',
  field: 'Search term',
  button: 'Search',
  title: 'Search',
  titleWithQuery: 'Search: {{query}}',
  intro: 'Search topics, clauses (municipality variants too), comments, proposed amendments, questions and answers, agreements and reports. You only see what you may see on the page itself.',
  empty: 'Type a search term and choose Search.',
  tooLong: 'A search term has at most {{max}} characters.',
  count_one: '{{count}} result for “{{query}}”.',
  count_other: '{{count}} results for “{{query}}”.',
  none: 'Nothing found for “{{query}}”. Try another or shorter word.',
  shownOf: 'The first {{shown}} are shown.',
  incomplete: 'The text of some clauses is still being searched; the results will be completed shortly.',
  kinds: {
    topic: 'Topics',
    clause: 'Clauses',
    comment: 'Comments and replies',
    amendment: 'Proposed amendments',
    question: 'Questions and answers',
    outcome: 'Agreements',
    report: 'Reports',
    attachment: 'Attachments',
  },
  kind: {
    topic: 'Topic',
    clause: 'Clause',
    comment: 'Comment on clause',
    amendment: 'Proposed amendment to clause',
    question: 'Question',
    outcome: 'Agreement',
    report: 'Report',
    attachment: 'Attachment',
  },
};
