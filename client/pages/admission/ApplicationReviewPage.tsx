import { Button, DataList, DataListItem, DataListKey, DataListValue, Heading2, Heading3, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useResource } from '../../api/useResource';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ErrorSummary } from '../../components/forms/ErrorSummary';
import { RadioGroup } from '../../components/forms/ChoiceGroup';
import { TextAreaField } from '../../components/forms/TextField';
import { errorFor, type FieldErrors } from '../../components/forms/field-errors';
import { useSubmission } from '../../components/forms/useSubmission';
import { LoadingStatus } from '../../components/LoadingStatus';
import { RouterLink } from '../../components/RouterLink';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { Attachments } from '../../components/attachments/Attachments';
import { formatDate } from '../../format/dates';
import type { AdmissionStep } from '../../../shared/domain/admission';
import type { ApplicationDto, ReviewRequest } from '../../../shared/schemas/admission';
import { TrajectoryHeader } from '../trajectory/TrajectoryHeader';
import { useTrajectory } from '../trajectory/trajectory-context';
import { admissionApi } from './admission-api';
import { ApplicationHistory, ApplicationStatusBadge } from './ApplicationStatus';

/** One application: its details and documents, and the review steps the shared rule opens now. */
export function ApplicationReviewPage() {
  const { t, i18n } = useTranslation();
  const { trajectory } = useTrajectory();
  const { applicationId = '' } = useParams();
  const application = useResource((signal) => admissionApi.application(trajectory.id, applicationId, signal), [trajectory.id, applicationId]);
  const a = application.data;
  useDocumentTitle(a ? `${t('admission.review.title')}: ${a.organisation.name}` : t('admission.review.title'));
  return (
    <>
      <TrajectoryHeader />
      <Paragraph>
        <RouterLink to={`/trajecten/${trajectory.id}/toetreding`}>{t('admission.review.back')}</RouterLink>
      </Paragraph>
      {application.loading && <LoadingStatus />}
      {application.error && <ErrorAlert error={application.error} />}
      {a && (
        <>
          <Heading2>
            {a.number}. {a.organisation.name}
          </Heading2>
          <Paragraph>
            <ApplicationStatusBadge status={a.status} />
          </Paragraph>
          {['submitted', 'incomplete', 'complete'].includes(a.status) && <Paragraph>{t('admission.own.reviewDeadline', { date: formatDate(a.reviewDeadline, i18n.language) })}</Paragraph>}
          {a.openQuestion && (
            <Paragraph>
              {t('admission.own.question')}: {a.openQuestion}
            </Paragraph>
          )}
          {a.refusalReason && (
            <Paragraph>
              {t('admission.own.refused')} {a.refusalReason}
            </Paragraph>
          )}
          <ReviewForm trajectoryId={trajectory.id} application={a} onSaved={(fresh) => application.setData(fresh)} />
          <Heading3>{t('admission.review.details')}</Heading3>
          <DataList className="dt-data-list">
            {[
              [t('admission.apply.kvk'), a.organisation.kvk],
              [t('admission.apply.kind'), t(`admission.kinds.${a.organisation.kind}`)],
              [t('admission.apply.address'), `${a.organisation.address}, ${a.organisation.postcode} ${a.organisation.city}`],
              [t('admission.review.contact'), `${a.contact.name}, ${a.contact.email}${a.contact.phone ? `, ${a.contact.phone}` : ''}`],
              [t('admission.review.perceelen'), a.perceelen.join(', ')],
              [t('admission.review.motivation'), a.motivation || '—'],
            ].map(([key, value]) => (
              <DataListItem key={key}>
                <DataListKey>{key}</DataListKey>
                <DataListValue>{value}</DataListValue>
              </DataListItem>
            ))}
          </DataList>
          <Heading3>{t('admission.review.declarations')}</Heading3>
          <UnorderedList>
            {a.declarations.map((d) => (
              <UnorderedListItem key={d}>{d}</UnorderedListItem>
            ))}
          </UnorderedList>
          <Attachments trajectoryId={trajectory.id} parentKind="application" parentId={a.id} headingLevel={3} />
          <ApplicationHistory history={a.history} />
        </>
      )}
    </>
  );
}

type ReviewStep = Exclude<AdmissionStep, 'answer' | 'accede'>;

function ReviewForm({ trajectoryId, application, onSaved }: { trajectoryId: string; application: ApplicationDto; onSaved: (fresh: ApplicationDto) => void }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const steps = application.steps.filter((s): s is ReviewStep => s !== 'answer' && s !== 'accede');
  const [step, setStep] = useState<ReviewStep | ''>('');
  const [text, setText] = useState('');
  const [done, setDone] = useState('');
  if (steps.length === 0) return <Paragraph>{t('admission.review.noSteps')}</Paragraph>;
  const needsText = step === 'askQuestion' || step === 'refuse';
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    const errors: FieldErrors = step === '' ? { step: t('admission.apply.required') } : needsText && !text.trim() ? { text: t('admission.apply.required') } : {};
    const body: ReviewRequest | null = step === 'askQuestion' ? { step, question: text } : step === 'refuse' ? { step, reason: text } : step ? { step } : null;
    const ok = await submission.submit(async () => {
      const fresh = await admissionApi.review(trajectoryId, application.id, body!);
      onSaved(fresh);
      setDone(t('admission.review.done', { status: t(`admission.statuses.${fresh.status}`) }));
    }, errors);
    if (ok) {
      setStep('');
      setText('');
    }
  };
  const summary = submission.summary({ step: { target: 'review-step', label: t('admission.review.actions') }, text: { target: 'review-text', label: t('admission.review.reasonLabel') }, question: { target: 'review-text', label: t('admission.review.questionLabel') }, reason: { target: 'review-text', label: t('admission.review.reasonLabel') } });
  return (
    <section aria-labelledby="review-heading" data-testid="review-form">
      <Heading3 id="review-heading">{t('admission.review.actions')}</Heading3>
      {summary && <ErrorSummary message={summary.message} items={summary.items} summaryRef={submission.summaryRef} />}
      <form onSubmit={onSubmit} noValidate>
        <RadioGroup id="review-step" name="step" legend={t('admission.review.actions')} value={step} onChange={(v) => setStep(v as ReviewStep)} options={steps.map((s) => ({ value: s, label: t(`admission.review.${s}`) }))} error={errorFor(submission.fieldErrors, 'step')} />
        {needsText && (
          <TextAreaField
            id="review-text"
            label={step === 'refuse' ? t('admission.review.reasonLabel') : t('admission.review.questionLabel')}
            description={t('admission.review.reasonHint')}
            value={text}
            onChange={setText}
            error={errorFor(submission.fieldErrors, 'text') ?? errorFor(submission.fieldErrors, 'question') ?? errorFor(submission.fieldErrors, 'reason')}
            rows={4}
          />
        )}
        <Button type="submit" appearance="primary-action-button" aria-busy={submission.busy || undefined}>
          {t('admission.review.send')}
        </Button>
      </form>
      <div role="status" data-testid="review-done">
        {done && <Paragraph>{done}</Paragraph>}
      </div>
    </section>
  );
}
