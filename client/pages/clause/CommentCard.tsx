import { Blockquote, Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { commentApi } from '../../api/agreement';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextAreaField } from '../../components/forms/TextField';
import { useSubmission } from '../../components/forms/useSubmission';
import { formatDateTime } from '../../format/dates';
import type { CommentDto } from '../../../shared/schemas/agreement';
import { AnonymousChoice } from './AnonymousChoice';
import { useAuthorText, useContributionText } from './author-text';

export interface CommentCardProps {
  trajectoryId: string;
  comment: CommentDto;
  /** This comment's words are the ones selected in the text now. */
  selected: boolean;
  /** Its words are no longer in the text. */
  gone: boolean;
  mayReply: boolean;
  anonymousAllowed: boolean;
  onSelect: (commentId: string) => void;
  onChanged: (comment: CommentDto, announcement: string) => void;
}

/** One comment beside the text: the words it is about, who wrote it, the thread of replies. */
export function CommentCard({ trajectoryId, comment, selected, gone, mayReply, anonymousAllowed, onSelect, onChanged }: CommentCardProps) {
  const { t, i18n } = useTranslation();
  const author = useAuthorText();
  const contribution = useContributionText();
  const { busy, error, submit } = useSubmission();
  // Input on someone's behalf shows whom it was for instead of the recorder's stakeholder group.
  const who = contribution(comment);
  const resolved = comment.status === 'resolved';

  const setStatus = () =>
    submit(async () => {
      const next = await commentApi.setStatus(trajectoryId, comment.id, resolved ? 'open' : 'resolved');
      onChanged(next, resolved ? t('agreement.comments.reopenedDone') : t('agreement.comments.resolvedDone'));
    });

  return (
    <li
      className={`dt-comment${selected ? ' dt-comment--selected' : ''}${comment.onBehalfOf ? ' dt-comment--on-behalf' : ''}`}
      data-testid="comment"
      data-comment-id={comment.id}
      data-status={comment.status}
      data-on-behalf={comment.onBehalfOf ? 'true' : undefined}
    >
      {gone ? (
        <div className="dt-comment__gone">
          <Paragraph appearance="small">{t('agreement.comments.goneFromText')}</Paragraph>
          <Blockquote className="dt-quote">{comment.anchor.quote}</Blockquote>
        </div>
      ) : (
        <button type="button" className="dt-comment__quote" aria-pressed={selected} onClick={() => onSelect(comment.id)} data-testid="comment-quote">
          <span className="dt-visually-hidden">{t('agreement.comments.showInText')} </span>“{comment.anchor.quote}”
        </button>
      )}
      <Paragraph appearance="small" className="dt-comment__author" data-testid="comment-author">
        <strong>{who}</strong> <span className="dt-comment__time">{formatDateTime(comment.createdAt, i18n.language, 'short')}</span>
      </Paragraph>
      <Paragraph className="dt-comment__body" data-testid="comment-body">
        {comment.body}
      </Paragraph>
      {comment.replies.length > 0 && (
        <ul className="dt-comment__replies" aria-label={t('agreement.comments.replies', { count: comment.replies.length })}>
          {comment.replies.map((reply) => (
            <li key={reply.id} className="dt-comment__reply" data-testid="comment-reply">
              <Paragraph appearance="small" className="dt-comment__author">
                <strong>{author(reply.author)}</strong> <span className="dt-comment__time">{formatDateTime(reply.createdAt, i18n.language, 'short')}</span>
              </Paragraph>
              <Paragraph className="dt-comment__body">{reply.body}</Paragraph>
            </li>
          ))}
        </ul>
      )}
      {resolved && comment.resolvedBy && <Paragraph appearance="small">{t('agreement.comments.resolvedBy', { name: comment.resolvedBy.name })}</Paragraph>}
      {error && <ErrorAlert error={error} />}
      {(mayReply || comment.mayResolve) && (
        <div className="dt-comment__actions">
          {mayReply && !resolved && (
            <ReplyForm trajectoryId={trajectoryId} comment={comment} who={who} anonymousAllowed={anonymousAllowed} onChanged={onChanged} />
          )}
          {comment.mayResolve && (
            <ButtonGroup>
              <Button
                appearance="subtle-button"
                onClick={() => void setStatus()}
                busy={busy}
                aria-label={resolved ? t('agreement.comments.reopenLabel', { author: who }) : t('agreement.comments.resolveLabel', { author: who })}
              >
                {resolved ? t('agreement.comments.reopen') : t('agreement.comments.resolve')}
              </Button>
            </ButtonGroup>
          )}
        </div>
      )}
    </li>
  );
}

function ReplyForm({ trajectoryId, comment, who, anonymousAllowed, onChanged }: { trajectoryId: string; comment: CommentDto; who: string; anonymousAllowed: boolean; onChanged: CommentCardProps['onChanged'] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const { busy, error, submit: send } = useSubmission();
  const id = `reply-${comment.id}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = body.trim();
    if (!text) {
      setFieldError(t('fieldError.required'));
      document.getElementById(id)?.focus();
      return;
    }
    setFieldError(undefined);
    await send(async () => {
      const next = await commentApi.reply(trajectoryId, comment.id, { body: text, anonymous: anonymousAllowed && anonymous });
      setBody('');
      setAnonymous(false);
      setOpen(false);
      onChanged(next, t('agreement.comments.replied'));
    });
  };

  return (
    <details className="dt-comment__reply-form" open={open} onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open)}>
      <summary>{t('agreement.comments.reply')}</summary>
      {open && (
        <form noValidate onSubmit={(event) => void submit(event)} className="dt-form">
          {error && <ErrorAlert error={error} />}
          <TextAreaField id={id} label={t('agreement.comments.replyLabel', { author: who })} value={body} onChange={setBody} rows={3} required error={fieldError} />
          {anonymousAllowed && <AnonymousChoice id={`${id}-anonymous`} checked={anonymous} onChange={setAnonymous} />}
          <ButtonGroup>
            <Button type="submit" appearance="secondary-action-button" busy={busy}>
              {t('agreement.comments.replySubmit')}
            </Button>
          </ButtonGroup>
        </form>
      )}
    </details>
  );
}
