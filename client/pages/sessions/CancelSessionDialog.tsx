import { useTranslation } from 'react-i18next';
import { sessionApi } from '../../api/sessions';
import { ReasonDialog } from '../../components/ReasonDialog';
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
  return (
    <ReasonDialog
      subject={session}
      fieldId="cancel-reason"
      title={session ? t('calendar.cancel.title', { title: session.title }) : ''}
      intro={t('calendar.cancel.intro')}
      label={t('calendar.cancel.reason')}
      hint={t('calendar.cancel.reasonHint')}
      submitLabel={t('calendar.cancel.confirm')}
      backLabel={t('calendar.cancel.back')}
      rows={3}
      act={(reason) => sessionApi.cancel(session!.id, { reason })}
      onClose={onClose}
      onDone={onCancelled}
    />
  );
}
