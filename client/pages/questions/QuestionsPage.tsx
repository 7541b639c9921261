import '../../styles/questions.css';
import { Paragraph } from '@utrecht/component-library-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agreementApi } from '../../api/agreement';
import { topicApi } from '../../api/topics';
import { questionApi } from '../../api/questions';
import { useResource } from '../../api/useResource';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingStatus } from '../../components/LoadingStatus';
import { useTrajectoryChanges } from '../../realtime/useTrajectoryChanges';
import type { QuestionsOverviewDto } from '../../../shared/schemas/questions';
import { TrajectoryHeader } from '../trajectory/TrajectoryHeader';
import { useTrajectory } from '../trajectory/trajectory-context';
import { AskSection } from './AskSection';
import type { AboutChoice } from './AskQuestionForm';
import { OwnQuestions } from './OwnQuestions';
import { PublishedNota } from './PublishedNota';
import { clauseNumbers } from './question-helpers';
import { TeamQuestions } from './TeamQuestions';

/**
 * Vragen en antwoorden: providers ask until the deadline, the procurement team answers and
 * publishes, and everyone reads the published list (the nota van inlichtingen). Every part
 * follows changes live.
 */
export function QuestionsPage() {
  const { t } = useTranslation();
  const { trajectory } = useTrajectory();
  const overview = useResource((signal) => questionApi.overview(trajectory.id, signal), [trajectory.id]);
  // What a question can be about. Both are optional: without them a question is simply general.
  const topics = useResource((signal) => topicApi.list(trajectory.id, signal), [trajectory.id]);
  const agreement = useResource((signal) => agreementApi.get(trajectory.id, signal), [trajectory.id]);
  const [announcement, setAnnouncement] = useState('');
  const justPublished = useRef(false);

  useTrajectoryChanges(trajectory.id, (what) => {
    // The deadline lives in the trajectory's planning, so a changed planning may open or close the form.
    if (what === 'questions' || what === 'trajectory') overview.reload();
    if (what === 'topics') topics.reload();
    if (what === 'agreement') agreement.reload();
  });

  useLiveAnnouncements(overview.data, justPublished, setAnnouncement);

  const numbers = useMemo(() => clauseNumbers(agreement.data), [agreement.data]);
  const choices = useMemo<AboutChoice>(
    () => ({
      topics: (topics.data ?? [])
        .filter((topic) => topic.status !== 'proposed' && topic.status !== 'declined')
        .sort((a, b) => a.order - b.order)
        .map((topic) => ({ id: topic.id, title: topic.title })),
      clauses: (agreement.data?.chapters ?? []).flatMap((chapter) =>
        chapter.clauses.map((clause) => ({
          id: clause.id,
          label: t('questions.about.clauseNumbered', { number: clause.number, title: clause.title }),
        })),
      ),
    }),
    [topics.data, agreement.data, t],
  );

  const data = overview.data;
  return (
    <>
      <TrajectoryHeader title={t('questions.title')} />
      <Paragraph>{t('questions.intro')}</Paragraph>
      <div role="status" className="dt-visually-hidden" data-testid="questions-announcement">
        {announcement}
      </div>
      {overview.loading && <LoadingStatus />}
      {overview.error && <ErrorAlert error={overview.error} />}
      {data && (
        <>
          {data.mayAnswer && (
            <TeamQuestions
              trajectoryId={trajectory.id}
              questions={data.questions}
              deadline={data}
              clauseNumbers={numbers}
              onSaved={(saved) =>
                overview.setData((current) =>
                  current ? { ...current, questions: current.questions.map((q) => (q.id === saved.id ? saved : q)) } : current!,
                )
              }
              onPublished={() => {
                justPublished.current = true;
                overview.reload();
              }}
              reload={overview.reload}
            />
          )}
          {data.mayAsk && (
            <>
              <AskSection
                trajectoryId={trajectory.id}
                overview={data}
                choices={choices}
                onAsked={(asked) =>
                  overview.setData((current) =>
                    current ? { ...current, questions: [...current.questions.filter((q) => q.id !== asked.id), asked] } : current!,
                  )
                }
                onOverview={(fresh) => overview.setData(fresh)}
                onDeadlinePassed={overview.reload}
              />
              <OwnQuestions questions={data.questions} clauseNumbers={numbers} />
            </>
          )}
          <PublishedNota trajectoryId={trajectory.id} published={data.published} clauseNumbers={numbers} />
        </>
      )}
    </>
  );
}

/**
 * Tells screen-reader users what changed on a live refresh: new questions (procurement team),
 * newly published answers (everyone), a deadline that passed (providers). Not the first load,
 * and not the publication this person just did (that has its own message).
 */
function useLiveAnnouncements(
  data: QuestionsOverviewDto | undefined,
  justPublished: { current: boolean },
  announce: (message: string) => void,
) {
  const { t } = useTranslation();
  const previous = useRef<QuestionsOverviewDto | undefined>(undefined);
  useEffect(() => {
    const before = previous.current;
    previous.current = data;
    if (!before || !data) return;
    const messages: string[] = [];
    const newQuestions = data.questions.filter((q) => !before.questions.some((b) => b.id === q.id)).length;
    if (data.mayAnswer && newQuestions > 0) messages.push(t('questions.live.newQuestions', { count: newQuestions }));
    const newAnswers = data.published.length - before.published.length;
    if (newAnswers > 0) {
      if (justPublished.current) justPublished.current = false;
      else messages.push(t('questions.live.newAnswers', { count: newAnswers }));
    }
    if (data.mayAsk && before.open && !data.open) messages.push(t('questions.live.deadlinePassed'));
    if (messages.length > 0) announce(messages.join(' '));
  }, [data, justPublished, announce, t]);
}
