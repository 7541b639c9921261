import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';
import { ErrorSummary } from './forms/ErrorSummary';
import { errorFor } from './forms/field-errors';
import { TextAreaField } from './forms/TextField';
import { useSubmission } from './forms/useSubmission';

export interface ReasonDialogProps<T> {
  /** What the step is taken on; the dialog is open while set, and starts empty for each new one. */
  subject: { id: string } | undefined;
  /** The field's id, for the error summary's link. */
  fieldId: string;
  title: string;
  intro: string;
  label: string;
  hint: string;
  submitLabel: string;
  backLabel: string;
  rows?: number;
  /** Takes the step with the reason given; its answer goes to `onDone`. */
  act: (reason: string) => Promise<T>;
  onClose: () => void;
  onDone: (result: T) => void;
}

/**
 * A step that needs a reason others will read (declining a proposal, calling a session off):
 * the reason is required, errors are summarised and linked, and the step is taken once.
 */
export function ReasonDialog<T>({ subject, fieldId, title, intro, label, hint, submitLabel, backLabel, rows = 4, act, onClose, onDone }: ReasonDialogProps<T>) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [reason, setReason] = useState('');
  const { clear } = submission;

  useEffect(() => {
    setReason('');
    clear();
  }, [subject?.id, clear]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!subject) return;
    let result: { value: T } | undefined;
    const ok = await submission.submit(
      async () => {
        result = { value: await act(reason.trim()) };
      },
      reason.trim() ? {} : { reason: t('fieldError.reason') },
    );
    if (ok && result) onDone(result.value);
  };
  const summary = submission.summary({ reason: { target: fieldId, label } });

  return (
    <Dialog open={Boolean(subject)} title={subject ? title : ''} onClose={onClose}>
      {subject && (
        <form noValidate onSubmit={(event) => void onSubmit(event)} className="dt-form">
          <Paragraph>{intro}</Paragraph>
          {summary && <ErrorSummary summaryRef={submission.summaryRef} {...summary} />}
          <TextAreaField
            id={fieldId}
            label={label}
            description={hint}
            value={reason}
            onChange={setReason}
            rows={rows}
            required
            data-autofocus
            error={errorFor(submission.fieldErrors, 'reason')}
          />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={submission.busy}>
              {submitLabel}
            </Button>
            <Button appearance="secondary-action-button" onClick={onClose}>
              {backLabel}
            </Button>
          </ButtonGroup>
        </form>
      )}
    </Dialog>
  );
}
