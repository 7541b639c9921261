import './word-import.css';
import { Alert, Button, ButtonGroup, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WordImportPreviewDto, WordImportResult } from '../../../shared/schemas/word-import';
import { agreementPaths } from '../../api/agreement';
import { isApiError, type ApiError } from '../../api/client';
import { ButtonRouterLink } from '../../components/ButtonRouterLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TrajectoryHeader } from '../trajectory/TrajectoryHeader';
import { useTrajectory } from '../trajectory/trajectory-context';
import { editableOutline, outlineToSend, type EditChapter } from './outline-edit';
import { OutlineTree } from './OutlineTree';
import { confirmWordImport, uploadWordFile } from './word-import-api';

type Step =
  | { kind: 'choose' }
  | { kind: 'uploading'; fraction: number | null }
  | { kind: 'preview'; preview: WordImportPreviewDto; chapters: EditChapter[]; confirming: boolean }
  | { kind: 'done'; result: WordImportResult };

const refusalReasons = ['damaged', 'not_word', 'macro_enabled', 'too_large', 'too_large_unpacked', 'too_many_parts', 'too_long', 'empty', 'preview_expired', 'agreement_final'] as const;
type RefusalReason = (typeof refusalReasons)[number];

/** The import's own reason for a refusal, when the server gave one (a file over the size limit has none: it is never read). */
function refusalOf(error: ApiError): RefusalReason | undefined {
  const reason = error.fields?.reason ?? (error.code === 'payload_too_large' ? 'too_large' : undefined);
  return (refusalReasons as readonly string[]).includes(reason ?? '') ? (reason as RefusalReason) : undefined;
}

