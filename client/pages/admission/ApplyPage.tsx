import { Button, Fieldset, FieldsetLegend, FormField, FormFieldDescription, FormLabel, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useResource } from '../../api/useResource';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ErrorSummary } from '../../components/forms/ErrorSummary';
import { CheckboxGroup, RadioGroup } from '../../components/forms/ChoiceGroup';
import { TextAreaField, TextField } from '../../components/forms/TextField';
import { errorFor, type FieldErrors } from '../../components/forms/field-errors';
import { useSubmission } from '../../components/forms/useSubmission';
import { LoadingStatus } from '../../components/LoadingStatus';
import { RouterLink } from '../../components/RouterLink';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { applicantKinds, normaliseKvk, type ApplicantKind } from '../../../shared/domain/admission';
import type { AdmissionFormDto } from '../../../shared/schemas/admission';
import { attachmentAccept } from '../../../shared/domain/attachments';
import { admissionApi } from './admission-api';

/** The public application form of an Open House trajectory: no account needed. */
export function ApplyPage() {
  const { t } = useTranslation();
  const { openHouseId = '' } = useParams();
  const form = useResource((signal) => admissionApi.form(openHouseId, signal), [openHouseId]);
  useDocumentTitle(form.data ? t('admission.apply.title', { trajectory: form.data.trajectoryName }) : t('admission.register.title'));
  return (
    <>
      {form.loading && <LoadingStatus />}
      {form.error && <ErrorAlert error={form.error} />}
      {form.data && <ApplicationForm openHouseId={openHouseId} form={form.data} />}
    </>
  );
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

function ApplicationForm({ openHouseId, form }: { openHouseId: string; form: AdmissionFormDto }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const submission = useSubmission();
  const [fields, setFields] = useState({ name: '', kvk: '', address: '', postcode: '', city: '', contactName: '', email: '', phone: '', motivation: '' });
  const [kind, setKind] = useState<ApplicantKind | ''>('');
  const [perceelen, setPerceelen] = useState<string[]>([]);
  const [declarations, setDeclarations] = useState<string[]>([]);
  const [files, setFiles] = useState<File[]>([]);
  const set = (key: keyof typeof fields) => (value: string) => setFields((f) => ({ ...f, [key]: value }));

  const localErrors = (): FieldErrors => {
    const errors: FieldErrors = {};
    const required = t('admission.apply.required');
    if (!fields.name.trim()) errors['organisation.name'] = required;
    if (!normaliseKvk(fields.kvk)) errors['organisation.kvk'] = t('admission.apply.kvkInvalid');
    if (!kind) errors['organisation.kind'] = required;
    if (!fields.address.trim()) errors['organisation.address'] = required;
    if (!fields.postcode.trim()) errors['organisation.postcode'] = required;
    if (!fields.city.trim()) errors['organisation.city'] = required;
    if (!fields.contactName.trim()) errors['contact.name'] = required;
    if (!fields.email.trim()) errors['contact.email'] = required;
    if (perceelen.length === 0) errors.perceelen = t('admission.apply.chooseOne');
    if (form.settings.declarations.some((d) => !declarations.includes(d.id))) errors.declarations = t('admission.apply.declareAll');
    return errors;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    await submission.submit(async () => {
      const { token } = await admissionApi.apply(openHouseId, {
        organisation: { name: fields.name, kvk: fields.kvk, kind: kind as ApplicantKind, address: fields.address, postcode: fields.postcode, city: fields.city },
        contact: { name: fields.contactName, email: fields.email, ...(fields.phone.trim() ? { phone: fields.phone } : {}) },
        perceelen,
        declarations,
        motivation: fields.motivation,
      });
      // The application exists now; a document that fails can be added again on the applicant's page.
      for (const file of files) await admissionApi.attach(token, file, () => undefined).catch(() => undefined);
      navigate(`/toetreding/aanvraag/${token}`);
    }, localErrors());
  };

  const labels: Record<string, { target: string; label: string }> = {
    'organisation.name': { target: 'apply-name', label: t('admission.apply.name') },
    'organisation.kvk': { target: 'apply-kvk', label: t('admission.apply.kvk') },
    'organisation.kind': { target: 'apply-kind', label: t('admission.apply.kind') },
    'organisation.address': { target: 'apply-address', label: t('admission.apply.address') },
    'organisation.postcode': { target: 'apply-postcode', label: t('admission.apply.postcode') },
    'organisation.city': { target: 'apply-city', label: t('admission.apply.city') },
    'contact.name': { target: 'apply-contact-name', label: t('admission.apply.contactName') },
    'contact.email': { target: 'apply-email', label: t('admission.apply.email') },
    'contact.phone': { target: 'apply-phone', label: t('admission.apply.phone') },
    perceelen: { target: 'apply-perceelen', label: t('admission.apply.perceelen') },
    declarations: { target: 'apply-declarations', label: t('admission.apply.declarations') },
    motivation: { target: 'apply-motivation', label: t('admission.apply.motivation') },
  };
  const summary = submission.summary(labels);
  const e = (path: string) => errorFor(submission.fieldErrors, path);

  return (
    <>
      <Heading1>{t('admission.apply.title', { trajectory: form.trajectoryName })}</Heading1>
      <Paragraph>{t('admission.apply.intro')}</Paragraph>
      <Paragraph>
        <strong>{t('admission.apply.deadline', { weeks: form.settings.reviewWeeks })}</strong>
      </Paragraph>
      <Paragraph>
        <RouterLink to={`/toetreding/${openHouseId}/register`}>{t('admission.apply.registerLink')}</RouterLink>
      </Paragraph>
      {summary && <ErrorSummary message={summary.message} items={summary.items} summaryRef={submission.summaryRef} />}
      <form onSubmit={onSubmit} noValidate data-testid="apply-form" className="dt-form">
        <Fieldset>
          <FieldsetLegend>{t('admission.apply.organisation')}</FieldsetLegend>
          <TextField id="apply-name" label={t('admission.apply.name')} value={fields.name} onChange={set('name')} error={e('organisation.name')} autoComplete="organization" />
          <TextField id="apply-kvk" label={t('admission.apply.kvk')} description={t('admission.apply.kvkHint')} value={fields.kvk} onChange={set('kvk')} error={e('organisation.kvk')} inputMode="numeric" />
          <RadioGroup id="apply-kind" name="kind" legend={t('admission.apply.kind')} value={kind} onChange={(v) => setKind(v as ApplicantKind)} options={applicantKinds.map((k) => ({ value: k, label: t(`admission.kinds.${k}`) }))} error={e('organisation.kind')} />
          <TextField id="apply-address" label={t('admission.apply.address')} value={fields.address} onChange={set('address')} error={e('organisation.address')} autoComplete="street-address" />
          <TextField id="apply-postcode" label={t('admission.apply.postcode')} value={fields.postcode} onChange={set('postcode')} error={e('organisation.postcode')} autoComplete="postal-code" />
          <TextField id="apply-city" label={t('admission.apply.city')} value={fields.city} onChange={set('city')} error={e('organisation.city')} autoComplete="address-level2" />
        </Fieldset>
        <Fieldset>
          <FieldsetLegend>{t('admission.apply.contact')}</FieldsetLegend>
          <TextField id="apply-contact-name" label={t('admission.apply.contactName')} value={fields.contactName} onChange={set('contactName')} error={e('contact.name')} autoComplete="name" />
          <TextField id="apply-email" type="email" label={t('admission.apply.email')} description={t('admission.apply.emailHint')} value={fields.email} onChange={set('email')} error={e('contact.email')} autoComplete="email" />
          <TextField id="apply-phone" type="tel" label={t('admission.apply.phone')} value={fields.phone} onChange={set('phone')} error={e('contact.phone')} autoComplete="tel" />
        </Fieldset>
        <CheckboxGroup id="apply-perceelen" legend={t('admission.apply.perceelen')} values={perceelen} onChange={setPerceelen} options={form.settings.perceelen.map((p) => ({ value: p.code, label: `${p.code}: ${p.name}` }))} error={e('perceelen')} />
        <CheckboxGroup
          id="apply-declarations"
          legend={t('admission.apply.declarations')}
          description={t('admission.apply.declarationsHint')}
          values={declarations}
          onChange={setDeclarations}
          options={form.settings.declarations.map((d) => ({ value: d.id, label: d.text }))}
          error={e('declarations')}
        />
        <TextAreaField id="apply-motivation" label={t('admission.apply.motivation')} value={fields.motivation} onChange={set('motivation')} error={e('motivation')} rows={4} />
        <FormField type="text">
          <FormLabel htmlFor="apply-documents">{t('admission.apply.documents')}</FormLabel>
          <FormFieldDescription id="apply-documents-description">{t('admission.apply.documentsHint', { size: megabytes(form.maxBytes) })}</FormFieldDescription>
          <input id="apply-documents" type="file" multiple accept={attachmentAccept} aria-describedby="apply-documents-description" onChange={(event) => setFiles([...(event.target.files ?? [])])} />
        </FormField>
        <Button type="submit" appearance="primary-action-button" aria-busy={submission.busy || undefined}>
          {submission.busy ? t('admission.apply.busy') : t('admission.apply.submit')}
        </Button>
      </form>
    </>
  );
}
