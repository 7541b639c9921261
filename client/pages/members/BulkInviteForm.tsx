import {
  Button,
  ButtonGroup,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { invitationAdminApi } from '../../api/invitations';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorFor } from '../../components/forms/field-errors';
import { useSubmission } from '../../components/forms/useSubmission';
import { useLabels } from '../../labels/useLabels';
import type { BulkInvitationPreviewDto, BulkInvitationUpload } from '../../../shared/schemas/bulk-invitations';
import { bulkSheetAccept, checkSheetFile, readSheet } from './bulk-sheet';

export interface BulkInviteFormProps {
  trajectoryId: string;
  onInvited: (announcement: string) => void;
}

/**
 * Invites many people at once from a CSV or .xlsx sheet: first a preview with each row's errors,
 * then one step that invites the correct rows, after which each row shows its invitation.
 */
export function BulkInviteForm({ trajectoryId, onInvited }: BulkInviteFormProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const submission = useSubmission();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [sheet, setSheet] = useState<BulkInvitationUpload | null>(null);
  const [preview, setPreview] = useState<BulkInvitationPreviewDto | null>(null);
  const [invited, setInvited] = useState(false);
  const [phase, setPhase] = useState<'reading' | 'sending' | null>(null);
  // After a preview or after inviting, focus moves to the preview's heading (the button pressed
  // is gone or far above), so keyboard and screen-reader users land on the outcome.
  const [shown, setShown] = useState(0);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (shown > 0) previewHeading.current?.focus();
  }, [shown]);

  const onCheck = async (event: FormEvent) => {
    event.preventDefault();
    const problem = checkSheetFile(file);
    setPreview(null);
    setInvited(false);
    setPhase('reading');
    await submission.submit(
      async () => {
        const read = await readSheet(file!);
        setSheet(read);
        setPreview(await invitationAdminApi.previewBulk(trajectoryId, read));
        setShown((n) => n + 1);
      },
      problem ? { content: t(`bulkInvitations.${problem}`) } : {},
    );
    setPhase(null);
  };

  const onInvite = async () => {
    if (!sheet) return;
    setPhase('sending');
    let done: BulkInvitationPreviewDto | undefined;
    const ok = await submission.submit(async () => {
      done = await invitationAdminApi.inviteBulk(trajectoryId, sheet);
    });
    setPhase(null);
    if (ok && done) {
      setPreview(done);
      setInvited(true);
      setShown((n) => n + 1);
      onInvited(t('bulkInvitations.invited', { count: done.rows.filter((r) => r.invitation).length }));
    }
  };

  const fieldError = errorFor(submission.fieldErrors, 'content') ?? errorFor(submission.fieldErrors, 'fileName');
  const otherError = submission.error && !fieldError ? submission.error : undefined;
  const describedBy = ['bulk-file-description', fieldError ? 'bulk-file-error' : ''].filter(Boolean).join(' ');
  const invitedCount = preview?.rows.filter((r) => r.invitation).length ?? 0;

  return (
    <section aria-labelledby="bulk-invite-heading" className="dt-form-section" data-testid="bulk-invitations">
      <Heading2 id="bulk-invite-heading">{t('bulkInvitations.title')}</Heading2>
      <Paragraph>{t('bulkInvitations.intro')}</Paragraph>
      <form noValidate className="dt-form" onSubmit={(event) => void onCheck(event)}>
        <FormField invalid={Boolean(fieldError)} type="text" className="dt-field">
          <div className="utrecht-form-field__label">
            <FormLabel htmlFor="bulk-file">{t('bulkInvitations.fileLabel')}</FormLabel>
          </div>
          <FormFieldDescription id="bulk-file-description" className="utrecht-form-field__description">
            {t('bulkInvitations.fileDescription')}
          </FormFieldDescription>
          {fieldError && (
            <FormFieldErrorMessage id="bulk-file-error" className="utrecht-form-field__error-message">
              {fieldError}
            </FormFieldErrorMessage>
          )}
          <div className="utrecht-form-field__input">
            <input
              ref={fileInput}
              id="bulk-file"
              type="file"
              accept={bulkSheetAccept}
              aria-describedby={describedBy}
              aria-invalid={fieldError ? true : undefined}
              disabled={phase !== null}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setPreview(null);
                setSheet(null);
                setInvited(false);
                submission.clear();
              }}
            />
          </div>
        </FormField>
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" busy={phase === 'reading'}>
            {t('bulkInvitations.check')}
          </Button>
        </ButtonGroup>
      </form>
      <div role="status" data-testid="bulk-invite-status">
        {phase && (
          <Paragraph>
            <progress aria-label={t(phase === 'reading' ? 'bulkInvitations.reading' : 'bulkInvitations.sending')} />{' '}
            {t(phase === 'reading' ? 'bulkInvitations.reading' : 'bulkInvitations.sending')}
          </Paragraph>
        )}
        {invited && !phase && <Paragraph>{t('bulkInvitations.invited', { count: invitedCount })}</Paragraph>}
      </div>
      {otherError && <ErrorAlert error={otherError} />}
      {preview && (
        <>
          <Heading3 id="bulk-preview-heading" ref={previewHeading} tabIndex={-1}>{t('bulkInvitations.previewTitle', { file: sheet?.fileName ?? '' })}</Heading3>
          <Paragraph data-testid="bulk-counts">{t('bulkInvitations.counts', { valid: preview.valid, invalid: preview.invalid })}</Paragraph>
          <div className="dt-table-scroll dt-wide" role="region" aria-labelledby="bulk-preview-heading" tabIndex={0}>
            <Table data-testid="bulk-table">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('bulkInvitations.columns.row')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('bulkInvitations.columns.organisation')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('bulkInvitations.columns.kvk')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('bulkInvitations.columns.contact')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('bulkInvitations.columns.email')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('bulkInvitations.columns.role')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('bulkInvitations.columns.check')}</TableHeaderCell>
                  {invited && <TableHeaderCell scope="col">{t('bulkInvitations.columns.status')}</TableHeaderCell>}
                </TableRow>
              </TableHeader>
              <TableBody>
                {preview.rows.map((row) => (
                  <TableRow key={row.row} data-testid={`bulk-row-${row.row}`}>
                    <TableHeaderCell scope="row">{row.row}</TableHeaderCell>
                    <TableCell>{row.organisation}</TableCell>
                    <TableCell>{row.kvk}</TableCell>
                    <TableCell>{row.contact}</TableCell>
                    <TableCell>{row.email}</TableCell>
                    <TableCell>{row.roleKey ? labels.role(row.roleKey) : row.role}</TableCell>
                    <TableCell>
                      {row.errors.length === 0 ? (
                        t('bulkInvitations.ok')
                      ) : (
                        <ul className="dt-bulk-errors">
                          {row.errors.map((code) => (
                            <li key={code}>{t(`bulkInvitations.errors.${code}`)}</li>
                          ))}
                        </ul>
                      )}
                    </TableCell>
                    {invited && <TableCell>{row.invitation ? labels.invitationStatus(row.invitation.status) : t('bulkInvitations.notInvited')}</TableCell>}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {!invited && (
            <>
              {preview.valid === 0 && <Paragraph>{t('bulkInvitations.nothingToInvite')}</Paragraph>}
              <ButtonGroup>
                <Button appearance="primary-action-button" disabled={preview.valid === 0} busy={phase === 'sending'} onClick={() => void onInvite()}>
                  {t('bulkInvitations.invite', { count: preview.valid })}
                </Button>
              </ButtonGroup>
            </>
          )}
        </>
      )}
    </section>
  );
}
