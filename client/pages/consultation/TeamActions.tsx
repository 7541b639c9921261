import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import { consultationApi, consultationConflict } from '../../api/consultations';
import { ConfirmDialog } from '../../components/ConfirmDialog';
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
  const unanswered = consultation.unanswered ?? 0;

  const run = async (action: () => Promise<unknown>, done: string) => {
    await action();
    setDialog(undefined);
    announce(done);
    onChanged();
  };
  // Responses still missing: publishing cannot succeed until they are written.
  const unansweredLeft = (error: ApiError) => (consultationConflict(error) === 'unanswered' ? t('consultation.team.unansweredLeft') : undefined);
  const isUnansweredLeft = (error: ApiError) => consultationConflict(error) === 'unanswered';

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
          <Button appearance="secondary-action-button" onClick={() => setDialog('close')}>
            {t('consultation.team.close')}
          </Button>
        )}
        {/* Publishing ends the consultation: with no reaction yet, only once it has closed. */}
        {unanswered === 0 && (consultation.reactionCount > 0 || consultation.status !== 'open') && (
          <Button appearance="primary-action-button" onClick={() => setDialog('publish')} data-testid="publish-consultation">
            {t('consultation.team.publish')}
          </Button>
        )}
      </ButtonGroup>
      <ConfirmDialog
        open={dialog === 'close'}
        title={t('consultation.team.closeTitle')}
        confirmLabel={t('consultation.team.closeSubmit')}
        onConfirm={() => run(() => consultationApi.close(trajectoryId, consultation.id), t('consultation.team.closed'))}
        onError={onChanged}
        onClose={() => setDialog(undefined)}
      >
        <Paragraph>{t('consultation.team.closeConfirm')}</Paragraph>
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'publish'}
        title={t('consultation.team.publishTitle')}
        confirmLabel={t('consultation.team.publishSubmit')}
        onConfirm={() => run(() => consultationApi.publish(trajectoryId, consultation.id), t('consultation.team.published'))}
        onError={onChanged}
        messageFor={unansweredLeft}
        final={isUnansweredLeft}
        onClose={() => setDialog(undefined)}
        testId="publish-dialog"
      >
        <Paragraph>{consultation.reactionCount === 0 ? t('consultation.team.publishConfirmEmpty') : t('consultation.team.publishConfirm', { count: consultation.reactionCount })}</Paragraph>
        <Paragraph>{t('consultation.team.publishFinal')}</Paragraph>
      </ConfirmDialog>
    </section>
  );
}
