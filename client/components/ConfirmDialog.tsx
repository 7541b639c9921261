import { Alert, Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';
import { Dialog } from './Dialog';
import { ErrorAlert } from './ErrorAlert';
import { useSubmission } from './forms/useSubmission';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** What will happen, in words; read as the dialog's description. */
  children: ReactNode;
  confirmLabel: string;
  /** Runs the step; a rejection is shown in the dialog, which then stays open. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
  /** Told about a failure too, e.g. to reload what has changed meanwhile. */
  onError?: (error: ApiError) => void;
  /** Words for a failure where the general message per code is not enough (undefined: the general one). */
  messageFor?: (error: ApiError) => string | undefined;
  /** A failure that trying again cannot mend (decided meanwhile): only "close" is offered then. */
  final?: (error: ApiError) => boolean;
  /** Marks a step that removes or withdraws something. */
  danger?: boolean;
  /** Label of the way back; "Annuleren" unless said. */
  cancelLabel?: string;
  /** Label of the way back after a failure that is `final`. */
  closeLabel?: string;
  testId?: string;
  /**
   * Where focus goes once the step is done and the dialog closes, when the control that opened it
   * may be gone by then (e.g. a publish button with nothing left to publish). Otherwise back to that control.
   */
  focusAfterDone?: () => HTMLElement | null;
}

/**
 * "Are you sure?" for a step that cannot simply be undone. Focus starts on the way back, the
 * safe choice; the step runs once however often it is pressed, and a failure is said in the
 * dialog itself (and focused), which then stays open.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, onConfirm, onClose, onError, messageFor, final, danger, cancelLabel, closeLabel, testId, focusAfterDone }: ConfirmDialogProps) {
  const { t } = useTranslation();
  // A failure takes focus (the hook focuses `summaryRef`, the block around the message).
  const submission = useSubmission({ onFailure: (failed) => onError?.(failed) });
  const { error, clear } = submission;

  const done = useRef(false);
  useEffect(() => {
    if (open) {
      clear();
      done.current = false;
    }
  }, [open, clear]);
  const confirmStep = async () => {
    await onConfirm();
    done.current = true;
  };
  const hopeless = error !== undefined && final?.(error) === true;
  const ownMessage = error && messageFor?.(error);

  return (
    <Dialog open={open} title={title} onClose={onClose} returnFocus={() => (done.current ? focusAfterDone?.() : null)}>
      <div data-testid={testId}>
        {error && (
          <div ref={submission.summaryRef} tabIndex={-1} className="dt-confirm__error">
            {ownMessage ? (
              <Alert type="error" role="alert">
                <Paragraph>{ownMessage}</Paragraph>
              </Alert>
            ) : (
              <ErrorAlert error={error} />
            )}
          </div>
        )}
        <div className="dt-confirm__body">{children}</div>
        <ButtonGroup>
          {!hopeless && (
            <Button appearance="primary-action-button" {...(danger ? { hint: 'danger' as const } : {})} busy={submission.busy} onClick={() => void submission.submit(confirmStep)}>
              {confirmLabel}
            </Button>
          )}
          <Button appearance="secondary-action-button" onClick={onClose} data-autofocus>
            {(hopeless ? closeLabel : undefined) ?? cancelLabel ?? t('cancel')}
          </Button>
        </ButtonGroup>
      </div>
    </Dialog>
  );
}
