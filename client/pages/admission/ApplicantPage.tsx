import { Alert, Button, Heading1, Heading2, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useResource } from '../../api/useResource';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CheckboxGroup } from '../../components/forms/ChoiceGroup';
import { ErrorSummary } from '../../components/forms/ErrorSummary';
import { TextAreaField, TextField } from '../../components/forms/TextField';
import { errorFor, type FieldErrors } from '../../components/forms/field-errors';
import { useSubmission } from '../../components/forms/useSubmission';
import { LoadingStatus } from '../../components/LoadingStatus';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDate } from '../../format/dates';
import { attachmentAccept } from '../../../shared/domain/attachments';
import type { ApplicantViewDto } from '../../../shared/schemas/admission';
import { admissionApi } from './admission-api';
import { ApplicationHistory, ApplicationStatusBadge } from './ApplicationStatus';

/** The applicant's page behind the secret link: status, deadlines, a question to answer, documents, the accession. */
export function ApplicantPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('admission.own.title'));
  const { token = '' } = useParams();
  const own = useResource((signal) => admissionApi.own(token, signal), [token]);
  return (
    <>
      <Heading1>{t('admission.own.title')}</Heading1>
      {own.loading && <LoadingStatus />}
      {own.error?.code === 'not_found' && (
        <div role="alert" className="dt-notice">
          <Paragraph>{t('admission.own.notFound')}</Paragraph>
        </div>
      )}
      {own.error && own.error.code !== 'not_found' && <ErrorAlert error={own.error} />}
      {own.data && <Application token={token} view={own.data} onChange={(fresh) => own.setData(fresh)} />}
    </>
  );
}

function Application({ token, view, onChange }: { token: string; view: ApplicantViewDto; onChange: (fresh: ApplicantViewDto) => void }) {
  const { t, i18n } = useTranslation();
  const a = view.application;
  return (
    <>
      <Paragraph>{t('admission.own.keepLink')}</Paragraph>
      <Paragraph>
        {t('admission.own.number', { number: a.number, organisation: a.organisation.name })} — {view.trajectoryName}
      </Paragraph>
      <Paragraph>
        {t('admission.own.status')}: <ApplicationStatusBadge status={a.status} />
      </Paragraph>
      {['submitted', 'incomplete', 'complete'].includes(a.status) && <Paragraph data-testid="review-deadline">{t('admission.own.reviewDeadline', { date: formatDate(a.reviewDeadline, i18n.language) })}</Paragraph>}
      {a.status === 'admitted' && a.accessionDeadline && <Paragraph>{t('admission.own.accessionDeadline', { date: formatDate(a.accessionDeadline, i18n.language) })}</Paragraph>}
      {a.status === 'refused' && (
        <Alert type="warning" className="dt-alert">
          <Paragraph>{t('admission.own.refused')}</Paragraph>
          <Paragraph data-testid="refusal-reason">{a.refusalReason}</Paragraph>
        </Alert>
      )}
      {a.steps.includes('answer') && <AnswerForm token={token} question={a.openQuestion ?? ''} onChange={onChange} />}
      <Documents token={token} view={view} onChange={onChange} />
      {a.steps.includes('accede') && <AccessionForm token={token} view={view} onChange={onChange} />}
      {a.accession && (
        <section aria-labelledby="accession-heading">
          <Heading2 id="accession-heading">{t('admission.own.accession')}</Heading2>
          <Paragraph data-testid="accession-signed">
            {t('admission.own.signed', { date: formatDate(a.accession.signedAt.slice(0, 10), i18n.language), name: a.accession.signerName, version: a.accession.agreementVersion, municipalities: a.accession.municipalities.join(', ') })}
          </Paragraph>
        </section>
      )}
      <ApplicationHistory history={a.history} />
    </>
  );
}

function AnswerForm({ token, question, onChange }: { token: string; question: string; onChange: (fresh: ApplicantViewDto) => void }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [answer, setAnswer] = useState('');
  const [done, setDone] = useState('');
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await submission.submit(async () => onChange(await admissionApi.answer(token, answer)), answer.trim() ? {} : { answer: t('admission.apply.required') });
    if (ok) setDone(t('admission.own.answered'));
  };
  const summary = submission.summary({ answer: { target: 'own-answer', label: t('admission.own.answer') } });
  return (
    <section aria-labelledby="question-heading">
      <Heading2 id="question-heading">{t('admission.own.question')}</Heading2>
      <Paragraph data-testid="open-question">{question}</Paragraph>
      {summary && <ErrorSummary message={summary.message} items={summary.items} summaryRef={submission.summaryRef} />}
      <form onSubmit={onSubmit} noValidate>
        <TextAreaField id="own-answer" label={t('admission.own.answer')} value={answer} onChange={setAnswer} error={errorFor(submission.fieldErrors, 'answer')} rows={4} />
        <Button type="submit" appearance="primary-action-button" aria-busy={submission.busy || undefined}>
          {t('admission.own.sendAnswer')}
        </Button>
      </form>
      <div role="status">{done && <Paragraph>{done}</Paragraph>}</div>
    </section>
  );
}

