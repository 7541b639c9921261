import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { finalApi } from '../../api/final';
import { RadioGroup } from '../../components/forms/ChoiceGroup';
import { TextAreaField } from '../../components/forms/TextField';
import { useErrorMessage } from '../../components/useErrorMessage';
import type { FinalAgreementDto } from '../../../shared/schemas/final';

/** A municipality representative's approval, or rejection with a reason, for their own municipality. */
export function SignoffForm({ trajectoryId, final, onSaved }: { trajectoryId: string; final: FinalAgreementDto; onSaved: (fresh: FinalAgreementDto) => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const municipality = final.signsFor!;
  const current = final.signoffs.find((s) => s.municipality === municipality);
  const [decision, setDecision] = useState<'' | 'approve' | 'reject'>(current?.status === 'approved' ? 'approve' : current?.status === 'rejected' ? 'reject' : '');
  const [reason, setReason] = useState(current?.reason ?? '');
  const [errors, setErrors] = useState<{ decision?: string; reason?: string }>({});
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setSaved('');
    const local = {
      ...(decision === '' ? { decision: t('final.signoff.choiceRequired') } : {}),
      ...(decision === 'reject' && !reason.trim() ? { reason: t('final.signoff.reasonRequired') } : {}),
    };
    setErrors(local);
    if (local.decision) return document.getElementById('signoff-decision-approve')?.focus();
    if (local.reason) return document.getElementById('signoff-reason')?.focus();
    setBusy(true);
    try {
      const fresh = await finalApi.signOff(trajectoryId, { municipality, decision: decision as 'approve' | 'reject', ...(decision === 'reject' ? { reason: reason.trim() } : {}) });
      setFailure(undefined);
      setSaved(t('final.signoff.saved', { municipality }));
      onSaved(fresh);
    } catch (caught) {
      const error = caught instanceof ApiError ? caught : new ApiError(0, 'internal', String(caught));
      setFailure(error.fields?.reason === 'outdated' ? t('final.signoff.outdated') : errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="signoff-form-heading" className="dt-form-section" data-testid="signoff-form">
      <Heading2 id="signoff-form-heading">{t('final.signoff.formTitle', { municipality })}</Heading2>
      <Paragraph>{t('final.signoff.formIntro', { municipality })}</Paragraph>
      <form onSubmit={onSubmit} noValidate>
        <RadioGroup
          id="signoff-decision"
          name="decision"
          legend={t('final.signoff.choice', { municipality })}
          value={decision}
          onChange={(value) => setDecision(value as 'approve' | 'reject')}
          options={[
            { value: 'approve', label: t('final.signoff.approve') },
            { value: 'reject', label: t('final.signoff.reject') },
          ]}
          error={errors.decision}
        />
        {decision === 'reject' && (
          <TextAreaField id="signoff-reason" label={t('final.signoff.reasonLabel')} description={t('final.signoff.reasonHint')} value={reason} onChange={setReason} error={errors.reason} rows={4} />
        )}
        <Button type="submit" appearance="primary-action-button" aria-busy={busy || undefined}>
          {t('final.signoff.submit')}
        </Button>
      </form>
      <div role="status" data-testid="signoff-saved">
        {saved && <Paragraph>{saved}</Paragraph>}
      </div>
      {failure && (
        <Alert type="error" role="alert" className="dt-alert">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}
    </section>
  );
}
