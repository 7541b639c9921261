import './attachments.css';
import { Button, ButtonGroup, Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attachmentAccept } from '../../../shared/domain/attachments';
import type { AttachmentDto, AttachmentParentKind, AttachmentVersionDto } from '../../../shared/schemas/attachments';
import { isApiError, type ApiError } from '../../api/client';
import { useResource } from '../../api/useResource';
import { formatDateTime } from '../../format/dates';
import { useTrajectoryChanges } from '../../realtime/useTrajectoryChanges';
import { ErrorAlert } from '../ErrorAlert';
import { useErrorMessage } from '../useErrorMessage';
import { attachmentsApi, uploadAttachment } from './attachments-api';

interface Props {
  trajectoryId: string;
  parentKind: AttachmentParentKind;
  parentId: string;
  /** The heading level that fits the page (2 by default). */
  headingLevel?: 2 | 3 | 4;
}

const refusals = ['type_not_allowed', 'name_does_not_match_content', 'not_plain_text', 'not_utf8', 'too_large', 'empty'] as const;

/** "1,2 MB", "340 kB", "12 B" in the reader's language. */
function useSize(): (bytes: number) => string {
  const { t, i18n } = useTranslation();
  return (bytes) => {
    const format = (n: number) => new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 }).format(n);
    if (bytes < 1000) return `${bytes} ${t('attachments.units.B')}`;
    if (bytes < 1000 * 1000) return `${format(bytes / 1000)} ${t('attachments.units.kB')}`;
    return `${format(bytes / (1000 * 1000))} ${t('attachments.units.MB')}`;
  };
}

/**
 * The files of one topic, clause, session, question, answer or consultation: each with its
 * size, date and (where the anonymity rules allow) who uploaded it, earlier versions under a
 * disclosure, a download link, and for those who manage the parent: add, replace and remove.
 * The list follows changes made elsewhere while the page is open.
 */
