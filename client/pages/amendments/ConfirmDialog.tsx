import { Alert, Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { useRevisionErrorMessage } from './revision-errors';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** What will happen, in words; read as the dialog's description. */
  children: ReactNode;
  confirmLabel: string;
  /** Runs the action; a rejection is shown in the dialog, which then stays open. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
  /** Told about a failure too, e.g. to reload what has changed meanwhile. */
  onError?: (error: ApiError) => void;
  testId?: string;
}

/**
 * "Are you sure?" for a step that changes the agreement for everyone. Focus starts on
 * "Annuleren", the safe choice; an error from the server is said in the dialog itself.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, onConfirm, onClose, onError, testId }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const message = useRevisionErrorMessage();
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) setError(undefined);
  }, [open]);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const confirm = async () => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm();
    } catch (caught) {
      const apiError = caught instanceof ApiError ? caught : new ApiError(0, 'internal', String(caught));
      setError(apiError);
      onError?.(apiError);
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} title={title} onClose={onClose}>
      <div data-testid={testId}>
        {error && (
          <div ref={errorRef} tabIndex={-1} className="dt-revisions-error">
            <Alert type="error" role="alert">
              <Paragraph>{message(error)}</Paragraph>
            </Alert>
          </div>
        )}
        <div className="dt-revisions-confirm">{children}</div>
        <ButtonGroup>
          {/* A conflict (decided meanwhile, changed since, fixed) does not go away by trying again. */}
          {error?.code !== 'conflict' && (
            <Button appearance="primary-action-button" busy={busy} onClick={() => void confirm()}>
              {confirmLabel}
            </Button>
          )}
          <Button appearance="secondary-action-button" onClick={onClose} data-autofocus>
            {error?.code === 'conflict' ? t('revisions.close') : t('cancel')}
          </Button>
        </ButtonGroup>
      </div>
    </Dialog>
  );
}
