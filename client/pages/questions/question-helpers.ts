import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import type { QuestionConflictReason } from '../../api/questions';
import type { AgreementDto } from '../../../shared/schemas/agreement';

/** The longest question and answer the server accepts (shared/schemas/questions.ts). */
export const maxQuestionLength = 5000;
export const maxAnswerLength = 10_000;

/** The reason of a 409 from the questions API, when it is one of the known ones. */
export function conflictReason(error: unknown): QuestionConflictReason | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  const reason = error.fields?.reason;
  return reason === 'deadline_passed' || reason === 'published' || reason === 'nothing_to_publish' ? reason : undefined;
}

/** Clause numbers by id, to say "Artikel 4: Wachttijden" where the agreement is known. */
export function clauseNumbers(agreement: AgreementDto | undefined): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const chapter of agreement?.chapters ?? []) for (const clause of chapter.clauses) numbers.set(clause.id, clause.number);
  return numbers;
}

interface About {
  topic: { id: string; title: string } | null;
  clause: { id: string; title: string } | null;
}

/** What a question is about, in words: "Onderwerp: Bekostiging · Artikel 4: Wachttijden", or '' for nothing in particular. */
export function aboutText(question: About, numbers: Map<string, number>, t: TFunction): string {
  const parts: string[] = [];
  if (question.topic) parts.push(t('questions.about.topic', { title: question.topic.title }));
  if (question.clause) {
    const number = numbers.get(question.clause.id);
    parts.push(
      number === undefined
        ? t('questions.about.clause', { title: question.clause.title })
        : t('questions.about.clauseNumbered', { number, title: question.clause.title }),
    );
  }
  return parts.join(' · ');
}

/** The anchor of a published question in the nota, for links from "Uw vragen". */
export const notaAnchor = (number: number) => `vraag-${number}`;