function Documents({ token, view, onChange }: { token: string; view: ApplicantViewDto; onChange: (fresh: ApplicantViewDto) => void }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [done, setDone] = useState('');
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setDone('');
    const ok = await submission.submit(async () => onChange(await admissionApi.attach(token, file, () => undefined)));
    if (ok) setDone(t('admission.own.uploaded', { name: file.name }));
  };
  const summary = submission.summary({});
  return (
    <section aria-labelledby="documents-heading">
      <Heading2 id="documents-heading">{t('admission.own.documents')}</Heading2>
      {view.files.length === 0 ? (
        <Paragraph>{t('admission.own.noDocuments')}</Paragraph>
      ) : (
        <UnorderedList data-testid="own-files">
          {view.files.map((f) => (
            <UnorderedListItem key={f.id}>{f.name}</UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      {view.application.mayAttach && (
        <>
          {summary && <ErrorSummary message={summary.message} items={summary.items} summaryRef={submission.summaryRef} />}
          <label htmlFor="own-document">{t('admission.own.addDocument')}</label> <input id="own-document" type="file" accept={attachmentAccept} onChange={(event) => void onFile(event.target.files?.[0])} />
        </>
      )}
      <div role="status">{done && <Paragraph>{done}</Paragraph>}</div>
    </section>
  );
}

function AccessionForm({ token, view, onChange }: { token: string; view: ApplicantViewDto; onChange: (fresh: ApplicantViewDto) => void }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [signerName, setSignerName] = useState('');
  const [signerFunction, setSignerFunction] = useState('');
  const [municipalities, setMunicipalities] = useState<string[]>([]);
  const [accept, setAccept] = useState<string[]>([]);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const required = t('admission.apply.required');
    const errors: FieldErrors = {
      ...(signerName.trim() ? {} : { signerName: required }),
      ...(signerFunction.trim() ? {} : { signerFunction: required }),
      ...(municipalities.length ? {} : { municipalities: required }),
      ...(accept.length ? {} : { accept: required }),
    };
    await submission.submit(async () => onChange(await admissionApi.accede(token, { signerName, signerFunction, municipalities, accept: true })), errors);
  };
  const summary = submission.summary({
    signerName: { target: 'accede-name', label: t('admission.own.signerName') },
    signerFunction: { target: 'accede-function', label: t('admission.own.signerFunction') },
    municipalities: { target: 'accede-municipalities', label: t('admission.own.municipalities') },
    accept: { target: 'accede-accept', label: t('admission.own.accept') },
  });
  const e = (path: string) => errorFor(submission.fieldErrors, path);
  return (
    <section aria-labelledby="accede-heading">
      <Heading2 id="accede-heading">{t('admission.own.accession')}</Heading2>
      <Paragraph>{t('admission.own.accessionIntro')}</Paragraph>
      {summary && <ErrorSummary message={summary.message} items={summary.items} summaryRef={submission.summaryRef} />}
      <form onSubmit={onSubmit} noValidate data-testid="accession-form">
        <TextField id="accede-name" label={t('admission.own.signerName')} value={signerName} onChange={setSignerName} error={e('signerName')} autoComplete="name" />
        <TextField id="accede-function" label={t('admission.own.signerFunction')} value={signerFunction} onChange={setSignerFunction} error={e('signerFunction')} />
        <CheckboxGroup id="accede-municipalities" legend={t('admission.own.municipalities')} values={municipalities} onChange={setMunicipalities} options={view.municipalities.map((m) => ({ value: m, label: m }))} error={e('municipalities')} />
        <CheckboxGroup id="accede-accept" legend={t('admission.own.accession')} values={accept} onChange={setAccept} options={[{ value: 'yes', label: t('admission.own.accept') }]} error={e('accept')} />
        <Button type="submit" appearance="primary-action-button" aria-busy={submission.busy || undefined}>
          {t('admission.own.sign')}
        </Button>
      </form>
    </section>
  );
}
