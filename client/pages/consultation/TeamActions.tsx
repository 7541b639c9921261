import { Alert, Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import { consultationApi, consultationConflict } from '../../api/consultations';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { ConsultationDto } from '../../../shared/schemas/consultations';

export interface TeamActionsProps {
  trajectoryId: string;
  consultation: ConsultationDto;
  onChanged: () => void;
  announce: (message: string) => void;
}

/** The procurement team's controls: how many reactions still wait for a response, closing early and publishing once. */
export function TeamActions({ trajectoryId, consultation, onChanged, announce }: TeamActionsProps) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'close' | 'publish' | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [stale, setStale] = useState(false);
  const running = useRef(false);
  const unanswered = consultation.unanswered ?? 0;

  const run = async (action: () => Promise<unknown>, done: string) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setError(undefined);
    setStale(false);
    try {
      await action();
      setDialog(undefined);
      announce(done);
      onChanged();
    } catch (caught) {
      setError(caught as ApiError);
      if (consultationConflict(caught) === 'unanswered') setStale(true);
      onChanged();
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="team-heading" className="dt-form-section" data-testid="team-actions">
      <Heading2 id="team-heading">{t('consultation.team.title')}</Heading2>
      <Paragraph>{t('consultation.team.intro')}</Paragraph>
      <Paragraph data-testid="team-counts">
        {t('consultation.reactionCount', { count: consultation.reactionCount })}
        {unanswered > 0 && ` · ${t('consultation.unanswered', { count: unanswered })}`}
      </Paragraph>
      {unanswered > 0 && <Paragraph className="dt-hint">{t('consultation.team.publishNotYet')}</Paragraph>}
      <ButtonGroup>
        {consultation.status === 'open' && (
          <Button appearance="secondary-action-button" onClick={() => { setError(undefined); setDialog('close'); }}>
            {t('consultation.team.close')}
          </Button>
        )}
        {/* Publishing ends the consultation: with no reaction yet, only once it has closed. */}
        {unanswered === 0 && (consultation.reactionCount > 0 || consultation.status !== 'open') && (
          <Button appearance="primary-action-button" onClick={() => { setError(undefined); setDialog('publish'); }} data-testid="publish-consultation">
            {t('consultation.team.publish')}
          </Button>
        )}
      </ButtonGroup>
      <Dialog open={dialog === 'close'} title={t('consultation.team.closeTitle')} onClose={() => setDialog(undefined)}>
        {error && <ErrorAlert error={error} />}
        <Paragraph>{t('consultation.team.closeConfirm')}</Paragraph>
        <ButtonGroup>
          <Button appearance="primary-action-button" busy={busy} onClick={() => void run(() => consultationApi.close(trajectoryId, consultation.id), t('consultation.team.closed'))}>
            {t('consultation.team.closeSubmit')}
          </Button>
          <Button appearance="secondary-action-button" onClick={() => setDialog(undefined)} data-autofocus>
            {t('cancel')}
          </Button>
        </ButtonGroup>
      </Dialog>
      <Dialog open={dialog === 'publish'} title={t('consultation.team.publishTitle')} onClose={() => setDialog(undefined)}>
        <div data-testid="publish-dialog">
          {stale ? (
            <Alert type="error" role="alert">
              <Paragraph>{t('consultation.team.unansweredLeft')}</Paragraph>
            </Alert>
          ) : (
            error && <ErrorAlert error={error} />
          )}
          <Paragraph>{consultation.reactionCount === 0 ? t('consultation.team.publishConfirmEmpty') : t('consultation.team.publishConfirm', { count: consultation.reactionCount })}</Paragraph>
          <Paragraph>{t('consultation.team.publishFinal')}</Paragraph>
          <ButtonGroup>
            {!stale && (
              <Button appearance="primary-action-button" busy={busy} onClick={() => void run(() => consultationApi.publish(trajectoryId, consultation.id), t('consultation.team.published'))}>
                {t('consultation.team.publishSubmit')}
              </Button>
            )}
            <Button appearance="secondary-action-button" onClick={() => setDialog(undefined)} data-autofocus>
              {t('cancel')}
            </Button>
          </ButtonGroup>
        </div>
      </Dialog>
    </section>
  );
}
