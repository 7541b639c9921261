import { Alert, Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { consultationApi, consultationPath } from '../../api/consultations';
import { ErrorSummary } from '../../components/forms/ErrorSummary';
import { errorFor } from '../../components/forms/field-errors';
import type { FieldErrors } from '../../components/forms/field-errors';
import { SelectField } from '../../components/forms/SelectField';
import { TextAreaField, TextField } from '../../components/forms/TextField';
import { useSubmission } from '../../components/forms/useSubmission';
import { RouterLink } from '../../components/RouterLink';
import { formatDateTime, todayInAmsterdam } from '../../format/dates';
import type { ConsultationDto } from '../../../shared/schemas/consultations';
import type { VersionDto } from '../../../shared/schemas/agreement';
import { versionsPath } from '../amendments/RevisionsHeader';

export interface OpenConsultationFormProps {
  trajectoryId: string;
  /** Versions of the whole agreement, newest first. */
  versions: VersionDto[];
  onOpened: (consultation: ConsultationDto) => void;
}

/** The procurement team puts a version of the whole agreement out for reactions until a closing date. */
export function OpenConsultationForm({ trajectoryId, versions, onOpened }: OpenConsultationFormProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const submission = useSubmission();
  const [title, setTitle] = useState('');
  const [explanation, setExplanation] = useState('');
  const [versionId, setVersionId] = useState('');
  const [closesOn, setClosesOn] = useState('');

  const localErrors = (): FieldErrors => {
    const errors: FieldErrors = {};
    if (!title.trim()) errors.title = t('consultation.open.required');
    if (!versionId) errors.versionId = t('consultation.open.chooseVersion');
    if (!closesOn) errors.closesOn = t('consultation.open.required');
    return errors;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    let opened: ConsultationDto | undefined;
    const ok = await submission.submit(async () => {
      opened = await consultationApi.open(trajectoryId, { title: title.trim(), explanation: explanation.trim() || null, versionId, closesOn });
    }, localErrors());
    if (ok && opened) {
      onOpened(opened);
      navigate(consultationPath(trajectoryId, opened.id));
    }
  };

  const summary = submission.summary({
    title: { target: 'consultation-title', label: t('consultation.open.name') },
    explanation: { target: 'consultation-explanation', label: t('consultation.open.explanation') },
    versionId: { target: 'consultation-version', label: t('consultation.open.version') },
    closesOn: { target: 'consultation-closes', label: t('consultation.open.closesOn') },
  });

  return (
    <section aria-labelledby="open-consultation-heading" className="dt-form-section" data-testid="open-consultation">
      <Heading2 id="open-consultation-heading">{t('consultation.open.title')}</Heading2>
      <Paragraph>{t('consultation.open.intro')}</Paragraph>
      {versions.length === 0 ? (
        <Alert type="info">
          <Paragraph>{t('consultation.open.noVersions')}</Paragraph>
          <Paragraph>
            <RouterLink to={versionsPath(trajectoryId)}>{t('consultation.open.toVersions')}</RouterLink>
          </Paragraph>
        </Alert>
      ) : (
        <form noValidate onSubmit={(event) => void onSubmit(event)} className="dt-form">
          {summary && <ErrorSummary summaryRef={submission.summaryRef} {...summary} />}
          <TextField id="consultation-title" label={t('consultation.open.name')} description={t('consultation.open.nameHint')} value={title} onChange={setTitle} required error={errorFor(submission.fieldErrors, 'title')} />
          <TextAreaField id="consultation-explanation" label={t('consultation.open.explanation')} description={t('consultation.open.explanationHint')} value={explanation} onChange={setExplanation} rows={4} error={errorFor(submission.fieldErrors, 'explanation')} />
          <SelectField
            id="consultation-version"
            label={t('consultation.open.version')}
            description={t('consultation.open.versionHint')}
            value={versionId}
            onChange={setVersionId}
            placeholder={t('consultation.open.versionPlaceholder')}
            options={versions.map((v) => ({ value: v.id, label: `${v.name} (${formatDateTime(v.createdAt, i18n.language)})` }))}
            required
            error={errorFor(submission.fieldErrors, 'versionId')}
          />
          <TextField id="consultation-closes" type="date" min={todayInAmsterdam()} label={t('consultation.open.closesOn')} description={t('consultation.open.closesOnHint')} value={closesOn} onChange={setClosesOn} required error={errorFor(submission.fieldErrors, 'closesOn')} />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={submission.busy}>
              {t('consultation.open.submit')}
            </Button>
          </ButtonGroup>
        </form>
      )}
    </section>
  );
}
