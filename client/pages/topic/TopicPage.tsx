import '../../styles/outcomes.css';
import { Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { OutcomeDto } from '../../../shared/schemas/outcomes';
import { outcomeApi } from '../../api/outcomes';
import { useResource } from '../../api/useResource';
import { topicApi } from '../../api/topics';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingStatus } from '../../components/LoadingStatus';
import { PlainSummary, readsSummaryFirst } from '../../components/PlainSummary';
import { RouterLink } from '../../components/RouterLink';
import { useTrajectoryChanges } from '../../realtime/useTrajectoryChanges';
import { TrajectoryHeader } from '../trajectory/TrajectoryHeader';
import { useTrajectory } from '../trajectory/trajectory-context';
import { AmendmentsSection, ChangedClausesSection, InputSection, PollsSection } from './ChainSections';
import { OutcomeForm } from './OutcomeForm';
import { OutcomesSection } from './OutcomesSection';
import { Attachments } from '../../components/attachments/Attachments';

/** What on the page can change while it is open: everything the chain is made of. */
const chainParts = new Set(['topics', 'comments', 'amendments', 'sessions', 'agreement', 'versions', 'outcomes']);

/**
 * A topic from input to outcome, in the order it happens: what was said, what was proposed,
 * how the table voted (per group), what was agreed and which clauses changed. The procurement
 * team records and changes agreements here.
 */
export function TopicPage() {
  const { t } = useTranslation();
  const { trajectory, may } = useTrajectory();
  const { topicId = '' } = useParams();
  const chain = useResource((signal) => outcomeApi.chain(trajectory.id, topicId, signal), [trajectory.id, topicId]);
  const [editing, setEditing] = useState<OutcomeDto | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');
  useTrajectoryChanges(trajectory.id, (what) => {
    if (chainParts.has(what)) chain.reload();
  });

  const saved = (outcome: OutcomeDto) => {
    setEditing(undefined);
    chain.setData((current) =>
      current ? { ...current, outcomes: [...current.outcomes.filter((o) => o.id !== outcome.id), outcome].sort((a, b) => a.number - b.number) } : current!,
    );
    chain.reload();
    setAnnouncement(t('outcomes.form.saved', { number: outcome.number }));
    requestAnimationFrame(() => document.getElementById(`outcome-${outcome.id}-title`)?.focus());
  };

  const firstSummary = readsSummaryFirst(trajectory.myRole);
  const summary = chain.data && (
    <PlainSummary
      summary={chain.data.topic.summary}
      mayWrite={may('topic.update')}
      save={async (next) => {
        await topicApi.setSummary(trajectory.id, topicId, next);
        chain.reload();
      }}
      announce={setAnnouncement}
    />
  );

  return (
    <>
      <TrajectoryHeader title={chain.data?.topic.title ?? t('topics.title')} />
      <Paragraph>
        <RouterLink to={`/trajecten/${trajectory.id}/onderwerpen`}>{t('outcomes.backToTopics')}</RouterLink>
      </Paragraph>
      <div role="status" className="dt-visually-hidden" data-testid="outcome-announcement">
        {announcement}
      </div>
      {chain.loading && <LoadingStatus />}
      {chain.error && <ErrorAlert error={chain.error} />}
      {chain.data && (
        <div className="dt-chain">
          {firstSummary && summary}
          {chain.data.topic.description && <Paragraph>{chain.data.topic.description}</Paragraph>}
          {!firstSummary && summary}
          <Paragraph appearance="small">{t('outcomes.intro')}</Paragraph>
          <InputSection chain={chain.data} trajectoryId={trajectory.id} />
          <AmendmentsSection chain={chain.data} />
          <PollsSection chain={chain.data} />
          <OutcomesSection chain={chain.data} onEdit={chain.data.mayRecord ? setEditing : undefined} />
          <ChangedClausesSection chain={chain.data} trajectoryId={trajectory.id} />
          <Attachments trajectoryId={trajectory.id} parentKind="topic" parentId={topicId} />
          {chain.data.mayRecord && <OutcomeForm trajectoryId={trajectory.id} chain={chain.data} editing={editing} onSaved={saved} onCancel={() => setEditing(undefined)} />}
        </div>
      )}
    </>
  );
}
