import { Heading2, Heading3, Link, Paragraph } from '@utrecht/component-library-react';
import { NewMarker } from '../calendar/visit-context';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { questionApi } from '../../api/questions';
import { formatDate } from '../../format/dates';
import type { PublishedQuestionDto } from '../../../shared/schemas/questions';
import { aboutText, notaAnchor } from './question-helpers';

export interface PublishedNotaProps {
  trajectoryId: string;
  published: PublishedQuestionDto[];
  clauseNumbers: Map<string, number>;
  headingRef?: Ref<HTMLHeadingElement>;
}

/**
 * The nota van inlichtingen as everyone sees it: numbered questions with their answers, what
 * they are about and when they were published. Never who asked: the server leaves that out.
 */
export function PublishedNota({ trajectoryId, published, clauseNumbers, headingRef }: PublishedNotaProps) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="nota-heading" className="dt-form-section" data-testid="nota">
      <Heading2 id="nota-heading" ref={headingRef} tabIndex={-1} className="dt-questions__focus-target">
        {t('questions.nota.title')}
        {published.length > 0 && <span className="dt-count"> ({t('questions.nota.count', { count: published.length })})</span>}
      </Heading2>
      <Paragraph>{t('questions.sameMoment')}</Paragraph>
      {published.length === 0 ? (
        <Paragraph data-testid="nota-empty">{t('questions.nota.none')}</Paragraph>
      ) : (
        <>
          <nav aria-label={t('questions.nota.downloads')}>
            <ul className="dt-inline-list dt-questions__downloads">
              <li>
                <Link href={questionApi.docxUrl(trajectoryId)} download data-testid="nota-docx">
                  {t('questions.nota.downloadDocx')}
                </Link>
              </li>
              <li>
                <Link href={questionApi.pdfUrl(trajectoryId)} download data-testid="nota-pdf">
                  {t('questions.nota.downloadPdf')}
                </Link>
              </li>
            </ul>
          </nav>
          <ol className="dt-nota" data-testid="published-questions">
            {published.map((question) => {
              const about = aboutText(question, clauseNumbers, t);
              const headingId = notaAnchor(question.number);
              return (
                <li key={question.number} className="dt-card dt-nota__item" data-testid="published-question" aria-labelledby={headingId}>
                  <Heading3 id={headingId} tabIndex={-1} className="dt-card__title dt-questions__focus-target">
                    {t('questions.nota.question', { number: question.number })}
                  </Heading3>
                  {/* Published all at once: the publication time says nothing about who asked. */}
                  <NewMarker changedAt={question.publishedAt} />
                  <Paragraph appearance="small" className="dt-hint">
                    {about && (
                      <>
                        {about}
                        {' · '}
                      </>
                    )}
                    {t('questions.nota.published', { date: formatDate(question.publishedAt, i18n.language) })}
                  </Paragraph>
                  <dl className="dt-qa">
                    <dt>{t('questions.nota.questionLabel')}</dt>
                    <dd className="dt-preformatted" data-testid="published-question-text">
                      {question.text}
                    </dd>
                    <dt>{t('questions.nota.answerLabel')}</dt>
                    <dd className="dt-preformatted" data-testid="published-answer">
                      {question.answer}
                    </dd>
                  </dl>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
