import '../../styles/final.css';
import { Alert, Button, Heading2, Link, OrderedList, OrderedListItem, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agreementPaths } from '../../api/agreement';
import { finalApi } from '../../api/final';
import { useResource } from '../../api/useResource';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FailureAlert } from '../../components/FailureAlert';
import { useSubmission } from '../../components/forms/useSubmission';
import { LoadingStatus } from '../../components/LoadingStatus';
import { RouterLink } from '../../components/RouterLink';
import { useErrorMessage } from '../../components/useErrorMessage';
import { formatDateTime } from '../../format/dates';
import { useTrajectoryChanges } from '../../realtime/useTrajectoryChanges';
import type { FinalAgreementDto } from '../../../shared/schemas/final';
import { TrajectoryHeader } from '../trajectory/TrajectoryHeader';
import { useTrajectory } from '../trajectory/trajectory-context';
import { Annex, AssembledText } from './AssembledText';
import { SignoffForm } from './SignoffForm';
import { SignoffTable } from './SignoffTable';
import { ContractVersions } from './ContractVersions';

/**
 * The definitive agreement: whether it can be assembled, the assembled text with its variants
 * and annex, the downloads, and the decision of each municipality, all following changes live.
 */
export function FinalAgreementPage() {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const { trajectory } = useTrajectory();
  const final = useResource((signal) => finalApi.get(trajectory.id, signal), [trajectory.id]);
  // Whatever went wrong, the page is loaded again: the clauses may have changed meanwhile.
  const assembling = useSubmission({ fieldErrorsFor: () => ({}), onFailure: () => final.reload() });
  const [assembleMessage, setAssembleMessage] = useState('');
  const [announcement, setAnnouncement] = useState('');

  useTrajectoryChanges(trajectory.id, (what) => {
    if (what === 'final' || what === 'agreement') final.reload();
  });
  useLiveAnnouncements(final.data, setAnnouncement);

  const assemble = async () => {
    if (assembling.busy) return;
    setAssembleMessage('');
    await assembling.submit(async () => {
      const fresh = await finalApi.assemble(trajectory.id);
      final.setData(fresh);
      setAssembleMessage(t('final.assemble.done', { revision: fresh.assembled?.revision ?? 1 }));
    });
  };

  const data = final.data;
  const approved = data?.signoffs.filter((s) => s.status === 'approved').length ?? 0;
  return (
    <div className="dt-final">
      <TrajectoryHeader title={t('final.title')} />
      <Paragraph>{t('final.intro')}</Paragraph>
      <Paragraph>
        <RouterLink to={agreementPaths.agreement(trajectory.id)}>{t('final.backToAgreement')}</RouterLink>
      </Paragraph>
      <div role="status" className="dt-visually-hidden" data-testid="final-announcement">
        {announcement}
      </div>
      {final.loading && <LoadingStatus />}
      {final.error && <ErrorAlert error={final.error} />}
      {data && (
        <>
          {data.status === 'final' && data.finalAt && (
            <Alert type="ok" className="dt-final__banner" data-testid="final-banner">
              <Heading2>{t('final.finalBanner.title')}</Heading2>
              <Paragraph>{t('final.finalBanner.body', { date: formatDateTime(data.finalAt, i18n.language) })}</Paragraph>
            </Alert>
          )}

          <ContractVersions trajectoryId={trajectory.id} chapters={data.assembled?.snapshot.chapters ?? []} />

          {(data.status !== 'final' || data.mayAssemble) && (
            <section aria-labelledby="readiness-heading" data-testid="readiness">
              <Heading2 id="readiness-heading">{t('final.readiness.title')}</Heading2>
              {data.notFixed.length === 0 ? (
                <Paragraph>{t('final.readiness.ready')}</Paragraph>
              ) : (
                <>
                  <Paragraph>{t('final.readiness.notReady', { count: data.notFixed.length })}</Paragraph>
                  <OrderedList data-testid="not-fixed">
                    {data.notFixed.map((c) => (
                      <OrderedListItem key={c.id}>
                        <RouterLink to={agreementPaths.clause(trajectory.id, c.id)}>
                          {t('final.readiness.clause', { number: c.number, title: c.title, status: t(`agreement.status.${c.status}`) })}
                        </RouterLink>
                      </OrderedListItem>
                    ))}
                  </OrderedList>
                </>
              )}
              {data.mayAssemble && (
                <>
                  {data.assembled && <Paragraph>{t('final.assemble.againHint')}</Paragraph>}
                  <Button appearance={data.assembled ? 'secondary-action-button' : 'primary-action-button'} onClick={() => void assemble()} aria-busy={assembling.busy || undefined} data-testid="assemble">
                    {data.assembled ? t('final.assemble.again') : t('final.assemble.button')}
                  </Button>
                </>
              )}
              <div role="status" data-testid="assemble-status">
                {assembling.busy && <Paragraph>{t('final.assemble.busy')}</Paragraph>}
                {assembleMessage && <Paragraph>{assembleMessage}</Paragraph>}
              </div>
              {assembling.failure && (
                <FailureAlert
                  className="dt-alert"
                  message={assembling.failure.fields?.reason === 'clauses_not_fixed' ? t('final.assemble.notFixed') : errorMessage(assembling.failure)}
                />
              )}
            </section>
          )}

          <section aria-labelledby="signoff-heading" data-testid="signoffs">
            <Heading2 id="signoff-heading">{t('final.signoff.title')}</Heading2>
            <Paragraph>{t('final.signoff.summary', { approved, total: data.signoffs.length })}</Paragraph>
            <SignoffTable signoffs={data.signoffs} captionId="signoff-heading" />
          </section>

          {data.assembled ? (
            <>
              {data.assembled.outdated && (
                <Alert type="warning" className="dt-alert" data-testid="outdated">
                  <Paragraph>{t('final.assembled.outdated')}</Paragraph>
                </Alert>
              )}
              {data.signsFor && data.status === 'assembled' && !data.assembled.outdated && <SignoffForm trajectoryId={trajectory.id} final={data} onSaved={(fresh) => final.setData(fresh)} />}
              <Paragraph appearance="small" className="dt-hint">
                {t('final.assembled.meta', { revision: data.assembled.revision, name: data.assembled.assembledBy.name, date: formatDateTime(data.assembled.assembledAt, i18n.language) })}
              </Paragraph>
              <nav aria-label={t('final.downloads.label')}>
                <ul className="dt-inline-list">
                  <li>
                    <Link href={finalApi.docxUrl(trajectory.id)} download data-testid="final-docx">
                      {t('final.downloads.docx')}
                    </Link>
                  </li>
                  <li>
                    <Link href={finalApi.pdfUrl(trajectory.id)} download data-testid="final-pdf">
                      {t('final.downloads.pdf')}
                    </Link>
                  </li>
                </ul>
              </nav>
              <AssembledText snapshot={data.assembled.snapshot} />
              <Annex snapshot={data.assembled.snapshot} />
              <Paragraph appearance="small" className="dt-final__hash">
                {t('final.assembled.hash', { hash: data.assembled.contentHash })}
              </Paragraph>
            </>
          ) : (
            <Paragraph data-testid="not-assembled">{t('final.assembled.notYet')}</Paragraph>
          )}
        </>
      )}
    </div>
  );
}

/** Tells screen-reader users when another person's decision came in, or the agreement became final. */
function useLiveAnnouncements(data: FinalAgreementDto | undefined, announce: (message: string) => void) {
  const { t } = useTranslation();
  const previous = useRef<FinalAgreementDto | undefined>(undefined);
  useEffect(() => {
    const before = previous.current;
    previous.current = data;
    if (!before || !data) return;
    if (before.status !== 'final' && data.status === 'final') return announce(t('final.live.final'));
    const changed = data.signoffs.some((s, i) => s.status !== before.signoffs[i]?.status || s.at !== before.signoffs[i]?.at);
    if (changed) announce(t('final.live.changed'));
  }, [data, announce, t]);
}
