import { Alert, Button, Heading2, Heading3, Heading4, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mediationApi } from '../../api/mediation';
import { useResource } from '../../api/useResource';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmission } from '../../components/forms/useSubmission';
import { LoadingStatus } from '../../components/LoadingStatus';
import { formatDate } from '../../format/dates';
import { TrajectoryHeader } from '../trajectory/TrajectoryHeader';
import { useTrajectory } from '../trajectory/trajectory-context';
import type { MediationRequestDto } from '../../../shared/schemas/mediation';
import { CloseMediationForm, FileMediationForm, SeatMediatorForm } from './MediationForms';
import { MediationThread } from './MediationThread';

/** Mediation requests of a trajectory: file one, follow its status and outcome, the confidential thread. */
export function MediationPage() {
  const { t } = useTranslation();
  const { trajectory, may } = useTrajectory();
  const requests = useResource((signal) => mediationApi.list(trajectory.id, signal), [trajectory.id]);
  return (
    <>
      <TrajectoryHeader title={t('mediation.title')} />
      <Paragraph>{t('mediation.intro')}</Paragraph>
      {may('mediation.request') && <FileMediationForm trajectoryId={trajectory.id} onFiled={requests.reload} />}
      <section aria-labelledby="requests-heading">
        <Heading2 id="requests-heading">{t('mediation.list.title')}</Heading2>
        {requests.loading && <LoadingStatus />}
        {requests.error && <ErrorAlert error={requests.error} />}
        {requests.data &&
          (requests.data.length === 0 ? (
            <Paragraph>{t('mediation.list.empty')}</Paragraph>
          ) : (
            <ol className="dt-plain-list" data-testid="mediation-requests">
              {[...requests.data].reverse().map((r, index) => (
                <MediationRequest key={r.id} trajectoryId={trajectory.id} request={r} number={requests.data!.length - index} onChange={requests.reload} />
              ))}
            </ol>
          ))}
      </section>
    </>
  );
}

function MediationRequest({ trajectoryId, request: r, number, onChange }: { trajectoryId: string; request: MediationRequestDto; number: number; onChange: () => void }) {
  const { t, i18n } = useTranslation();
  const join = useSubmission();
  const [joined, setJoined] = useState(false);
  const headingId = `mediation-${r.id}`;
  return (
    <li className="dt-card" data-testid="mediation-request" data-status={r.status} aria-labelledby={headingId}>
      <Heading3 id={headingId}>
        #{number} · {t(`mediation.statuses.${r.status}`)}
      </Heading3>
      <Paragraph>{r.issue}</Paragraph>
      <Paragraph appearance="small">
        {t(`mediation.sides.${r.filedBySide}`)} · {t('mediation.filedAt', { date: formatDate(r.filedAt, i18n.language) })}
        {r.requesters.length > 0 && <> · {t('mediation.requesters', { names: r.requesters.map((o) => o.name).join(', ') })}</>}
        {r.mediator && <> · {t('mediation.mediator', { name: r.mediator.name })}</>}
      </Paragraph>
      {r.outcome && (
        <div data-testid="mediation-outcome">
          <Heading4>{t('mediation.outcome')}</Heading4>
          <Paragraph>{r.outcome}</Paragraph>
        </div>
      )}
      {r.may.join && (
        <>
          {join.error && <ErrorAlert error={join.error} />}
          <Button
            appearance="secondary-action-button"
            busy={join.busy}
            onClick={() =>
              void join
                .submit(async () => {
                  await mediationApi.join(trajectoryId, r.id);
                })
                .then((ok) => {
                  if (ok) {
                    setJoined(true);
                    onChange();
                  }
                })
            }
          >
            {t('mediation.join')}
          </Button>
        </>
      )}
      <div role="status">
        {joined && (
          <Alert type="ok" role="none">
            <Paragraph>{t('mediation.joined')}</Paragraph>
          </Alert>
        )}
      </div>
      {r.may.seat && r.status === 'filed' && <SeatMediatorForm trajectoryId={trajectoryId} requestId={r.id} onSeated={onChange} />}
      {r.may.readThread ? (
        <MediationThread trajectoryId={trajectoryId} requestId={r.id} closed={r.status === 'closed'} />
      ) : (
        <Paragraph appearance="small" data-testid="thread-forbidden">
          {t('mediation.thread.forbidden')}
        </Paragraph>
      )}
      {r.may.close && r.status !== 'closed' && <CloseMediationForm trajectoryId={trajectoryId} requestId={r.id} onClosed={onChange} />}
    </li>
  );
}
