import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionApi } from '../../api/sessions';
import { Dialog } from '../../components/Dialog';
import { ErrorSummary } from '../../components/forms/ErrorSummary';
import { errorFor } from '../../components/forms/field-errors';
import { TextAreaField } from '../../components/forms/TextField';
import { useSubmission } from '../../components/forms/useSubmission';
import type { SessionDto } from '../../../shared/schemas/sessions';

export interface CancelSessionDialogProps {
  /** The session to cancel; the dialog is open while set. */
  session: SessionDto | undefined;
  onClose: () => void;
  onCancelled: (session: SessionDto) => void;
}

/** Calling a session off needs a reason: everyone sees it, and calendars are told. */
export function CancelSessionDialog({ session, onClose, onCancelled }: CancelSessionDialogProps) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [reason, setReason] = useState('');
  const { clear } = submission;

  useEffect(() => {
    setReason('');
    clear();
  }, [session?.id, clear]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!session) return;
    let updated: SessionDto | undefined;
    const ok = await submission.submit(
      async () => {
        updated = await sessionApi.cancel(session.id, { reason: reason.trim() });
      },
      reason.trim() ? {} : { reason: t('fieldError.reason') },
    );
    if (ok && updated) onCancelled(updated);
  };
  const summary = submission.summary({ reason: { target: 'cancel-reason', label: t('calendar.cancel.reason') } });

  return (
    <Dialog open={Boolean(session)} title={session ? t('calendar.cancel.title', { title: session.title }) : ''} onClose={onClose}>
      {session && (
        <form noValidate onSubmit={(event) => void onSubmit(event)} className="dt-form">
          <Paragraph>{t('calendar.cancel.intro')}</Paragraph>
          {summary && <ErrorSummary summaryRef={submission.summaryRef} {...summary} />}
          <TextAreaField
            id="cancel-reason"
            label={t('calendar.cancel.reason')}
            description={t('calendar.cancel.reasonHint')}
            value={reason}
            onChange={setReason}
            rows={3}
            required
            data-autofocus
            error={errorFor(submission.fieldErrors, 'reason')}
          />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={submission.busy}>
              {t('calendar.cancel.confirm')}
            </Button>
            <Button appearance="secondary-action-button" onClick={onClose}>
              {t('calendar.cancel.back')}
            </Button>
          </ButtonGroup>
        </form>
      )}
    </Dialog>
  );
}
