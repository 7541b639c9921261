import type { AgreementDto, ChapterDto, ClauseDto } from '../../../shared/schemas/agreement';

export interface ClauseInAgreement {
  clause: ClauseDto;
  chapter: ChapterDto;
  /** Its index within the chapter, and how many clauses the chapter has. */
  index: number;
  count: number;
}

export function findClause(agreement: AgreementDto, clauseId: string): ClauseInAgreement | undefined {
  for (const chapter of agreement.chapters) {
    const index = chapter.clauses.findIndex((c) => c.id === clauseId);
    if (index >= 0) return { clause: chapter.clauses[index]!, chapter, index, count: chapter.clauses.length };
  }
  return undefined;
}

/** Names of the municipalities in a list the way one says it: "Haarlem, Heemstede en Zandvoort". */
export function joinNames(names: readonly string[], language: string): string {
  return new Intl.ListFormat(language === 'en' ? 'en-GB' : 'nl-NL', { style: 'long', type: 'conjunction' }).format(names);
}
