import { Alert, Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublishResult } from '../../api/questions';
import { formatDate, formatDateTime } from '../../format/dates';
import type { QuestionDto, QuestionsOverviewDto } from '../../../shared/schemas/questions';
import { AnswerForm } from './AnswerForm';
import { PublishDialog } from './PublishDialog';
import { aboutText } from './question-helpers';
import { QuestionStatusBadge } from './QuestionStatusBadge';
import { Attachments } from '../../components/attachments/Attachments';
import { NewMarker } from '../calendar/visit-context';

export interface TeamQuestionsProps {
  trajectoryId: string;
  questions: QuestionDto[];
  /** The question deadline that applies now and whether it is still open. */
  deadline: Pick<QuestionsOverviewDto, 'deadline' | 'open'>;
  clauseNumbers: Map<string, number>;
  onSaved: (question: QuestionDto) => void;
  onPublished: (result: PublishResult) => void;
  reload: () => void;
}

/**
 * The procurement team's work: every question with who asked it (only they see that), a draft
 * answer per question, and publishing all answered questions at once.
 */
export function TeamQuestions({ trajectoryId, questions, deadline, clauseNumbers, onSaved, onPublished, reload }: TeamQuestionsProps) {
  const { t, i18n } = useTranslation();
  const deadlineDate = deadline.deadline ? formatDate(deadline.deadline, i18n.language) : undefined;
  const [confirming, setConfirming] = useState(false);
  const [published, setPublished] = useState<PublishResult | undefined>(undefined);
  const open = questions.filter((q) => q.status !== 'published');
  const done = questions.filter((q) => q.status === 'published').sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
  const waiting = open.filter((q) => q.status === 'submitted').length;
  const ready = open.filter((q) => q.status === 'answered').length;

  return (
    <section aria-labelledby="team-heading" className="dt-form-section" data-testid="team-questions">
      <Heading2 id="team-heading">{t('questions.team.title')}</Heading2>
      <Paragraph>{t('questions.team.intro')}</Paragraph>
      <Paragraph data-testid="team-deadline">
        {!deadlineDate
          ? t('questions.team.deadlineNone')
          : deadline.open
            ? t('questions.team.deadlineOpen', { date: deadlineDate })
            : t('questions.team.deadlinePassed', { date: deadlineDate })}
      </Paragraph>
      <div role="status" data-testid="publish-status">
        {published && (
          <Alert type="ok" role="none">
            <Paragraph>{t('questions.team.published', { count: published.published })}</Paragraph>
          </Alert>
        )}
      </div>
      {questions.length === 0 ? (
        <Paragraph>{t('questions.team.noQuestions')}</Paragraph>
      ) : (
        <>
          <div className="dt-questions__counts" data-testid="team-counts">
            {open.length === 0 ? (
              <Paragraph>{t('questions.team.noneOpen')}</Paragraph>
            ) : (
              <>
                {waiting > 0 && <Paragraph>{t('questions.team.waiting', { count: waiting })}</Paragraph>}
                <Paragraph data-testid="ready-count">
                  {ready > 0 ? t('questions.team.ready', { count: ready }) : t('questions.team.nothingToPublish')}
                </Paragraph>
              </>
            )}
          </div>
          {ready > 0 && (
            <ButtonGroup>
              <Button
                id="publish-answers"
                appearance="primary-action-button"
                onClick={() => {
                  setPublished(undefined);
                  setConfirming(true);
                }}
              >
                {t('questions.team.publish')}
              </Button>
            </ButtonGroup>
          )}
          {open.length > 0 && (
            <>
              <Heading3 className="dt-questions__subheading">{t('questions.team.openTitle')}</Heading3>
              <ul className="dt-card-list">
                {open.map((question) => (
                  <TeamQuestion
                    key={question.id}
                    trajectoryId={trajectoryId}
                    question={question}
                    clauseNumbers={clauseNumbers}
                    onSaved={onSaved}
                    reload={reload}
                  />
                ))}
              </ul>
            </>
          )}
          {done.length > 0 && (
            <details className="dt-questions__published">
              <summary>{t('questions.team.publishedTitle', { count: done.length })}</summary>
              <ul className="dt-card-list">
                {done.map((question) => (
                  <TeamQuestion key={question.id} trajectoryId={trajectoryId} question={question} clauseNumbers={clauseNumbers} onSaved={onSaved} reload={reload} />
                ))}
              </ul>
            </details>
          )}
        </>
      )}
      <PublishDialog
        trajectoryId={trajectoryId}
        open={confirming}
        count={ready}
        onClose={() => setConfirming(false)}
        onStale={reload}
        onPublished={(result) => {
          setConfirming(false);
          setPublished(result);
          onPublished(result);
        }}
      />
    </section>
  );
}

interface TeamQuestionProps {
  trajectoryId: string;
  question: QuestionDto;
  clauseNumbers: Map<string, number>;
  onSaved: (question: QuestionDto) => void;
  reload: () => void;
}

function TeamQuestion({ trajectoryId, question, clauseNumbers, onSaved, reload }: TeamQuestionProps) {
  const { t, i18n } = useTranslation();
  const headingId = `team-question-${question.id}`;
  const about = aboutText(question, clauseNumbers, t);
  return (
    <li className="dt-card dt-question" data-testid="team-question" aria-labelledby={headingId}>
      <div className="dt-question__head">
        <Heading3 id={headingId} className="dt-card__title dt-question__title">
          {question.askedBy
            ? t('questions.team.askedBy', { name: question.askedBy.name, organisation: question.askedBy.organisationName })
            : t('questions.nota.questionLabel')}
        </Heading3>
        <QuestionStatusBadge question={question} forTeam />
        <NewMarker changedAt={question.createdAt} />
      </div>
      <Paragraph appearance="small" className="dt-hint">
        {t('questions.team.askedOn', { date: formatDateTime(question.createdAt, i18n.language) })}
        {about && ` · ${about}`}
      </Paragraph>
      <Paragraph className="dt-preformatted dt-question__text" data-testid="team-question-text">
        {question.text}
      </Paragraph>
      {question.status === 'published' ? (
        <div className="dt-question__answer">
          <Paragraph>
            <strong>{t('questions.nota.answerLabel')}</strong>
          </Paragraph>
          <Paragraph className="dt-preformatted">{question.answer}</Paragraph>
        </div>
      ) : (
        <AnswerForm trajectoryId={trajectoryId} question={question} headingId={headingId} onSaved={onSaved} onStale={reload} />
      )}
      <Attachments trajectoryId={trajectoryId} parentKind="question" parentId={question.id} headingLevel={4} />
      <Attachments trajectoryId={trajectoryId} parentKind="answer" parentId={question.id} headingLevel={4} />
    </li>
  );
}
