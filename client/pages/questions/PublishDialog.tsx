import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import { questionApi } from '../../api/questions';
import type { PublishResult } from '../../api/questions';
import { ConfirmDialog } from '../../components/ConfirmDialog';
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

const nothingLeft = (error: ApiError) => conflictReason(error) === 'nothing_to_publish';

/** "Are you sure?": publishing cannot be undone and reaches everyone at once, without names. */
export function PublishDialog({ trajectoryId, open, count, onClose, onPublished, onStale }: PublishDialogProps) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      open={open}
      title={t('questions.team.confirmTitle')}
      confirmLabel={t('questions.team.confirmSubmit')}
      onConfirm={async () => onPublished(await questionApi.publish(trajectoryId))}
      onError={(error) => {
        if (nothingLeft(error)) onStale();
      }}
      messageFor={(error) => (nothingLeft(error) ? t('questions.team.nothingLeft') : undefined)}
      // Whatever went wrong, the screen behind is reloaded or out of date: look again before retrying.
      final={() => true}
      onClose={onClose}
      // The publish button is gone once nothing is left to publish: focus goes to the published list.
      focusAfterDone={() => document.getElementById('nota-heading')}
      testId="publish-dialog"
    >
      <Paragraph data-testid="publish-confirm-text">{t('questions.team.confirm', { count })}</Paragraph>
      <Paragraph>{t('questions.team.confirmFinal')}</Paragraph>
    </ConfirmDialog>
  );
}
