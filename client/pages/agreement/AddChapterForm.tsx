import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { agreementApi } from '../../api/agreement';
import { ErrorSummary } from '../../components/forms/ErrorSummary';
import { errorFor } from '../../components/forms/field-errors';
import { TextField } from '../../components/forms/TextField';
import { useSubmission } from '../../components/forms/useSubmission';
import type { ChangeAgreement } from './AgreementPage';

/** The procurement team adds a chapter at the end of the agreement. */
export function AddChapterForm({ trajectoryId, change }: { trajectoryId: string; change: ChangeAgreement }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [title, setTitle] = useState('');

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const value = title.trim();
    const ok = await submission.submit(
      async () => {
        const done = await change(() => agreementApi.addChapter(trajectoryId, { title: value }), () => t('agreement.manage.chapterAdded', { title: value }));
        if (!done) throw new Error('not added');
      },
      value ? {} : { title: t('fieldError.required') },
    );
    if (ok) setTitle('');
  };
  const summary = submission.summary({ title: { target: 'chapter-title', label: t('agreement.manage.chapterTitle') } });

  return (
    <section aria-labelledby="add-chapter-heading" className="dt-form-section dt-agreement__add-chapter">
      <Heading2 id="add-chapter-heading">{t('agreement.manage.addChapter')}</Heading2>
      <Paragraph>{t('agreement.manage.addChapterIntro')}</Paragraph>
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="dt-form">
        {summary && <ErrorSummary summaryRef={submission.summaryRef} {...summary} />}
        <TextField id="chapter-title" label={t('agreement.manage.chapterTitle')} value={title} onChange={setTitle} required error={errorFor(submission.fieldErrors, 'title')} />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" busy={submission.busy}>
            {t('agreement.manage.addChapter')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
