import { Alert, Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { mediationApi } from '../../api/mediation';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ErrorSummary } from '../../components/forms/ErrorSummary';
import { errorFor } from '../../components/forms/field-errors';
import { TextAreaField, TextField } from '../../components/forms/TextField';
import { useSubmission } from '../../components/forms/useSubmission';

/** Either side files a request naming the issue. */
export function FileMediationForm({ trajectoryId, onFiled }: { trajectoryId: string; onFiled: () => void }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [issue, setIssue] = useState('');
  const [done, setDone] = useState(false);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const ok = await submission.submit(async () => {
      await mediationApi.file(trajectoryId, issue.trim());
    }, issue.trim() ? {} : { issue: t('mediation.file.required') });
    if (!ok) return;
    setIssue('');
    setDone(true);
    onFiled();
  };
  const summary = submission.summary({ issue: { target: 'mediation-issue', label: t('mediation.file.issue') } });
  return (
    <section aria-labelledby="file-heading">
      <Heading2 id="file-heading">{t('mediation.file.title')}</Heading2>
      <div role="status" data-testid="file-status">
        {done && (
          <Alert type="ok" role="none">
            <Paragraph>{t('mediation.file.done')}</Paragraph>
          </Alert>
        )}
      </div>
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="dt-form" data-testid="file-form">
        {summary && <ErrorSummary summaryRef={submission.summaryRef} {...summary} />}
        <TextAreaField id="mediation-issue" label={t('mediation.file.issue')} description={t('mediation.file.issueHint')} value={issue} onChange={setIssue} rows={5} required error={errorFor(submission.fieldErrors, 'issue')} />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={submission.busy}>
            {t('mediation.file.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

/** A platform administrator seats the mediator (an account, or an invitation with the role intermediair). */
export function SeatMediatorForm({ trajectoryId, requestId, onSeated }: { trajectoryId: string; requestId: string; onSeated: () => void }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await submission.submit(async () => {
      await mediationApi.seat(trajectoryId, requestId, email.trim(), name.trim() || undefined);
    });
    if (ok) onSeated();
  };
  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} className="dt-form" aria-label={t('mediation.seat.title')}>
      {submission.error && <ErrorAlert error={submission.error} />}
      <TextField id={`seat-email-${requestId}`} type="email" label={t('mediation.seat.email')} value={email} onChange={setEmail} required error={errorFor(submission.fieldErrors, 'email')} />
      <TextField id={`seat-name-${requestId}`} label={t('mediation.seat.name')} value={name} onChange={setName} />
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button" busy={submission.busy}>
          {t('mediation.seat.submit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** The mediator closes the request with an outcome both sides read, after a confirmation. */
export function CloseMediationForm({ trajectoryId, requestId, onClosed }: { trajectoryId: string; requestId: string; onClosed: () => void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);
  return (
    <form
      noValidate
      className="dt-form"
      aria-label={t('mediation.close.title')}
      onSubmit={(event) => {
        event.preventDefault();
        if (!outcome.trim()) {
          setError(t('mediation.close.required'));
          document.getElementById(`close-outcome-${requestId}`)?.focus();
          return;
        }
        setError(undefined);
        setConfirming(true);
      }}
    >
      <TextAreaField id={`close-outcome-${requestId}`} label={t('mediation.close.outcome')} value={outcome} onChange={setOutcome} rows={4} required error={error} />
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button">
          {t('mediation.close.submit')}
        </Button>
      </ButtonGroup>
      <ConfirmDialog
        open={confirming}
        title={t('mediation.close.confirmTitle')}
        confirmLabel={t('mediation.close.confirm')}
        onClose={() => setConfirming(false)}
        onConfirm={async () => {
          await mediationApi.close(trajectoryId, requestId, outcome.trim());
          setConfirming(false);
          onClosed();
        }}
      >
        <Paragraph>{t('mediation.close.confirmText')}</Paragraph>
      </ConfirmDialog>
    </form>
  );
}
