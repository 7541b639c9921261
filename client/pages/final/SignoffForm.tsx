import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { finalApi } from '../../api/final';
import { FailureAlert } from '../../components/FailureAlert';
import { RadioGroup } from '../../components/forms/ChoiceGroup';
import { TextAreaField } from '../../components/forms/TextField';
import { useSubmission } from '../../components/forms/useSubmission';
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
  const [saved, setSaved] = useState('');
  // The refusal is said in a message of its own; only the form's own checks are said at the fields.
  const submission = useSubmission({
    fieldErrorsFor: () => ({}),
    focusFields: { decision: 'signoff-decision-approve', reason: 'signoff-reason' },
  });
  const failure = submission.failure;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved('');
    const local = {
      ...(decision === '' ? { decision: t('final.signoff.choiceRequired') } : {}),
      ...(decision === 'reject' && !reason.trim() ? { reason: t('final.signoff.reasonRequired') } : {}),
    };
    await submission.submit(async () => {
      const fresh = await finalApi.signOff(trajectoryId, { municipality, decision: decision as 'approve' | 'reject', ...(decision === 'reject' ? { reason: reason.trim() } : {}) });
      setSaved(t('final.signoff.saved', { municipality }));
      onSaved(fresh);
    }, local);
  };

  return (
    <section aria-labelledby="signoff-form-heading" className="dt-form-section" data-testid="signoff-form">
      <Heading2 id="signoff-form-heading">{t('final.signoff.formTitle', { municipality })}</Heading2>
      <Paragraph>{t('final.signoff.formIntro', { municipality })}</Paragraph>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
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
          error={submission.fieldErrors.decision}
        />
        {decision === 'reject' && (
          <TextAreaField id="signoff-reason" label={t('final.signoff.reasonLabel')} description={t('final.signoff.reasonHint')} value={reason} onChange={setReason} error={submission.fieldErrors.reason} rows={4} />
        )}
        <Button type="submit" appearance="primary-action-button" aria-busy={submission.busy || undefined}>
          {t('final.signoff.submit')}
        </Button>
      </form>
      <div role="status" data-testid="signoff-saved">
        {saved && <Paragraph>{saved}</Paragraph>}
      </div>
      {failure && <FailureAlert className="dt-alert" message={failure.fields?.reason === 'outdated' ? t('final.signoff.outdated') : errorMessage(failure)} />}
    </section>
  );
}
