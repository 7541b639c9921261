import { Button, ButtonGroup, Heading4, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { mediationApi } from '../../api/mediation';
import { useResource } from '../../api/useResource';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextAreaField } from '../../components/forms/TextField';
import { useSubmission } from '../../components/forms/useSubmission';
import { LoadingStatus } from '../../components/LoadingStatus';
import { formatDate } from '../../format/dates';

/** The confidential thread of one request; the API refuses anyone else (403), said plainly here. */
export function MediationThread({ trajectoryId, requestId, closed }: { trajectoryId: string; requestId: string; closed: boolean }) {
  const { t, i18n } = useTranslation();
  const thread = useResource((signal) => mediationApi.thread(trajectoryId, requestId, signal), [trajectoryId, requestId]);
  const submission = useSubmission();
  const [text, setText] = useState('');
  const headingId = `thread-${requestId}`;
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await submission.submit(async () => {
      const messages = await mediationApi.post(trajectoryId, requestId, text.trim());
      thread.setData(messages as unknown as Awaited<ReturnType<typeof mediationApi.thread>>);
    }, text.trim() ? {} : { text: t('mediation.file.required') });
    if (ok) setText('');
  };
  if (thread.loading) return <LoadingStatus />;
  if (thread.error?.status === 403 || thread.error?.code === 'forbidden') return <Paragraph data-testid="thread-forbidden">{t('mediation.thread.forbidden')}</Paragraph>;
  if (thread.error) return <ErrorAlert error={thread.error} />;
  const messages = thread.data ?? [];
  return (
    <section aria-labelledby={headingId} data-testid="mediation-thread">
      <Heading4 id={headingId}>{t('mediation.thread.title')}</Heading4>
      <Paragraph appearance="small">{t('mediation.thread.note')}</Paragraph>
      {messages.length === 0 ? (
        <Paragraph>{t('mediation.thread.empty')}</Paragraph>
      ) : (
        <ol className="dt-thread">
          {messages.map((m) => (
            <li key={m.id}>
              <strong>
                {m.author.name}
                {m.author.mediator && <> {t('mediation.thread.mediatorMark')}</>}
              </strong>{' '}
              <time dateTime={m.at}>{formatDate(m.at, i18n.language)}</time>
              <Paragraph>{m.text}</Paragraph>
            </li>
          ))}
        </ol>
      )}
      {!closed && (
        <form noValidate onSubmit={(event) => void onSubmit(event)} className="dt-form">
          {submission.error && <ErrorAlert error={submission.error} />}
          <TextAreaField id={`thread-text-${requestId}`} label={t('mediation.thread.message')} value={text} onChange={setText} rows={3} required error={submission.fieldErrors.text} />
          <ButtonGroup>
            <Button type="submit" appearance="secondary-action-button" busy={submission.busy}>
              {t('mediation.thread.send')}
            </Button>
          </ButtonGroup>
        </form>
      )}
    </section>
  );
}
