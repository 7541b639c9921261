import { Alert, Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { questionApi } from '../../api/questions';
import type { PublishResult } from '../../api/questions';
import { Dialog } from '../../components/Dialog';
import { useErrorMessage } from '../../components/useErrorMessage';
import { conflictReason } from './question-helpers';

export interface PublishDialogProps {
  trajectoryId: string;
  open: boolean;
  /** How many answered questions go out now, as this screen knows it. */
  count: number;
  onClose: () => void;
  onPublished: (result: PublishResult) => void;
  /** Nothing was left to publish (a colleague was first): load again. */
  onStale: () => void;
}

/** "Are you sure?": publishing cannot be undone and reaches everyone at once, without names. */
export function PublishDialog({ trajectoryId, open, count, onClose, onPublished, onStale }: PublishDialogProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const running = useRef(false);
  const failureRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) setFailure(undefined);
  }, [open]);
  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  const publish = async () => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      onPublished(await questionApi.publish(trajectoryId));
    } catch (caught) {
      const apiError = caught instanceof ApiError ? caught : new ApiError(0, 'internal', String(caught));
      if (conflictReason(apiError) === 'nothing_to_publish') {
        setFailure(t('questions.team.nothingLeft'));
        onStale();
      } else {
        setFailure(errorMessage(apiError));
      }
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} title={t('questions.team.confirmTitle')} onClose={onClose}>
      <div data-testid="publish-dialog">
        {failure && (
          <div ref={failureRef} tabIndex={-1} className="dt-questions__failure">
            <Alert type="error" role="alert">
              <Paragraph>{failure}</Paragraph>
            </Alert>
          </div>
        )}
        <Paragraph data-testid="publish-confirm-text">{t('questions.team.confirm', { count })}</Paragraph>
        <Paragraph>{t('questions.team.confirmFinal')}</Paragraph>
        <ButtonGroup>
          {!failure && (
            <Button appearance="primary-action-button" busy={busy} onClick={() => void publish()}>
              {t('questions.team.confirmSubmit')}
            </Button>
          )}
          <Button appearance="secondary-action-button" onClick={onClose} data-autofocus>
            {t('cancel')}
          </Button>
        </ButtonGroup>
      </div>
    </Dialog>
  );
}
