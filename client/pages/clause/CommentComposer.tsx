import { Blockquote, Button, ButtonGroup, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/forms/ErrorSummary';
import { errorFor } from '../../components/forms/field-errors';
import { SelectField } from '../../components/forms/SelectField';
import { TextAreaField } from '../../components/forms/TextField';
import { useSubmission } from '../../components/forms/useSubmission';
import type { TextAnchorParts } from '../../editor/anchors';
import { AnonymousChoice } from './AnonymousChoice';
import { OnBehalfChoice, onBehalfError, type OnBehalfValue } from './OnBehalfChoice';

export interface CommentDraft {
  /** The selected words; null when nothing was selected and a paragraph is chosen instead. */
  anchor: TextAnchorParts | null;
  /** The paragraphs to choose from when nothing was selected, anchored when the form opened. */
  blocks: TextAnchorParts[];
}

export interface CommentComposerProps {
  draft: CommentDraft;
  anonymousAllowed: boolean;
  /** The facilitator and the procurement team record comments on someone's behalf. */
  onBehalfAllowed?: boolean;
  onSubmit: (input: { anchor: TextAnchorParts; body: string; anonymous: boolean; onBehalfOf?: string }) => Promise<void>;
  onCancel: () => void;
}

const short = (text: string) => (text.length > 70 ? `${text.slice(0, 69)}…` : text);

/** Writing a comment on the selected words (or, without a selection, on a paragraph chosen from a list). */
export function CommentComposer({ draft, anonymousAllowed, onBehalfAllowed = false, onSubmit, onCancel }: CommentComposerProps) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [body, setBody] = useState('');
  const [block, setBlock] = useState('0');
  const [anonymous, setAnonymous] = useState(false);
  const [onBehalf, setOnBehalf] = useState<OnBehalfValue>({ checked: false, description: '' });
  const bodyRef = useRef<HTMLDivElement>(null);

  // Start writing at once; the selection stays marked in the text meanwhile.
  useEffect(() => {
    const target = draft.anchor ? bodyRef.current?.querySelector('textarea') : document.getElementById('comment-block');
    target?.focus();
  }, [draft]);

  const anchor = draft.anchor ?? draft.blocks[Number(block)] ?? null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = body.trim();
    const local: Record<string, string> = {};
    if (!text) local.body = t('fieldError.required');
    if (!anchor) local['anchor.quote'] = t('agreement.comments.emptyText');
    const behalfError = onBehalfAllowed ? onBehalfError(onBehalf) : null;
    if (behalfError) local.onBehalfOf = t(`onBehalf.${behalfError}`);
    const onBehalfOf = onBehalfAllowed && onBehalf.checked ? onBehalf.description.trim() : undefined;
    await submission.submit(async () => {
      await onSubmit({ anchor: anchor!, body: text, anonymous: anonymousAllowed && anonymous && !onBehalfOf, ...(onBehalfOf ? { onBehalfOf } : {}) });
    }, local);
  };
  const summary = submission.summary({
    body: { target: 'comment-body', label: t('agreement.comments.body') },
    anchor: { target: draft.anchor ? 'comment-body' : 'comment-block', label: draft.anchor ? t('agreement.comments.on') : t('agreement.comments.chooseBlock') },
    anonymous: { target: 'comment-anonymous', label: t('agreement.comments.anonymous') },
    onBehalfOf: { target: 'comment-on-behalf-text', label: t('onBehalf.description') },
  });

  return (
    <section aria-labelledby="comment-new-heading" className="dt-comment-composer" data-testid="comment-composer">
      <Heading3 id="comment-new-heading">{t('agreement.comments.newTitle')}</Heading3>
      <form noValidate onSubmit={(event) => void submit(event)} className="dt-form">
        {summary && <ErrorSummary summaryRef={submission.summaryRef} {...summary} />}
        {draft.anchor ? (
          <div>
            <Paragraph className="dt-comment-composer__on">{t('agreement.comments.on')}</Paragraph>
            <Blockquote className="dt-quote" data-testid="comment-draft-quote">
              {draft.anchor.quote}
            </Blockquote>
          </div>
        ) : draft.blocks.length > 0 ? (
          <SelectField
            id="comment-block"
            label={t('agreement.comments.chooseBlock')}
            description={t('agreement.comments.chooseBlockHint')}
            value={block}
            onChange={setBlock}
            options={draft.blocks.map((b, i) => ({ value: String(i), label: t('agreement.comments.blockOption', { n: i + 1, text: short(b.quote) }) }))}
          />
        ) : (
          <Paragraph>{t('agreement.comments.emptyText')}</Paragraph>
        )}
        <div ref={bodyRef}>
          <TextAreaField
            id="comment-body"
            label={t('agreement.comments.body')}
            description={t('agreement.comments.bodyHint')}
            value={body}
            onChange={setBody}
            rows={4}
            required
            error={errorFor(submission.fieldErrors, 'body')}
          />
        </div>
        {anonymousAllowed && <AnonymousChoice id="comment-anonymous" checked={anonymous} onChange={setAnonymous} />}
        {onBehalfAllowed && <OnBehalfChoice id="comment-on-behalf" value={onBehalf} onChange={setOnBehalf} error={errorFor(submission.fieldErrors, 'onBehalfOf')} />}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={submission.busy}>
            {t('agreement.comments.submit')}
          </Button>
          <Button type="button" appearance="subtle-button" onClick={onCancel}>
            {t('cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