export function Attachments({ trajectoryId, parentKind, parentId, headingLevel = 2 }: Props) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const size = useSize();
  const id = useId();
  const files = useResource((signal) => attachmentsApi.list(trajectoryId, parentKind, parentId, signal), [trajectoryId, parentKind, parentId]);
  useTrajectoryChanges(trajectoryId, (what) => {
    if (what === 'attachments') files.reload();
  });
  const [progress, setProgress] = useState<{ name: string; fraction: number } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [problem, setProblem] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const addInput = useRef<HTMLInputElement>(null);
  const replaceInput = useRef<HTMLInputElement>(null);
  const replacing = useRef<AttachmentDto | null>(null);
  const maxBytes = files.data?.maxBytes ?? 0;

  const explain = (error: unknown): string => {
    if (!isApiError(error)) return errorMessage({ code: 'internal' } as ApiError);
    const reason = error.fields?.file;
    return reason && (refusals as readonly string[]).includes(reason) ? t(`attachments.refused.${reason as (typeof refusals)[number]}`, { size: size(maxBytes) }) : errorMessage(error);
  };

  const send = async (file: File, url: string, done: string) => {
    setProblem('');
    setAnnouncement('');
    if (maxBytes && file.size > maxBytes) return setProblem(t('attachments.refused.too_large', { size: size(maxBytes) }));
    if (file.size === 0) return setProblem(t('attachments.refused.empty'));
    setProgress({ name: file.name, fraction: 0 });
    try {
      await uploadAttachment(url, file, (fraction) => setProgress({ name: file.name, fraction }));
      setAnnouncement(done);
      files.reload();
    } catch (error) {
      setProblem(explain(error));
    } finally {
      setProgress(null);
    }
  };

  const onAdd = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (file) void send(file, attachmentsApi.addUrl(trajectoryId, parentKind, parentId, file.name), t('attachments.added', { name: file.name }));
  };
  const onReplace = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    const attachment = replacing.current;
    input.value = '';
    if (file && attachment) void send(file, attachmentsApi.replaceUrl(trajectoryId, attachment.id, file.name), t('attachments.replaced', { name: attachment.versions[0]!.name }));
  };
  const remove = async (attachment: AttachmentDto) => {
    setConfirming(null);
    setProblem('');
    try {
      await attachmentsApi.remove(trajectoryId, attachment.id);
      setAnnouncement(t('attachments.removedDone', { name: attachment.versions[0]!.name }));
      files.reload();
    } catch (error) {
      setProblem(explain(error));
    }
  };

  const uploaderText = (v: AttachmentVersionDto) =>
    v.uploader ? (v.uploader.organisationName ? t('attachments.byWithOrganisation', { name: v.uploader.name, organisation: v.uploader.organisationName }) : t('attachments.by', { name: v.uploader.name })) : null;
  const versionLine = (attachment: AttachmentDto, v: AttachmentVersionDto) => (
    <>
      <Link href={attachmentsApi.fileUrl(trajectoryId, attachment.id, v.fileId)} download={v.name} aria-label={t('attachments.download', { name: v.name })} data-testid="attachment-download">
        {v.name}
      </Link>{' '}
      <span className="dt-attachments__meta">
        {t('attachments.details', { size: size(v.size), date: formatDateTime(v.uploadedAt, i18n.language) })}
        {attachment.versions.length > 1 && ` · ${t('attachments.version', { version: v.version })}`}
        {uploaderText(v) && ` · ${uploaderText(v)}`}
      </span>
    </>
  );

  return (
    // A plain block under its heading, not a landmark: a page of questions or sessions has one per card.
    <div className="dt-attachments" data-testid={`attachments-${parentKind}`}>
      <Heading level={headingLevel} id={`${id}-title`}>
        {parentKind === 'question' ? t('attachments.questionTitle') : parentKind === 'answer' ? t('attachments.answerTitle') : t('attachments.title')}
      </Heading>
      <div role="status" className="dt-visually-hidden">
        {announcement}
      </div>
      {files.error && <ErrorAlert error={files.error} />}
      {files.data && files.data.attachments.length === 0 && <Paragraph>{t('attachments.none')}</Paragraph>}
      {files.data && files.data.attachments.length > 0 && (
        <ul className="dt-attachments__list">
          {files.data.attachments.map((attachment) => {
            const [current, ...earlier] = attachment.versions;
            return (
              <li key={attachment.id} className="dt-attachments__item" data-testid="attachment">
                <div>{versionLine(attachment, current!)}</div>
                {attachment.removedAt && <Paragraph appearance="small">{t('attachments.removed', { date: formatDateTime(attachment.removedAt, i18n.language) })}</Paragraph>}
                {earlier.length > 0 && (
                  <details className="dt-attachments__history">
                    <summary>{t('attachments.history', { count: earlier.length })}</summary>
                    <ul>
                      {earlier.map((v) => (
                        <li key={v.fileId}>{versionLine(attachment, v)}</li>
                      ))}
                    </ul>
                  </details>
                )}
                {attachment.mayManage && !attachment.removedAt && (
                  <ButtonGroup>
                    {confirming === attachment.id ? (
                      <>
                        <Paragraph>{t('attachments.removeConfirm', { name: current!.name })}</Paragraph>
                        <Button appearance="primary-action-button" onClick={() => void remove(attachment)}>
                          {t('attachments.removeYes')}
                        </Button>
                        <Button appearance="secondary-action-button" onClick={() => setConfirming(null)}>
                          {t('attachments.cancel')}
                        </Button>
                      </>
                    ) : (
                      <>
                        <Button
                          appearance="secondary-action-button"
                          aria-label={t('attachments.replace', { name: current!.name })}
                          disabled={progress !== null}
                          onClick={() => {
                            replacing.current = attachment;
                            replaceInput.current?.click();
                          }}
                        >
                          {t('attachments.replaceShort')}
                        </Button>
                        <Button appearance="subtle-button" aria-label={`${t('attachments.remove')}: ${current!.name}`} onClick={() => setConfirming(attachment.id)}>
                          {t('attachments.remove')}
                        </Button>
                      </>
                    )}
                  </ButtonGroup>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {progress && (
        <div className="dt-attachments__progress">
          <label htmlFor={`${id}-progress`}>{t('attachments.uploading', { name: progress.name, percent: Math.round(progress.fraction * 100) })}</label>
          <progress id={`${id}-progress`} max={1} value={progress.fraction} aria-label={t('attachments.progressLabel')} />
        </div>
      )}
      {problem && (
        <div role="alert" className="utrecht-alert utrecht-alert--error dt-attachments__problem" data-testid="attachment-problem">
          <Paragraph>{problem}</Paragraph>
        </div>
      )}
      {files.data?.mayUpload && (
        <div className="dt-attachments__add">
          <label htmlFor={`${id}-add`} className="utrecht-form-label">
            {t('attachments.add')}
          </label>
          <Paragraph appearance="small" id={`${id}-hint`}>
            {t('attachments.addHint', { size: size(maxBytes) })}
          </Paragraph>
          <input ref={addInput} id={`${id}-add`} type="file" accept={attachmentAccept} aria-describedby={`${id}-hint`} disabled={progress !== null} onChange={(e) => onAdd(e.currentTarget)} data-testid="attachment-add" />
          <input ref={replaceInput} type="file" accept={attachmentAccept} hidden tabIndex={-1} aria-hidden="true" onChange={(e) => onReplace(e.currentTarget)} data-testid="attachment-replace" />
        </div>
      )}
    </div>
  );
}
