import { Alert, Heading2, Heading3, Link, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { questionApi } from '../../api/questions';
import { formatDate } from '../../format/dates';
import type { QuestionDto, QuestionsOverviewDto } from '../../../shared/schemas/questions';
import { AskQuestionForm } from './AskQuestionForm';
import type { AboutChoice } from './AskQuestionForm';

export interface AskSectionProps {
  trajectoryId: string;
  overview: QuestionsOverviewDto;
  choices: AboutChoice;
  onAsked: (question: QuestionDto) => void;
  /** The overview as loaded again after the server refused a question. */
  onOverview: (overview: QuestionsOverviewDto) => void;
  /** The server refused a question because the deadline passed and loading again failed: try once more. */
  onDeadlinePassed: () => void;
}

interface Refusal {
  /** What the person wrote, kept for them to copy. */
  text: string;
  /** The deadline that passed, as the server has it now. */
  deadline: string | null;
}

/** For providers: until when they can ask, and the form while they still can. */
export function AskSection({ trajectoryId, overview, choices, onAsked, onOverview, onDeadlinePassed }: AskSectionProps) {
  const { t, i18n } = useTranslation();
  // A question the server refused after the deadline: said plainly, with the text kept for the asker.
  const [refused, setRefused] = useState<Refusal | undefined>(undefined);
  const refusedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (refused) refusedRef.current?.focus();
  }, [refused]);
  const deadline = overview.deadline ? formatDate(overview.deadline, i18n.language) : undefined;
  const refusedDeadline = refused?.deadline ? formatDate(refused.deadline, i18n.language) : undefined;

  // The screen's deadline was out of date: load the overview first, so that the message names the
  // deadline that passed and the form goes away at the same moment the message appears.
  const refuse = async (text: string) => {
    try {
      const fresh = await questionApi.overview(trajectoryId);
      setRefused({ text, deadline: fresh.deadline });
      onOverview(fresh);
    } catch {
      setRefused({ text, deadline: null });
      onDeadlinePassed();
    }
  };

  return (
    <section aria-labelledby="ask-heading" className="dt-form-section" data-testid="ask-section">
      <Heading2 id="ask-heading">{t('questions.ask.title')}</Heading2>
      {refused && (
        <div ref={refusedRef} tabIndex={-1} className="dt-questions__refused" data-testid="ask-refused">
          <Alert type="error" role="alert">
            <Heading3>{t('questions.ask.refusedTitle')}</Heading3>
            <Paragraph>
              {refusedDeadline ? t('questions.ask.refused', { date: refusedDeadline }) : t('questions.ask.refusedNoDate')}
            </Paragraph>
            <Paragraph>{t('questions.ask.unsentText')}</Paragraph>
            <blockquote className="dt-preformatted dt-questions__unsent">{refused.text}</blockquote>
          </Alert>
        </div>
      )}
      <Paragraph data-testid="question-deadline" className={overview.open ? undefined : 'dt-notice'}>
        {!overview.open && deadline
          ? t('questions.deadline.passed', { date: deadline })
          : deadline
            ? t('questions.deadline.open', { date: deadline })
            : t('questions.deadline.none')}
      </Paragraph>
      {overview.open && (
        <>
          <Paragraph>
            <Link href="#nota-heading" onClick={focusNota}>
              {t('questions.ask.checkFirst')}
            </Link>
          </Paragraph>
          <AskQuestionForm
            trajectoryId={trajectoryId}
            choices={choices}
            onAsked={(question) => {
              setRefused(undefined);
              onAsked(question);
            }}
            onRefused={(text) => void refuse(text)}
          />
        </>
      )}
    </section>
  );
}

/** An in-page link that also moves focus, not only the scroll position. */
function focusNota(event: { preventDefault: () => void }) {
  const target = document.getElementById('nota-heading');
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.scrollIntoView({ block: 'start' });
}
