import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { amendmentApi } from '../../api/revisions';
import { Dialog } from '../../components/Dialog';
import { FailureAlert } from '../../components/FailureAlert';
import { TextAreaField } from '../../components/forms/TextField';
import type { FieldErrors } from '../../components/forms/field-errors';
import { useSubmission } from '../../components/forms/useSubmission';
import type { AmendmentDto } from '../../../shared/schemas/agreement';
import { useRevisionErrorMessage } from './revision-errors';

export interface DeclineAmendmentDialogProps {
  trajectoryId: string;
  /** The proposal to decline; the dialog is open while set. */
  amendment: AmendmentDto | undefined;
  clauseLabel: string;
  onClose: () => void;
  onDeclined: (amendment: AmendmentDto) => void;
  onFailed: () => void;
}

const fieldId = 'decline-amendment-reason';

/**
 * Declining needs a reason: the proposer, and everyone else at the table, see what was done
 * with the proposal and why. An empty reason is said at the field, which gets focus.
 */
export function DeclineAmendmentDialog({ trajectoryId, amendment, clauseLabel, onClose, onDeclined, onFailed }: DeclineAmendmentDialogProps) {
  const { t } = useTranslation();
  const errorMessage = useRevisionErrorMessage();
  const [reason, setReason] = useState('');
  // An empty reason is said at the field (also when the server says so); any other refusal in a message.
  const submission = useSubmission({
    fieldErrorsFor: (error): FieldErrors => (error.fields?.reason ? { reason: t('revisions.amendments.declineReasonRequired') } : {}),
    focusFields: { reason: fieldId },
    onFailure: (error) => {
      if (!error.fields?.reason) onFailed();
    },
  });
  const { clear } = submission;

  useEffect(() => {
    setReason('');
    clear();
  }, [amendment?.id, clear]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!amendment) return;
    await submission.submit(
      async () => onDeclined(await amendmentApi.decide(trajectoryId, amendment.id, { decision: 'decline', reason: reason.trim() })),
      reason.trim() ? {} : { reason: t('revisions.amendments.declineReasonRequired') },
    );
  };

  return (
    <Dialog open={Boolean(amendment)} title={t('revisions.amendments.declineTitle')} onClose={onClose}>
      {amendment && (
        <form noValidate onSubmit={(event) => void onSubmit(event)} className="dt-form" data-testid="decline-amendment">
          {submission.failure && <FailureAlert message={errorMessage(submission.failure)} focusRef={submission.summaryRef} focusClassName="dt-revisions-error" />}
          <Paragraph>{t('revisions.amendments.declineIntro', { clause: clauseLabel })}</Paragraph>
          <TextAreaField
            id={fieldId}
            label={t('revisions.amendments.declineReason')}
            description={t('revisions.amendments.declineReasonHint')}
            value={reason}
            onChange={(value) => {
              setReason(value);
              if (value.trim()) submission.clearField('reason');
            }}
            rows={4}
            required
            data-autofocus
            error={submission.fieldErrors.reason}
          />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={submission.busy}>
              {t('revisions.amendments.declineYes')}
            </Button>
            <Button appearance="secondary-action-button" onClick={onClose}>
              {t('cancel')}
            </Button>
          </ButtonGroup>
        </form>
      )}
    </Dialog>
  );
}
