import { useTranslation } from 'react-i18next';
import { ConfirmDialog as GeneralConfirmDialog } from '../../components/ConfirmDialog';
import type { ConfirmDialogProps } from '../../components/ConfirmDialog';
import { useRevisionErrorMessage } from './revision-errors';

/** A conflict (decided meanwhile, changed since, fixed) does not go away by trying again. */
const isConflict = (error: { code: string }) => error.code === 'conflict';

/**
 * The confirm dialog for a step that changes the agreement for everyone (deciding an amendment,
 * restoring a version): the revision's own words for a conflict, after which only "close" is offered.
 */
export function ConfirmDialog(props: Omit<ConfirmDialogProps, 'messageFor' | 'final' | 'closeLabel'>) {
  const { t } = useTranslation();
  const message = useRevisionErrorMessage();
  return <GeneralConfirmDialog {...props} messageFor={message} final={isConflict} closeLabel={t('revisions.close')} />;
}
