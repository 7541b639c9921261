import { StatusBadge } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { QuestionDto } from '../../../shared/schemas/questions';

const badge: Record<QuestionDto['status'], string> = { submitted: 'warning', answered: 'active', published: 'safe' };

/**
 * Where a question stands, in words. The procurement team reads "Nog niet beantwoord" where the
 * asker reads "Ingediend": the same state, said for what each of them has to do with it.
 */
export function QuestionStatusBadge({ question, forTeam = false }: { question: QuestionDto; forTeam?: boolean }) {
  const { t } = useTranslation();
  const label =
    question.status === 'published'
      ? t('questions.status.published', { number: question.number ?? '' })
      : question.status === 'submitted' && forTeam
        ? t('questions.status.notAnswered')
        : t(`questions.status.${question.status}`);
  return (
    <StatusBadge status={badge[question.status]} className="dt-badge" data-status={question.status} data-testid="question-status">
      {label}
    </StatusBadge>
  );
}
