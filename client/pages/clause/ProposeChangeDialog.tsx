import { Blockquote, Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { ErrorSummary } from '../../components/forms/ErrorSummary';
import { errorFor } from '../../components/forms/field-errors';
import { TextAreaField } from '../../components/forms/TextField';
import { useSubmission } from '../../components/forms/useSubmission';

export interface ProposalDraft {
  /** The selected part, or null for the whole clause. */
  anchor: { start: string; end: string } | null;
  originalText: string;
}

export interface ProposeChangeDialogProps {
  draft: ProposalDraft | null;
  onClose: () => void;
  onSubmit: (input: { proposedText: string; motivation: string }) => Promise<void>;
}

/** Other wording for the selected words (or the whole clause), with the reason; the procurement team decides. */
export function ProposeChangeDialog({ draft, onClose, onSubmit }: ProposeChangeDialogProps) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [proposed, setProposed] = useState('');
  const [motivation, setMotivation] = useState('');
  const { clear } = submission;

  useEffect(() => {
    if (!draft) return;
    setProposed(draft.originalText);
    setMotivation('');
    clear();
  }, [draft, clear]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!proposed.trim()) local.proposedText = t('fieldError.required');
    else if (draft && proposed.trim() === draft.originalText.trim()) local.proposedText = t('agreement.amendment.sameText');
    if (!motivation.trim()) local.motivation = t('fieldError.required');
    await submission.submit(() => onSubmit({ proposedText: proposed.trim(), motivation: motivation.trim() }), local);
  };
  const summary = submission.summary({
    proposedText: { target: 'proposal-text', label: t('agreement.amendment.proposed') },
    motivation: { target: 'proposal-motivation', label: t('agreement.amendment.motivation') },
  });

  return (
    <Dialog open={draft !== null} title={t('agreement.amendment.title')} onClose={onClose}>
      {draft && (
        <form noValidate onSubmit={(event) => void submit(event)} className="dt-form" data-testid="proposal-form">
          <Paragraph>{t('agreement.amendment.intro')}</Paragraph>
          {summary && <ErrorSummary summaryRef={submission.summaryRef} {...summary} />}
          {draft.anchor ? (
            <div>
              <Paragraph className="dt-comment-composer__on">{t('agreement.amendment.original')}</Paragraph>
              <Blockquote className="dt-quote dt-quote--scroll">{draft.originalText}</Blockquote>
            </div>
          ) : (
            <Paragraph>{t('agreement.amendment.wholeClause')}</Paragraph>
          )}
          <TextAreaField
            id="proposal-text"
            label={t('agreement.amendment.proposed')}
            description={t('agreement.amendment.proposedHint')}
            value={proposed}
            onChange={setProposed}
            rows={draft.anchor ? 4 : 10}
            required
            error={errorFor(submission.fieldErrors, 'proposedText')}
          />
          <TextAreaField
            id="proposal-motivation"
            label={t('agreement.amendment.motivation')}
            description={t('agreement.amendment.motivationHint')}
            value={motivation}
            onChange={setMotivation}
            rows={3}
            required
            error={errorFor(submission.fieldErrors, 'motivation')}
          />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={submission.busy}>
              {t('agreement.amendment.submit')}
            </Button>
            <Button type="button" appearance="subtle-button" onClick={onClose}>
              {t('cancel')}
            </Button>
          </ButtonGroup>
        </form>
      )}
    </Dialog>
  );
}
