import { Alert, Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { amendmentApi } from '../../api/revisions';
import { Dialog } from '../../components/Dialog';
import { TextAreaField } from '../../components/forms/TextField';
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
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [attempts, setAttempts] = useState(0);
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setReason('');
    setFieldError(undefined);
    setError(undefined);
  }, [amendment?.id]);

  // After every failed attempt: to the field when it is the field, otherwise to the message.
  useEffect(() => {
    if (attempts === 0) return;
    if (fieldError) document.getElementById(fieldId)?.focus();
    else if (error) errorRef.current?.focus();
  }, [attempts, fieldError, error]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!amendment || running.current) return;
    if (!reason.trim()) {
      setError(undefined);
      setFieldError(t('revisions.amendments.declineReasonRequired'));
      setAttempts((n) => n + 1);
      return;
    }
    running.current = true;
    setBusy(true);
    try {
      const updated = await amendmentApi.decide(trajectoryId, amendment.id, { decision: 'decline', reason: reason.trim() });
      onDeclined(updated);
    } catch (caught) {
      const apiError = caught instanceof ApiError ? caught : new ApiError(0, 'internal', String(caught));
      if (apiError.fields?.reason) {
        setFieldError(t('revisions.amendments.declineReasonRequired'));
        setError(undefined);
      } else {
        setFieldError(undefined);
        setError(apiError);
        onFailed();
      }
      setAttempts((n) => n + 1);
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  return (
    <Dialog open={Boolean(amendment)} title={t('revisions.amendments.declineTitle')} onClose={onClose}>
      {amendment && (
        <form noValidate onSubmit={(event) => void onSubmit(event)} className="dt-form" data-testid="decline-amendment">
          {error && (
            <div ref={errorRef} tabIndex={-1} className="dt-revisions-error">
              <Alert type="error" role="alert">
                <Paragraph>{errorMessage(error)}</Paragraph>
              </Alert>
            </div>
          )}
          <Paragraph>{t('revisions.amendments.declineIntro', { clause: clauseLabel })}</Paragraph>
          <TextAreaField
            id={fieldId}
            label={t('revisions.amendments.declineReason')}
            description={t('revisions.amendments.declineReasonHint')}
            value={reason}
            onChange={(value) => {
              setReason(value);
              if (value.trim()) setFieldError(undefined);
            }}
            rows={4}
            required
            data-autofocus
            error={fieldError}
          />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={busy}>
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
