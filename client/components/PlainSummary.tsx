import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/domain/roles';
import { plainSummaryMaxLength } from '../../shared/schemas/summaries';
import { ErrorSummary } from './forms/ErrorSummary';
import { errorFor } from './forms/field-errors';
import { TextAreaField } from './forms/TextField';
import { useSubmission } from './forms/useSubmission';

const speechSupported = () => typeof window !== 'undefined' && 'speechSynthesis' in window && typeof window.SpeechSynthesisUtterance === 'function';

/**
 * Reads a text aloud with the browser's own speech, in the page's language. Shown only where
 * the browser can speak; pressing it again while it reads stops it.
 */
export function ReadAloudButton({ text }: { text: string }) {
  const { t, i18n } = useTranslation();
  const [speaking, setSpeaking] = useState(false);
  // Leaving the page stops the voice.
  useEffect(() => () => void (speechSupported() && window.speechSynthesis.cancel()), []);
  if (!speechSupported()) return null;

  const toggle = () => {
    const synth = window.speechSynthesis;
    synth.cancel();
    if (speaking) {
      setSpeaking(false);
      return;
    }
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = i18n.language === 'en' ? 'en-GB' : 'nl-NL';
    utterance.onend = () => setSpeaking(false);
    utterance.onerror = () => setSpeaking(false);
    setSpeaking(true);
    synth.speak(utterance);
  };
  return (
    <Button appearance="secondary-action-button" onClick={toggle} aria-pressed={speaking} data-testid="read-aloud">
      {speaking ? t('plainSummary.stopReading') : t('plainSummary.readAloud')}
    </Button>
  );
}

/** The summary as read: its words (after "In gewone taal:" where no heading says so) and the button that reads them aloud. */
export function PlainSummaryText({ summary, labelled = true }: { summary: string; labelled?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="dt-plain-summary__text" data-testid="plain-summary-text">
      <Paragraph>
        {labelled && <strong>{t('plainSummary.title')}: </strong>}
        {summary}
      </Paragraph>
      <ButtonGroup>
        <ReadAloudButton text={summary} />
      </ButtonGroup>
    </div>
  );
}

/** Client representatives read the summary in plain language first, before the text itself. */
export const readsSummaryFirst = (role: Role | null | undefined): boolean => role === 'client';

export interface PlainSummaryProps {
  summary: string;
  /** The procurement team writes it; everyone else reads it. */
  mayWrite: boolean;
  /** Stores the new summary (empty removes it). */
  save: (summary: string) => Promise<void>;
  announce: (message: string) => void;
}

/**
 * A topic's or a clause's summary in plain language (B1), in a section of its own: nothing when
 * there is none and the person cannot write one. The procurement team writes and changes it here.
 */
export function PlainSummary({ summary, mayWrite, save, announce }: PlainSummaryProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const fieldId = useId();
  const submission = useSubmission();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(summary);
  useEffect(() => {
    if (!open) setDraft(summary);
  }, [summary, open]);
  if (!summary && !mayWrite) return null;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const next = draft.trim();
    const ok = await submission.submit(() => save(next), next.length > plainSummaryMaxLength ? { summary: t('plainSummary.tooLong', { max: plainSummaryMaxLength }) } : {});
    if (!ok) return;
    setOpen(false);
    announce(next ? t('plainSummary.saved') : t('plainSummary.removed'));
  };
  const errors = submission.summary({ summary: { target: fieldId, label: t('plainSummary.label') } });

  return (
    <section aria-labelledby={headingId} className="dt-plain-summary" data-testid="plain-summary">
      <Heading2 id={headingId}>{t('plainSummary.title')}</Heading2>
      {summary && <PlainSummaryText summary={summary} labelled={false} />}
      {mayWrite && (
        <details className="dt-plain-summary__write" open={open} onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open)}>
          <summary>{summary ? t('plainSummary.change') : t('plainSummary.write')}</summary>
          {open && (
            <form noValidate onSubmit={(event) => void onSubmit(event)} className="dt-form" data-testid="plain-summary-form">
              {errors && <ErrorSummary summaryRef={submission.summaryRef} {...errors} />}
              <TextAreaField
                id={fieldId}
                label={t('plainSummary.label')}
                description={t('plainSummary.hint', { max: plainSummaryMaxLength })}
                value={draft}
                onChange={setDraft}
                rows={4}
                error={errorFor(submission.fieldErrors, 'summary')}
              />
              <ButtonGroup>
                <Button type="submit" appearance="primary-action-button" busy={submission.busy}>
                  {t('plainSummary.save')}
                </Button>
              </ButtonGroup>
            </form>
          )}
        </details>
      )}
    </section>
  );
}
