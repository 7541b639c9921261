import { Heading2, Heading3, Link, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format/dates';
import type { QuestionDto } from '../../../shared/schemas/questions';
import { aboutText, notaAnchor } from './question-helpers';
import { QuestionStatusBadge } from './QuestionStatusBadge';
import { Attachments } from '../../components/attachments/Attachments';
import { useTrajectory } from '../trajectory/trajectory-context';

export interface OwnQuestionsProps {
  questions: QuestionDto[];
  clauseNumbers: Map<string, number>;
}

/** A provider's own questions, newest first, with where each stands. */
export function OwnQuestions({ questions, clauseNumbers }: OwnQuestionsProps) {
  const { trajectory } = useTrajectory();
  const { t, i18n } = useTranslation();
  const newestFirst = [...questions].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <section aria-labelledby="mine-heading" className="dt-form-section" data-testid="own-questions">
      <Heading2 id="mine-heading">{t('questions.mine.title')}</Heading2>
      <Paragraph>{t('questions.mine.intro')}</Paragraph>
      {newestFirst.length === 0 ? (
        <Paragraph>{t('questions.mine.none')}</Paragraph>
      ) : (
        <ul className="dt-card-list">
          {newestFirst.map((question) => {
            const headingId = `own-question-${question.id}`;
            const about = aboutText(question, clauseNumbers, t);
            return (
              <li key={question.id} className="dt-card dt-question" data-testid="own-question" aria-labelledby={headingId}>
                <div className="dt-question__head">
                  <Heading3 id={headingId} className="dt-card__title dt-question__title">
                    {t('questions.mine.heading', { date: formatDateTime(question.createdAt, i18n.language) })}
                  </Heading3>
                  <QuestionStatusBadge question={question} />
                </div>
                {about && (
                  <Paragraph appearance="small" className="dt-hint">
                    {about}
                  </Paragraph>
                )}
                <Paragraph className="dt-preformatted dt-question__text">{question.text}</Paragraph>
                {question.status === 'published' && question.number !== null && (
                  <>
                    {question.answer && (
                      <div className="dt-question__answer">
                        <Paragraph>
                          <strong>{t('questions.mine.answerLabel')}</strong>
                        </Paragraph>
                        <Paragraph className="dt-preformatted">{question.answer}</Paragraph>
                      </div>
                    )}
                    <Paragraph>
                      <Link href={`#${notaAnchor(question.number)}`} onClick={(event) => focusAnchor(event, notaAnchor(question.number!))}>
                        {t('questions.mine.toNota', { number: question.number })}
                      </Link>
                    </Paragraph>
                  </>
                )}
                <Attachments trajectoryId={trajectory.id} parentKind="question" parentId={question.id} headingLevel={4} />
                {question.status === 'published' && <Attachments trajectoryId={trajectory.id} parentKind="answer" parentId={question.id} headingLevel={4} />}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function focusAnchor(event: { preventDefault: () => void }, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.scrollIntoView({ block: 'start' });
}
