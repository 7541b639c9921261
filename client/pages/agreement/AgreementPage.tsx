import { ButtonGroup, DataList, DataListItem, DataListKey, DataListValue, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agreementApi, agreementPaths, commentApi } from '../../api/agreement';
import { topicApi } from '../../api/topics';
import { useResource } from '../../api/useResource';
import { consultationsPath } from '../../api/consultations';
import { ButtonRouterLink } from '../../components/ButtonRouterLink';
import { finalPagePath } from '../../api/final';
import { wordImportPagePath } from '../word-import/word-import-api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmission } from '../../components/forms/useSubmission';
import { LoadingStatus } from '../../components/LoadingStatus';
import { useTrajectoryChanges } from '../../realtime/useTrajectoryChanges';
import { clauseStatuses } from '../../../shared/domain/agreement';
import type { AgreementDto } from '../../../shared/schemas/agreement';
import { TrajectoryHeader } from '../trajectory/TrajectoryHeader';
import { useTrajectory } from '../trajectory/trajectory-context';
import { AddChapterForm } from './AddChapterForm';
import { ChapterSection } from './ChapterSection';
import { OpenComments } from './OpenComments';

/** /trajecten/:id/overeenkomst — the draft agreement's chapters and numbered clauses, live. */
export function AgreementPage() {
  const { t } = useTranslation();
  const { trajectory } = useTrajectory();
  const agreement = useResource((signal) => agreementApi.get(trajectory.id, signal), [trajectory.id]);
  const comments = useResource((signal) => commentApi.list(trajectory.id, { status: 'open' }, signal), [trajectory.id]);
  const mayManage = agreement.data?.mayManage ?? false;
  // Topics only for the procurement team's "add a clause" form.
  const topics = useResource((signal) => (mayManage ? topicApi.list(trajectory.id, signal) : Promise.resolve([])), [trajectory.id, mayManage]);
  const [announcement, setAnnouncement] = useState('');
  // A refused change loads the agreement again: someone else may have changed it meanwhile.
  const changing = useSubmission({ onFailure: () => agreement.reload() });

  useTrajectoryChanges(trajectory.id, (what) => {
    if (what === 'agreement' || what === 'amendments') agreement.reload();
    if (what === 'comments') {
      comments.reload();
      agreement.reload();
    }
    if (what === 'topics' && mayManage) topics.reload();
  });

  /** Runs one change of the structure at a time; the answer is the whole agreement. */
  const change = (action: () => Promise<AgreementDto>, announce: (next: AgreementDto) => string): Promise<boolean> =>
    changing.submit(async () => {
      const next = await action();
      agreement.setData(next);
      setAnnouncement(announce(next));
    });

  const data = agreement.data;
  return (
    <div className="dt-agreement">
      <TrajectoryHeader title={t('agreement.title')} />
      <Paragraph>{t('agreement.intro')}</Paragraph>
      <ButtonGroup className="dt-agreement__links">
        <ButtonRouterLink appearance="secondary-action-button" to={agreementPaths.amendments(trajectory.id)}>
          {t('agreement.toAmendments')}
        </ButtonRouterLink>
        <ButtonRouterLink appearance="secondary-action-button" to={agreementPaths.versions(trajectory.id)}>
          {t('agreement.toVersions')}
        </ButtonRouterLink>
        <ButtonRouterLink appearance="secondary-action-button" to={consultationsPath(trajectory.id)}>
          {t('consultation.link')}
        </ButtonRouterLink>
        <ButtonRouterLink appearance="secondary-action-button" to={finalPagePath(trajectory.id)}>
          {t('final.toFinal')}
        </ButtonRouterLink>
        {data?.mayManage && (
          <ButtonRouterLink appearance="secondary-action-button" to={wordImportPagePath(trajectory.id)}>
            {t('wordImport.link')}
          </ButtonRouterLink>
        )}
      </ButtonGroup>
      <details className="dt-agreement__help">
        <summary>{t('agreement.statusHelp.title')}</summary>
        <DataList className="dt-data-list">
          {clauseStatuses.map((status) => (
            <DataListItem key={status}>
              <DataListKey>{t(`agreement.status.${status}`)}</DataListKey>
              <DataListValue value="">{t(`agreement.statusHelp.${status}`)}</DataListValue>
            </DataListItem>
          ))}
        </DataList>
      </details>
      <div role="status" className="dt-visually-hidden" data-testid="agreement-announcement">
        {announcement}
      </div>
      {agreement.loading && <LoadingStatus />}
      {agreement.error && <ErrorAlert error={agreement.error} />}
      {changing.error && <ErrorAlert error={changing.error} />}
      {data && (
        <>
          <Paragraph className="dt-agreement__title" lead>
            {data.title}
          </Paragraph>
          {data.chapters.length === 0 && <Paragraph>{t('agreement.none')}</Paragraph>}
          {data.chapters.map((chapter, index) => (
            <ChapterSection
              key={chapter.id}
              trajectoryId={trajectory.id}
              chapter={chapter}
              index={index}
              count={data.chapters.length}
              mayManage={data.mayManage}
              topics={topics.data ?? []}
              change={change}
            />
          ))}
          {data.mayManage && <AddChapterForm trajectoryId={trajectory.id} change={change} />}
        </>
      )}
      <section aria-labelledby="open-comments-heading" className="dt-form-section" data-testid="open-comments">
        <Heading2 id="open-comments-heading">
          {comments.data ? t('agreement.openCommentsList.titleCount', { count: comments.data.length }) : t('agreement.openCommentsList.title')}
        </Heading2>
        <Paragraph>{t('agreement.openCommentsList.intro')}</Paragraph>
        {comments.loading && <LoadingStatus />}
        {comments.error && <ErrorAlert error={comments.error} />}
        {comments.data && <OpenComments trajectoryId={trajectory.id} comments={comments.data} />}
      </section>
    </div>
  );
}

export type ChangeAgreement = (action: () => Promise<AgreementDto>, announce: (next: AgreementDto) => string) => Promise<boolean>;