/** /trajecten/:id/overeenkomst/word-importeren — a Word draft becomes chapters and clauses: upload, preview, confirm. */
export function WordImportPage() {
  const { t } = useTranslation();
  const { trajectory, may } = useTrajectory();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [file, setFile] = useState<File | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const fileInput = useRef<HTMLInputElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (step.kind === 'done') resultHeading.current?.focus();
  }, [step.kind]);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const onUpload = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (!file) {
      setFieldError(t('wordImport.file.required'));
      fileInput.current?.focus();
      return;
    }
    setFieldError(undefined);
    setStep({ kind: 'uploading', fraction: 0 });
    try {
      const preview = await uploadWordFile(trajectory.id, file, (fraction) => setStep({ kind: 'uploading', fraction }));
      setStep({ kind: 'preview', preview, chapters: editableOutline(preview.chapters), confirming: false });
    } catch (caught) {
      setStep({ kind: 'choose' });
      if (isApiError(caught)) setError(caught);
    }
  };

  const onConfirm = async () => {
    if (step.kind !== 'preview' || step.confirming) return;
    setError(undefined);
    setStep({ ...step, confirming: true });
    try {
      const result = await confirmWordImport(trajectory.id, { previewId: step.preview.previewId, chapters: outlineToSend(step.chapters) });
      setStep({ kind: 'done', result });
    } catch (caught) {
      if (isApiError(caught)) setError(caught);
      // An expired preview cannot be confirmed again: back to choosing the file.
      setStep(isApiError(caught) && caught.code === 'gone' ? { kind: 'choose' } : { ...step, confirming: false });
    }
  };

  const reset = () => {
    setError(undefined);
    setStep({ kind: 'choose' });
    setFile(null);
  };

  const refusal = error && refusalOf(error);
  return (
    <div className="dt-word-import">
      <TrajectoryHeader title={t('wordImport.title')} />
      <Paragraph>{t('wordImport.intro')}</Paragraph>
      {!may('agreement.manage') && (
        <Alert type="info" className="dt-alert">
          <Paragraph>{t('wordImport.onlyProcurement')}</Paragraph>
        </Alert>
      )}
      <div ref={errorRef} tabIndex={-1} data-testid="word-import-error">
        {error &&
          (refusal ? (
            <Alert type="error" role="alert" className="dt-alert">
              <Paragraph>{t(`wordImport.refusal.${refusal}`)}</Paragraph>
            </Alert>
          ) : (
            <ErrorAlert error={error} />
          ))}
      </div>

      {(step.kind === 'choose' || step.kind === 'uploading') && (
        <form noValidate className="dt-form" onSubmit={(event) => void onUpload(event)}>
          <FormField invalid={Boolean(fieldError)} type="text" className="dt-field">
            <div className="utrecht-form-field__label">
              <FormLabel htmlFor="word-file">{t('wordImport.file.label')}</FormLabel>
            </div>
            <FormFieldDescription id="word-file-description" className="utrecht-form-field__description">
              {t('wordImport.file.description')}
            </FormFieldDescription>
            {fieldError && (
              <FormFieldErrorMessage id="word-file-error" className="utrecht-form-field__error-message">
                {fieldError}
              </FormFieldErrorMessage>
            )}
            <div className="utrecht-form-field__input">
              <input
                ref={fileInput}
                id="word-file"
                type="file"
                className="dt-word-import__file"
                accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                aria-describedby={fieldError ? 'word-file-description word-file-error' : 'word-file-description'}
                aria-invalid={fieldError ? true : undefined}
                disabled={step.kind === 'uploading'}
                onChange={(event) => setFile(event.target.files?.[0] ?? null)}
              />
            </div>
          </FormField>
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={step.kind === 'uploading'} disabled={step.kind === 'uploading'}>
              {t('wordImport.file.submit')}
            </Button>
          </ButtonGroup>
          {step.kind === 'uploading' && (
            <div className="dt-word-import__progress">
              <progress aria-label={t('wordImport.progressLabel')} max={1} {...(step.fraction === null ? {} : { value: step.fraction })} />
              <div role="status">
                <Paragraph>{step.fraction === null ? t('wordImport.reading') : t('wordImport.uploading', { percent: Math.round(step.fraction * 100) })}</Paragraph>
              </div>
            </div>
          )}
        </form>
      )}

      {step.kind === 'preview' && (
        <section aria-labelledby="word-import-preview-heading" className="dt-form-section">
          <Heading2 id="word-import-preview-heading">{t('wordImport.preview.title')}</Heading2>
          <Paragraph>
            {t('wordImport.preview.summary', {
              file: step.preview.fileName || file?.name || '',
              chapters: step.chapters.length,
              clauses: step.chapters.reduce((n, c) => n + c.clauses.length, 0),
            })}
          </Paragraph>
          {step.preview.skipped.images > 0 && <Paragraph>{t('wordImport.preview.images', { count: step.preview.skipped.images })}</Paragraph>}
          <Paragraph>{t('wordImport.preview.help')}</Paragraph>
          <OutlineTree chapters={step.chapters} blocks={step.preview.blocks} onChange={(chapters) => setStep({ ...step, chapters })} />
          <ButtonGroup className="dt-word-import__actions">
            <Button appearance="primary-action-button" busy={step.confirming} onClick={() => void onConfirm()}>
              {t('wordImport.preview.confirm')}
            </Button>
            <Button appearance="secondary-action-button" onClick={reset} disabled={step.confirming}>
              {t('wordImport.preview.cancel')}
            </Button>
          </ButtonGroup>
        </section>
      )}

      {step.kind === 'done' && (
        <Alert type="ok" className="dt-alert">
          <Heading2 ref={resultHeading} tabIndex={-1}>
            {t('wordImport.done.title')}
          </Heading2>
          <Paragraph>{t('wordImport.done.body', { chapters: step.result.chapters, clauses: step.result.clauses })}</Paragraph>
          <ButtonRouterLink appearance="primary-action-button" to={agreementPaths.agreement(trajectory.id)}>
            {t('wordImport.done.toAgreement')}
          </ButtonRouterLink>
        </Alert>
      )}
    </div>
  );
}
